#pragma once

#include "core/Clock.h"
#include "server/UploadSink.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace ow::server {

/// Resumable, content-addressed uploads of scans. Each chunk is written to the uploader's partial
/// file as it arrives (UploadSink), never held whole in memory; only bytes the server acknowledged
/// count (their number is recorded in the database after they are on the disk), so an upload
/// survives a crash of the server or a cut connection at any point and resumes at the acknowledged
/// offset. A finished file is checked against its SHA-256 and moved to its final name, never
/// written again. An unfinished upload untouched for longer than the expiry is removed by sweep().
///
/// An unfinished upload belongs to the workstation that started it (its own partial file and its
/// first declared total), and a complete file counts for a hall only once a workstation of that
/// hall has sent all of its bytes: the answers never tell one hall what another hall holds.
class UploadStore
{
public:
    static constexpr qint64 kDefaultExpiryDays = 7;

    /// Who uploads: a workstation's credential id and its hall.
    struct Uploader
    {
        QString id;
        QString hall;
    };

    struct Progress
    {
        qint64 received = 0;
        std::optional<qint64> total;
        bool complete = false;
    };

    enum class Refusal
    {
        None,
        OffsetMismatch,
        HashMismatch,
        TooLarge,
        Invalid,
        Busy, ///< the same upload is being received on another connection
    };

    struct Outcome
    {
        Refusal refusal = Refusal::None;
        Progress progress;
        QString message;
    };

    /// An unfinished upload removed by sweep(), for the log.
    struct Expired
    {
        QString uploader;
        QString sha256;
        qint64 received = 0;
        QString updated; ///< when its last chunk was acknowledged
    };

    UploadStore(const storage::Database &db, QString directory, Clock clock);

    /// How long an unfinished upload may go without a chunk before sweep() removes it.
    void setExpiryDays(qint64 days) { m_expiryDays = days; }
    qint64 expiryDays() const { return m_expiryDays; }

    /// What this uploader has sent and the server acknowledged: complete when its hall holds the file.
    Result<Progress> progress(const QString &sha256, const Uploader &uploader) const;
    /// Decides on a chunk before any of its bytes is read: the total (fixed by the first chunk), the
    /// offset (the acknowledged bytes), the declared length (-1: not known, chunked). When the
    /// upload is to go on, *sink is where the bytes go; already complete, there is no sink.
    Result<Outcome> begin(const QString &sha256, const Uploader &uploader, qint64 offset, qint64 total,
        qint64 declaredLength, std::unique_ptr<UploadSink> *sink);
    /// The sink took the whole chunk: its bytes are synced to the disk and acknowledged; the last
    /// chunk's file is checked against its SHA-256 and becomes the hall's.
    Result<Outcome> finish(std::unique_ptr<UploadSink> sink);
    /// begin(), write and finish() of a chunk already in memory.
    Result<Outcome> append(const QString &sha256, const Uploader &uploader, qint64 offset, qint64 total,
        const QByteArray &chunk);
    /// Removes the unfinished uploads (records and partial files) not touched for the expiry, and
    /// partial files without a record as old; one being received just now is left alone.
    Result<QList<Expired>> sweep();
    /// The path of a complete file, or nullopt.
    std::optional<QString> completeFile(const QString &sha256) const;
    /// A whole file in memory whose SHA-256 the caller checked (a department's result document):
    /// kept under its final name like a finished upload, and held by `hall` from now on.
    Result<void> storeWhole(const QString &sha256, const QByteArray &bytes, const QString &hall);

private:
    struct Partial
    {
        qint64 total = 0;
        qint64 size = 0;
    };

    QString finalPath(const QString &sha256) const;
    QString partialPath(const QString &sha256, const QString &uploaderId) const;
    Result<bool> isHeld(const QString &sha256, const QString &hall) const;
    Result<std::optional<Partial>> partialRecord(const QString &sha256, const Uploader &uploader) const;
    Result<void> recordPartial(const QString &sha256, const QString &uploaderId, qint64 size, qint64 total);
    /// The hall holds the file from now on; the uploader's partial record goes (none when empty).
    Result<void> recordHeld(
        const QString &sha256, qint64 size, const QString &hall, const QString &uploaderId);
    Result<void> dropPartial(const QString &sha256, const QString &uploaderId);
    Result<Outcome> completeUpload(UploadSink &sink, qint64 received);
    QString offsetMessage(qint64 held, qint64 offset) const;

    const storage::Database &m_db;
    QString m_directory;
    Clock m_clock;
    qint64 m_expiryDays = kDefaultExpiryDays;
};

} // namespace ow::server
