#include "server/UploadStore.h"

#include "cases/CaseJson.h"
#include "core/Sha256.h"
#include "storage/Transaction.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

namespace ow::server {

namespace protocol = ow::sync::protocol;

namespace {

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

QString UploadStore::partialPath(const QString &sha256, const QString &uploaderId) const
{
    // The credential id is ours, but a file name takes no chances: a digest of it.
    const QString owner = Sha256::hex(uploaderId.toUtf8()).left(32);
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

Result<std::optional<UploadStore::Partial>> UploadStore::partialRecord(
    const QString &sha256, const Uploader &uploader) const
{
    Result<std::optional<QVariantList>> row = m_db.firstRow(
        QStringLiteral("SELECT total, size FROM partial_uploads WHERE uploader = ? AND sha256 = ?"),
        {uploader.id, sha256});
    if (!row)
        return failWith(row.error());
    if (!*row)
        return std::optional<Partial>();
    return std::optional(Partial {(*row)->at(0).toLongLong(), (*row)->at(1).toLongLong()});
}

Result<UploadStore::Progress> UploadStore::progress(const QString &sha256, const Uploader &uploader) const
{
    Progress progress;
    // Whether the hall holds the file is asked only about a file that exists.
    if (const std::optional<QString> path = completeFile(sha256)) {
        Result<bool> held = isHeld(sha256, uploader.hall);
        if (!held)
            return failWith(held.error());
        if (*held) {
            progress.received = QFileInfo(*path).size();
            progress.total = progress.received;
            progress.complete = true;
            return progress;
        }
    }
    Result<std::optional<Partial>> partial = partialRecord(sha256, uploader);
    if (!partial)
        return failWith(partial.error());
    if (*partial) {
        // Only bytes recorded once they were on the disk count: the file may hold more (a chunk cut
        // off mid-way) and, after a damaged disk, fewer.
        progress.received = std::min((*partial)->size, QFileInfo(partialPath(sha256, uploader.id)).size());
        if (progress.received > 0)
            progress.total = (*partial)->total;
    }
    return progress;
}

QString UploadStore::offsetMessage(qint64 held, qint64 offset) const
{
    if (held == 0 && offset > 0)
        return QCoreApplication::translate("ow::server",
            "The server holds no part of this upload (an unfinished upload is removed after %n day(s) "
            "without a new chunk); start again from byte 0.",
            nullptr, int(m_expiryDays));
    return QCoreApplication::translate("ow::server", "The server holds %1 bytes, not %2.")
        .arg(held)
        .arg(offset);
}

Result<UploadStore::Outcome> UploadStore::begin(const QString &sha256, const Uploader &uploader,
    qint64 offset, qint64 total, qint64 declaredLength, std::unique_ptr<UploadSink> *sink)
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
        outcome.message = offsetMessage(now->received, offset);
        return outcome;
    }
    if (declaredLength > total - offset) {
        outcome.refusal = Refusal::Invalid;
        outcome.message
            = QCoreApplication::translate("ow::server", "The chunk goes past the end of the file.");
        return outcome;
    }
    const QString partial = partialPath(sha256, uploader.id);
    if (!QDir().mkpath(QFileInfo(partial).absolutePath()))
        return ioFailure(
            partial, QCoreApplication::translate("ow::server", "the folder could not be created"));
    std::unique_ptr<UploadSink> opened(
        new UploadSink(partial, sha256, uploader.id, uploader.hall, offset, total));
    if (!opened->open()) {
        if (!opened->m_busy)
            return ioFailure(partial, opened->errorString());
        outcome.refusal = Refusal::Busy;
        outcome.message = QCoreApplication::translate(
            "ow::server", "This upload is being received on another connection; try again in a moment.");
        return outcome;
    }
    *sink = std::move(opened);
    return outcome;
}

Result<UploadStore::Outcome> UploadStore::finish(std::unique_ptr<UploadSink> sink)
{
    // On any failure below the sink goes without keep(): the file is cut back to the bytes the
    // database says were acknowledged, and the client resends from there.
    if (!sink->sync())
        return ioFailure(sink->m_file.fileName(), sink->errorString());
    const qint64 received = sink->m_offset + sink->m_written;
    if (received < sink->m_total) {
        Result<void> recorded = recordPartial(sink->m_sha256, sink->m_uploaderId, received, sink->m_total);
        if (!recorded)
            return failWith(recorded.error());
        sink->keep();
        Outcome outcome;
        outcome.progress.received = received;
        outcome.progress.total = sink->m_total;
        return outcome;
    }
    return completeUpload(*sink, received);
}

Result<UploadStore::Outcome> UploadStore::completeUpload(UploadSink &sink, qint64 received)
{
    Outcome outcome;
    const QString partial = sink.m_file.fileName();
    if (!sink.m_file.seek(0))
        return ioFailure(partial, sink.errorString());
    const std::optional<QString> digest = Sha256::hexOf(sink.m_file);
    if (!digest)
        return ioFailure(partial, sink.errorString());
    sink.keep();
    sink.release();
    if (*digest != sink.m_sha256) {
        Result<void> dropped = dropPartial(sink.m_sha256, sink.m_uploaderId);
        if (!dropped)
            return failWith(dropped.error());
        outcome.refusal = Refusal::HashMismatch;
        outcome.message = QCoreApplication::translate(
            "ow::server", "The file received does not have the SHA-256 it was sent under; it was dropped.");
        return outcome;
    }
    // The bytes are proven: this hall holds the file now. Another hall may have sent the same
    // bytes before; the file is then kept as it is and this copy dropped.
    const QString target = finalPath(sink.m_sha256);
    if (QFileInfo::exists(target)) {
        QFile::remove(partial);
    } else if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::rename(partial, target)) {
        return ioFailure(
            target, QCoreApplication::translate("ow::server", "the finished file could not be moved"));
    }
    Result<void> recorded = recordHeld(sink.m_sha256, received, sink.m_hall, sink.m_uploaderId);
    if (!recorded)
        return failWith(recorded.error());
    outcome.progress.received = received;
    outcome.progress.total = received;
    outcome.progress.complete = true;
    return outcome;
}

Result<UploadStore::Outcome> UploadStore::append(
    const QString &sha256, const Uploader &uploader, qint64 offset, qint64 total, const QByteArray &chunk)
{
    std::unique_ptr<UploadSink> sink;
    Result<Outcome> begun = begin(sha256, uploader, offset, total, chunk.size(), &sink);
    if (!begun || !sink)
        return begun;
    if (!sink->write(chunk))
        return ioFailure(sink->m_file.fileName(), sink->errorString());
    return finish(std::move(sink));
}

Result<void> UploadStore::recordPartial(
    const QString &sha256, const QString &uploaderId, qint64 size, qint64 total)
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
        {uploaderId, sha256, total, size, cases::CaseJson::timeText(m_clock.nowUtc())});
    if (!upsert)
        return failWith(upsert.error());
    return transaction.commit();
}

Result<void> UploadStore::storeWhole(const QString &sha256, const QByteArray &bytes, const QString &hall)
{
    const QString target = finalPath(sha256);
    if (!QFileInfo::exists(target)) {
        // Written aside and renamed: a reader never sees half a file under its final name.
        QSaveFile file(target);
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !file.open(QIODevice::WriteOnly)
            || file.write(bytes) != bytes.size() || !file.commit())
            return ioFailure(target, file.errorString());
    }
    return recordHeld(sha256, bytes.size(), hall, QString());
}

Result<void> UploadStore::recordHeld(
    const QString &sha256, qint64 size, const QString &hall, const QString &uploaderId)
{
    const QString now = cases::CaseJson::timeText(m_clock.nowUtc());
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return done;
    QList<std::pair<QString, QVariantList>> statements {
        {QStringLiteral(
             "INSERT INTO attachments (sha256, size, total, received, complete) VALUES (?, ?, ?, ?, 1)"
             " ON CONFLICT (sha256) DO UPDATE SET size = excluded.size, total = excluded.total,"
             " received = excluded.received, complete = 1"),
            {sha256, size, size, now}},
        {QStringLiteral("INSERT INTO attachment_holders (sha256, hall, since) VALUES (?, ?, ?)"
                        " ON CONFLICT DO NOTHING"),
            {sha256, hall, now}},
    };
    if (!uploaderId.isEmpty())
        statements.append({QStringLiteral("DELETE FROM partial_uploads WHERE uploader = ? AND sha256 = ?"),
            {uploaderId, sha256}});
    for (const auto &[sql, values] : std::as_const(statements)) {
        Result<storage::Rows> run = m_db.run(sql, values);
        if (!run)
            return failWith(run.error());
    }
    return transaction.commit();
}

Result<void> UploadStore::dropPartial(const QString &sha256, const QString &uploaderId)
{
    QFile::remove(partialPath(sha256, uploaderId));
    Result<storage::Rows> drop
        = m_db.run(QStringLiteral("DELETE FROM partial_uploads WHERE uploader = ? AND sha256 = ?"),
            {uploaderId, sha256});
    if (!drop)
        return failWith(drop.error());
    return {};
}

Result<QList<UploadStore::Expired>> UploadStore::sweep()
{
    const QDateTime cutoff = m_clock.nowUtc().addDays(-m_expiryDays);
    QList<Expired> stale;
    QSet<QString> recorded;
    Result<storage::Rows> rows
        = m_db.run(QStringLiteral("SELECT uploader, sha256, size, updated FROM partial_uploads"));
    if (!rows)
        return failWith(rows.error());
    while (true) {
        Result<bool> found = rows->fetch();
        if (!found)
            return failWith(found.error());
        if (!*found)
            break;
        const Expired upload {rows->value(0).toString(), rows->value(1).toString(),
            rows->value(2).toLongLong(), rows->value(3).toString()};
        recorded.insert(QFileInfo(partialPath(upload.sha256, upload.uploader)).absoluteFilePath());
        if (cases::CaseJson::timeFrom(upload.updated) < cutoff)
            stale.append(upload);
    }
    m_db.finishStatements();
    QList<Expired> removed;
    for (const Expired &upload : std::as_const(stale)) {
        if (!UploadSink::removeUnlessBusy(partialPath(upload.sha256, upload.uploader)))
            continue;
        // Only the record as it was read: a chunk acknowledged meanwhile keeps its upload.
        Result<storage::Rows> drop = m_db.run(
            QStringLiteral("DELETE FROM partial_uploads WHERE uploader = ? AND sha256 = ? AND updated = ?"),
            {upload.uploader, upload.sha256, upload.updated});
        if (!drop)
            return failWith(drop.error());
        removed.append(upload);
    }
    // A partial file without a record: its first chunk never got acknowledged (a crash, a cut).
    QDirIterator files(m_directory + QStringLiteral("/partial"), {QStringLiteral("*.part")}, QDir::Files,
        QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QFileInfo file(files.next());
        if (recorded.contains(file.absoluteFilePath()) || file.lastModified().toUTC() >= cutoff)
            continue;
        if (UploadSink::removeUnlessBusy(file.filePath()))
            removed.append(Expired {
                QString(), file.completeBaseName(), 0, cases::CaseJson::timeText(file.lastModified())});
    }
    return removed;
}

} // namespace ow::server
