#pragma once

#include <QString>
#include <QStringView>

namespace ow {

/// Makes outside input safe to quote in a message: control characters, lone UTF-16 surrogates and
/// the invisible characters that reorder a line are written as escapes (\0, \n, \x1b, \u{202E}), and
/// long input is cut to a short excerpt around the place that matters, so a 4 MB line or a terminal
/// escape sequence in a file never reaches the terminal or a log as it is.
class InputExcerpt
{
public:
    /// The longest excerpt in characters, the ellipses included: one terminal line with the message.
    static constexpr qsizetype kWidth = 80;

    /// True for a character that must not stand raw in text: C0 and C1 controls and DEL, the line and
    /// paragraph separators, and the bidirectional formatting characters (they reorder what a reader
    /// sees). Tab and line feed are included; callers that allow them test for them first.
    static bool isUnsafe(char16_t c);
    /// The index of the first unsafe character or lone surrogate in `text`, or -1 when it has none.
    static qsizetype firstUnsafe(QStringView text);
    /// The whole text with every unsafe character and lone surrogate escaped.
    static QString escaped(QStringView text);
    /// At most `width` characters of `text` around `position` (a character index), escaped, with "…"
    /// where the input goes on: what a message quotes of the input.
    static QString excerpt(QStringView text, qsizetype position = 0, qsizetype width = kWidth);
    /// A whole message made safe: escaped, and cut with "…" after `maxLength` characters. The last
    /// guard for messages built from input in many places.
    static QString bounded(QStringView message, qsizetype maxLength = 4 * kWidth);
};

} // namespace ow
