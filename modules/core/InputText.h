#pragma once

#include <QString>
#include <QStringView>

namespace ow {

/// Tidies what a clerk typed or a reader sent before it is validated: the forms people really use.
class InputText
{
public:
    /// Full-width ASCII (ＡＢＣ１２３, as Chinese input methods type it) folded to ASCII and every
    /// space (including the ideographic space U+3000) removed: "３３０３ ０２" → "330302".
    static QString compact(QStringView text);
};

} // namespace ow
