#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "queue/QueueCounter.h"
#include "queue/QueueRules.h"
#include "queue/ServiceTimes.h"
#include "queue/Ticket.h"
#include "storage/Database.h"

#include <QDate>
#include <QHash>
#include <QList>

namespace ow::server {

/// The hall's queue on the server (docs/queue.md): counters, tickets, the call log and
/// appointments, in the server's database so that a restart loses nothing. Every change runs in one
/// write transaction, which both dialects serialise (ServerSchema::open), so two counters calling
/// at the same moment never get the same ticket. A refusal by the rules is an
/// Error::Code::Invalid, an unknown ticket or counter Error::Code::NotFound, a bad request
/// Error::Code::Parse; anything else is the server's own failure.
class QueueRepository
{
public:
    QueueRepository(const storage::Database &db, queue::QueueRules rules, Clock clock);

    const queue::QueueRules &rules() const { return m_rules; }

    /// Opens (with the clerk logged in), pauses or closes a counter. Closing hands its waiting line
    /// back to the hall: those tickets go to whichever counter may take them first.
    Result<queue::QueueCounter> setCounter(const QString &hall, const QString &counter,
        queue::CounterState state, const QString &clerk, const QStringList &areas,
        const QStringList &matters);
    Result<QList<queue::QueueCounter>> counters(const QString &hall) const;

    /// A new ticket: numbered in its area for the day, dispatched to a counter, with its SMS queued.
    /// `request` gives area, matter, bundle, mobile, ID card data, priority and appointment window.
    Result<queue::Ticket> issue(const QString &hall, const queue::Ticket &request);

    struct Called
    {
        std::optional<queue::Ticket> ticket; ///< empty when nobody is waiting that the counter may take
        bool stolen = false;
        QList<qint64> finished; ///< the counter's ticket finished (or no-show) by this call
    };
    /// Calls the next ticket at an open counter; `clerk`, when given, must be the one logged in.
    /// The counter's ticket being served is finished first, and a called ticket that used all its
    /// calls becomes a no-show; a called ticket with calls left is a refusal.
    Result<Called> callNext(const QString &hall, const QString &counter, const QString &clerk);

    enum class Action
    {
        Recall,
        Serve,
        Finish,
        NoShow,
        Park,
        Resume,
        Transfer
    };
    /// One move of a ticket at `counter`; Transfer gives the continuation ticket, the others the
    /// ticket as it now is.
    Result<queue::Ticket> act(const QString &hall, qint64 ticketId, Action action, const QString &counter,
        const QString &toArea = QString(), const QString &toCounter = QString());

    Result<std::optional<queue::Ticket>> ticket(const QString &hall, qint64 id) const;
    /// The tickets issued on `day` (local date of the hall), in issue order; with `activeOnly`, every
    /// ticket still waiting, called, served or parked, of any day.
    Result<QList<queue::Ticket>> tickets(
        const QString &hall, const QDate &day, bool activeOnly = false) const;
    /// The hall's calls after call `after`, oldest first (the hall display's feed).
    Result<QList<QJsonObject>> calls(const QString &hall, qint64 after, int limit) const;
    /// The hall's last `limit` calls made since `since`, newest first (the public hall display: the
    /// same fields, ticket numbers and counters only).
    Result<QList<QJsonObject>> latestCalls(const QString &hall, const QDateTime &since, int limit) const;

    /// Expected service times from the hall's done tickets of the last rules().historyDays.
    Result<queue::ServiceTimes> serviceTimes(const QString &hall) const;

    struct Appointment
    {
        QString id;
        QString matter;
        QString mobile;
        QString reference; ///< the booking system's own id
        QDateTime from;
        QDateTime to;
        QString state; ///< booked, arrived
        qint64 ticketId = 0;
        QJsonObject toJson() const;
    };
    Result<Appointment> book(const QString &hall, Appointment appointment);
    Result<QList<Appointment>> appointments(const QString &hall, const QDate &day) const;
    /// The visitor with an appointment arrived: a ticket with the appointment's priority. A second
    /// arrival gives the same ticket.
    Result<queue::Ticket> arrive(const QString &hall, const QString &appointmentId);

    /// The local day of an instant where the hall is.
    static QDate dayOf(const QDateTime &time) { return time.toLocalTime().date(); }

private:
    static Result<QList<QJsonObject>> callRows(storage::Rows &rows);
    Result<std::optional<queue::QueueCounter>> counterRow(const QString &hall, const QString &counter) const;
    Result<queue::Ticket> insertTicket(const QString &hall, queue::Ticket ticket, bool newNumber);
    /// Inside a write transaction: tickets of earlier days still active become no-shows.
    Result<void> closeEarlierDays(const QString &hall);
    /// issue() inside the caller's write transaction.
    Result<queue::Ticket> issueLocked(
        const QString &hall, const queue::Ticket &request, const queue::ServiceTimes &times);
    Result<void> saveTicket(const queue::Ticket &ticket, queue::TicketState expected);
    Result<void> logCall(const queue::Ticket &ticket);
    /// Queues an SMS of the ticket (once per kind and ticket; a repeat is ignored).
    Result<void> queueSms(const queue::Ticket &ticket, queue::SmsKind kind, int ahead, int minutes);
    /// 即将办理: every waiting ticket first or second in its counter's line hears it, the first time it
    /// stands there — after an issue, a call (its own counter's or another's, stealing included) or a
    /// transfer, whichever brought it there.
    Result<void> remindNext(const QString &hall);
    Result<QList<queue::Ticket>> select(const QString &where, const QVariantList &values) const;

    const storage::Database &m_db;
    queue::QueueRules m_rules;
    Clock m_clock;
};

} // namespace ow::server
