// libFuzzer target for a hall's settings file (documents/HallSettings over documents/IniFile): any
// bytes are parsed as INI text and loaded over the built-in defaults. Nothing may crash, and a file
// that loads must leave every value within the rules a document relies on: exactly the placeholders
// of the default wording, no control characters, bounded length.

#include "core/InputExcerpt.h"
#include "documents/HallSettings.h"
#include "documents/HallSettingsRules.h"
#include "documents/IniFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <cstdint>
#include <cstdlib>

using namespace ow::documents;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)IniFile::parse(QString::fromUtf8(input), QStringLiteral("fuzz.ini"));

    static const ow::Result<HallSettings> defaults = HallSettings::builtIn();
    static const ow::Result<QList<IniFile::Entry>> keys
        = IniFile::read(QStringLiteral(":/ow/documents/hall-settings.ini"));
    if (!defaults || !keys)
        std::abort();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hall.ini"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(input) != input.size())
        return 0;
    file.close();
    const ow::Result<HallSettings> loaded = HallSettings::load(path);
    if (!loaded) {
        // A refusal names the file and a line, and quotes the input only in short, escaped excerpts.
        if (loaded.error().where().file != path || loaded.error().message().size() > 1000
            || ow::InputExcerpt::firstUnsafe(loaded.error().message()) >= 0)
            std::abort();
        return 0;
    }
    for (const IniFile::Entry &entry : *keys) {
        const QString value = loaded->text(entry.section, entry.key);
        if (HallSettingsRules::placeholders(value) != HallSettingsRules::placeholders(entry.value))
            std::abort();
        if (!HallSettingsRules::check(entry.section, entry.key, value, &entry.value, {}))
            std::abort();
    }
    return 0;
}
