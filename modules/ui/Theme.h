#pragma once

#include <QColor>

class QApplication;
class QFont;

namespace ow::ui {

/// The workstation's look: calm colours for long shifts, Noto Sans CJK, and the style sheet.
/// Widgets that paint themselves take their colours from here so everything matches.
class Theme
{
public:
    static void apply(QApplication &app);
    static QFont baseFont();

    static QColor window() { return QColor(0xf4, 0xf6, 0xf8); }
    static QColor panel() { return QColor(0xff, 0xff, 0xff); }
    static QColor border() { return QColor(0xdd, 0xe2, 0xe8); }
    static QColor text() { return QColor(0x1f, 0x29, 0x33); }
    static QColor secondaryText() { return QColor(0x5b, 0x67, 0x75); }
    static QColor accent() { return QColor(0x1d, 0x5f, 0xbf); }
    static QColor accentSoft() { return QColor(0xe7, 0xef, 0xfb); }
    static QColor matchBackground() { return QColor(0xff, 0xe8, 0xa3); }
    static QColor success() { return QColor(0x1d, 0x6b, 0x37); }
    static QColor successSoft() { return QColor(0xe3, 0xf3, 0xe7); }
    static QColor warning() { return QColor(0x8a, 0x5a, 0x00); }
    static QColor warningSoft() { return QColor(0xfd, 0xf1, 0xd8); }
    static QColor marker() { return QColor(0xd9, 0x48, 0x0f); }
    static QColor danger() { return QColor(0xa3, 0x32, 0x2a); }
    static QColor dangerSoft() { return QColor(0xfd, 0xf0, 0xef); }
    static QColor chip() { return QColor(0xee, 0xf1, 0xf4); }
};

} // namespace ow::ui
