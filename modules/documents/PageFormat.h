#pragma once

#include <QMarginsF>
#include <QSizeF>

namespace ow::documents {

/// The paper rolls of ESC/POS thermal receipt printers: 80 mm paper prints 576 dots, 58 mm 384.
enum class ReceiptWidth
{
    Paper80mm,
    Paper58mm
};

/// The page a document is laid out for: size and margins in millimetres, and the type sizes that
/// suit it. A receipt is one continuous page as long as its content.
struct PageFormat
{
    /// Type sizes in points.
    struct Typography
    {
        qreal organ = 13;
        qreal title = 20;
        qreal subtitle = 12;
        qreal body = 12;
        qreal table = 10;
        qreal small = 8.5;
    };

    QSizeF size; ///< millimetres; height 0 for a continuous receipt
    QMarginsF margins; ///< millimetres
    Typography type;
    bool receipt = false;
    int receiptDots = 0; ///< receipt: the printable width in printer dots
    int receiptDpi = 0; ///< receipt: the print head's resolution

    bool isContinuous() const { return size.height() <= 0; }
    /// Narrow pages list table rows as entries instead of drawing a grid.
    bool isNarrow() const { return size.width() - margins.left() - margins.right() < 100; }

    /// ISO A4 portrait with the margins of GB/T 9704 (党政机关公文格式) narrowed for forms.
    static PageFormat a4();
    /// A thermal receipt: 203 dpi, 576 dots (80 mm paper) or 384 dots (58 mm paper) wide.
    static PageFormat receiptFormat(ReceiptWidth width);
};

} // namespace ow::documents
