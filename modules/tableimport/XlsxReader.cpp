#include "tableimport/XlsxReader.h"

#include "core/InputExcerpt.h"
#include "tableimport/ZipArchive.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QMap>
#include <QXmlStreamReader>

namespace ow::tableimport {

namespace {

/// Excel's own bound: a reference past it is damage, not a big table.
constexpr int kMaxSheetRow = 1048576;
/// Cells a merged range may fill, over all ranges: far above any table, far below a stall.
constexpr qint64 kMaxMergeFills = 2000000;

const QString kWorkbook = QStringLiteral("xl/workbook.xml");
const QString kWorkbookRels = QStringLiteral("xl/_rels/workbook.xml.rels");
const QString kSharedStrings = QStringLiteral("xl/sharedStrings.xml");

struct SheetRef
{
    QString name;
    QString relationId;
    bool hidden = false;
};

struct CellRef
{
    int row = 0; ///< 1-based; 0 when the reference has no digits
    int column = -1; ///< 0-based
};

Failure xmlError(const QString &part, const QXmlStreamReader &reader)
{
    return fail(Error::Code::Parse,
        QCoreApplication::translate(
            "ow::tableimport", "the workbook's part %1 is not well-formed XML (line %2): %3")
            .arg(InputExcerpt::excerpt(part), QString::number(reader.lineNumber()), reader.errorString()));
}

/// The attribute of that local name, in whatever namespace (r:id is in the relationships namespace).
QStringView attribute(const QXmlStreamReader &reader, QStringView name)
{
    for (const QXmlStreamAttribute &attr : reader.attributes())
        if (attr.name() == name)
            return attr.value();
    return {};
}

/// "B12" → row 12, column 1. Letters without digits give row 0.
std::optional<CellRef> parseCellRef(QStringView ref)
{
    CellRef cell;
    qsizetype i = 0;
    qint64 column = 0;
    while (i < ref.size() && ref.at(i).isLetter() && ref.at(i).unicode() < 128) {
        column = column * 26 + (ref.at(i).toUpper().unicode() - 'A' + 1);
        if (column > 16384) // XFD, Excel's last column
            return std::nullopt;
        ++i;
    }
    if (i == 0)
        return std::nullopt;
    cell.column = int(column - 1);
    if (i == ref.size())
        return cell;
    bool ok = false;
    const int row = ref.mid(i).toInt(&ok);
    if (!ok || row < 1 || row > kMaxSheetRow)
        return std::nullopt;
    cell.row = row;
    return cell;
}

Result<QList<SheetRef>> readWorkbook(const QByteArray &xml)
{
    QList<SheetRef> sheets;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement || reader.name() != u"sheet")
            continue;
        const QStringView state = attribute(reader, u"state");
        sheets.append({attribute(reader, u"name").toString(), attribute(reader, u"id").toString(),
            state == u"hidden" || state == u"veryHidden"});
    }
    if (reader.hasError())
        return xmlError(kWorkbook, reader);
    if (sheets.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::tableimport", "the workbook has no sheet"));
    return sheets;
}

/// Relationship id → part name inside the archive.
Result<QHash<QString, QString>> readRelationships(const QByteArray &xml)
{
    QHash<QString, QString> targets;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement || reader.name() != u"Relationship")
            continue;
        const QString target = attribute(reader, u"Target").toString();
        // Targets are relative to xl/ unless absolute within the package.
        const QString part
            = target.startsWith(QLatin1Char('/')) ? target.mid(1) : QStringLiteral("xl/") + target;
        targets.insert(attribute(reader, u"Id").toString(), QDir::cleanPath(part));
    }
    if (reader.hasError())
        return xmlError(kWorkbookRels, reader);
    return targets;
}

/// The text of the `t` elements inside the current element (a shared string's `si`, a cell's `is`),
/// rich-text runs joined, phonetic guides (`rPh`) left out.
QString readRichText(QXmlStreamReader &reader)
{
    QString text;
    const QString element = reader.name().toString();
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::EndElement && reader.name() == element)
            break;
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (reader.name() == u"rPh")
            reader.skipCurrentElement();
        else if (reader.name() == u"t")
            text += reader.readElementText();
    }
    return text;
}

Result<QStringList> readSharedStrings(const QByteArray &xml)
{
    QStringList strings;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement || reader.name() != u"si")
            continue;
        if (strings.size() >= TableLimits::kMaxSharedStrings)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::tableimport", "the workbook holds more than %1 texts; this is not a material table")
                    .arg(TableLimits::kMaxSharedStrings));
        strings.append(XlsxReader::unescape(readRichText(reader)));
    }
    if (reader.hasError())
        return xmlError(kSharedStrings, reader);
    return strings;
}

/// The sheet's cells by row, then its merged ranges filled in.
class SheetParser
{
public:
    SheetParser(const QString &part, const QStringList &sharedStrings)
        : m_part(part)
        , m_shared(sharedStrings)
    {
    }

    Result<MaterialTable> parse(const QByteArray &xml)
    {
        QXmlStreamReader reader(xml);
        int row = 0;
        int nextColumn = 0;
        while (!reader.atEnd()) {
            if (reader.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (reader.name() == u"row") {
                const QStringView number = attribute(reader, u"r");
                bool ok = true;
                row = number.isEmpty() ? row + 1 : number.toInt(&ok);
                if (!ok || row < 1 || row > kMaxSheetRow)
                    return fail(Error::Code::Parse,
                        QCoreApplication::translate("ow::tableimport", "the sheet has a row numbered \"%1\"")
                            .arg(InputExcerpt::excerpt(number)));
                nextColumn = 0;
            } else if (reader.name() == u"c") {
                CellRef at {row, nextColumn};
                if (const QStringView ref = attribute(reader, u"r"); !ref.isEmpty()) {
                    const std::optional<CellRef> parsed = parseCellRef(ref);
                    if (!parsed || (parsed->row != 0 && parsed->row != row && row != 0))
                        return fail(Error::Code::Parse,
                            QCoreApplication::translate(
                                "ow::tableimport", "the sheet has a cell named \"%1\" in row %2")
                                .arg(InputExcerpt::excerpt(ref), QString::number(row)));
                    at.column = parsed->column;
                    if (parsed->row != 0)
                        at.row = parsed->row;
                }
                if (at.row < 1)
                    return fail(Error::Code::Parse,
                        QCoreApplication::translate(
                            "ow::tableimport", "the sheet has a cell outside any row"));
                nextColumn = at.column + 1;
                Result<void> stored = storeCell(reader, at);
                if (!stored)
                    return failWith(stored.error());
            } else if (reader.name() == u"mergeCell") {
                Result<void> merged = addMerge(attribute(reader, u"ref"));
                if (!merged)
                    return failWith(merged.error());
            }
        }
        if (reader.hasError())
            return xmlError(m_part, reader);
        Result<void> filled = fillMerges();
        if (!filled)
            return failWith(filled.error());
        MaterialTable table;
        for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
            table.rows.append({it.key(), it.value()});
        return table;
    }

private:
    struct Range
    {
        CellRef first;
        CellRef last;
    };

    Result<void> storeCell(QXmlStreamReader &reader, const CellRef &at)
    {
        const QString type = attribute(reader, u"t").toString();
        QString value;
        QString inlineText;
        bool hasValue = false;
        while (!reader.atEnd()) {
            const QXmlStreamReader::TokenType token = reader.readNext();
            if (token == QXmlStreamReader::EndElement && reader.name() == u"c")
                break;
            if (token != QXmlStreamReader::StartElement)
                continue;
            if (reader.name() == u"v") {
                value = reader.readElementText();
                hasValue = true;
            } else if (reader.name() == u"is") {
                inlineText = readRichText(reader);
            } else {
                reader.skipCurrentElement(); // a formula: its cached value is what the sheet shows
            }
        }
        if (reader.hasError())
            return xmlError(m_part, reader);

        QString text;
        if (type == u"s") {
            bool ok = false;
            const qsizetype index = value.trimmed().toLongLong(&ok);
            if (!hasValue)
                return {};
            if (!ok || index < 0 || index >= m_shared.size())
                return fail(Error::Code::Parse,
                    QCoreApplication::translate(
                        "ow::tableimport", "cell %1%2 names text number %3, which the workbook does not have")
                        .arg(columnName(at.column))
                        .arg(at.row)
                        .arg(value.left(20)));
            text = m_shared.at(index);
        } else if (type == u"inlineStr") {
            text = XlsxReader::unescape(inlineText);
        } else if (type == u"b") {
            text = value.trimmed() == u"1" ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        } else if (type == u"str") {
            text = XlsxReader::unescape(value);
        } else {
            text = value; // a number or date as stored, an error value such as #N/A
        }
        if (text.trimmed().isEmpty())
            return {};
        if (at.column >= TableLimits::kMaxColumns)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::tableimport", "cell %1%2 lies past column %3; a material table has fewer columns")
                    .arg(columnName(at.column))
                    .arg(at.row)
                    .arg(columnName(TableLimits::kMaxColumns - 1)));
        if (text.size() > TableLimits::kMaxCellChars)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::tableimport", "cell %1%2 is longer than %3 characters")
                    .arg(columnName(at.column))
                    .arg(at.row)
                    .arg(TableLimits::kMaxCellChars));
        auto row = m_rows.find(at.row);
        if (row == m_rows.end()) {
            if (m_rows.size() >= TableLimits::kMaxRows)
                return fail(Error::Code::Invalid,
                    QCoreApplication::translate(
                        "ow::tableimport", "the table has more than %1 rows; split it by matter")
                        .arg(TableLimits::kMaxRows));
            row = m_rows.insert(at.row, {});
        }
        while (row->size() <= at.column)
            row->append(QString());
        (*row)[at.column] = text;
        return {};
    }

    Result<void> addMerge(QStringView ref)
    {
        const qsizetype colon = ref.indexOf(QLatin1Char(':'));
        const std::optional<CellRef> first = parseCellRef(colon < 0 ? ref : ref.left(colon));
        const std::optional<CellRef> last = parseCellRef(colon < 0 ? ref : ref.mid(colon + 1));
        if (!first || !last || first->row == 0 || last->row == 0 || last->row < first->row
            || last->column < first->column)
            return fail(Error::Code::Parse,
                QCoreApplication::translate(
                    "ow::tableimport", "the sheet merges cells \"%1\", which is not a range")
                    .arg(ref.left(40)));
        if (m_merges.size() >= TableLimits::kMaxRows * 4)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::tableimport", "the sheet merges too many ranges; this is not a material table"));
        m_merges.append({*first, *last});
        return {};
    }

    /// Each range's top-left value into every row of the range that the sheet has.
    Result<void> fillMerges()
    {
        qint64 fills = 0;
        for (const Range &range : std::as_const(m_merges)) {
            const auto source = m_rows.constFind(range.first.row);
            if (source == m_rows.cend() || source->size() <= range.first.column)
                continue;
            const QString value = source->at(range.first.column);
            const int lastColumn = std::min(range.last.column, TableLimits::kMaxColumns - 1);
            for (auto row = m_rows.lowerBound(range.first.row);
                 row != m_rows.end() && row.key() <= range.last.row; ++row) {
                for (int column = range.first.column; column <= lastColumn; ++column) {
                    if (++fills > kMaxMergeFills)
                        return fail(Error::Code::Invalid,
                            QCoreApplication::translate("ow::tableimport",
                                "the sheet's merged cells cover too much; this is not a material table"));
                    while (row->size() <= column)
                        row->append(QString());
                    if ((*row)[column].isEmpty())
                        (*row)[column] = value;
                }
            }
        }
        return {};
    }

    QString m_part;
    const QStringList &m_shared;
    QMap<int, QStringList> m_rows;
    QList<Range> m_merges;
};

} // namespace

QString XlsxReader::unescape(const QString &text)
{
    if (!text.contains(QLatin1String("_x")))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('_') && i + 6 < text.size() && text.at(i + 1) == QLatin1Char('x')
            && text.at(i + 6) == QLatin1Char('_')) {
            bool ok = false;
            const uint code = QStringView(text).mid(i + 2, 4).toUInt(&ok, 16);
            if (ok) {
                out += QChar(char16_t(code));
                i += 6;
                continue;
            }
        }
        out += text.at(i);
    }
    return out;
}

Result<MaterialTable> XlsxReader::read(const QByteArray &bytes, const QString &sheet)
{
    if (bytes.size() > TableLimits::kMaxFileBytes)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::tableimport", "the file is larger than %1 MiB")
                .arg(TableLimits::kMaxFileBytes / (1024 * 1024)));
    ZipArchive archive;
    if (Result<void> opened
        = archive.open(bytes, TableLimits::kMaxZipEntries, TableLimits::kMaxInflatedBytes);
        !opened)
        return failWith(opened.error());
    if (!archive.contains(kWorkbook))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::tableimport", "the file is a ZIP container but not an .xlsx workbook (it has no %1)")
                .arg(kWorkbook));

    Result<QByteArray> workbookXml = archive.read(kWorkbook, TableLimits::kMaxPartBytes);
    if (!workbookXml)
        return failWith(workbookXml.error());
    Result<QList<SheetRef>> sheets = readWorkbook(*workbookXml);
    if (!sheets)
        return failWith(sheets.error());

    qsizetype chosen = -1;
    for (qsizetype i = 0; i < sheets->size() && chosen < 0; ++i)
        if (sheet.isEmpty() ? !sheets->at(i).hidden : sheets->at(i).name == sheet)
            chosen = i;
    if (chosen < 0 && sheet.isEmpty())
        chosen = 0;
    if (chosen < 0) {
        QStringList names;
        for (const SheetRef &ref : std::as_const(*sheets))
            names.append(ref.name);
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::tableimport", "the workbook has no sheet \"%1\"; its sheets: %2")
                .arg(InputExcerpt::excerpt(sheet), InputExcerpt::excerpt(names.join(QStringLiteral(", ")))));
    }

    // The sheet's part through the workbook's relationships; the usual name when they are absent.
    QString part = QStringLiteral("xl/worksheets/sheet%1.xml").arg(chosen + 1);
    if (archive.contains(kWorkbookRels)) {
        Result<QByteArray> relsXml = archive.read(kWorkbookRels, TableLimits::kMaxPartBytes);
        if (!relsXml)
            return failWith(relsXml.error());
        Result<QHash<QString, QString>> targets = readRelationships(*relsXml);
        if (!targets)
            return failWith(targets.error());
        part = targets->value(sheets->at(chosen).relationId, part);
    }
    if (!archive.contains(part))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::tableimport", "the workbook names sheet part %1, which it does not hold")
                .arg(InputExcerpt::excerpt(part)));

    QStringList shared;
    if (archive.contains(kSharedStrings)) {
        Result<QByteArray> sharedXml = archive.read(kSharedStrings, TableLimits::kMaxPartBytes);
        if (!sharedXml)
            return failWith(sharedXml.error());
        Result<QStringList> strings = readSharedStrings(*sharedXml);
        if (!strings)
            return failWith(strings.error());
        shared = std::move(*strings);
    }
    Result<QByteArray> sheetXml = archive.read(part, TableLimits::kMaxPartBytes);
    if (!sheetXml)
        return failWith(sheetXml.error());
    Result<MaterialTable> table = SheetParser(part, shared).parse(*sheetXml);
    if (!table)
        return table;
    table->sheet = sheets->at(chosen).name;
    return table;
}

} // namespace ow::tableimport
