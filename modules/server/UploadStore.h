#pragma once

#include "core/Clock.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace ow::server {

/// Resumable, content-addressed uploads of scans. The bytes received so far are the partial file
/// itself (its size is the offset), so an upload survives a crash of the server at any point; a
/// finished file is checked against its SHA-256 and moved to its final name, never written again.
///
/// An unfinished upload belongs to the workstation that started it (its own partial file and its
/// first declared total), and a complete file counts for a hall only once a workstation of that
/// hall has sent all of its bytes: the answers never tell one hall what another hall holds.
class UploadStore
{
public:
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
    };

    struct Outcome
    {
        Refusal refusal = Refusal::None;
        Progress progress;
        QString message;
    };

    UploadStore(const storage::Database &db, QString directory, Clock clock);

    /// What this uploader has sent: complete when its hall holds the file.
    Result<Progress> progress(const QString &sha256, const Uploader &uploader) const;
    /// Appends a chunk at `offset`; `total` is the size of the whole file, fixed by the first chunk.
    Result<Outcome> append(const QString &sha256, const Uploader &uploader, qint64 offset, qint64 total,
        const QByteArray &chunk);
    /// The path of a complete file, or nullopt.
    std::optional<QString> completeFile(const QString &sha256) const;

private:
    QString finalPath(const QString &sha256) const;
    QString partialPath(const QString &sha256, const Uploader &uploader) const;
    Result<bool> isHeld(const QString &sha256, const QString &hall) const;
    Result<std::optional<qint64>> declaredTotal(const QString &sha256, const Uploader &uploader) const;
    Result<void> recordPartial(const QString &sha256, const Uploader &uploader, qint64 size, qint64 total);
    /// The hall holds the file from now on; the uploader's partial record goes.
    Result<void> recordComplete(const QString &sha256, const Uploader &uploader, qint64 size);
    Result<void> dropPartial(const QString &sha256, const Uploader &uploader);

    const storage::Database &m_db;
    QString m_directory;
    Clock m_clock;
};

} // namespace ow::server
