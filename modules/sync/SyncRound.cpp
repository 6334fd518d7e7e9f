#include "sync/SyncRound.h"

#include "cases/CaseJson.h"
#include "cases/ScanFailures.h"
#include "sync/AccountSync.h"
#include "sync/ActivitySync.h"
#include "sync/ComplaintSync.h"
#include "sync/PreApplicationMarks.h"
#include "sync/ResultDocumentFetch.h"
#include "sync/SyncProtocol.h"
#include "sync/SyncSettings.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace ow::sync {

using namespace ow::cases;
using namespace Qt::StringLiterals;

namespace {

/// The scans a payload's case snapshot cites (events without a snapshot cite none).
QStringList citedScans(const QJsonObject &payload)
{
    QStringList hashes;
    const QJsonObject snapshot = payload.value("case"_L1).toObject();
    for (const QJsonValue &value : snapshot.value("attachments"_L1).toArray()) {
        const QString sha = value.toObject().value("sha256"_L1).toString();
        if (!sha.isEmpty() && !hashes.contains(sha))
            hashes.append(sha);
    }
    return hashes;
}

/// The payload without the scans the clerk discarded, so the server never holds a case citing a
/// file it will never get.
QByteArray withoutScans(QJsonObject payload, const QStringList &discarded)
{
    QJsonObject snapshot = payload.value("case"_L1).toObject();
    QJsonArray kept;
    for (const QJsonValue &value : snapshot.value("attachments"_L1).toArray())
        if (!discarded.contains(value.toObject().value("sha256"_L1).toString()))
            kept.append(value);
    snapshot.insert("attachments"_L1, kept);
    payload.insert("case"_L1, snapshot);
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}

} // namespace

void SyncRound::setChunkSize(qint64 bytes)
{
    m_chunkSize = std::clamp<qint64>(bytes, 1, protocol::kMaxChunk);
}

Result<RoundReport> SyncRound::run()
{
    RoundReport report;
    // Accounts first: they are small, and a clerk disabled on the server must be refused here even
    // when a long upload of scans fails later in the round.
    Result<void> done = syncAccounts(report);
    if (!done)
        return failWith(done.error());
    done = push(report);
    // Also after a failure: the scans that did get through need not be asked about again.
    Result<void> recorded = recordUploads();
    if (done)
        done = recorded;
    if (done) {
        // Consultations and practice scores: small, and independent of the cases' order.
        Result<ActivitySync::Report> sent = ActivitySync(m_store, m_client).send();
        if (sent) {
            report.activitiesSent += sent->sent;
            report.activitiesRefused += sent->refused;
        } else {
            done = failWith(sent.error());
        }
    }
    if (done) {
        // Complaints typed at the counter, after the activities: they name cases by number only.
        Result<ComplaintSync::Report> sent = ComplaintSync(m_store, m_client).send();
        if (sent) {
            report.complaintsSent += sent->sent;
            report.complaintsRefused += sent->refused;
        } else {
            done = failWith(sent.error());
        }
    }
    if (done) {
        // After the push, so the server knows the case before it hears which one took the
        // pre-application.
        Result<PreApplicationMarks::Report> marked = PreApplicationMarks(m_store, m_client).send();
        if (marked) {
            report.preApplicationsMarked += marked->marked;
            report.preApplicationsRefused += marked->refused;
        } else {
            done = failWith(marked.error());
        }
    }
    if (done)
        done = pull(report);
    if (done) {
        // After the pull, which queues the documents its events name.
        Result<ResultDocumentFetch::Report> fetched = ResultDocumentFetch(m_store, m_client).run();
        if (fetched) {
            report.documentsFetched += fetched->fetched;
            report.documentsRefused += fetched->failed;
            report.documentsWaiting = fetched->waiting;
        } else {
            done = failWith(fetched.error());
        }
    }
    if (done)
        done = recordClockOffset();
    if (!done)
        return failWith(done.error());
    return report;
}

Result<void> SyncRound::syncAccounts(RoundReport &report)
{
    std::unique_ptr<accounts::AccountStore> opened;
    accounts::AccountStore *accounts = m_accounts;
    if (!accounts) {
        Result<std::unique_ptr<accounts::AccountStore>> store
            = accounts::AccountStore::open(m_store.database().path(), m_client.clock());
        if (!store)
            return failWith(store.error());
        opened = std::move(*store);
        opened->setCounter(m_store.syncValue(QString(SyncSettings::kCounter)).value_or(QString()));
        accounts = opened.get();
    }
    Result<AccountSync::Report> done = AccountSync(*accounts, m_client).run();
    if (!done)
        return failWith(done.error());
    report.accountsChanged += done->accountsChanged;
    m_accountsChanged += done->accountsChanged;
    report.passwordsSent += done->passwordsSent;
    report.passwordsRefused += done->passwordsRefused;
    return {};
}

Result<void> SyncRound::recordClockOffset()
{
    const std::optional<qint64> offset = m_client.serverClockOffsetMs();
    if (!offset)
        return {};
    return m_store.setSyncValues({{SyncSettings::kClockOffset, QString::number(*offset)},
        {SyncSettings::kClockChecked, CaseJson::timeText(m_client.clock().nowUtc())}});
}

Result<void> SyncRound::recordUploads()
{
    Result<void> done = m_store.markAttachmentsUploaded(m_unrecorded);
    if (done)
        m_unrecorded.clear();
    return done;
}

Result<void> SyncRound::upload(const QString &sha256, RoundReport &report)
{
    if (m_uploaded.contains(sha256))
        return {};
    Result<QByteArray> bytes = m_store.attachments().read(sha256);
    if (!bytes)
        return failWith(bytes.error());
    return send(sha256, *bytes, report);
}

Result<void> SyncRound::send(const QString &sha256, const QByteArray &bytes, RoundReport &report)
{
    const qint64 total = bytes.size();
    // A scan that fits in one chunk is sent at once: the server answers an offset mismatch with
    // where it stands, and a complete file with "complete", so asking first would only cost a round
    // trip per scan. A larger one asks first, so a resumed upload does not resend a chunk.
    Result<UploadStatus> status = UploadStatus {};
    if (total > m_chunkSize)
        status = m_client.uploadStatus(sha256);
    if (!status)
        return failWith(status.error());
    if (!status->complete) {
        qint64 offset = std::clamp<qint64>(status->received, 0, total);
        int stalls = 0;
        while (!status->complete) {
            const QByteArray chunk = bytes.mid(offset, m_chunkSize);
            status = m_client.uploadChunk(sha256, offset, total, chunk);
            if (!status)
                return failWith(status.error());
            if (status->received > offset)
                report.bytesUploaded += status->received - offset;
            // The server answers where it stands (also after an offset mismatch): go on from there.
            // If it stops moving, something is wrong with it; do not loop for ever.
            if (!status->complete && (status->received == offset || status->received > total) && ++stalls > 3)
                return fail(Error::Code::Io,
                    QCoreApplication::translate("ow::sync",
                        "The server does not take the upload of scan %1 (it stays at byte %2 of %3).")
                        .arg(sha256)
                        .arg(status->received)
                        .arg(total));
            offset = std::clamp<qint64>(status->received, 0, total);
        }
        ++report.attachmentsUploaded;
    }
    m_uploaded.insert(sha256);
    m_unrecorded.append(sha256);
    return {};
}

Result<void> SyncRound::uploadCited(
    const QList<OutboxEntry> &entries, QList<OutboxEntry> *sendable, QSet<QString> *held, RoundReport &report)
{
    const ScanFailures failures(m_store.database());
    for (const OutboxEntry &entry : entries) {
        const QJsonObject payload = QJsonDocument::fromJson(entry.payload).object();
        const QString number = payload.value("event"_L1).toObject().value("case"_L1).toString();
        // A case's rows go in their order or not at all: the server must see its snapshot first.
        if (held->contains(number)) {
            ++report.eventsHeld;
            continue;
        }
        bool missing = false;
        bool hold = false;
        QStringList discarded;
        for (const QString &sha : citedScans(payload)) {
            Result<bool> uploaded = m_store.isAttachmentUploaded(sha);
            if (!uploaded)
                return failWith(uploaded.error());
            if (*uploaded || m_uploaded.contains(sha))
                continue;
            if (const auto aside = m_setAside.constFind(sha); aside != m_setAside.cend()) {
                if (*aside)
                    discarded.append(sha);
                else
                    hold = true;
                continue;
            }
            if (!m_store.attachments().contains(sha)) {
                // The event cannot be complete at the server without its scan: IT must look.
                Result<void> marked = m_store.markOutboxFailed(entry.id,
                    QCoreApplication::translate(
                        "ow::sync", "The scan %1 is not in this workstation's attachment store.")
                        .arg(sha));
                if (!marked)
                    return marked;
                ++report.eventsRejected;
                missing = true;
                break;
            }
            Result<QByteArray> bytes = m_store.attachments().read(sha);
            if (!bytes) {
                // A read error or damaged content is this workstation's, not the server's: set the
                // scan aside with its reason and let the other cases go.
                Result<void> recorded
                    = failures.record(sha, bytes.error().message(), m_client.clock().nowUtc());
                if (!recorded)
                    return recorded;
                m_setAside.insert(sha, false);
                ++report.scansSetAside;
                hold = true;
                continue;
            }
            Result<void> done = send(sha, *bytes, report);
            if (!done)
                return done;
        }
        if (missing)
            continue;
        if (hold) {
            held->insert(number);
            ++report.eventsHeld;
            continue;
        }
        OutboxEntry ready = entry;
        if (!discarded.isEmpty())
            ready.payload = withoutScans(payload, discarded);
        sendable->append(ready);
    }
    return {};
}

Result<void> SyncRound::push(RoundReport &report)
{
    Result<QList<ScanFailure>> failures = ScanFailures(m_store.database()).list();
    if (!failures)
        return failWith(failures.error());
    m_setAside.clear();
    for (const ScanFailure &failure : std::as_const(*failures))
        m_setAside.insert(failure.sha256, failure.discarded.isValid());
    QSet<QString> held;
    qint64 after = 0;
    for (;;) {
        // Rows held back stay pending; reading on after the last row seen keeps them from being
        // read again and again in this round.
        Result<QList<OutboxEntry>> entries = m_store.pendingOutbox(protocol::kMaxEventsPerBatch, after);
        if (!entries)
            return failWith(entries.error());
        if (entries->isEmpty())
            return {};
        after = entries->constLast().id;
        const bool last = entries->size() < protocol::kMaxEventsPerBatch;
        QList<OutboxEntry> sendable;
        Result<void> done = uploadCited(*entries, &sendable, &held, report);
        if (!done)
            return done;
        if (sendable.isEmpty()) {
            if (last)
                return {};
            continue;
        }
        QList<QByteArray> payloads;
        for (const OutboxEntry &entry : std::as_const(sendable))
            payloads.append(entry.payload);
        Result<QList<EventResult>> results = m_client.postEvents(payloads);
        if (!results)
            return failWith(results.error());
        QHash<QString, EventResult> byId;
        for (const EventResult &result : std::as_const(*results))
            byId.insert(result.id, result);
        QList<qint64> sent;
        int settled = 0;
        for (const OutboxEntry &entry : std::as_const(sendable)) {
            const auto found = byId.constFind(entry.eventId);
            if (found == byId.cend())
                continue; // no answer for it: it stays pending
            if (found->status == protocol::kStored || found->status == protocol::kDuplicate) {
                sent.append(entry.id);
            } else {
                const QString message
                    = found->code.isEmpty() ? found->message : found->code + ": "_L1 + found->message;
                done = m_store.markOutboxFailed(entry.id, message);
                if (!done)
                    return done;
                ++report.eventsRejected;
            }
            ++settled;
        }
        done = m_store.markOutboxSent(sent);
        if (done)
            done = recordUploads();
        if (!done)
            return done;
        report.eventsSent += int(sent.size());
        if (settled == 0)
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::sync", "The server answered for none of the %1 events sent.")
                    .arg(sendable.size()));
        if (last)
            return {};
    }
}

Result<void> SyncRound::importUnknownCases(
    const QList<CaseEvent> &events, QSet<QString> *unavailable, RoundReport &report)
{
    QSet<QString> checked;
    for (const CaseEvent &event : events) {
        if (checked.contains(event.caseNumber))
            continue;
        checked.insert(event.caseNumber);
        Result<bool> known = m_store.hasCase(event.caseNumber);
        if (!known)
            return failWith(known.error());
        if (*known)
            continue;
        Result<QJsonObject> fetched = m_client.fetchCase(event.caseNumber);
        if (!fetched) {
            if (m_client.lastFailure().retryable())
                return failWith(fetched.error());
            // Final (e.g. the case left the hall): its events cannot be placed; skip them.
            unavailable->insert(event.caseNumber);
            continue;
        }
        Result<Case> snapshot = CaseJson::caseFrom(fetched->value("case"_L1).toObject());
        if (!snapshot) {
            unavailable->insert(event.caseNumber);
            continue;
        }
        QList<CaseEvent> log;
        for (const QJsonValue &value : fetched->value("events"_L1).toArray()) {
            Result<CaseEvent> e = CaseJson::eventFrom(value.toObject());
            if (e)
                log.append(*e);
        }
        Result<void> done = m_store.importCase(*snapshot, log);
        if (!done)
            return done;
        ++report.casesImported;
    }
    return {};
}

Result<void> SyncRound::pull(RoundReport &report)
{
    Result<QString> cursor = m_store.syncValue(SyncSettings::kCursor);
    if (!cursor)
        return failWith(cursor.error());
    QString after = *cursor;
    for (;;) {
        Result<ChangesPage> page = m_client.changes(after, protocol::kDefaultChangesLimit);
        if (!page)
            return failWith(page.error());
        QList<CaseEvent> events;
        for (const QJsonObject &object : std::as_const(page->events)) {
            Result<CaseEvent> e = CaseJson::eventFrom(object);
            if (e && !e->id.isEmpty() && !e->caseNumber.isEmpty())
                events.append(*e);
        }
        QSet<QString> unavailable;
        Result<void> done = importUnknownCases(events, &unavailable, report);
        if (!done)
            return done;
        events.removeIf([&](const CaseEvent &e) { return unavailable.contains(e.caseNumber); });
        Result<int> added = m_store.recordRemoteEvents(events, SyncSettings::kCursor, page->cursor);
        if (!added)
            return failWith(added.error());
        report.eventsReceived += *added;
        if (!page->more || page->cursor == after)
            return {};
        after = page->cursor;
    }
}

} // namespace ow::sync
