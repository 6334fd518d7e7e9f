#include "server/RequestLog.h"

#include <QJsonDocument>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <unistd.h>
#else
#include <cstdio>
#endif

namespace ow::server {

struct RequestLog::State
{
    std::mutex mutex;
    std::condition_variable wake; ///< the writer: lines arrived, or stop
    std::condition_variable idle; ///< flush(): the queue emptied
    std::deque<QByteArray> lines;
    qsizetype queuedBytes = 0;
    qsizetype maxQueuedBytes = 0;
    qint64 dropped = 0;
    qint64 droppedUnreported = 0;
    bool writing = false;
    bool stop = false;
    int fd = 1;
};

namespace {

// Writes all of `data`, waiting as long as the reader makes it wait: only this thread ever does.
bool writeAll(int fd, const QByteArray &data)
{
#ifdef Q_OS_UNIX
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
#else
    Q_UNUSED(fd);
    return std::fwrite(data.constData(), 1, size_t(data.size()), stdout) == size_t(data.size())
        && std::fflush(stdout) == 0;
#endif
}

void run(const std::shared_ptr<RequestLog::State> &state)
{
    std::unique_lock lock(state->mutex);
    while (true) {
        state->wake.wait(lock, [&] { return state->stop || !state->lines.empty(); });
        if (state->lines.empty()) {
            if (state->stop)
                return;
            continue;
        }
        QByteArray batch;
        while (!state->lines.empty()) {
            batch += state->lines.front();
            state->lines.pop_front();
        }
        state->queuedBytes = 0;
        if (state->droppedUnreported > 0) {
            batch += QJsonDocument(QJsonObject {{QStringLiteral("event"), QStringLiteral("log-dropped")},
                                       {QStringLiteral("lines"), double(state->droppedUnreported)}})
                         .toJson(QJsonDocument::Compact)
                + '\n';
            state->droppedUnreported = 0;
        }
        state->writing = true;
        lock.unlock();
        // A closed reader is not a reason to stop the server either: the lines are lost.
        (void)writeAll(state->fd, batch);
        lock.lock();
        state->writing = false;
        if (state->lines.empty())
            state->idle.notify_all();
    }
}

} // namespace

RequestLog::RequestLog(int fileDescriptor, qsizetype maxQueuedBytes)
    : m_state(std::make_shared<State>())
{
    m_state->fd = fileDescriptor;
    m_state->maxQueuedBytes = maxQueuedBytes;
    // The thread shares the state, not this object: if the reader never reads again, the writer
    // is left blocked and the state outlives the log.
    std::thread(run, m_state).detach();
}

RequestLog::~RequestLog()
{
    flush(1000);
    std::lock_guard lock(m_state->mutex);
    m_state->stop = true;
    m_state->wake.notify_all();
}

void RequestLog::write(const QJsonObject &line)
{
    writeLine(QJsonDocument(line).toJson(QJsonDocument::Compact));
}

void RequestLog::writeLine(QByteArray text)
{
    if (!text.endsWith('\n'))
        text += '\n';
    std::lock_guard lock(m_state->mutex);
    if (m_state->queuedBytes + text.size() > m_state->maxQueuedBytes) {
        ++m_state->dropped;
        ++m_state->droppedUnreported;
        return;
    }
    m_state->queuedBytes += text.size();
    m_state->lines.push_back(std::move(text));
    m_state->wake.notify_one();
}

bool RequestLog::flush(int timeoutMs)
{
    std::unique_lock lock(m_state->mutex);
    return m_state->idle.wait_for(lock, std::chrono::milliseconds(timeoutMs),
        [&] { return m_state->lines.empty() && !m_state->writing; });
}

qint64 RequestLog::dropped() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->dropped;
}

} // namespace ow::server
