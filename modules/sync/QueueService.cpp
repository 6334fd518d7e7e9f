#include "sync/QueueService.h"

namespace ow::sync {

QueueService::QueueService(const QString &server, const QString &token, const QString &counter,
    const QString &clerk, Clock clock, QObject *parent)
    : QObject(parent)
    , m_worker(new QueueWorker(server, token, counter, clerk, std::move(clock)))
    , m_counter(counter)
{
    qRegisterMetaType<QueueStatus>();
    qRegisterMetaType<QueueTicket>();
    m_thread.setObjectName(QStringLiteral("queue"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, m_worker, &QueueWorker::start);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

std::unique_ptr<QueueService> QueueService::forHall(
    const std::optional<SyncSettings> &hall, const QString &clerk, QObject *parent)
{
    if (!hall || !hall->isEnrolled())
        return {};
    return std::make_unique<QueueService>(
        hall->server, hall->token, hall->workstation.counter, clerk, Clock(), parent);
}

QueueService::~QueueService()
{
    stop();
}

void QueueService::refresh()
{
    post([worker = m_worker] { worker->refresh(); });
}

void QueueService::setCounterState(const QString &state)
{
    post([worker = m_worker, state] { worker->setCounterState(state); });
}

void QueueService::callNext()
{
    post([worker = m_worker] { worker->callNext(); });
}

void QueueService::act(const QString &action, const QString &area, const QString &to)
{
    post([worker = m_worker, action, area, to] { worker->act(action, area, to); });
}

void QueueService::startService()
{
    post([worker = m_worker] { worker->startService(); });
}

void QueueService::finish(const QString &number)
{
    post([worker = m_worker, number] { worker->finish(number); });
}

void QueueService::listTargets()
{
    post([worker = m_worker] { worker->listTargets(); });
}

void QueueService::setLocked(bool locked)
{
    post([worker = m_worker, locked] { worker->setLocked(locked); });
}

void QueueService::leave(const QString &state, int timeout)
{
    // Blocking: the window (and this service with it) goes away right after.
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, state, timeout] { worker->leave(state, timeout); },
            Qt::BlockingQueuedConnection);
}

void QueueService::stop()
{
    if (!m_thread.isRunning())
        return;
    // quit() also ends the nested event loop of a request under way; it fails and returns.
    m_thread.quit();
    m_thread.wait();
}

} // namespace ow::sync
