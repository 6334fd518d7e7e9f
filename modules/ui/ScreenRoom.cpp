#include "ui/ScreenRoom.h"

#include <QScreen>

namespace ow::ui {

QSize screenRoom(const QRect &available, const QRect &geometry)
{
    constexpr int kUnreportedTaskbar = 40;
    QSize room = available.size();
    if (available == geometry)
        room.rheight() -= kUnreportedTaskbar;
    return room;
}

QSize screenRoom(const QScreen *screen)
{
    if (!screen)
        return QSize(1366, 728);
    return screenRoom(screen->availableGeometry(), screen->geometry());
}

} // namespace ow::ui
