#include "server/UploadStore.h"

#include "cases/CaseJson.h"
#include "storage/Transaction.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace ow::server {

namespace protocol = ow::sync::protocol;

namespace {

// A chunk acknowledged to the client must survive a power cut, as a committed event does.
bool syncToDisk(QFile &file)
{
    if (!file.flush())
        return false;
#ifdef Q_OS_UNIX
    return ::fsync(file.handle()) == 0;
#else
    return true;
#endif
}

Failure ioFailure(const QString &path, const QString &detail)
{
    return fail(Error::Code::Io,
        QCoreApplication::translate("ow::server", "The attachment file %1 could not be written: %2")
            .arg(QDir::toNativeSeparators(path), detail));
}

} // namespace

UploadStore::UploadStore(const storage::Database &db, QString directory, Clock clock)
    : m_db(db)
    , m_directory(std::move(directory))
    , m_clock(std::move(clock))
{
}

QString UploadStore::finalPath(const QString &sha256) const
{
    return m_directory + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256;
}

QString UploadStore::partialPath(const QString &sha256) const
{
    return m_directory + QStringLiteral("/partial/") + sha256 + QStringLiteral(".part");
}

std::optional<QString> UploadStore::completeFile(const QString &sha256) const
{
    const QString path = finalPath(sha256);
    if (QFileInfo::exists(path))
        return path;
    return std::nullopt;
}

Result<UploadStore::Progress> UploadStore::progress(const QString &sha256) const
{
    Progress progress;
    if (const std::optional<QString> path = completeFile(sha256)) {
        progress.received = QFileInfo(*path).size();
        progress.total = progress.received;
        progress.complete = true;
        return progress;
    }
    progress.received = QFileInfo(partialPath(sha256)).size();
    Result<QVariant> total
        = m_db.scalar(QStringLiteral("SELECT total FROM attachments WHERE sha256 = ?"), {sha256});
    if (!total)
        return failWith(total.error());
    if (!total->isNull() && progress.received > 0)
        progress.total = total->toLongLong();
    return progress;
}

Result<void> UploadStore::recordProgress(const QString &sha256, qint64 size, qint64 total, bool complete)
{
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return done;
    Result<storage::Rows> upsert = m_db.run(
        QStringLiteral(
            "INSERT INTO attachments (sha256, size, total, received, complete) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (sha256) DO UPDATE SET size = excluded.size, total = excluded.total,"
            " received = excluded.received, complete = excluded.complete"),
        {sha256, size, total, cases::CaseJson::timeText(m_clock.nowUtc()), complete ? 1 : 0});
    if (!upsert)
        return failWith(upsert.error());
    return transaction.commit();
}

Result<UploadStore::Outcome> UploadStore::append(
    const QString &sha256, qint64 offset, qint64 total, const QByteArray &chunk)
{
    Outcome outcome;
    Result<Progress> now = progress(sha256);
    if (!now)
        return failWith(now.error());
    outcome.progress = *now;
    if (now->complete)
        return outcome;
    if (total <= 0 || total > protocol::kMaxAttachment) {
        outcome.refusal = total > protocol::kMaxAttachment ? Refusal::TooLarge : Refusal::Invalid;
        outcome.message
            = QCoreApplication::translate("ow::server", "An attachment is 1 byte to %1 bytes, not %2.")
                  .arg(protocol::kMaxAttachment)
                  .arg(total);
        return outcome;
    }
    if (offset != now->received) {
        outcome.refusal = Refusal::OffsetMismatch;
        outcome.message = QCoreApplication::translate("ow::server", "The server holds %1 bytes, not %2.")
                              .arg(now->received)
                              .arg(offset);
        return outcome;
    }
    if (offset + chunk.size() > total) {
        outcome.refusal = Refusal::Invalid;
        outcome.message
            = QCoreApplication::translate("ow::server", "The chunk goes past the end of the file.");
        return outcome;
    }
    const QString partial = partialPath(sha256);
    if (!QDir().mkpath(QFileInfo(partial).absolutePath()))
        return ioFailure(
            partial, QCoreApplication::translate("ow::server", "the folder could not be created"));
    {
        QFile file(partial);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(chunk) != chunk.size()
            || !syncToDisk(file))
            return ioFailure(partial, file.errorString());
    }
    const qint64 received = offset + chunk.size();
    outcome.progress.received = received;
    outcome.progress.total = total;
    if (received < total) {
        Result<void> recorded = recordProgress(sha256, received, total, false);
        if (!recorded)
            return failWith(recorded.error());
        return outcome;
    }
    QFile file(partial);
    if (!file.open(QIODevice::ReadOnly))
        return ioFailure(partial, file.errorString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    file.close();
    if (QString::fromLatin1(hash.result().toHex()) != sha256) {
        QFile::remove(partial);
        Result<storage::Rows> drop
            = m_db.run(QStringLiteral("DELETE FROM attachments WHERE sha256 = ?"), {sha256});
        if (!drop)
            return failWith(drop.error());
        outcome.refusal = Refusal::HashMismatch;
        outcome.progress = Progress();
        outcome.message = QCoreApplication::translate(
            "ow::server", "The file received does not have the SHA-256 it was sent under; it was dropped.");
        return outcome;
    }
    const QString target = finalPath(sha256);
    if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::rename(partial, target))
        return ioFailure(
            target, QCoreApplication::translate("ow::server", "the finished file could not be moved"));
    Result<void> recorded = recordProgress(sha256, received, total, true);
    if (!recorded)
        return failWith(recorded.error());
    outcome.progress.complete = true;
    return outcome;
}

} // namespace ow::server
