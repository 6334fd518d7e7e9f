#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <memory>

namespace ow::server {

/// The server's log on a file descriptor (standard output), written by a thread of its own so that
/// request handling only ever queues a line: a log reader that stops reading (a hung collector, a
/// full pipe) never stops the server. The queue is bounded; when it is full, lines are dropped and
/// counted, and once the reader takes lines again the count is written as
/// {"event":"log-dropped","lines":N}.
class RequestLog
{
public:
    static constexpr qsizetype kDefaultQueueBytes = 4 * 1024 * 1024;

    explicit RequestLog(int fileDescriptor = 1, qsizetype maxQueuedBytes = kDefaultQueueBytes);
    /// Waits up to a second for the queue to drain, then leaves a stalled writer behind.
    ~RequestLog();
    RequestLog(const RequestLog &) = delete;
    RequestLog &operator=(const RequestLog &) = delete;

    /// Queues one JSON line; never blocks on the reader.
    void write(const QJsonObject &line);
    /// Queues one line of text as it is (a line feed is added when it has none); never blocks.
    void writeLine(QByteArray line);
    /// Waits up to `timeoutMs` for every queued line to be written; false when the reader stalls.
    bool flush(int timeoutMs);
    /// Lines dropped so far because the queue was full.
    qint64 dropped() const;

    /// What the log and its writer thread share; it outlives the log while the writer is stuck.
    struct State;

private:
    std::shared_ptr<State> m_state;
};

} // namespace ow::server
