#include "tableimport/MaterialTable.h"

#include "tableimport/CsvReader.h"
#include "tableimport/XlsxReader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace ow::tableimport {

QString columnName(int column)
{
    QString name;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(u'A' + (n - 1) % 26));
    return name;
}

Result<MaterialTable> readTable(const QByteArray &bytes, const QString &sheet)
{
    if (bytes.startsWith("PK\x03\x04"))
        return XlsxReader::read(bytes, sheet);
    // The binary workbook of Excel 97–2003 (an OLE2 compound file).
    if (bytes.startsWith("\xD0\xCF\x11\xE0"))
        return fail(Error::Code::Unsupported,
            QCoreApplication::translate("ow::tableimport",
                "this is an old Excel .xls workbook, which cannot be read: save it as .xlsx or as \"CSV "
                "UTF-8\""));
    if (bytes.startsWith("PK"))
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::tableimport",
                "the file is not a complete .xlsx workbook (its ZIP container is damaged or cut short): "
                "save it again from the spreadsheet program"));
    if (!sheet.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::tableimport", "a CSV file has no sheets: leave out the sheet"));
    return CsvReader::read(bytes);
}

Result<MaterialTable> readTableFile(const QString &path, const QString &sheet)
{
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::tableimport", "there is no file %1").arg(path));
    if (file.size() > TableLimits::kMaxFileBytes)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::tableimport", "%1 is larger than %2 MiB; a material table is far smaller")
                .arg(path)
                .arg(TableLimits::kMaxFileBytes / (1024 * 1024)));
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::tableimport", "%1 could not be read: %2")
                .arg(path, file.errorString()));
    // Read one byte past the limit: a file that grew since its size was taken is still refused.
    const QByteArray bytes = file.read(TableLimits::kMaxFileBytes + 1);
    if (bytes.size() > TableLimits::kMaxFileBytes)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::tableimport", "%1 is larger than %2 MiB; a material table is far smaller")
                .arg(path)
                .arg(TableLimits::kMaxFileBytes / (1024 * 1024)));
    return readTable(bytes, sheet);
}

} // namespace ow::tableimport
