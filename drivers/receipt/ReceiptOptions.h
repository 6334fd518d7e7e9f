#pragma once

#include "receipt/MonochromeImage.h"

namespace ow::drivers::receipt {

/// Printable dots per line of common thermal paper at 203 dpi (8 dots/mm).
enum class PaperWidth
{
    Mm58 = 384,
    Mm80 = 576,
};

/// ESC a n: where a raster narrower than the paper lies.
enum class Alignment
{
    Left = 0,
    Centre = 1,
    Right = 2,
};

/// GS V m: how the job ends. Printers without a full cutter usually treat Full as Partial.
enum class CutMode
{
    None,
    Full,
    Partial,
};

/// How a receipt image becomes a print job.
struct ReceiptOptions
{
    PaperWidth paper = PaperWidth::Mm80;
    Alignment alignment = Alignment::Centre;
    Dithering dithering = Dithering::Threshold;
    int threshold = 128; ///< grey level below which a dot is black
    int feedLines = 4; ///< blank lines after the image so the cut misses the last row
    CutMode cut = CutMode::Partial;
    /// GS v 0 allows up to 4095 rows, but cheap printers have small receive buffers and drop
    /// lines from large blocks; bands of at most 255 rows print everywhere.
    int bandRows = 255;

    int paperDots() const { return int(paper); }
};

} // namespace ow::drivers::receipt
