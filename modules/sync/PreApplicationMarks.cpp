#include "sync/PreApplicationMarks.h"

#include "sync/PreApplicationClient.h"
#include "sync/SyncSettings.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ow::sync {

using namespace Qt::StringLiterals;

Result<QList<PreApplicationMarks::Mark>> PreApplicationMarks::pending(
    const cases::CaseStore &store, int limit)
{
    Result<QString> cursor = store.syncValue(QString(kCursor));
    if (!cursor)
        return failWith(cursor.error());
    Result<QString> counter = store.syncValue(QString(SyncSettings::kCounter));
    if (!counter)
        return failWith(counter.error());
    // Notes pulled from other counters are theirs to send; the LIKE only narrows the notes read.
    Result<storage::Rows> rows = store.database().run(
        u"SELECT e.seq, e.payload, c.number, e.clerk FROM case_events e JOIN cases c ON c.id = e.case_id"
        " WHERE e.kind = 'note' AND e.seq > ? AND e.counter = ? AND e.payload LIKE ? ORDER BY e.seq LIMIT ?"_s,
        {cursor->toLongLong(), counter->isEmpty() ? store.workstation().counter : *counter,
            u"%\"preapplication\"%"_s, limit});
    if (!rows)
        return failWith(rows.error());
    QList<Mark> marks;
    for (;;) {
        Result<bool> more = rows->fetch();
        if (!more)
            return failWith(more.error());
        if (!*more)
            break;
        // The key intake::PreApplicationNote writes.
        const QJsonObject payload = QJsonDocument::fromJson(rows->value(1).toString().toUtf8()).object();
        const QString code = payload.value("preapplication"_L1).toString();
        Mark mark {rows->value(0).toLongLong(), code, rows->value(2).toString(), rows->value(3).toString()};
        marks.append(mark);
    }
    return marks;
}

Result<PreApplicationMarks::Report> PreApplicationMarks::send()
{
    Report report;
    PreApplicationClient client(m_client);
    for (;;) {
        Result<QList<Mark>> marks = pending(m_store);
        if (!marks)
            return failWith(marks.error());
        if (marks->isEmpty())
            return report;
        for (const Mark &mark : std::as_const(*marks)) {
            QList<QPair<QString, QString>> values {{QString(kCursor), QString::number(mark.sequence)}};
            if (!mark.code.isEmpty()) {
                Result<void> sent = client.markTaken(mark.code, mark.caseNumber, mark.clerk);
                if (!sent && m_client.lastFailure().retryable())
                    return failWith(sent.error());
                if (sent) {
                    ++report.marked;
                } else {
                    ++report.refused;
                    values.append({QString(kLastRefusal), sent.error().message()});
                }
            }
            Result<void> kept = m_store.setSyncValues(values);
            if (!kept)
                return failWith(kept.error());
        }
    }
}

} // namespace ow::sync
