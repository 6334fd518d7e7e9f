#include "sync/SyncService.h"

#include "sync/SyncSettings.h"

namespace ow::sync {

SyncService::SyncService(const QString &dataDirectory, QObject *parent)
    : QObject(parent)
    , m_worker(new SyncWorker(dataDirectory))
{
    m_thread.setObjectName(QStringLiteral("sync"));
    m_worker->moveToThread(&m_thread);
    // The worker's store connection and sockets belong to the thread: it is deleted there too.
    connect(&m_thread, &QThread::started, m_worker, &SyncWorker::start);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

Result<std::unique_ptr<SyncService>> SyncService::startIfEnrolled(
    const QString &dataDirectory, QObject *parent)
{
    Result<std::optional<SyncSettings>> settings = SyncSettings::readFrom(dataDirectory);
    if (!settings)
        return failWith(settings.error());
    if (!*settings)
        return std::unique_ptr<SyncService>();
    return std::unique_ptr<SyncService>(new SyncService(dataDirectory, parent));
}

SyncService::~SyncService()
{
    stop();
}

void SyncService::wake()
{
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_worker, &SyncWorker::wake, Qt::QueuedConnection);
}

void SyncService::stop()
{
    if (!m_thread.isRunning())
        return;
    // quit() also ends the nested event loop of a request under way; the round then fails and
    // returns, and the thread finishes.
    m_thread.quit();
    m_thread.wait();
}

} // namespace ow::sync
