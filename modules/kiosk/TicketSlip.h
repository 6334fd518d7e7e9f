#pragma once

#include "core/Result.h"
#include "kiosk/KioskTicket.h"

#include <QDateTime>
#include <QImage>
#include <QString>
#include <QUrl>

namespace ow::kiosk {

/// The ticket slip (号票) for the 80 mm receipt printer: the number large, the counter, the people
/// ahead and the expected wait, the matter (or 导服), the time, and a QR code to follow the queue on a
/// phone. Drawn at the printer's 576 dots (203 dpi) in black and white, so the same image is
/// printed (ESC/POS raster through the devices' receipt channel) and shown on the kiosk's screen.
class TicketSlip
{
public:
    struct Content
    {
        QString hallName; ///< printed at the top; may be empty
        IssuedTicket ticket;
        QString matterName; ///< empty: 导服
        QUrl follow; ///< the public page of the ticket; no QR code when empty
        QDateTime issuedLocal; ///< the time printed, in the hall's time
    };

    /// The slip at 576 dots wide, QImage::Format_Mono; fails only when the QR code cannot be made.
    static Result<QImage> render(const Content &content, const QString &fontFamily = QString());

    /// The counter line: "请到 5 号窗口" or, with no counter yet, "请留意叫号".
    static QString counterText(const IssuedTicket &ticket);
    /// "前方 2 人，预计等候 12 分钟".
    static QString waitText(const IssuedTicket &ticket);
};

} // namespace ow::kiosk
