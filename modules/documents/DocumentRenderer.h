#pragma once

#include "core/Result.h"
#include "documents/Document.h"
#include "documents/PageFormat.h"

#include <QByteArray>
#include <QImage>
#include <QString>

namespace ow::documents {

/// Sends a Document to its outputs. Every output paints the same DocumentLayout, so a PDF, a
/// printed sheet, a preview image and a thermal receipt show the same content.
class DocumentRenderer
{
public:
    /// The document as a PDF on `format` pages (A4 by default). Text stays text, so it can be
    /// searched and extracted; fonts are embedded.
    static Result<QByteArray> pdf(const Document &document, const PageFormat &format = PageFormat::a4());
    /// pdf(), written atomically to `path`.
    static Result<void> writePdf(const Document &document, const QString &path);
    /// pdf(), written into `folder` (created if missing) under pdfFileName(); returns the file's path.
    static Result<QString> writePdfInto(const Document &document, const QString &folder);
    /// "<case number>-<document kind>.pdf", the name a saved document gets.
    static QString pdfFileName(const Document &document);

    /// Prints A4 sheets on the printer named `printerName`, or on the system's default printer when
    /// it is empty, without a dialog (the UI offers the dialog and passes the chosen name).
    static Result<void> print(const Document &document, const QString &printerName = {});

    /// The number of pages the document takes on `format`.
    static Result<int> pageCount(const Document &document, const PageFormat &format = PageFormat::a4());
    /// Page `index` (0-based) as an image at `dpi`, white background: previews, tests, screenshots.
    static Result<QImage> pageImage(
        const Document &document, int index, int dpi, const PageFormat &format = PageFormat::a4());

    /// The thermal receipt: QImage::Format_Mono, exactly 576 dots (80 mm paper) or 384 dots (58 mm)
    /// wide at 203 dpi, as long as the content, black where the head must burn a dot. Ready for
    /// ESC/POS raster printing (GS v 0).
    static Result<QImage> receipt(const Document &document, ReceiptWidth width = ReceiptWidth::Paper80mm);
};

} // namespace ow::documents
