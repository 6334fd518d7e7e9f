#pragma once

#include "sync/QueueWorker.h"
#include "sync/SyncSettings.h"

#include <QObject>
#include <QThread>
#include <memory>

namespace ow::sync {

/// The queue worker on its own thread, for the workstation: every intent is forwarded to the worker
/// (queued); connect to worker()'s signals for what comes back. Stopping (or destroying) waits for
/// the request under way to give up.
class QueueService : public QObject
{
    Q_OBJECT

public:
    QueueService(const QString &server, const QString &token, const QString &counter, const QString &clerk,
        Clock clock = {}, QObject *parent = nullptr);
    /// For an enrolled workstation, its hall's server and counter; null when not enrolled (a
    /// standalone counter has no queue).
    static std::unique_ptr<QueueService> forHall(
        const std::optional<SyncSettings> &hall, const QString &clerk, QObject *parent = nullptr);
    ~QueueService() override;

    /// Lives in the service's thread: connect to its signals (queued), never call it directly.
    QueueWorker *worker() const { return m_worker; }
    const QString &counter() const { return m_counter; }

    void refresh();
    void setCounterState(const QString &state);
    void callNext();
    void act(const QString &action, const QString &area = {}, const QString &to = {});
    void startService();
    void finish(const QString &number);
    void listTargets();
    /// The workstation was locked or unlocked: the counter is paused, or opened again (QueueWorker).
    void setLocked(bool locked);
    /// The clerk leaves (`paused` for switch user, `closed` for quit): waits, at most about
    /// `timeout` milliseconds, for the kept changes and the counter's state to reach the server.
    void leave(const QString &state, int timeout = 3000);
    void stop();

private:
    template<typename F> void post(F &&call)
    {
        if (m_thread.isRunning())
            QMetaObject::invokeMethod(m_worker, std::forward<F>(call), Qt::QueuedConnection);
    }

    QThread m_thread;
    QueueWorker *m_worker = nullptr;
    QString m_counter;
};

} // namespace ow::sync
