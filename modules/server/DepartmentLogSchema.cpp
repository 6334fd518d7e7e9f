#include "server/DepartmentLogSchema.h"

#include "server/DepartmentLogChain.h"
#include "storage/Rows.h"

#include <QJsonDocument>

namespace ow::server {

using namespace Qt::StringLiterals;

namespace {

/// The actions of the database as it stood before the log, in the order they were stored.
Result<QList<DepartmentAction>> actionsBefore(const storage::Database &db)
{
    QList<DepartmentAction> list;
    Result<storage::Rows> events = db.run(u"SELECT e.time, e.hall, k.department, k.id, e.kind, e.case_number,"
                                          " e.body, e.event_id FROM events e JOIN credentials k"
                                          " ON k.id = e.origin AND k.kind = 'department' ORDER BY e.seq"_s);
    if (!events)
        return failWith(events.error());
    Result<bool> row = false;
    while ((row = events->fetch()) && *row) {
        const storage::Rows &r = *events;
        DepartmentAction a;
        a.time = r.value(0).toString();
        a.hall = r.value(1).toString();
        a.department = r.value(2).toString();
        a.keyId = r.value(3).toString();
        a.kind = r.value(4).toString();
        a.action = a.kind == "transferred"_L1 || a.kind == "transfer-flagged"_L1
            ? QString(DepartmentAction::kTransferConfirmation)
            : QString(DepartmentAction::kStatusReport);
        a.subject = r.value(5).toString();
        const QJsonObject body = QJsonDocument::fromJson(r.value(6).toString().toUtf8()).object();
        a.clerk = body.value("clerk"_L1).toString();
        a.detail = DepartmentLogChain::detailOf(body.value("payload"_L1).toObject());
        a.ref = r.value(7).toString();
        list.append(a);
    }
    if (!row)
        return failWith(row.error());
    Result<storage::Rows> signOffs = db.run(
        u"SELECT time, department, signer, objection, submission FROM catalogue_signoffs ORDER BY id"_s);
    if (!signOffs)
        return failWith(signOffs.error());
    while ((row = signOffs->fetch()) && *row) {
        const storage::Rows &r = *signOffs;
        DepartmentAction a;
        a.time = r.value(0).toString();
        a.department = r.value(1).toString();
        a.clerk = r.value(2).toString();
        a.detail = r.value(3).toString();
        a.action = DepartmentAction::kCatalogueSignOff;
        a.kind = a.detail.isEmpty() ? u"signed-off"_s : u"objected"_s;
        a.subject = r.value(4).toString();
        list.append(a);
    }
    if (!row)
        return failWith(row.error());
    return list;
}

} // namespace

storage::Migration DepartmentLogSchema::migration(int version)
{
    return {version, QStringLiteral("the departments' log: every department action hash-chained"),
        {
            // seq is given by the chain (head + 1) inside the action's transaction, not by a
            // sequence: a PostgreSQL sequence leaves gaps on rollback, and a gap must mean removal.
            QStringLiteral("CREATE TABLE department_log ("
                           " seq {bigint} PRIMARY KEY,"
                           " time TEXT NOT NULL,"
                           " hall TEXT NOT NULL,"
                           " department TEXT NOT NULL,"
                           " key_id TEXT NOT NULL,"
                           " action TEXT NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " subject TEXT NOT NULL,"
                           " clerk TEXT NOT NULL,"
                           " detail TEXT NOT NULL,"
                           " ref TEXT NOT NULL,"
                           " prev_hash TEXT NOT NULL,"
                           " hash TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX department_log_hall ON department_log(hall, time)"),
            QStringLiteral("CREATE TABLE department_log_head ("
                           " id INTEGER PRIMARY KEY,"
                           " seq {bigint} NOT NULL,"
                           " hash TEXT NOT NULL)"),
            QStringLiteral("ALTER TABLE pre_applications ADD COLUMN review_key TEXT NOT NULL DEFAULT ''"),
        },
        [](const storage::Database &db) -> Result<void> {
            Result<QList<DepartmentAction>> before = actionsBefore(db);
            if (!before)
                return failWith(before.error());
            const DepartmentLogChain chain(db);
            for (const DepartmentAction &action : std::as_const(*before))
                if (Result<DepartmentAction> added = chain.append(action); !added)
                    return failWith(added.error());
            return {};
        }};
}

QStringList DepartmentLogSchema::tables()
{
    return {QStringLiteral("department_log"), QStringLiteral("department_log_head")};
}

} // namespace ow::server
