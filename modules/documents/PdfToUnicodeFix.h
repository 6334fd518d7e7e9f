#pragma once

#include <QByteArray>

namespace ow::documents {

/// Repairs the text that can be copied or searched in a PDF written by Qt.
///
/// A PDF font carries a ToUnicode map from each glyph back to the character it shows. Qt builds it
/// by taking, for each glyph, the lowest code point the font maps to it. CJK fonts such as Noto
/// draw the Kangxi radicals (U+2F00–U+2FDF) with the outlines of the ideographs, so “生” came out
/// as the radical “⽣” and “一” as “⼀”: the page looked right but a search for “卫生” found nothing.
/// Spaces came out as tabs for the same reason. This rewrites each ToUnicode map, mapping radicals
/// to their compatibility ideographs (Unicode NFKC) and control characters to the space, and
/// rebuilds the cross-reference table. A file it does not understand is returned unchanged.
class PdfToUnicodeFix
{
public:
    static QByteArray apply(const QByteArray &pdf);
};

} // namespace ow::documents
