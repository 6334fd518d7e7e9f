#include "ui/ChipPainter.h"

#include "ui/Theme.h"

#include <QFontMetrics>
#include <QPainter>

namespace ow::ui {

namespace {

constexpr int kPadX = 7;
constexpr int kPadY = 2;

} // namespace

int ChipPainter::height(const QFont &font)
{
    return QFontMetrics(font).height() + 2 * kPadY;
}

int ChipPainter::width(const QString &text, const QFont &font)
{
    return QFontMetrics(font).horizontalAdvance(text) + 2 * kPadX;
}

int ChipPainter::paint(QPainter *painter, QPoint at, const QString &text, const QFont &font, Style style)
{
    QColor background = Theme::chip();
    QColor foreground = Theme::secondaryText();
    switch (style) {
    case Style::Neutral:
        break;
    case Style::Success:
        background = Theme::successSoft();
        foreground = Theme::success();
        break;
    case Style::Warning:
        background = Theme::warningSoft();
        foreground = Theme::warning();
        break;
    case Style::Accent:
        background = Theme::accentSoft();
        foreground = Theme::accent();
        break;
    case Style::Danger:
        background = Theme::dangerSoft();
        foreground = Theme::danger();
        break;
    }
    const QRect rect(at, QSize(width(text, font), height(font)));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(background);
    painter->drawRoundedRect(QRectF(rect), 4, 4);
    painter->setFont(font);
    painter->setPen(foreground);
    painter->drawText(rect, Qt::AlignCenter, text);
    painter->restore();
    return rect.width();
}

} // namespace ow::ui
