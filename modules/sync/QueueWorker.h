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

Q_SIGNALS:
    void statusChanged(const ow::sync::QueueStatus &status);
    /// A call brought this ticket (with the ID card when swiped at the kiosk): the intake opens.
    void ticketCalled(const ow::sync::QueueTicket &ticket);
    /// A sentence for the status bar; `problem` for refusals and failures.
    void message(const QString &text, bool problem);
    void transferTargets(const QStringList &counters, const QStringList &areas);

private:
    /// Reads the state again and reports it; `error` (a failed request) is kept in the report.
    void report(const QString &error = {});
    bool ready();

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
};

} // namespace ow::sync
