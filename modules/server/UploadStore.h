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
class UploadStore
{
public:
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

    Result<Progress> progress(const QString &sha256) const;
    /// Appends a chunk at `offset`; `total` is the size of the whole file.
    Result<Outcome> append(const QString &sha256, qint64 offset, qint64 total, const QByteArray &chunk);
    /// The path of a complete file, or nullopt.
    std::optional<QString> completeFile(const QString &sha256) const;

private:
    QString finalPath(const QString &sha256) const;
    QString partialPath(const QString &sha256) const;
    Result<void> recordProgress(const QString &sha256, qint64 size, qint64 total, bool complete);

    const storage::Database &m_db;
    QString m_directory;
    Clock m_clock;
};

} // namespace ow::server
