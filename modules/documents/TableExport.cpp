#include "documents/TableExport.h"

#include "core/CsvText.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUuid>

#ifdef OW_HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

namespace ow::documents {

namespace {

Error writeError(const QString &path, const QString &reason)
{
    return Error(Error::Code::Io,
        QCoreApplication::translate("ow::documents", "The file %1 could not be written: %2")
            .arg(QDir::toNativeSeparators(path), reason));
}

#ifdef OW_HAVE_XLSXWRITER
/// A worksheet name as spreadsheets accept it: at most 31 characters, none of []:*?/\.
QString sheetName(const QString &title)
{
    QString name = title;
    for (QChar bad : QStringLiteral("[]:*?/\\"))
        name.replace(bad, QLatin1Char(' '));
    name = name.trimmed().left(31);
    return name.isEmpty() ? QStringLiteral("Sheet1") : name;
}
#endif

} // namespace

QByteArray TableExport::csv(const ExportTable &table)
{
    return CsvText::document(table.header, table.rows);
}

Result<void> TableExport::writeCsv(const ExportTable &table, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv(table)) < 0 || !file.commit())
        return failWith(writeError(path, file.errorString()));
    return {};
}

bool TableExport::xlsxAvailable()
{
#ifdef OW_HAVE_XLSXWRITER
    return true;
#else
    return false;
#endif
}

Result<void> TableExport::writeXlsx(const ExportTable &table, const QString &path)
{
#ifdef OW_HAVE_XLSXWRITER
    // Written beside the target and renamed into place: libxlsxwriter writes the file itself.
    const QFileInfo target(path);
    const QString partial = target.dir().filePath(
        QStringLiteral(".%1.%2.part")
            .arg(target.fileName(), QUuid::createUuid().toString(QUuid::Id128).left(8)));
    const QByteArray partialName = QFile::encodeName(partial);
    lxw_workbook *workbook = workbook_new(partialName.constData());
    if (!workbook)
        return failWith(
            writeError(path, QCoreApplication::translate("ow::documents", "the file cannot be created")));
    const QByteArray name = sheetName(table.title).toUtf8();
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, name.constData());
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_error error = LXW_NO_ERROR;
    for (qsizetype c = 0; c < table.header.size() && error == LXW_NO_ERROR; ++c)
        error = worksheet_write_string(sheet, 0, lxw_col_t(c), table.header.at(c).toUtf8().constData(), bold);
    for (qsizetype r = 0; r < table.rows.size() && error == LXW_NO_ERROR; ++r) {
        const QStringList &row = table.rows.at(r);
        for (qsizetype c = 0; c < row.size() && error == LXW_NO_ERROR; ++c) {
            const QString &text = row.at(c);
            bool number = false;
            const double value = table.numeric.value(c) ? text.toDouble(&number) : 0.0;
            if (text.isEmpty())
                continue;
            error = number ? worksheet_write_number(sheet, lxw_row_t(r + 1), lxw_col_t(c), value, nullptr)
                           : worksheet_write_string(
                               sheet, lxw_row_t(r + 1), lxw_col_t(c), text.toUtf8().constData(), nullptr);
        }
    }
    worksheet_freeze_panes(sheet, 1, 0); // the headings stay in view while scrolling
    const lxw_error closed = workbook_close(workbook);
    if (error == LXW_NO_ERROR)
        error = closed;
    if (error != LXW_NO_ERROR) {
        QFile::remove(partial);
        return failWith(writeError(path, QString::fromUtf8(lxw_strerror(error))));
    }
    QFile::remove(path);
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        return failWith(writeError(
            path, QCoreApplication::translate("ow::documents", "it could not be moved into place")));
    }
    return {};
#else
    Q_UNUSED(table);
    Q_UNUSED(path);
    return fail(Error::Code::Unsupported,
        QCoreApplication::translate(
            "ow::documents", "This build writes no XLSX files (libxlsxwriter was not found)."));
#endif
}

} // namespace ow::documents
