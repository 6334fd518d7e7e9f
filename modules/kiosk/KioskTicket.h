#pragma once

#include "idcard/IdCardData.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <optional>

namespace ow::kiosk {

/// What the visitor chose at the kiosk: the matter (or 导服 when not sure), the ID card when swiped,
/// the mobile number for the three SMS. Becomes the body of POST /api/v1/queue/tickets.
struct TicketRequest
{
    QString matter; ///< matter code; empty when the visitor is not sure (导服)
    QString matterName; ///< shown on screen and on the slip
    QString bundle; ///< a bundle's id (一件事) instead of a matter
    QString mobile; ///< 11 digits, checked; empty when not given
    /// 绿色通道 (elderly, disabled, pregnant, serving soldiers): called before everyone else. The
    /// kiosk takes the visitor's word for it; the counter sees the class on the ticket.
    bool greenChannel = false;
    std::optional<drivers::idcard::IdCardData> card;

    bool isNotSure() const { return matter.isEmpty() && bundle.isEmpty(); }
    /// The request body: the ID card only as {"name", "idNumber", "address"}, for the counter that
    /// calls the ticket (nothing else of the card leaves the kiosk).
    QJsonObject toJson() const;
};

/// The ticket as the server issued it.
struct IssuedTicket
{
    qint64 id = 0;
    QString number; ///< "A012"
    QString counter; ///< "W05"; empty when it waits for any counter of its area
    int ahead = 0;
    int expectedWaitMinutes = 0;
    QString reason; ///< "前方 2 人，预计 12 分钟"
    QDateTime issued; ///< UTC

    static IssuedTicket fromJson(const QJsonObject &object);
    /// The counter's number for people ("W05" → 5); 0 when it has none.
    int counterNumber() const;
};

/// The public page where the visitor follows the ticket on a phone (the slip's QR code): only the
/// number, its state and the people ahead are shown there.
QUrl followUrl(const QUrl &server, const QString &hall, qint64 ticketId);

} // namespace ow::kiosk
