#pragma once

#include "core/Result.h"
#include "sync/SyncWorker.h"

#include <QObject>
#include <QThread>
#include <memory>

namespace ow::sync {

/// The sync worker on its own thread, for the workstation's main(): start it for a data folder
/// when the store is enrolled, connect the status bar to worker()->statusChanged, call wake()
/// after each local save. Stopping (or destroying) waits for the round under way to give up.
class SyncService : public QObject
{
    Q_OBJECT

public:
    /// A running service, or null when the store in `dataDirectory` is not enrolled (nothing to do).
    static Result<std::unique_ptr<SyncService>> startIfEnrolled(
        const QString &dataDirectory, QObject *parent = nullptr);
    ~SyncService() override;

    /// Lives in the service's thread: connect to its signals (queued), never call it directly.
    SyncWorker *worker() const { return m_worker; }
    /// Asks for a round now; safe from any thread.
    void wake();
    void stop();

private:
    SyncService(const QString &dataDirectory, QObject *parent);

    QThread m_thread;
    SyncWorker *m_worker = nullptr;
};

} // namespace ow::sync
