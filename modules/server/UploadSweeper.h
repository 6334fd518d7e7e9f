#pragma once

#include "core/ClockTimer.h"

#include <QObject>

namespace ow::server {

class Api;
class RequestLog;

/// Removes unfinished uploads past their expiry (Api::sweepUploads) at start and then every
/// interval of the server's Clock, and logs each removal as one JSON line
/// {"event": "upload-expired", "credential", "sha256", "received", "lastChunk"}.
class UploadSweeper : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kIntervalMs = 60 * 60 * 1000;

    UploadSweeper(Api &api, RequestLog &log, Clock clock, QObject *parent = nullptr);

    /// Sweeps now, then every `intervalMs`.
    void start(qint64 intervalMs = kIntervalMs);
    void stop();

Q_SIGNALS:
    /// A sweep ended; `removed` uploads were removed.
    void swept(int removed);

private:
    void sweep();

    Api &m_api;
    RequestLog &m_log;
    ClockTimer m_timer;
    qint64 m_intervalMs = kIntervalMs;
};

} // namespace ow::server
