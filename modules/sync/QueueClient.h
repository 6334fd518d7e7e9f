#pragma once

#include "core/Result.h"
#include "sync/SyncClient.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <optional>

namespace ow::sync {

/// A queue ticket as the counter sees it (docs/queue.md): what the intake needs of the person
/// called — the matter or bundle when chosen at the kiosk and the ID card when swiped there.
struct QueueTicket
{
    qint64 id = 0;
    QString number; ///< "A012"
    QString area;
    QString matter; ///< matter code, empty when not known (导服)
    QString bundle;
    QString state; ///< issued, called, serving, done, no-show, transferred, parked
    int callCount = 0;
    QString calledBy;
    QString mobile; ///< given at the kiosk for the SMS; only to the counter that called the ticket
    /// The ID card read at the kiosk ({"name", "idNumber", "address"}); only to the counter that
    /// called the ticket.
    QString cardName;
    QString cardIdNumber;
    QString cardAddress;

    bool isValid() const { return id != 0; }
    bool hasCard() const { return !cardIdNumber.isEmpty() || !cardName.isEmpty(); }
    static QueueTicket fromJson(const QJsonObject &object);
};

/// How this counter stands in the hall's queue.
struct QueueStatus
{
    bool reachable = false; ///< the queue server answered the last request
    QString error; ///< why not, or why the last request was refused
    QString counterState; ///< open, paused, closed (closed also when the server has no row for it)
    QString clerk;
    int waiting = 0; ///< tickets waiting for this counter
    QueueTicket current; ///< the ticket called or served here; invalid when none
    /// Changes of tickets not yet sent because the server could not be reached, oldest first, as
    /// "A012 done"; the worker sends them in its next round.
    QStringList kept;
};

/// Where a ticket can go from this counter.
struct QueueTargets
{
    QStringList counters; ///< "W03"
    QStringList areas; ///< "A", "B"
};

/// The counter's side of the queue API (`/api/v1/queue/…`) on the sync client: open, pause or close
/// the counter with its clerk, call next, act on the called ticket, read the counter's line.
/// Blocking like SyncClient: for the queue worker's thread and the command line, never the GUI.
class QueueClient
{
public:
    QueueClient(SyncClient &client, QString counter);

    const QString &counter() const { return m_counter; }

    /// The counter's state, its line and its current ticket.
    Result<QueueStatus> status();
    /// `state` is open, paused or closed; opening names the clerk logged in here.
    Result<void> setCounter(const QString &state, const QString &clerk);
    /// Calls the next person for this counter; nullopt when nobody is waiting.
    Result<std::optional<QueueTicket>> callNext(const QString &clerk);
    /// recall, serve, done, no-show, park, resume or transfer (to counter `to` or area `area`).
    Result<QueueTicket> act(
        qint64 ticket, const QString &action, const QString &area = {}, const QString &to = {});
    /// One ticket as the server has it now.
    Result<QueueTicket> ticket(qint64 id);
    /// Where a ticket can be transferred: the hall's other counters and the service areas they serve.
    Result<QueueTargets> transferTargets();

private:
    Result<QJsonObject> post(const QString &path, const QJsonObject &body);

    SyncClient &m_client;
    QString m_counter;
};

} // namespace ow::sync

Q_DECLARE_METATYPE(ow::sync::QueueTicket)
Q_DECLARE_METATYPE(ow::sync::QueueStatus)
