#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace ow::queue {

/// Where a ticket is in its life. Issued, Called and Parked wait for a counter; Done, NoShow and
/// Transferred are final (a transfer issues a new ticket with the same number at its target).
enum class TicketState
{
    Issued,
    Called,
    Serving,
    Done,
    NoShow,
    Transferred,
    Parked
};

/// Priority classes in calling order (guide 三(二)2 and 三(三)4): 绿色通道 first, then an
/// appointment inside its window, then walk-ins. An appointment outside its window waits as a walk-in.
enum class PriorityClass
{
    Green,
    Appointment,
    WalkIn
};

QString keyword(TicketState state);
std::optional<TicketState> ticketStateFromKeyword(const QString &text);
QString keyword(PriorityClass priority);
std::optional<PriorityClass> priorityFromKeyword(const QString &text);
bool isFinal(TicketState state);
/// The state as the clerk reads it (translated).
QString stateName(TicketState state);

/// 号票: one visit in the hall's queue. Carries no personal data but the mobile number (for the
/// three SMS) and, when the ID card was swiped at the kiosk, the card's data for the counter.
struct Ticket
{
    qint64 id = 0;
    QString hall;
    QString number; ///< e.g. "A012": the service area's prefix and the day's sequence
    QString area; ///< service area prefix
    QString matter; ///< catalogue matter code, empty when the visitor was not sure (导服)
    QString bundle; ///< bundle id when a 一件事 was chosen
    QString mobile;
    QJsonObject idCard; ///< as read at the kiosk; empty when not swiped
    PriorityClass priority = PriorityClass::WalkIn;
    QString appointment; ///< appointment id
    QDateTime windowStart; ///< appointment window, UTC
    QDateTime windowEnd;
    TicketState state = TicketState::Issued;
    int callCount = 0;
    QString counter; ///< the counter dispatch sent it to (empty: any counter of its area)
    QString calledBy; ///< the counter that called it last
    QString clerk; ///< the clerk at that counter
    qint64 transferredFrom = 0; ///< the ticket this one continues
    QDateTime issued; ///< UTC; a transferred ticket keeps the first ticket's time
    QDateTime firstCalled;
    QDateTime lastCalled;
    QDateTime servingSince;
    QDateTime finished;
    int ahead = 0; ///< people ahead at dispatch
    int expectedWaitMinutes = 0; ///< estimate at dispatch
    QString reason; ///< why this counter, in the hall's words ("前方 2 人，预计 12 分钟")

    /// Minutes between issue and first call; nullopt while never called.
    std::optional<double> waitMinutes() const;
    /// Minutes between the start of service and its end; nullopt unless served to the end.
    std::optional<double> serviceMinutes() const;
    /// The wire form (docs/queue.md). `withPersonalData` adds the mobile number and the ID card data,
    /// for the counter that serves the ticket only.
    QJsonObject toJson(bool withPersonalData) const;
};

} // namespace ow::queue
