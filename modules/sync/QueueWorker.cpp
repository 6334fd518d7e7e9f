#include "sync/QueueWorker.h"

#include <QCoreApplication>
#include <QHash>
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
        connect(m_timer, &ClockTimer::timeout, this, &QueueWorker::refresh);
    }
    refresh();
}

bool QueueWorker::ready()
{
    return m_client != nullptr;
}

void QueueWorker::refresh()
{
    if (ready())
        report(sendKept());
}

void QueueWorker::report(const QString &error)
{
    Result<QueueStatus> status = m_client->status();
    if (status) {
        m_status = *status;
        m_status.error = error;
        // What the server does not know yet is ours: the ticket stays as it was left here.
        for (const Change &change : std::as_const(m_kept))
            if (change.ticket == m_status.current.id && change.action != u"serve"_s)
                m_status.current = {};
    } else {
        // The last state known stays on the bar, marked as out of reach.
        m_status.reachable = m_http->lastFailure().status != 0;
        m_status.error = status.error().message();
    }
    m_status.kept.clear();
    for (const Change &change : std::as_const(m_kept))
        m_status.kept.append(change.number + u' ' + change.action);
    Q_EMIT statusChanged(m_status);
    m_timer->start(m_pollInterval);
}

void QueueWorker::setCounterState(const QString &state)
{
    if (!ready())
        return;
    m_pausedByLock = false; // the clerk decided: unlocking leaves it as it is
    Result<void> set = m_client->setCounter(state, m_clerk);
    if (!set)
        Q_EMIT message(set.error().message(), true);
    report(set ? QString() : set.error().message());
}

void QueueWorker::callNext()
{
    if (!ready())
        return;
    // A change kept from before goes first: a ticket finished here while the server was away must
    // not hold up (or be finished by) this call.
    if (const QString away = sendKept(); !away.isEmpty()) {
        Q_EMIT message(away, true);
        report(away);
        return;
    }
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
    keep({m_status.current.id, m_status.current.number, action, area, to});
    report(sendKeptSaying());
}

void QueueWorker::startService()
{
    if (!ready() || !m_status.current.isValid() || m_status.current.state != u"called"_s)
        return;
    keep({m_status.current.id, m_status.current.number, u"serve"_s, {}, {}});
    const QString away = sendKept();
    if (away.isEmpty())
        m_status.current.state = u"serving"_s;
    report(away);
}

void QueueWorker::finish(const QString &number)
{
    if (!ready() || number.isEmpty())
        return;
    // The bar's state may be a poll behind: read it before deciding which ticket is meant. Out of
    // reach, the last state known decides.
    if (m_kept.isEmpty())
        if (Result<QueueStatus> status = m_client->status(); status)
            m_status = *status;
    const QueueTicket &current = m_status.current;
    if (!current.isValid() || current.number != number) {
        report(); // transferred, marked a no-show or finished meanwhile: nothing of this counter's to end
        return;
    }
    if (current.state == u"called"_s)
        keep({current.id, current.number, u"serve"_s, {}, {}});
    keep({current.id, current.number, u"done"_s, {}, {}});
    report(sendKeptSaying());
}

QString QueueWorker::sendKeptSaying()
{
    const QString away = sendKept();
    if (!away.isEmpty())
        Q_EMIT message(QCoreApplication::translate("ow::sync",
                           "The hall's queue cannot be reached (%1); the ticket's change is kept and sent "
                           "when it answers again.")
                           .arg(away),
            true);
    return away;
}

void QueueWorker::keep(const Change &change)
{
    for (const Change &kept : std::as_const(m_kept))
        if (kept.ticket == change.ticket && kept.action == change.action)
            return;
    m_kept.append(change);
}

QString QueueWorker::sendKept()
{
    while (!m_kept.isEmpty()) {
        const Change change = m_kept.constFirst();
        Result<QueueTicket> sent = m_client->act(change.ticket, change.action, change.area, change.to);
        if (!sent) {
            const int status = m_http->lastFailure().status;
            if (status == 0 || status >= 500)
                return sent.error().message(); // kept, in order, for the next round
            if (!alreadyApplied(change))
                Q_EMIT message(sent.error().message(), true);
        }
        m_kept.removeFirst();
    }
    return {};
}

bool QueueWorker::alreadyApplied(const Change &change)
{
    static const QHash<QString, QString> outcome {{u"serve"_s, u"serving"_s}, {u"done"_s, u"done"_s},
        {u"no-show"_s, u"no-show"_s}, {u"park"_s, u"parked"_s}, {u"transfer"_s, u"transferred"_s}};
    if (!outcome.contains(change.action))
        return false;
    Result<QueueTicket> now = m_client->ticket(change.ticket);
    if (!now)
        return false;
    // Served and then done by a later change, or done when serving was asked: past it, either way.
    if (change.action == u"serve"_s && now->state == u"done"_s)
        return true;
    return now->state == outcome.value(change.action);
}

void QueueWorker::setLocked(bool locked)
{
    if (!ready())
        return;
    if (locked) {
        if (Result<QueueStatus> status = m_client->status(); status)
            m_status = *status;
        else
            return; // out of reach: nothing to say, the clerk is gone
        if (m_status.counterState == u"open"_s && m_client->setCounter(u"paused"_s, m_clerk))
            m_pausedByLock = true;
    } else if (m_pausedByLock) {
        if (m_client->setCounter(u"open"_s, m_clerk))
            m_pausedByLock = false;
    }
    report();
}

void QueueWorker::leave(const QString &state, int timeout)
{
    if (!ready())
        return;
    m_timer->stop();
    m_http->setTimeout(timeout);
    if (!sendKept().isEmpty())
        return; // out of reach: the counter's state cannot be set either
    Result<QueueStatus> status = m_client->status();
    if (!status)
        return;
    const QString &now = status->counterState;
    // Pausing only pauses an open counter; a closed one stays closed.
    if ((state == u"paused"_s && now == u"open"_s) || (state == u"closed"_s && now != u"closed"_s))
        (void)m_client->setCounter(state, m_clerk);
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
