#pragma once

#include <QFont>
#include <QPoint>
#include <QString>

class QPainter;

namespace ow::ui {

/// Draws the small rounded labels ("chips") used for a material's form, copies, medium and marks.
class ChipPainter
{
public:
    enum class Style
    {
        Neutral,
        Success,
        Warning,
        Accent,
        Danger
    };

    static int height(const QFont &font);
    static int width(const QString &text, const QFont &font);
    /// Paints a chip with its top-left at `at`; returns its width.
    static int paint(QPainter *painter, QPoint at, const QString &text, const QFont &font, Style style);
};

} // namespace ow::ui
