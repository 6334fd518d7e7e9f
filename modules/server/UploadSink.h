#pragma once

#include <QFile>
#include <QString>

namespace ow::server {

class UploadStore;

/// One upload chunk on its way to disk: the uploader's partial file, opened (and locked against a
/// second connection for the same upload) at the offset the server acknowledged, written piece by
/// piece as the bytes arrive, so no chunk is ever held whole in memory. Bytes beyond the end of the
/// file are refused. Until UploadStore::finish() acknowledges them the bytes do not count: a sink
/// dropped before (the connection was cut) cuts the file back to the acknowledged offset.
class UploadSink
{
public:
    ~UploadSink();
    UploadSink(const UploadSink &) = delete;
    UploadSink &operator=(const UploadSink &) = delete;

    /// Appends to the partial file; false when the bytes go past the end of the file or cannot be
    /// written (overflow() tells which).
    bool write(QByteArrayView bytes);
    /// The last write() failed because the chunk goes past the end of the file.
    bool overflow() const { return m_overflow; }
    QString errorString() const { return m_file.errorString(); }

    /// The file the bytes go to, and how many this chunk has written to it.
    const QFileDevice &device() const { return m_file; }
    qint64 offset() const { return m_offset; }
    qint64 written() const { return m_written; }

private:
    friend class UploadStore;

    UploadSink(QString path, QString sha256, QString uploaderId, QString hall, qint64 offset, qint64 total);
    /// Opens, locks and cuts the file to `m_offset`; false with errorString() or busy().
    bool open();
    /// Flushes the bytes to the disk (they must survive a power cut once acknowledged).
    bool sync();
    /// The bytes are acknowledged: the file is kept as it is.
    void keep() { m_kept = true; }
    /// Unlocks and closes the file, cutting it back first unless keep() was called.
    void release();
    /// Removes the partial file at `path` unless a sink holds it now; false when one does.
    static bool removeUnlessBusy(const QString &path);

    QFile m_file;
    QString m_sha256;
    QString m_uploaderId;
    QString m_hall;
    qint64 m_offset = 0;
    qint64 m_total = 0;
    qint64 m_written = 0;
    bool m_overflow = false;
    bool m_busy = false;
    bool m_locked = false;
    bool m_kept = false;
};

} // namespace ow::server
