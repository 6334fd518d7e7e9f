#include "documents/DocumentRenderer.h"

#include "core/TextFile.h"
#include "documents/DocumentLayout.h"
#include "documents/PdfToUnicodeFix.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QPrinterInfo>

namespace ow::documents {

namespace {

constexpr int kPdfResolution = 300;

QImage blankImage(QSize size, int dpi)
{
    QImage image(size, QImage::Format_RGB32);
    const int dotsPerMetre = qRound(dpi / 0.0254);
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    image.fill(Qt::white);
    return image;
}

QPageSize pageSize(const PageFormat &format)
{
    if (qFuzzyCompare(format.size.width(), 210.0) && qFuzzyCompare(format.size.height(), 297.0))
        return QPageSize(QPageSize::A4);
    return QPageSize(format.size, QPageSize::Millimeter);
}

Failure paintFailure()
{
    return fail(Error::Code::Io,
        QCoreApplication::translate("ow::documents", "The document could not be drawn on its output."));
}

Result<void> paintAll(const DocumentLayout &layout, QPainter &painter, QPagedPaintDevice &device)
{
    for (int page = 0; page < layout.pageCount(); ++page) {
        if (page > 0 && !device.newPage())
            return paintFailure();
        layout.paintPage(painter, page);
    }
    return {};
}

} // namespace

Result<QByteArray> DocumentRenderer::pdf(const Document &document, const PageFormat &format)
{
    if (format.isContinuous())
        return fail(Error::Code::Unsupported,
            QCoreApplication::translate("ow::documents", "A receipt is printed as an image, not as a PDF."));
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(pageSize(format));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(kPdfResolution);
        writer.setTitle(document.caseNumber.isEmpty()
                ? document.title
                : document.title + QLatin1Char(' ') + document.caseNumber);
        writer.setCreator(QStringLiteral("OneWindow " OW_VERSION));
        Result<DocumentLayout> layout = DocumentLayout::layout(document, format, &writer);
        if (!layout)
            return failWith(layout.error());
        QPainter painter;
        if (!painter.begin(&writer))
            return paintFailure();
        Result<void> painted = paintAll(*layout, painter, writer);
        painter.end();
        if (!painted)
            return failWith(painted.error());
    }
    return PdfToUnicodeFix::apply(bytes);
}

Result<void> DocumentRenderer::writePdf(const Document &document, const QString &path)
{
    Result<QByteArray> bytes = pdf(document);
    if (!bytes)
        return failWith(bytes.error());
    return TextFile::writeAtomically(path, *bytes);
}

Result<QString> DocumentRenderer::writePdfInto(const Document &document, const QString &folder)
{
    if (!QDir().mkpath(folder))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::documents", "The folder %1 cannot be created.")
                .arg(QDir::toNativeSeparators(folder)));
    const QString path = QDir(folder).filePath(pdfFileName(document));
    Result<void> written = writePdf(document, path);
    if (!written)
        return failWith(written.error());
    return path;
}

QString DocumentRenderer::pdfFileName(const Document &document)
{
    QString number = document.caseNumber;
    number.remove(QLatin1Char(' '));
    return QStringLiteral("%1-%2.pdf")
        .arg(number.isEmpty() ? QStringLiteral("document") : number, keyword(document.kind));
}

Result<void> DocumentRenderer::print(const Document &document, const QString &printerName)
{
    const QPrinterInfo info
        = printerName.isEmpty() ? QPrinterInfo::defaultPrinter() : QPrinterInfo::printerInfo(printerName);
    if (info.isNull())
        return fail(Error::Code::NotFound,
            printerName.isEmpty()
                ? QCoreApplication::translate(
                    "ow::documents", "No default printer is set up on this computer.")
                : QCoreApplication::translate("ow::documents", "There is no printer named “%1”.")
                      .arg(printerName));
    QPrinter printer(info, QPrinter::HighResolution);
    const PageFormat format = PageFormat::a4();
    printer.setPageSize(pageSize(format));
    printer.setFullPage(true); // our margins, measured from the paper's edge
    printer.setDocName(document.title);
    if (!printer.isValid())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::documents", "The printer “%1” cannot be used.")
                .arg(info.printerName()));
    Result<DocumentLayout> layout = DocumentLayout::layout(document, format, &printer);
    if (!layout)
        return failWith(layout.error());
    QPainter painter;
    if (!painter.begin(&printer))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::documents", "The printer “%1” did not accept the document.")
                .arg(info.printerName()));
    Result<void> painted = paintAll(*layout, painter, printer);
    painter.end();
    return painted;
}

Result<int> DocumentRenderer::pageCount(const Document &document, const PageFormat &format)
{
    QImage probe = blankImage(QSize(1, 1), kPdfResolution);
    Result<DocumentLayout> layout = DocumentLayout::layout(document, format, &probe);
    if (!layout)
        return failWith(layout.error());
    return layout->pageCount();
}

Result<QImage> DocumentRenderer::pageImage(
    const Document &document, int index, int dpi, const PageFormat &format)
{
    QImage probe = blankImage(QSize(1, 1), dpi);
    Result<DocumentLayout> layout = DocumentLayout::layout(document, format, &probe);
    if (!layout)
        return failWith(layout.error());
    if (index < 0 || index >= layout->pageCount())
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::documents", "The document has no page %1.").arg(index + 1));
    QImage image = blankImage(layout->pageSize().toSize(), dpi);
    QPainter painter(&image);
    layout->paintPage(painter, index);
    painter.end();
    return image;
}

Result<QImage> DocumentRenderer::receipt(const Document &document, ReceiptWidth width)
{
    const PageFormat format = PageFormat::receiptFormat(width);
    Result<QImage> page = pageImage(document, 0, format.receiptDpi, format);
    if (!page)
        return page;
    // A thermal head burns a dot or not: threshold, never dither, so text edges stay clean.
    return page->convertToFormat(QImage::Format_Mono, Qt::MonoOnly | Qt::ThresholdDither | Qt::AvoidDither);
}

} // namespace ow::documents
