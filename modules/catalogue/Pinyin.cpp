#include "catalogue/Pinyin.h"

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <vector>

// Q_INIT_RESOURCE must be used outside any namespace. The resource lives in a static library, whose
// automatic initialiser the linker may drop, so it is registered explicitly before first use.
static void initPinyinResource()
{
    Q_INIT_RESOURCE(ow_catalogue_pinyin);
}

namespace ow::catalogue {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcPinyin, "ow.catalogue.pinyin")

struct Slot
{
    quint32 first = 0; ///< index of the first reading in Table::readings
    quint32 count = 0;
};

struct Table
{
    QByteArray text; ///< the file; every reading is a view into it
    std::vector<QLatin1StringView> readings;
    QHash<char32_t, Slot> characters;
};

bool isLowerAscii(char c)
{
    return c >= 'a' && c <= 'z';
}

/// Parses "884C xing,hang,heng" lines; a malformed line is skipped with a warning (the file is
/// generated, so that is a build problem, which tst_pinyin catches).
void parse(Table &table)
{
    const char *data = table.text.constData();
    const qsizetype size = table.text.size();
    qsizetype lineStart = 0;
    int lineNumber = 0;
    while (lineStart < size) {
        qsizetype lineEnd = table.text.indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = size;
        ++lineNumber;
        qsizetype pos = lineStart;
        const qsizetype end = (lineEnd > lineStart && data[lineEnd - 1] == '\r') ? lineEnd - 1 : lineEnd;
        lineStart = lineEnd + 1;
        if (pos == end || data[pos] == '#')
            continue;

        const qsizetype space = table.text.indexOf(' ', pos);
        bool ok = false;
        const uint code
            = (space > pos && space < end) ? QByteArrayView(data + pos, space - pos).toUInt(&ok, 16) : 0;
        if (!ok || code == 0 || code > 0x10FFFF) {
            qCWarning(lcPinyin) << "pinyin table line" << lineNumber << "is malformed";
            continue;
        }

        Slot slot;
        slot.first = quint32(table.readings.size());
        pos = space + 1;
        while (pos < end) {
            qsizetype comma = pos;
            while (comma < end && data[comma] != ',')
                ++comma;
            bool valid = comma > pos;
            for (qsizetype i = pos; valid && i < comma; ++i)
                valid = isLowerAscii(data[i]);
            if (valid)
                table.readings.emplace_back(data + pos, comma - pos);
            else
                qCWarning(lcPinyin) << "pinyin table line" << lineNumber << "has a bad reading";
            pos = comma + 1;
        }
        slot.count = quint32(table.readings.size()) - slot.first;
        if (slot.count > 0)
            table.characters.insert(char32_t(code), slot);
    }
}

const Table &table()
{
    static const Table instance = [] {
        initPinyinResource();
        Table loaded;
        QFile file(u":/ow/pinyin/hanzi-pinyin.txt"_s);
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcPinyin) << "the compiled-in pinyin table is missing:" << file.errorString();
            return loaded;
        }
        loaded.text = file.readAll();
        loaded.readings.reserve(std::size_t(loaded.text.size() / 6));
        parse(loaded);
        return loaded;
    }();
    return instance;
}

/// Appends the chosen part of the most common reading of each character, ASCII letters and digits as they
/// are.
template<typename Part> QString transcribe(QStringView text, Part part)
{
    QString result;
    result.reserve(text.size() * 4);
    for (const char32_t c : text.toUcs4()) {
        const auto found = Pinyin::syllables(c);
        if (!found.empty())
            result += part(found.front());
        else if (c < 0x80 && QChar::isLetterOrNumber(c))
            result += QChar(QChar::toLower(c));
    }
    return result;
}

} // namespace

std::span<const QLatin1StringView> Pinyin::syllables(char32_t character)
{
    const Table &t = table();
    const auto it = t.characters.constFind(character);
    if (it == t.characters.constEnd())
        return {};
    return std::span<const QLatin1StringView>(t.readings).subspan(it->first, it->count);
}

QStringList Pinyin::readings(char32_t character)
{
    QStringList result;
    for (const QLatin1StringView syllable : syllables(character))
        result.append(syllable);
    return result;
}

bool Pinyin::isKnown(char32_t character)
{
    return table().characters.contains(character);
}

QString Pinyin::initials(QStringView text)
{
    return transcribe(text, [](QLatin1StringView syllable) { return syllable.front(); });
}

QString Pinyin::spell(QStringView text)
{
    return transcribe(text, [](QLatin1StringView syllable) { return syllable; });
}

qsizetype Pinyin::characterCount()
{
    return table().characters.size();
}

} // namespace ow::catalogue
