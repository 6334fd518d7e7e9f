#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <zip.h>

/// Builds .xlsx workbooks for tests: a ZIP container (written with libzip, deflated) of the parts given.
/// No binary fixture of unknown origin: every workbook a test reads is made here, from XML it can see.
namespace XlsxTestFile {

inline QByteArray zipOf(const QList<QPair<QString, QByteArray>> &parts)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t *archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    zip_source_keep(buffer);
    for (const auto &[name, data] : parts) {
        zip_source_t *part = zip_source_buffer(archive, data.constData(), zip_uint64_t(data.size()), 0);
        zip_file_add(archive, name.toUtf8().constData(), part, ZIP_FL_ENC_UTF_8);
    }
    zip_close(archive);
    QByteArray bytes;
    if (zip_source_open(buffer) == 0) {
        zip_source_seek(buffer, 0, SEEK_END);
        bytes.resize(zip_source_tell(buffer));
        zip_source_seek(buffer, 0, SEEK_SET);
        zip_source_read(buffer, bytes.data(), zip_uint64_t(bytes.size()));
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    zip_error_fini(&error);
    return bytes;
}

inline QByteArray workbookXml(const QStringList &sheetNames)
{
    QByteArray xml
        = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
          "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>";
    for (int i = 0; i < sheetNames.size(); ++i)
        xml += QStringLiteral("<sheet name=\"%1\" sheetId=\"%2\" r:id=\"rId%2\"/>")
                   .arg(sheetNames.at(i))
                   .arg(i + 1)
                   .toUtf8();
    return xml + "</sheets></workbook>";
}

/// Relationships that put sheet N in worksheets/sheetN.xml, as Excel does.
inline QByteArray relationshipsXml(int sheets)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (int i = 1; i <= sheets; ++i)
        xml += QStringLiteral(
            "<Relationship Id=\"rId%1\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
            "Target=\"worksheets/sheet%1.xml\"/>")
                   .arg(i)
                   .toUtf8();
    return xml + "</Relationships>";
}

inline QByteArray sharedStringsXml(const QStringList &strings)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
    for (const QString &text : strings)
        xml += "<si><t xml:space=\"preserve\">" + text.toHtmlEscaped().toUtf8() + "</t></si>";
    return xml + "</sst>";
}

inline QByteArray sheetXml(const QByteArray &rows, const QByteArray &after = {})
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        + rows + "</sheetData>" + after + "</worksheet>";
}

/// A one-sheet workbook whose cells are all inline strings: rows of cells, column A first.
inline QByteArray simpleWorkbook(
    const QList<QStringList> &rows, const QString &sheetName = QStringLiteral("Sheet1"))
{
    QByteArray data;
    for (int r = 0; r < rows.size(); ++r) {
        data += QStringLiteral("<row r=\"%1\">").arg(r + 1).toUtf8();
        for (int c = 0; c < rows.at(r).size(); ++c) {
            if (rows.at(r).at(c).isEmpty())
                continue;
            data += QStringLiteral("<c r=\"%1%2\" t=\"inlineStr\"><is><t>%3</t></is></c>")
                        .arg(QChar(u'A' + c))
                        .arg(r + 1)
                        .arg(rows.at(r).at(c).toHtmlEscaped())
                        .toUtf8();
        }
        data += "</row>";
    }
    return zipOf({{QStringLiteral("xl/workbook.xml"), workbookXml({sheetName})},
        {QStringLiteral("xl/_rels/workbook.xml.rels"), relationshipsXml(1)},
        {QStringLiteral("xl/worksheets/sheet1.xml"), sheetXml(data)}});
}

} // namespace XlsxTestFile
