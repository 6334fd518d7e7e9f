#include "server/UploadSweeper.h"

#include "cases/CaseJson.h"
#include "server/Api.h"
#include "server/RequestLog.h"

#include <QJsonObject>

namespace ow::server {

UploadSweeper::UploadSweeper(Api &api, RequestLog &log, Clock clock, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_log(log)
    , m_timer(std::move(clock))
{
    connect(&m_timer, &ClockTimer::timeout, this, &UploadSweeper::sweep);
}

void UploadSweeper::start(qint64 intervalMs)
{
    m_intervalMs = intervalMs;
    m_timer.start(0);
}

void UploadSweeper::stop()
{
    m_timer.stop();
}

void UploadSweeper::sweep()
{
    Result<QList<UploadStore::Expired>> removed = m_api.sweepUploads();
    const QString now = cases::CaseJson::timeText(m_api.clock().nowUtc());
    if (!removed) {
        // Tried again at the next interval; a database that is away now is no reason to stop.
        m_log.write(QJsonObject {{QStringLiteral("time"), now},
            {QStringLiteral("event"), QStringLiteral("upload-sweep-failed")},
            {QStringLiteral("message"), removed.error().message()}});
    } else {
        for (const UploadStore::Expired &upload : std::as_const(*removed))
            m_log.write(QJsonObject {{QStringLiteral("time"), now},
                {QStringLiteral("event"), QStringLiteral("upload-expired")},
                {QStringLiteral("credential"), upload.uploader}, {QStringLiteral("sha256"), upload.sha256},
                {QStringLiteral("received"), double(upload.received)},
                {QStringLiteral("lastChunk"), upload.updated}});
    }
    m_timer.start(m_intervalMs);
    Q_EMIT swept(removed ? int(removed->size()) : 0);
}

} // namespace ow::server
