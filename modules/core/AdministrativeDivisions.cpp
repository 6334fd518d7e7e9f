#include "core/AdministrativeDivisions.h"

#include "core/TextFile.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <algorithm>

// Q_INIT_RESOURCE must be used outside any namespace. The resource lives in a static library, whose
// automatic initialiser the linker may drop, so it is registered explicitly before first use.
static void initDivisionsResource()
{
    Q_INIT_RESOURCE(ow_core_divisions);
}

namespace ow {

namespace {

Q_LOGGING_CATEGORY(lcDivisions, "ow.core.divisions")

} // namespace

const AdministrativeDivisions &AdministrativeDivisions::builtIn()
{
    static const AdministrativeDivisions table = [] {
        initDivisionsResource();
        Result<AdministrativeDivisions> loaded = load(QStringLiteral(":/ow/divisions/gbt2260.txt"));
        if (!loaded) {
            qCWarning(lcDivisions) << "built-in division table unusable:" << loaded.error().toString();
            return AdministrativeDivisions();
        }
        return std::move(*loaded);
    }();
    return table;
}

Result<AdministrativeDivisions> AdministrativeDivisions::load(const QString &path)
{
    Result<QString> text = TextFile::readUtf8(path);
    if (!text)
        return failWith(text.error());
    return parse(*text, path);
}

Result<AdministrativeDivisions> AdministrativeDivisions::parse(QStringView text, const QString &fileName)
{
    AdministrativeDivisions table;
    QHash<int, int> lineOf;
    int lineNumber = 0;
    for (QStringView line : text.split(u'\n')) {
        ++lineNumber;
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QList<QStringView> fields = line.split(u' ', Qt::SkipEmptyParts);
        const SourceLocation where {fileName, lineNumber};
        if (fields.constFirst() == u"version") {
            if (fields.size() != 2)
                return fail(Error::Code::Parse,
                    QCoreApplication::translate("ow::core", "The version line must hold exactly one word."),
                    where);
            table.m_version = fields.at(1).toString();
            continue;
        }
        const int code = codeNumber(fields.constFirst());
        if (code == 0)
            return fail(Error::Code::Parse,
                QCoreApplication::translate("ow::core", "'%1' is not a division code: a code has six digits.")
                    .arg(fields.constFirst()),
                where);
        if (fields.size() < 2)
            return fail(Error::Code::Parse,
                QCoreApplication::translate("ow::core", "The division %1 has no name.").arg(code), where);
        if (fields.size() > 3 || (fields.size() == 3 && fields.at(2) != u"abolished"))
            return fail(Error::Code::Parse,
                QCoreApplication::translate(
                    "ow::core", "Expected 'CODE NAME' or 'CODE NAME abolished' after the code %1.")
                    .arg(code),
                where);
        if (table.m_entries.contains(code))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::core", "The division %1 is listed twice (first on line %2).")
                    .arg(code)
                    .arg(lineOf.value(code)),
                where);
        Entry entry;
        entry.name = fields.at(1).toString();
        entry.abolished = fields.size() == 3;
        table.m_entries.insert(code, entry);
        lineOf.insert(code, lineNumber);
    }

    QList<int> codes = table.m_entries.keys();
    std::sort(codes.begin(), codes.end());
    for (int code : std::as_const(codes)) {
        if (code % 10000 == 0) {
            table.m_provinces.append(code);
            continue;
        }
        // A county hangs under its prefecture, or directly under the province when there is none
        // (municipalities, and counties a province administers itself such as 429004 仙桃市).
        const int prefecture = code / 100 * 100;
        const int parent
            = code % 100 != 0 && table.m_entries.contains(prefecture) ? prefecture : code / 10000 * 10000;
        if (!table.m_entries.contains(parent))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::core", "The division %1 has no province or prefecture %2 above it.")
                    .arg(code)
                    .arg(parent),
                {fileName, lineOf.value(code)});
        if (code % 100 == 0)
            table.m_prefectures.append(code);
        table.m_entries[code].parent = parent;
        table.m_entries[parent].children.append(code);
    }
    if (table.m_entries.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::core", "The division table is empty."), {fileName});
    return table;
}

int AdministrativeDivisions::codeNumber(QStringView code)
{
    if (code.size() != 6)
        return 0;
    int value = 0;
    for (QChar c : code) {
        if (c < u'0' || c > u'9')
            return 0;
        value = value * 10 + (c.unicode() - u'0');
    }
    // 000000 is no division; the smallest province code is 11.
    return value >= 100000 ? value : 0;
}

const AdministrativeDivisions::Entry *AdministrativeDivisions::find(QStringView code) const
{
    const int number = codeNumber(code);
    if (number == 0)
        return nullptr;
    const auto it = m_entries.constFind(number);
    return it == m_entries.cend() ? nullptr : &it.value();
}

bool AdministrativeDivisions::isKnown(QStringView code) const
{
    return find(code) != nullptr;
}

bool AdministrativeDivisions::isAbolished(QStringView code) const
{
    const Entry *entry = find(code);
    return entry && entry->abolished;
}

QString AdministrativeDivisions::name(QStringView code) const
{
    const Entry *entry = find(code);
    return entry ? entry->name : QString();
}

QString AdministrativeDivisions::fullName(QStringView code) const
{
    int number = codeNumber(code);
    QString result;
    while (number != 0) {
        const auto it = m_entries.constFind(number);
        if (it == m_entries.cend())
            return {};
        result.prepend(it->name);
        number = it->parent;
    }
    return result;
}

QString AdministrativeDivisions::parent(QStringView code) const
{
    const Entry *entry = find(code);
    return entry && entry->parent != 0 ? QString::number(entry->parent) : QString();
}

std::optional<AdministrativeDivisions::Level> AdministrativeDivisions::level(QStringView code)
{
    const int number = codeNumber(code);
    if (number == 0)
        return std::nullopt;
    if (number % 10000 == 0)
        return Level::Province;
    if (number % 100 == 0)
        return Level::Prefecture;
    return Level::County;
}

QStringList AdministrativeDivisions::children(QStringView code, bool includeAbolished) const
{
    QStringList result;
    const Entry *entry = find(code);
    if (!entry)
        return result;
    for (int child : entry->children)
        if (includeAbolished || !m_entries.value(child).abolished)
            result.append(QString::number(child));
    return result;
}

QStringList AdministrativeDivisions::provinces() const
{
    QStringList result;
    for (int code : m_provinces)
        result.append(QString::number(code));
    return result;
}

int AdministrativeDivisions::longestNameAt(QStringView text, const QList<int> &codes) const
{
    int best = 0;
    qsizetype bestLength = 0;
    for (int code : codes) {
        const QString &name = m_entries.value(code).name;
        if (name.size() > bestLength && text.startsWith(name)) {
            best = code;
            bestLength = name.size();
        }
    }
    return best;
}

qsizetype AdministrativeDivisions::leadingNamesLength(QStringView address) const
{
    qsizetype length = 0;
    int code = longestNameAt(address, m_provinces);
    if (code == 0)
        code = longestNameAt(address, m_prefectures);
    while (code != 0) {
        const Entry &entry = *m_entries.constFind(code);
        length += entry.name.size();
        code = longestNameAt(address.mid(length), entry.children);
    }
    return length;
}

} // namespace ow
