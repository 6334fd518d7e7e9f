#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "supervision/SupervisionRules.h"

#include <QObject>
#include <QThread>
#include <memory>

namespace ow::storage {
class Database;
}

namespace ow::server {

class SupervisionWatch;

/// Runs a SupervisionWatch on a thread of its own with a database connection of its own, so a
/// round over a large hall never holds up the requests, which the server answers on its main
/// thread; only the round's short write transaction can make a request's write wait.
class SupervisionWatchThread : public QObject
{
    Q_OBJECT

public:
    SupervisionWatchThread(
        QString databaseSpec, Clock clock, supervision::SupervisionRules rules, QObject *parent = nullptr);
    ~SupervisionWatchThread() override;

    /// Starts the thread: the connection is opened there, then a round runs at once and every
    /// `intervalMs`. A connection that cannot be opened is reported through problem().
    void start(qint64 intervalMs);
    /// Lets a running round finish, then closes the connection and ends the thread.
    void stop();

Q_SIGNALS:
    /// Delivered on the thread that owns this object.
    void evaluated(int halls, int warnings, qint64 computeMs, qint64 writeMs);
    void problem(const QString &message);

private:
    QString m_spec;
    Clock m_clock;
    supervision::SupervisionRules m_rules;
    QThread m_thread;
    QObject *m_context = nullptr; ///< lives on m_thread; owns the connection and the watch there
    std::unique_ptr<storage::Database> m_db; ///< used on m_thread only
    std::unique_ptr<SupervisionWatch> m_watch; ///< used on m_thread only
};

} // namespace ow::server
