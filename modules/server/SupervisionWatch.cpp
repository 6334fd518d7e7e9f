#include "server/SupervisionWatch.h"

#include <QElapsedTimer>

namespace ow::server {

SupervisionWatch::SupervisionWatch(
    const storage::Database &db, Clock clock, supervision::SupervisionRules rules, QObject *parent)
    : QObject(parent)
    , m_repository(db, clock, rules)
    , m_timer(clock)
{
    connect(&m_timer, &ClockTimer::timeout, this, &SupervisionWatch::tick);
}

Result<SupervisionWatch::Round> SupervisionWatch::evaluate()
{
    Round round;
    Result<QStringList> halls = m_repository.halls();
    if (!halls)
        return failWith(halls.error());
    // Durations of the work itself, for the log; the Clock decides when a round runs, not this.
    QElapsedTimer elapsed;
    for (const QString &hall : std::as_const(*halls)) {
        elapsed.start();
        Result<SupervisionRepository::HallView> view = m_repository.compute(hall, m_repository.today());
        if (!view)
            return failWith(view.error());
        round.computeMs += elapsed.restart();
        if (Result<void> recorded = m_repository.record(hall, *view); !recorded)
            return failWith(recorded.error());
        round.writeMs = std::max(round.writeMs, elapsed.elapsed());
        round.warnings += int(view->warnings.size());
        ++round.halls;
    }
    return round;
}

void SupervisionWatch::start(qint64 intervalMs)
{
    m_intervalMs = intervalMs;
    m_timer.start(0);
}

void SupervisionWatch::stop()
{
    m_timer.stop();
}

void SupervisionWatch::tick()
{
    Result<Round> round = evaluate();
    m_timer.start(m_intervalMs);
    if (!round) {
        Q_EMIT problem(round.error().message());
        return;
    }
    Q_EMIT evaluated(round->halls, round->warnings, round->computeMs, round->writeMs);
}

} // namespace ow::server
