// libFuzzer target for catalogue files: the input is split at NUL bytes into catalogue.txt,
// departments.txt, materials/m.txt, matters/x.txt and bundles/b.txt of a fresh folder, which is then
// loaded, linted and walked. Nothing may crash; a catalogue that loads must have no Error diagnostics.

#include "catalogue/CatalogueLoader.h"
#include "catalogue/Linter.h"
#include "catalogue/SituationEngine.h"
#include "catalogue/TextTree.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstdint>
#include <cstdlib>

using namespace ow::catalogue;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)TextTree::parse(QString::fromUtf8(input), QStringLiteral("fuzz.txt"));

    static const char *names[]
        = {"catalogue.txt", "departments.txt", "materials/m.txt", "matters/x.txt", "bundles/b.txt"};
    const QList<QByteArray> parts = input.split('\0');
    QTemporaryDir dir;
    QDir root(dir.path());
    root.mkpath(QStringLiteral("materials"));
    root.mkpath(QStringLiteral("matters"));
    root.mkpath(QStringLiteral("bundles"));
    for (qsizetype i = 0; i < parts.size() && i < 5; ++i) {
        QFile file(root.filePath(QString::fromLatin1(names[i])));
        if (file.open(QIODevice::WriteOnly))
            file.write(parts.at(i));
    }
    const CatalogueLoader::Outcome outcome = CatalogueLoader::load(dir.path());
    if (!outcome.catalogue)
        return 0;
    if (hasErrors(outcome.diagnostics))
        std::abort();
    (void)Linter(outcome.catalogue).run();
    const SituationEngine engine(outcome.catalogue);
    for (const Matter &matter : outcome.catalogue->matters)
        (void)engine.situations(matter, 200);
    return 0;
}
