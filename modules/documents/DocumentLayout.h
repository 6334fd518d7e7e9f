#pragma once

#include "core/Result.h"
#include "documents/BlockLayout.h"
#include "documents/Document.h"
#include "documents/PageFormat.h"

#include <QList>
#include <QSizeF>

class QPainter;
class QPaintDevice;

namespace ow::documents {

/// A Document laid out on the pages of a PageFormat, in the device pixels of the device it will be
/// painted on (a QPdfWriter, a QPrinter or a QImage: their resolution decides the coordinates).
/// Sheets get a footer with the hall's line and the page number on every page, and a continuation
/// header with the title and the case number from the second page on; table headers repeat on
/// every page a table flows onto. A receipt is a single page as long as its content.
class DocumentLayout
{
public:
    static Result<DocumentLayout> layout(
        const Document &document, const PageFormat &format, QPaintDevice *device);

    int pageCount() const { return int(m_pages.size()); }
    /// Page size in device pixels; a receipt's height is that of its content and margins.
    QSizeF pageSize() const { return m_pageSize; }
    /// Paints one page; the painter must be on a device with the resolution used for layout.
    void paintPage(QPainter &painter, int index) const;

private:
    QSizeF m_pageSize;
    QList<QList<PaintItem>> m_pages;
};

} // namespace ow::documents
