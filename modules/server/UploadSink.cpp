#include "server/UploadSink.h"

#ifdef Q_OS_UNIX
#include <sys/file.h>
#include <unistd.h>
#endif

namespace ow::server {

UploadSink::UploadSink(
    QString path, QString sha256, QString uploaderId, QString hall, qint64 offset, qint64 total)
    : m_file(path)
    , m_sha256(std::move(sha256))
    , m_uploaderId(std::move(uploaderId))
    , m_hall(std::move(hall))
    , m_offset(offset)
    , m_total(total)
{
}

UploadSink::~UploadSink()
{
    release();
}

void UploadSink::release()
{
    if (!m_file.isOpen())
        return;
    // Bytes nobody acknowledged never count: the file goes back to what the server said it holds.
    if (!m_kept && m_locked)
        m_file.resize(m_offset);
#ifdef Q_OS_UNIX
    if (m_locked)
        ::flock(m_file.handle(), LOCK_UN);
#endif
    m_file.close();
    m_locked = false;
}

bool UploadSink::removeUnlessBusy(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return !file.exists() || QFile::remove(path);
#ifdef Q_OS_UNIX
    if (::flock(file.handle(), LOCK_EX | LOCK_NB) != 0)
        return false;
    // Unlinked while locked: a sink that opens the path after this gets a new file.
    const bool removed = QFile::remove(path);
    ::flock(file.handle(), LOCK_UN);
    return removed;
#else
    file.close();
    return QFile::remove(path);
#endif
}

bool UploadSink::open()
{
    if (!m_file.open(QIODevice::ReadWrite))
        return false;
#ifdef Q_OS_UNIX
    // Two connections of one workstation sending the same chunk (a retry while the first is still
    // arriving) would write over each other; the lock is the operating system's, so it also holds
    // between server instances sharing the data folder, and the expiry sweep respects it.
    if (::flock(m_file.handle(), LOCK_EX | LOCK_NB) != 0) {
        m_busy = true;
        return false;
    }
#endif
    m_locked = true;
    // Bytes past the acknowledged offset were cut off by a crash or a dropped connection.
    return m_file.resize(m_offset) && m_file.seek(m_offset);
}

bool UploadSink::write(QByteArrayView bytes)
{
    m_overflow = m_offset + m_written + bytes.size() > m_total;
    if (m_overflow)
        return false;
    if (m_file.write(bytes.data(), bytes.size()) != bytes.size())
        return false;
    m_written += bytes.size();
    return true;
}

bool UploadSink::sync()
{
    if (!m_file.flush())
        return false;
#ifdef Q_OS_UNIX
    return ::fsync(m_file.handle()) == 0;
#else
    return true;
#endif
}

} // namespace ow::server
