#include "documents/PageFormat.h"

namespace ow::documents {

PageFormat PageFormat::a4()
{
    PageFormat format;
    format.size = QSizeF(210, 297);
    // GB/T 9704-2012 asks for 37 mm top and 28 mm binding margins for letters; forms with tables
    // need the width, so the sides are narrower while still leaving room to punch and bind.
    format.margins = QMarginsF(25, 18, 20, 15);
    return format;
}

PageFormat PageFormat::receiptFormat(ReceiptWidth width)
{
    PageFormat format;
    format.receipt = true;
    format.receiptDpi = 203; // 8 dots per millimetre, the ESC/POS standard head
    format.receiptDots = width == ReceiptWidth::Paper80mm ? 576 : 384;
    format.size = QSizeF(format.receiptDots * 25.4 / format.receiptDpi, 0);
    format.margins = QMarginsF(1.5, 3, 1.5, 8); // the bottom leaves room for the cutter
    if (width == ReceiptWidth::Paper80mm)
        format.type = Typography {9.5, 13, 9, 9, 8.5, 7.5};
    else
        format.type = Typography {8.5, 11, 8, 8, 7.5, 7};
    return format;
}

} // namespace ow::documents
