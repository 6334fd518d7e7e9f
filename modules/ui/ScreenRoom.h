#pragma once

#include <QRect>
#include <QSize>

class QScreen;

namespace ow::ui {

/// The room a window may take on a screen of `geometry` with `available` left by taskbars and docks.
/// Counter screens are often 1366×768; without a window manager nothing reports the taskbar or keeps
/// a window inside the screen, so a taskbar the system did not report is allowed for.
QSize screenRoom(const QRect &available, const QRect &geometry);
/// The room on `screen` (a 1366×728 room when there is no screen at all).
QSize screenRoom(const QScreen *screen);

} // namespace ow::ui
