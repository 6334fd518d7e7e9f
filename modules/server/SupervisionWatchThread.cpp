#include "server/SupervisionWatchThread.h"

#include "server/ServerSchema.h"
#include "server/SupervisionWatch.h"
#include "storage/Database.h"

namespace ow::server {

SupervisionWatchThread::SupervisionWatchThread(
    QString databaseSpec, Clock clock, supervision::SupervisionRules rules, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(databaseSpec))
    , m_clock(std::move(clock))
    , m_rules(rules)
{
    m_thread.setObjectName(QStringLiteral("supervision-watch"));
}

SupervisionWatchThread::~SupervisionWatchThread()
{
    stop();
}

void SupervisionWatchThread::start(qint64 intervalMs)
{
    if (m_context)
        return;
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    // Runs on m_thread: a QSqlDatabase connection belongs to the thread that opened it.
    connect(&m_thread, &QThread::started, m_context, [this, intervalMs] {
        Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(m_spec, false);
        if (!db) {
            Q_EMIT problem(db.error().message());
            return;
        }
        m_db = std::move(*db);
        m_watch = std::make_unique<SupervisionWatch>(*m_db, m_clock, m_rules);
        connect(m_watch.get(), &SupervisionWatch::evaluated, this, &SupervisionWatchThread::evaluated);
        connect(m_watch.get(), &SupervisionWatch::problem, this, &SupervisionWatchThread::problem);
        m_watch->start(intervalMs);
    });
    m_thread.start();
}

void SupervisionWatchThread::stop()
{
    if (!m_context)
        return;
    // The watch and the connection end on their own thread, after a round that is running.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_watch.reset();
            m_db.reset();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_context = nullptr;
}

} // namespace ow::server
