#pragma once

#include <QByteArray>

namespace ow::documents {

/// Repairs the text that can be copied or searched in a PDF written by Qt.
///
/// A PDF font carries a ToUnicode map from each glyph back to the character it shows. Qt builds it
/// by taking, for each glyph, the lowest code point the font maps to it. CJK fonts such as Noto
/// draw the CJK radicals (U+2E80–U+2FDF) with the outlines of the ideographs, so “生” came out
/// as the radical “⽣” and “民” as “⺠”: the page looked right but a search for “卫生” found nothing.
/// Spaces came out as tabs for the same reason. This rewrites each ToUnicode map, mapping radicals
/// to the ideographs they stand for (Unicode's EquivalentUnifiedIdeograph) and control characters
/// to the space, and rebuilds the cross-reference table. A file it does not understand is returned
/// unchanged. Documents never print radicals as such, so nothing real is lost.
class PdfToUnicodeFix
{
public:
    static QByteArray apply(const QByteArray &pdf);
};

} // namespace ow::documents
