#include "sync/QueueWorker.h"

#include <QCoreApplication>
#include <QUrl>

namespace ow::sync {

using namespace Qt::StringLiterals;

QueueWorker::QueueWorker(
    QString server, QString token, QString counter, QString clerk, Clock clock, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_token(std::move(token))
    , m_counter(std::move(counter))
    , m_clerk(std::move(clerk))
    , m_clock(std::move(clock))
{
}

QueueWorker::~QueueWorker() = default;

void QueueWorker::start()
{
    if (!m_client) {
        // Created here, in the worker's thread, like the sync worker's client.
        m_http = std::make_unique<SyncClient>(QUrl(m_server), m_token);
        m_http->setClock(m_clock);
        // A counter waits on its call: a server that does not answer soon is reported as away.
        m_http->setTimeout(10000);
        m_client = std::make_unique<QueueClient>(*m_http, m_counter);
        m_timer = new ClockTimer(m_clock, this);
        connect(m_timer, &ClockTimer::timeout, this, [this] { report(); });
    }
    report();
}

bool QueueWorker::ready()
{
    return m_client != nullptr;
}

void QueueWorker::refresh()
{
    if (ready())
        report();
}

void QueueWorker::report(const QString &error)
{
    Result<QueueStatus> status = m_client->status();
    if (status) {
        m_status = *status;
        m_status.error = error;
    } else {
        // The last state known stays on the bar, marked as out of reach.
        m_status.reachable = m_http->lastFailure().status != 0;
        m_status.error = status.error().message();
    }
    Q_EMIT statusChanged(m_status);
    m_timer->start(m_pollInterval);
}

void QueueWorker::setCounterState(const QString &state)
{
    if (!ready())
        return;
    Result<void> set = m_client->setCounter(state, m_clerk);
    if (!set)
        Q_EMIT message(set.error().message(), true);
    report(set ? QString() : set.error().message());
}

void QueueWorker::callNext()
{
    if (!ready())
        return;
    Result<std::optional<QueueTicket>> called = m_client->callNext(m_clerk);
    if (!called) {
        Q_EMIT message(called.error().message(), true);
        report(called.error().message());
        return;
    }
    if (!*called) {
        Q_EMIT message(QCoreApplication::translate("ow::sync", "Nobody is waiting for this counter."), false);
        report();
        return;
    }
    Q_EMIT ticketCalled(**called);
    report();
}

void QueueWorker::act(const QString &action, const QString &area, const QString &to)
{
    if (!ready() || !m_status.current.isValid())
        return;
    Result<QueueTicket> moved = m_client->act(m_status.current.id, action, area, to);
    if (!moved)
        Q_EMIT message(moved.error().message(), true);
    report(moved ? QString() : moved.error().message());
}

void QueueWorker::startService()
{
    if (!ready() || !m_status.current.isValid() || m_status.current.state != u"called"_s)
        return;
    Result<QueueTicket> served = m_client->act(m_status.current.id, u"serve"_s);
    if (served)
        m_status.current = *served;
    report(served ? QString() : served.error().message());
}

void QueueWorker::finish(const QString &number)
{
    if (!ready() || number.isEmpty())
        return;
    // The bar's state may be a poll behind: read it before deciding which ticket is meant.
    if (Result<QueueStatus> status = m_client->status(); status)
        m_status = *status;
    const QueueTicket &current = m_status.current;
    if (!current.isValid() || current.number != number) {
        report(); // transferred, marked a no-show or finished meanwhile: nothing of this counter's to end
        return;
    }
    if (current.state == u"called"_s) {
        Result<QueueTicket> served = m_client->act(current.id, u"serve"_s);
        if (!served) {
            Q_EMIT message(served.error().message(), true);
            report(served.error().message());
            return;
        }
    }
    Result<QueueTicket> done = m_client->act(current.id, u"done"_s);
    if (!done)
        Q_EMIT message(done.error().message(), true);
    report(done ? QString() : done.error().message());
}

void QueueWorker::listTargets()
{
    if (!ready())
        return;
    Result<QueueTargets> targets = m_client->transferTargets();
    if (!targets) {
        Q_EMIT message(targets.error().message(), true);
        return;
    }
    Q_EMIT transferTargets(targets->counters, targets->areas);
}

} // namespace ow::sync
