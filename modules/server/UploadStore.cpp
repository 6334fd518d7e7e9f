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

QString UploadStore::partialPath(const QString &sha256, const Uploader &uploader) const
{
    // The credential id is ours, but a file name takes no chances: a digest of it.
    const QString owner = QString::fromLatin1(
        QCryptographicHash::hash(uploader.id.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
    return m_directory + QStringLiteral("/partial/") + owner + QLatin1Char('/') + sha256
        + QStringLiteral(".part");
}

std::optional<QString> UploadStore::completeFile(const QString &sha256) const
{
    const QString path = finalPath(sha256);
    if (QFileInfo::exists(path))
        return path;
    return std::nullopt;
}

Result<bool> UploadStore::isHeld(const QString &sha256, const QString &hall) const
{
    Result<QVariant> count
        = m_db.scalar(QStringLiteral("SELECT count(*) FROM attachment_holders WHERE sha256 = ? AND hall = ?"),
            {sha256, hall});
    if (!count)
        return failWith(count.error());
    return count->toInt() > 0;
}

Result<std::optional<qint64>> UploadStore::declaredTotal(
    const QString &sha256, const Uploader &uploader) const
{
    Result<QVariant> total
        = m_db.scalar(QStringLiteral("SELECT total FROM partial_uploads WHERE uploader = ? AND sha256 = ?"),
            {uploader.id, sha256});
    if (!total)
        return failWith(total.error());
    if (total->isNull() || !total->isValid())
        return std::optional<qint64>();
    return std::optional<qint64>(total->toLongLong());
}

Result<UploadStore::Progress> UploadStore::progress(const QString &sha256, const Uploader &uploader) const
{
    Progress progress;
    Result<bool> held = isHeld(sha256, uploader.hall);
    if (!held)
        return failWith(held.error());
    if (const std::optional<QString> path = completeFile(sha256); path && *held) {
        progress.received = QFileInfo(*path).size();
        progress.total = progress.received;
        progress.complete = true;
        return progress;
    }
    progress.received = QFileInfo(partialPath(sha256, uploader)).size();
    Result<std::optional<qint64>> total = declaredTotal(sha256, uploader);
    if (!total)
        return failWith(total.error());
    if (*total && progress.received > 0)
        progress.total = **total;
    return progress;
}

Result<void> UploadStore::recordPartial(
    const QString &sha256, const Uploader &uploader, qint64 size, qint64 total)
{
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return done;
    Result<storage::Rows> upsert = m_db.run(
        QStringLiteral(
            "INSERT INTO partial_uploads (uploader, sha256, total, size, updated) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (uploader, sha256) DO UPDATE SET size = excluded.size,"
            " updated = excluded.updated"),
        {uploader.id, sha256, total, size, cases::CaseJson::timeText(m_clock.nowUtc())});
    if (!upsert)
        return failWith(upsert.error());
    return transaction.commit();
}

Result<void> UploadStore::recordComplete(const QString &sha256, const Uploader &uploader, qint64 size)
{
    const QString now = cases::CaseJson::timeText(m_clock.nowUtc());
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return done;
    const QList<std::pair<QString, QVariantList>> statements {
        {QStringLiteral(
             "INSERT INTO attachments (sha256, size, total, received, complete) VALUES (?, ?, ?, ?, 1)"
             " ON CONFLICT (sha256) DO UPDATE SET size = excluded.size, total = excluded.total,"
             " received = excluded.received, complete = 1"),
            {sha256, size, size, now}},
        {QStringLiteral("INSERT INTO attachment_holders (sha256, hall, since) VALUES (?, ?, ?)"
                        " ON CONFLICT DO NOTHING"),
            {sha256, uploader.hall, now}},
        {QStringLiteral("DELETE FROM partial_uploads WHERE uploader = ? AND sha256 = ?"),
            {uploader.id, sha256}},
    };
    for (const auto &[sql, values] : statements) {
        Result<storage::Rows> run = m_db.run(sql, values);
        if (!run)
            return failWith(run.error());
    }
    return transaction.commit();
}

Result<void> UploadStore::dropPartial(const QString &sha256, const Uploader &uploader)
{
    QFile::remove(partialPath(sha256, uploader));
    Result<storage::Rows> drop
        = m_db.run(QStringLiteral("DELETE FROM partial_uploads WHERE uploader = ? AND sha256 = ?"),
            {uploader.id, sha256});
    if (!drop)
        return failWith(drop.error());
    return {};
}

Result<UploadStore::Outcome> UploadStore::append(
    const QString &sha256, const Uploader &uploader, qint64 offset, qint64 total, const QByteArray &chunk)
{
    Outcome outcome;
    Result<Progress> now = progress(sha256, uploader);
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
    if (now->total && *now->total != total) {
        outcome.refusal = Refusal::Invalid;
        outcome.message = QCoreApplication::translate(
            "ow::server", "This upload was started with a total of %1 bytes; it cannot change to %2.")
                              .arg(*now->total)
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
    const QString partial = partialPath(sha256, uploader);
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
        Result<void> recorded = recordPartial(sha256, uploader, received, total);
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
        Result<void> dropped = dropPartial(sha256, uploader);
        if (!dropped)
            return failWith(dropped.error());
        outcome.refusal = Refusal::HashMismatch;
        outcome.progress = Progress();
        outcome.message = QCoreApplication::translate(
            "ow::server", "The file received does not have the SHA-256 it was sent under; it was dropped.");
        return outcome;
    }
    // The bytes are proven: this hall holds the file now. Another hall may have sent the same
    // bytes before; the file is then kept as it is and this copy dropped.
    const QString target = finalPath(sha256);
    if (QFileInfo::exists(target)) {
        QFile::remove(partial);
    } else if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::rename(partial, target)) {
        return ioFailure(
            target, QCoreApplication::translate("ow::server", "the finished file could not be moved"));
    }
    Result<void> recorded = recordComplete(sha256, uploader, received);
    if (!recorded)
        return failWith(recorded.error());
    outcome.progress.complete = true;
    return outcome;
}

} // namespace ow::server
