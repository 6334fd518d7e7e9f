#include "core/InputText.h"

namespace ow {

QString InputText::compact(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (QChar c : text) {
        if (c.isSpace())
            continue;
        // U+FF01..U+FF5E are the full-width forms of U+0021..U+007E, at a fixed distance.
        if (c.unicode() >= 0xFF01 && c.unicode() <= 0xFF5E)
            c = QChar(char16_t(c.unicode() - 0xFEE0));
        result.append(c);
    }
    return result;
}

} // namespace ow
