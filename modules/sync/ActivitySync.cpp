#include "sync/ActivitySync.h"

#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace ow::sync {

using namespace Qt::StringLiterals;

namespace {

constexpr int kBatch = 100; // the server's ActivityApi::kMaxPerBatch

} // namespace

ActivitySync::ActivitySync(const cases::CaseStore &store, SyncClient &client)
    : m_log(store.database(), client.clock())
    , m_client(client)
{
}

Result<ActivitySync::Report> ActivitySync::send()
{
    Report report;
    qint64 after = 0;
    for (;;) {
        Result<QList<cases::ActivityOutboxEntry>> entries = m_log.pendingOutbox(kBatch, after);
        if (!entries)
            return failWith(entries.error());
        if (entries->isEmpty())
            return report;
        // The payloads are JSON text already: spliced, not parsed again.
        QByteArray body = "{\"activities\":[";
        for (qsizetype i = 0; i < entries->size(); ++i) {
            if (i > 0)
                body += ',';
            body += entries->at(i).payload;
        }
        body += "]}";
        Result<QJsonObject> answer = m_client.call("POST", QString(protocol::kActivities), {}, body);
        if (!answer) {
            const HttpFailure &failed = m_client.lastFailure();
            const QString refusedId = failed.body.value("activity"_L1).toString();
            const auto refused = std::find_if(entries->cbegin(), entries->cend(),
                [&](const cases::ActivityOutboxEntry &e) { return e.activityId == refusedId; });
            // The server names the one activity it does not take: that one is set aside, the batch
            // goes again without it. Anything else is for the next round.
            if (failed.status != 422 || refusedId.isEmpty() || refused == entries->cend())
                return failWith(answer.error());
            Result<void> marked = m_log.markFailed(refused->id, failed.code + ": "_L1 + failed.message);
            if (!marked)
                return failWith(marked.error());
            ++report.refused;
            continue;
        }
        QHash<QString, QJsonObject> results;
        for (const QJsonValue &value : answer->value("results"_L1).toArray())
            results.insert(value.toObject().value("id"_L1).toString(), value.toObject());
        QList<qint64> sent;
        for (const cases::ActivityOutboxEntry &entry : std::as_const(*entries)) {
            const auto found = results.constFind(entry.activityId);
            if (found == results.cend())
                continue; // no answer for it: it stays for the next round
            const QString status = found->value("status"_L1).toString();
            if (status == protocol::kStored || status == protocol::kDuplicate) {
                sent.append(entry.id);
                continue;
            }
            Result<void> marked = m_log.markFailed(entry.id,
                found->value("code"_L1).toString() + ": "_L1 + found->value("message"_L1).toString());
            if (!marked)
                return failWith(marked.error());
            ++report.refused;
        }
        if (Result<void> marked = m_log.markSent(sent); !marked)
            return failWith(marked.error());
        report.sent += int(sent.size());
        after = entries->constLast().id;
        if (entries->size() < kBatch)
            return report;
    }
}

} // namespace ow::sync
