#include "sync/ComplaintSync.h"

#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace ow::sync {

using namespace Qt::StringLiterals;

ComplaintSync::ComplaintSync(const cases::CaseStore &store, SyncClient &client)
    : m_log(store.database(), client.clock())
    , m_client(client)
{
}

Result<ComplaintSync::Report> ComplaintSync::send()
{
    Report report;
    qint64 after = 0;
    for (;;) {
        Result<QList<cases::ComplaintOutboxEntry>> entries = m_log.pendingOutbox(kBatch, after);
        if (!entries)
            return failWith(entries.error());
        if (entries->isEmpty())
            return report;
        // The payloads are JSON text already: spliced, not parsed again.
        QByteArray body = "{\"complaints\":[";
        for (qsizetype i = 0; i < entries->size(); ++i) {
            if (i > 0)
                body += ',';
            body += entries->at(i).payload;
        }
        body += "]}";
        Result<QJsonObject> answer = m_client.call("POST", u"/complaints"_s, {}, body);
        if (!answer) {
            // A server without complaints yet (an older version): they wait here, the round goes on.
            if (m_client.lastFailure().status == 404)
                return report;
            return failWith(answer.error()); // the whole batch again next round
        }
        QHash<QString, QJsonObject> results;
        for (const QJsonValue &value : answer->value("results"_L1).toArray())
            results.insert(value.toObject().value("id"_L1).toString(), value.toObject());
        QList<QPair<qint64, QString>> sent;
        int settled = 0;
        for (const cases::ComplaintOutboxEntry &entry : std::as_const(*entries)) {
            const auto found = results.constFind(entry.complaintId);
            if (found == results.cend())
                continue; // no answer for it: it stays for the next round
            ++settled;
            const QString status = found->value("status"_L1).toString();
            if (status == protocol::kStored || status == protocol::kDuplicate) {
                sent.append({entry.id, found->value("number"_L1).toString()});
                continue;
            }
            QString message = found->value("message"_L1).toString();
            if (message.isEmpty())
                message = status;
            if (Result<void> marked = m_log.markFailed(entry.id, message); !marked)
                return failWith(marked.error());
            ++report.refused;
        }
        if (Result<void> marked = m_log.markSent(sent); !marked)
            return failWith(marked.error());
        report.sent += int(sent.size());
        if (settled == 0)
            return fail(Error::Code::Io,
                QCoreApplication::translate(
                    "ow::sync", "The server answered for none of the %1 complaints sent.")
                    .arg(entries->size()));
        after = entries->constLast().id;
        if (entries->size() < kBatch)
            return report;
    }
}

} // namespace ow::sync
