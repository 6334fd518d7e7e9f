#include "cases/CaseSchema.h"

#include "cases/Applicant.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace ow::cases {

namespace {

// Fills the listing columns of cases stored before version 3.
Result<void> fillListingColumns(const storage::Database &db)
{
    Result<QSqlQuery> select
        = db.prepare(QStringLiteral("SELECT id, number, matter_code, matter_name, applicant FROM cases"));
    if (!select)
        return failWith(select.error());
    Result<void> done = storage::Database::exec(*select);
    if (!done)
        return failWith(done.error());
    Result<QSqlQuery> update
        = db.prepare(QStringLiteral("UPDATE cases SET applicant_masked = ?, search_text = ? WHERE id = ?"));
    if (!update)
        return failWith(update.error());
    Result<bool> row = false;
    while ((row = storage::Rows::fetch(*select)) && *row) {
        const QJsonObject json = QJsonDocument::fromJson(select->value(4).toString().toUtf8()).object();
        const QString masked = Applicant::fromJson(json).value_or(Applicant()).maskedSummary();
        update->addBindValue(masked);
        update->addBindValue(CaseSchema::searchText(
            select->value(1).toString(), select->value(2).toString(), select->value(3).toString(), masked));
        update->addBindValue(select->value(0));
        done = storage::Database::exec(*update);
        if (!done)
            return failWith(done.error());
    }
    if (!row)
        return failWith(row.error());
    return {};
}

QList<storage::Migration> buildMigrations()
{
    QList<storage::Migration> list;
    list.append(storage::Migration {1, QStringLiteral("cases, their events, the outbox and daily sequences"),
        {
            QStringLiteral("CREATE TABLE cases ("
                           " id INTEGER PRIMARY KEY,"
                           " number TEXT NOT NULL UNIQUE,"
                           " qr_token TEXT NOT NULL UNIQUE,"
                           " hall TEXT NOT NULL,"
                           " counter TEXT NOT NULL,"
                           " first_handler TEXT NOT NULL,"
                           " matter_code TEXT NOT NULL,"
                           " matter_name TEXT NOT NULL,"
                           " department_id TEXT NOT NULL,"
                           " department_name TEXT NOT NULL,"
                           " case_type TEXT NOT NULL,"
                           " promised_days INTEGER NOT NULL,"
                           " quantity INTEGER NOT NULL,"
                           " catalogue_id TEXT NOT NULL,"
                           " catalogue_version TEXT NOT NULL,"
                           " answers TEXT NOT NULL,"
                           " situation TEXT NOT NULL,"
                           " checklist TEXT NOT NULL,"
                           " applicant TEXT NOT NULL,"
                           " material_checks TEXT NOT NULL,"
                           " promised_deadline TEXT NOT NULL,"
                           " calendar_version TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " created TEXT NOT NULL,"
                           " updated TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE case_events ("
                           " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " id TEXT NOT NULL UNIQUE,"
                           " case_id INTEGER NOT NULL REFERENCES cases(id),"
                           " kind TEXT NOT NULL,"
                           " time TEXT NOT NULL,"
                           " clerk TEXT NOT NULL,"
                           " counter TEXT NOT NULL,"
                           " payload TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX case_events_case ON case_events(case_id, seq)"),
            QStringLiteral("CREATE TABLE outbox ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " event_id TEXT NOT NULL UNIQUE REFERENCES case_events(id),"
                           " payload TEXT NOT NULL,"
                           " created TEXT NOT NULL,"
                           " sent TEXT)"),
            QStringLiteral("CREATE INDEX outbox_unsent ON outbox(id) WHERE sent IS NULL"),
            QStringLiteral("CREATE TABLE case_sequences ("
                           " hall TEXT NOT NULL,"
                           " day TEXT NOT NULL,"
                           " counter_number INTEGER NOT NULL,"
                           " last INTEGER NOT NULL,"
                           " PRIMARY KEY (hall, day, counter_number))"),
        },
        {}});
    list.append(storage::Migration {2, QStringLiteral("attachments and the hash-chained audit log"),
        {
            QStringLiteral("CREATE TABLE case_attachments ("
                           " case_id INTEGER NOT NULL REFERENCES cases(id),"
                           " position INTEGER NOT NULL,"
                           " sha256 TEXT NOT NULL,"
                           " material_id TEXT NOT NULL,"
                           " file_name TEXT NOT NULL,"
                           " mime_type TEXT NOT NULL,"
                           " size INTEGER NOT NULL,"
                           " added TEXT NOT NULL,"
                           " PRIMARY KEY (case_id, position))"),
            QStringLiteral("CREATE INDEX case_attachments_sha256 ON case_attachments(sha256)"),
            QStringLiteral("CREATE TABLE audit_log ("
                           " seq INTEGER PRIMARY KEY,"
                           " time TEXT NOT NULL,"
                           " clerk TEXT NOT NULL,"
                           " counter TEXT NOT NULL,"
                           " action TEXT NOT NULL,"
                           " target TEXT NOT NULL,"
                           " detail TEXT NOT NULL,"
                           " prev_hash TEXT NOT NULL,"
                           " hash TEXT NOT NULL)"),
            // The newest row's seq and hash: deleting rows at the end of the chain breaks this link.
            QStringLiteral("CREATE TABLE audit_head ("
                           " id INTEGER PRIMARY KEY CHECK (id = 1),"
                           " seq INTEGER NOT NULL,"
                           " hash TEXT NOT NULL)"),
        },
        {}});
    list.append(
        storage::Migration {3, QStringLiteral("listing: masked applicant, search text and list indexes"),
            {
                QStringLiteral("ALTER TABLE cases ADD COLUMN applicant_masked TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE cases ADD COLUMN search_text TEXT NOT NULL DEFAULT ''"),
                // Lists are newest first, (created, id) descending. Both indexes hold every column a
                // filter reads, so listing never reads the wide rows (JSON) of the other cases.
                QStringLiteral("CREATE INDEX cases_state ON cases(state, created, id)"),
                QStringLiteral("CREATE INDEX cases_list ON cases(created, id, state, search_text)"),
            },
            fillListingColumns});
    list.append(storage::Migration {4,
        QStringLiteral("sync: failed outbox rows, sync state, uploaded attachments"),
        {
            // A row the server rejected stays (for IT to read) but is no longer sent.
            QStringLiteral("ALTER TABLE outbox ADD COLUMN failed TEXT"),
            QStringLiteral("CREATE INDEX outbox_pending ON outbox(id) WHERE sent IS NULL AND failed IS NULL"),
            // The enrolment (token, server, hall, counter) and the changes cursor, beside the cases,
            // so the cursor commits with the events it covers.
            QStringLiteral("CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            // Scans the server holds complete: never asked about or sent again.
            QStringLiteral(
                "CREATE TABLE attachment_uploads (sha256 TEXT PRIMARY KEY, uploaded TEXT NOT NULL)"),
        },
        {}});
    list.append(storage::Migration {5, QStringLiteral("deadline watch: open cases by promised deadline"),
        {
            // The supervisors' "overdue" and "due soon" lists filter on the state and the deadline;
            // without this index each of them read the wide row of every open case.
            QStringLiteral("CREATE INDEX cases_due ON cases(state, promised_deadline, created, id)"),
        },
        {}});
    list.append(storage::Migration {6, QStringLiteral("sync: scans that could not be read, set aside"),
        {
            // A damaged scan holds back only the outbox rows of the cases citing it; the clerk
            // re-scans (retry) or gives it up (discarded), see sync-protocol.md.
            QStringLiteral("CREATE TABLE scan_failures (sha256 TEXT PRIMARY KEY, reason TEXT NOT NULL,"
                           " detected TEXT NOT NULL, discarded TEXT)"),
        },
        {}});
    list.append(storage::Migration {7, QStringLiteral("intake drafts kept while the clerk types"),
        {
            // The open intake as the clerk left it (answers, applicant, checks, scans), rewritten a
            // second or two after each change, so a crash loses at most those seconds. A draft is
            // not a case: it has no events and is never sent; once numbered it names its case.
            QStringLiteral("CREATE TABLE intake_drafts ("
                           " id INTEGER PRIMARY KEY,"
                           " clerk TEXT NOT NULL,"
                           " case_number TEXT NOT NULL,"
                           " title TEXT NOT NULL,"
                           " applicant_masked TEXT NOT NULL,"
                           " content TEXT NOT NULL,"
                           " created TEXT NOT NULL,"
                           " updated TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX intake_drafts_clerk ON intake_drafts(clerk, updated)"),
            // The scans a draft holds: a file no case and no draft cites is an orphan.
            QStringLiteral("CREATE TABLE draft_attachments ("
                           " draft_id INTEGER NOT NULL REFERENCES intake_drafts(id) ON DELETE CASCADE,"
                           " sha256 TEXT NOT NULL,"
                           " PRIMARY KEY (draft_id, sha256))"),
            QStringLiteral("CREATE INDEX draft_attachments_sha256 ON draft_attachments(sha256)"),
        },
        {}});
    list.append(storage::Migration {8, QStringLiteral("transfer lists: case events by kind and time"),
        {
            // A transfer list is the transfer-listed events of its cases, its confirmation their
            // transferred and transfer-flagged events (TransferDesk): finding a day's lists reads
            // those kinds in a time range instead of every event of the store.
            QStringLiteral("CREATE INDEX case_events_kind ON case_events(kind, time)"),
        },
        {}});
    list.append(storage::Migration {9, QStringLiteral("the queue ticket a case was taken in with"),
        {
            QStringLiteral("ALTER TABLE cases ADD COLUMN ticket TEXT NOT NULL DEFAULT ''"),
        },
        {}});
    list.append(
        storage::Migration {10, QStringLiteral("clerk activities (consultations, practice) and their outbox"),
            {
                // Work that leaves no case behind but earns a clerk points (docs/supervision.md): kept
                // here with an outbox row of its own, written in one transaction, so it survives a
                // power cut and is sent once the counter is online.
                QStringLiteral("CREATE TABLE clerk_activities ("
                               " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                               " id TEXT NOT NULL UNIQUE,"
                               " kind TEXT NOT NULL,"
                               " staff_number TEXT NOT NULL,"
                               " clerk_name TEXT NOT NULL,"
                               " at TEXT NOT NULL,"
                               " matter TEXT NOT NULL,"
                               " detail TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX clerk_activities_at ON clerk_activities(at, seq)"),
                QStringLiteral("CREATE TABLE activity_outbox ("
                               " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                               " activity_id TEXT NOT NULL UNIQUE REFERENCES clerk_activities(id),"
                               " payload TEXT NOT NULL,"
                               " created TEXT NOT NULL,"
                               " sent TEXT,"
                               " failed TEXT)"),
                QStringLiteral("CREATE INDEX activity_outbox_pending ON activity_outbox(id) WHERE sent IS "
                               "NULL AND failed IS NULL"),
            },
            {}});
    list.append(storage::Migration {11, QStringLiteral("result documents of departments' decisions"),
        {
            // The licence or 批文 a department attached to its decision (its event's "document"),
            // queued with the event and fetched by the sync round into the attachment store; the
            // pickup counter prints it (ResultDocuments).
            QStringLiteral("CREATE TABLE result_documents ("
                           " case_number TEXT NOT NULL,"
                           " sha256 TEXT NOT NULL,"
                           " event_id TEXT NOT NULL,"
                           " name TEXT NOT NULL,"
                           " size INTEGER NOT NULL,"
                           " department TEXT NOT NULL,"
                           " received TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " message TEXT NOT NULL DEFAULT '',"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " fetched TEXT,"
                           " PRIMARY KEY (case_number, sha256))"),
            QStringLiteral(
                "CREATE INDEX result_documents_state ON result_documents(state, attempts, received)"),
        },
        {}});
    list.append(storage::Migration {12, QStringLiteral("complaints recorded here and their outbox"),
        {
            // A complaint (投诉) typed at the counter is kept with the outbox row that carries it to the
            // server, written in one transaction, so it survives a power cut and an offline day; the
            // number the server gives (TS…) is kept beside it (docs/supervision.md, "Complaints").
            QStringLiteral("CREATE TABLE complaints ("
                           " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " id TEXT NOT NULL UNIQUE,"
                           " recorded_by TEXT NOT NULL,"
                           " received_at TEXT NOT NULL,"
                           " detail TEXT NOT NULL,"
                           " number TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX complaints_recorded ON complaints(recorded_by, received_at)"),
            QStringLiteral("CREATE TABLE complaint_outbox ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " complaint_id TEXT NOT NULL UNIQUE REFERENCES complaints(id),"
                           " payload TEXT NOT NULL,"
                           " created TEXT NOT NULL,"
                           " sent TEXT,"
                           " failed TEXT)"),
            QStringLiteral("CREATE INDEX complaint_outbox_pending ON complaint_outbox(id) WHERE sent IS NULL"
                           " AND failed IS NULL"),
        },
        {}});
    return list;
}

} // namespace

const QList<storage::Migration> &CaseSchema::migrations()
{
    static const QList<storage::Migration> list = buildMigrations();
    return list;
}

int CaseSchema::latestVersion()
{
    return migrations().constLast().version;
}

QString CaseSchema::searchText(const QString &number, const QString &matterCode, const QString &matterName,
    const QString &maskedApplicant)
{
    return QStringList {number, matterCode, matterName, maskedApplicant}.join(QLatin1Char(' ')).toLower();
}

namespace {

storage::SchemaMigrator migrator(const storage::Database &db)
{
    return storage::SchemaMigrator(QStringLiteral("schema_version"),
        {[&db](int found, int known) {
             return QCoreApplication::translate("ow::cases",
                 "The case database %1 was written by a newer OneWindow (schema version %2; this program "
                 "knows up to %3).")
                 .arg(db.path())
                 .arg(found)
                 .arg(known);
         },
            [](const storage::Migration &migration, const QString &reason) {
                return QCoreApplication::translate(
                    "ow::cases", "Migration %1 of the case database (%2) failed and was rolled back: %3")
                    .arg(migration.version)
                    .arg(migration.description, reason);
            }});
}

} // namespace

Result<int> CaseSchema::currentVersion(const storage::Database &db)
{
    return migrator(db).currentVersion(db);
}

Result<void> CaseSchema::migrate(const storage::Database &db, int target)
{
    return migrate(db, migrations(), target);
}

Result<void> CaseSchema::migrate(
    const storage::Database &db, const QList<storage::Migration> &list, int target)
{
    return migrator(db).migrate(db, list, target);
}

} // namespace ow::cases
