#pragma once

#include "core/Clock.h"
#include "core/ClockTimer.h"
#include "sync/QueueClient.h"

#include <QObject>
#include <memory>

namespace ow::sync {

/// The counter's queue requests on their own thread, with their own HTTP client: the window sends
/// intents (call next, recall, finish…) and hears back through queued signals, so a slow or absent
/// queue server never freezes the intake. The counter's line is read again after every request and
/// every `pollInterval` of `clock`.
///
/// A change of a ticket (served, done, no-show, park, transfer…) that cannot reach the server is kept
/// and sent, oldest first, before anything else of the next round or the next call; an answer refused
/// because the server already has it (the first try got through but its answer was lost) counts as
/// sent, so nothing is lost and nothing is done twice. They are kept in memory, for as long as the
/// window of the clerk lives.
///
/// Create it, move it to its thread, then call start() there (QueueService does all this).
class QueueWorker : public QObject
{
    Q_OBJECT

public:
    QueueWorker(QString server, QString token, QString counter, QString clerk, Clock clock = {},
        QObject *parent = nullptr);
    ~QueueWorker() override;

    void setPollInterval(int milliseconds) { m_pollInterval = milliseconds; }

    /// Creates the client in the worker's thread and reads the counter's state.
    void start();
    void refresh();
    /// open, paused or closed, with the clerk of this worker.
    void setCounterState(const QString &state);
    void callNext();
    /// recall, no-show, park or transfer (to counter `to` or area `area`) the current ticket.
    void act(const QString &action, const QString &area = {}, const QString &to = {});
    /// The applicant called is at the counter: the current ticket, when only called, is served.
    void startService();
    /// The intake of ticket `number` was decided: served (if not yet) and done.
    void finish(const QString &number);
    /// Asks for the transfer targets; they come back through transferTargets.
    void listTargets();
    /// The workstation was locked (the counter, if open, is paused, so the dispatcher sends no one to
    /// an empty counter) or unlocked (a counter the lock paused opens again). Quiet: a server out of
    /// reach changes nothing and says nothing.
    void setLocked(bool locked);
    /// The clerk leaves this window (switch user: `paused`; quit: `closed`): the changes kept are sent
    /// and the counter set, within `timeout` milliseconds, quietly.
    void leave(const QString &state, int timeout);

Q_SIGNALS:
    void statusChanged(const ow::sync::QueueStatus &status);
    /// A call brought this ticket (with the ID card when swiped at the kiosk): the intake opens.
    void ticketCalled(const ow::sync::QueueTicket &ticket);
    /// A sentence for the status bar; `problem` for refusals and failures.
    void message(const QString &text, bool problem);
    void transferTargets(const QStringList &counters, const QStringList &areas);

private:
    /// A change of ticket `ticket` waiting to reach the server.
    struct Change
    {
        qint64 ticket = 0;
        QString number;
        QString action;
        QString area;
        QString to;
    };

    /// Reads the state again and reports it; `error` (a failed request) is kept in the report.
    void report(const QString &error = {});
    bool ready();
    /// Keeps `change` behind those waiting (once: the same action on the same ticket is not kept twice).
    void keep(const Change &change);
    /// Sends the changes kept, oldest first. Returns why the server could not be reached (the rest
    /// stays kept), or an empty string when none is left; a refusal is said and the change dropped.
    QString sendKept();
    /// sendKept(), and a server out of reach said on the status bar.
    QString sendKeptSaying();
    /// Whether the server's ticket already shows `change` (its answer was lost on the way back).
    bool alreadyApplied(const Change &change);

    QString m_server;
    QString m_token;
    QString m_counter;
    QString m_clerk;
    Clock m_clock;
    std::unique_ptr<SyncClient> m_http;
    std::unique_ptr<QueueClient> m_client;
    ClockTimer *m_timer = nullptr;
    int m_pollInterval = 15000;
    QueueStatus m_status;
    QList<Change> m_kept;
    bool m_pausedByLock = false;
};

} // namespace ow::sync
