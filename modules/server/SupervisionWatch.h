#pragma once

#include "core/ClockTimer.h"
#include "server/SupervisionRepository.h"

#include <QObject>

namespace ow::server {

/// Evaluates the warnings of every hall the server holds cases of on a timer of its own
/// (docs/supervision.md, `--supervision-interval`), so the warning history says when a warning
/// appeared and when it cleared even when no supervisor looks. Each round computes a hall's
/// warnings from the stored events first, outside any transaction, and then records them in one
/// short write transaction, so the write lock is held only for the recording.
/// Lives on the thread that runs it (SupervisionWatchThread runs it beside request handling).
class SupervisionWatch : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultIntervalMinutes = 10;

    /// What a round did and how long it took (real milliseconds, for the server's log).
    struct Round
    {
        int halls = 0;
        int warnings = 0;
        qint64 computeMs = 0; ///< reading and computing, all halls
        qint64 writeMs = 0; ///< the longest write transaction of one hall
    };

    SupervisionWatch(const storage::Database &db, Clock clock, supervision::SupervisionRules rules,
        QObject *parent = nullptr);

    /// One round now: every hall's warnings computed for today and recorded.
    Result<Round> evaluate();
    /// evaluate() now, then every `intervalMs` of the clock.
    void start(qint64 intervalMs);
    void stop();

Q_SIGNALS:
    void evaluated(int halls, int warnings, qint64 computeMs, qint64 writeMs);
    /// A round failed; the next one tries again.
    void problem(const QString &message);

private:
    void tick();

    SupervisionRepository m_repository;
    ClockTimer m_timer;
    qint64 m_intervalMs = qint64(kDefaultIntervalMinutes) * 60 * 1000;
};

} // namespace ow::server
