#include "documents/ResultDocumentPrinter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QPdfDocument>
#include <QPrinter>
#include <memory>

namespace ow::documents {

namespace {

/// Dots per inch a page is rendered at: a printer's 600 or 1200 would only cost memory, since the
/// department's PDF is printed as it is, not laid out again.
constexpr int kMaxRenderDpi = 300;

QString pdfError(QPdfDocument::Error error)
{
    switch (error) {
    case QPdfDocument::Error::None:
        return {};
    case QPdfDocument::Error::FileNotFound:
        return QCoreApplication::translate("ow::documents", "the file was not found");
    case QPdfDocument::Error::InvalidFileFormat:
        return QCoreApplication::translate("ow::documents", "it is not a PDF document that can be read");
    case QPdfDocument::Error::IncorrectPassword:
        return QCoreApplication::translate("ow::documents", "it is protected by a password");
    case QPdfDocument::Error::UnsupportedSecurityScheme:
        return QCoreApplication::translate("ow::documents", "its protection is not supported");
    case QPdfDocument::Error::DataNotYetAvailable:
    case QPdfDocument::Error::Unknown:
        break;
    }
    return QCoreApplication::translate("ow::documents", "it cannot be read");
}

/// The document loaded from `path`, or why not.
Result<std::unique_ptr<QPdfDocument>> load(const QString &path, const QString &name)
{
    auto pdf = std::make_unique<QPdfDocument>();
    const QPdfDocument::Error error = pdf->load(path);
    if (error != QPdfDocument::Error::None || pdf->pageCount() <= 0)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::documents", "The result document “%1” cannot be opened: %2.")
                .arg(name,
                    error == QPdfDocument::Error::None
                        ? QCoreApplication::translate("ow::documents", "it has no pages")
                        : pdfError(error)));
    return pdf;
}

} // namespace

Result<QString> ResultDocumentPrinter::checkedPath(const cases::ResultDocument &document) const
{
    if (!document.isAvailable())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::documents", "The result document “%1” has not been received from the server yet.")
                .arg(document.name));
    // A damaged file is reported, never printed as the department's decision.
    if (Result<void> verified = m_files.verify(document.sha256); !verified)
        return failWith(verified.error());
    return m_files.pathFor(document.sha256);
}

Result<int> ResultDocumentPrinter::pageCount(const cases::ResultDocument &document) const
{
    Result<QString> path = checkedPath(document);
    if (!path)
        return failWith(path.error());
    Result<std::unique_ptr<QPdfDocument>> pdf = load(*path, document.name);
    if (!pdf)
        return failWith(pdf.error());
    return (*pdf)->pageCount();
}

Result<int> ResultDocumentPrinter::print(const cases::ResultDocument &document, QPrinter &printer) const
{
    Result<QString> path = checkedPath(document);
    if (!path)
        return failWith(path.error());
    Result<std::unique_ptr<QPdfDocument>> loaded = load(*path, document.name);
    if (!loaded)
        return failWith(loaded.error());
    QPdfDocument &pdf = **loaded;
    printer.setDocName(document.name);
    QPainter painter;
    if (!painter.begin(&printer))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::documents", "The printer “%1” cannot start printing “%2”.")
                .arg(printer.printerName(), document.name));
    const int dpi = std::min(printer.resolution(), kMaxRenderDpi);
    const QRectF area = printer.pageLayout().paintRectPixels(printer.resolution());
    for (int page = 0; page < pdf.pageCount(); ++page) {
        if (page > 0 && !printer.newPage()) {
            painter.end();
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::documents", "The printer stopped after page %1 of “%2”.")
                    .arg(page)
                    .arg(document.name));
        }
        const QSizeF points = pdf.pagePointSize(page);
        const QSize pixels = (points * dpi / 72.0).toSize();
        const QImage image = pdf.render(page, pixels);
        if (image.isNull()) {
            painter.end();
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::documents", "Page %1 of the result document “%2” cannot be rendered.")
                    .arg(page + 1)
                    .arg(document.name));
        }
        // Fitted to the printable area, centred, proportions kept.
        QSizeF target = points;
        target.scale(area.size(), Qt::KeepAspectRatio);
        const QRectF place(QPointF(area.left() + (area.width() - target.width()) / 2,
                               area.top() + (area.height() - target.height()) / 2),
            target);
        painter.drawImage(place.translated(-area.topLeft()), image);
    }
    if (!painter.end())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::documents", "The printer could not finish “%1”.")
                .arg(document.name));
    return pdf.pageCount();
}

Result<QString> ResultDocumentPrinter::viewableCopy(
    const cases::ResultDocument &document, const QString &folder) const
{
    Result<QString> path = checkedPath(document);
    if (!path)
        return failWith(path.error());
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral(".")))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::documents", "The folder %1 cannot be created.")
                .arg(QDir::toNativeSeparators(folder)));
    // Only the document being looked at stays outside the store.
    for (const QString &old : dir.entryList(QDir::Files | QDir::Hidden))
        dir.remove(old);
    QString name = document.name;
    if (!name.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        name += QStringLiteral(".pdf");
    const QString copy = dir.filePath(name);
    if (!QFile::copy(*path, copy))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::documents", "The result document cannot be copied to %1.")
                .arg(QDir::toNativeSeparators(copy)));
    return copy;
}

} // namespace ow::documents
