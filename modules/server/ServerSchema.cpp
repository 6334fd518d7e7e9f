#include "server/ServerSchema.h"

#include "server/CaseDocuments.h"
#include "server/CatalogueReviewSchema.h"
#include "server/ComplaintSchema.h"
#include "server/DeliverySchema.h"
#include "server/DepartmentLogSchema.h"
#include "server/PointsSchema.h"

#include <QCoreApplication>

namespace ow::server {

namespace {

QList<storage::Migration> buildMigrations()
{
    QList<storage::Migration> list;
    list.append({1, QStringLiteral("credentials, cases, events, attachments, catalogues, conflicts"),
        {
            // Secrets are kept as SHA-256 hex only; the id is what logs and the CLI show.
            QStringLiteral("CREATE TABLE enrol_codes ("
                           " id TEXT PRIMARY KEY,"
                           " code_hash TEXT NOT NULL UNIQUE,"
                           " hall TEXT NOT NULL,"
                           " counter TEXT NOT NULL,"
                           " counter_number INTEGER NOT NULL,"
                           " created TEXT NOT NULL,"
                           " expires TEXT NOT NULL,"
                           " used TEXT NOT NULL DEFAULT '',"
                           " credential_id TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE TABLE credentials ("
                           " id TEXT PRIMARY KEY,"
                           " kind TEXT NOT NULL,"
                           " secret_hash TEXT NOT NULL UNIQUE,"
                           " hall TEXT NOT NULL DEFAULT '',"
                           " counter TEXT NOT NULL DEFAULT '',"
                           " counter_number INTEGER NOT NULL DEFAULT 0,"
                           " department TEXT NOT NULL DEFAULT '',"
                           " name TEXT NOT NULL DEFAULT '',"
                           " created TEXT NOT NULL,"
                           " revoked TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE TABLE cases ("
                           " number TEXT PRIMARY KEY,"
                           " hall TEXT NOT NULL,"
                           " department TEXT NOT NULL,"
                           " qr_token TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " snapshot TEXT NOT NULL,"
                           " snapshot_time TEXT NOT NULL,"
                           " created TEXT NOT NULL,"
                           " updated TEXT NOT NULL,"
                           " conflicted INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX cases_department ON cases(department, state)"),
            QStringLiteral("CREATE INDEX cases_qr_token ON cases(qr_token)"),
            QStringLiteral("CREATE TABLE events ("
                           " seq {serial},"
                           " event_id TEXT NOT NULL UNIQUE,"
                           " case_number TEXT NOT NULL REFERENCES cases(number),"
                           " hall TEXT NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " time TEXT NOT NULL,"
                           " origin TEXT NOT NULL,"
                           " state_after TEXT NOT NULL,"
                           " received TEXT NOT NULL,"
                           " body TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX events_hall ON events(hall, seq)"),
            QStringLiteral("CREATE INDEX events_case ON events(case_number, seq)"),
            QStringLiteral("CREATE TABLE case_attachments ("
                           " case_number TEXT NOT NULL REFERENCES cases(number),"
                           " sha256 TEXT NOT NULL,"
                           " PRIMARY KEY (case_number, sha256))"),
            QStringLiteral("CREATE INDEX case_attachments_sha256 ON case_attachments(sha256)"),
            QStringLiteral("CREATE TABLE attachments ("
                           " sha256 TEXT PRIMARY KEY,"
                           " size {bigint} NOT NULL,"
                           " total {bigint},"
                           " received TEXT NOT NULL,"
                           " complete INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE catalogues ("
                           " version TEXT PRIMARY KEY,"
                           " id TEXT NOT NULL,"
                           " package_sha256 TEXT NOT NULL,"
                           " path TEXT NOT NULL,"
                           " published TEXT NOT NULL,"
                           " is_current INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE conflicts ("
                           " id {serial},"
                           " case_number TEXT NOT NULL REFERENCES cases(number),"
                           " hall TEXT NOT NULL,"
                           " first_event TEXT NOT NULL,"
                           " second_event TEXT NOT NULL,"
                           " first_kind TEXT NOT NULL,"
                           " second_kind TEXT NOT NULL,"
                           " detected TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX conflicts_hall ON conflicts(hall, id)"),
        },
        {}});
    list.append({2,
        QStringLiteral("order by receipt and rank, counter clocks, attachment holders, uploads per uploader"),
        {
            // The kept snapshot is the one of the highest lifecycle rank, the latest received within
            // a rank; the counters' clocks no longer decide (snapshot_time stays for reading only).
            QStringLiteral("ALTER TABLE cases ADD COLUMN snapshot_rank INTEGER NOT NULL DEFAULT 0"),
            // The last clock skew seen per workstation: its clock minus the server's when it sent
            // a batch of events.
            QStringLiteral("CREATE TABLE counter_clocks ("
                           " credential_id TEXT PRIMARY KEY,"
                           " hall TEXT NOT NULL,"
                           " counter TEXT NOT NULL,"
                           " skew_ms {bigint} NOT NULL,"
                           " seen TEXT NOT NULL)"),
            // The halls that uploaded a scan in full: only they (and the departments of their
            // cases) may read it; citing a hash is not enough.
            QStringLiteral("CREATE TABLE attachment_holders ("
                           " sha256 TEXT NOT NULL,"
                           " hall TEXT NOT NULL,"
                           " since TEXT NOT NULL,"
                           " PRIMARY KEY (sha256, hall))"),
            // Scans complete before this version: held by the halls whose cases cite them.
            QStringLiteral("INSERT INTO attachment_holders (sha256, hall, since)"
                           " SELECT DISTINCT a.sha256, c.hall, a.received FROM attachments a"
                           " JOIN case_attachments ca ON ca.sha256 = a.sha256"
                           " JOIN cases c ON c.number = ca.case_number WHERE a.complete = 1"),
            // An unfinished upload belongs to the workstation that started it, with the total it
            // declared first.
            QStringLiteral("CREATE TABLE partial_uploads ("
                           " uploader TEXT NOT NULL,"
                           " sha256 TEXT NOT NULL,"
                           " total {bigint} NOT NULL,"
                           " size {bigint} NOT NULL,"
                           " updated TEXT NOT NULL,"
                           " PRIMARY KEY (uploader, sha256))"),
        },
        {}});
    list.append({3, QStringLiteral("hall-wide clerk accounts and their audit"),
        {
            // The accounts every workstation of a hall pulls: PBKDF2 hash texts only. login_key is the
            // staff number in lower case, so lookups are case-insensitive in both dialects.
            QStringLiteral("CREATE TABLE hall_accounts ("
                           " hall TEXT NOT NULL,"
                           " login TEXT NOT NULL,"
                           " login_key TEXT NOT NULL,"
                           " display_name TEXT NOT NULL,"
                           " roles TEXT NOT NULL,"
                           " active INTEGER NOT NULL DEFAULT 1,"
                           " must_change_password INTEGER NOT NULL DEFAULT 1,"
                           " password_hash TEXT NOT NULL,"
                           " created TEXT NOT NULL,"
                           " updated TEXT NOT NULL,"
                           " PRIMARY KEY (hall, login_key))"),
            QStringLiteral("CREATE TABLE hall_account_audit ("
                           " id {serial},"
                           " hall TEXT NOT NULL,"
                           " time TEXT NOT NULL,"
                           " actor TEXT NOT NULL,"
                           " action TEXT NOT NULL,"
                           " login TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX hall_account_audit_hall ON hall_account_audit(hall, id)"),
        },
        {}});
    list.append({4, QStringLiteral("the hall's queue: counters, tickets, calls, appointments, SMS"),
        {
            // One row per counter of a hall: open with the clerk logged in, paused or closed.
            QStringLiteral("CREATE TABLE queue_counters ("
                           " hall TEXT NOT NULL,"
                           " counter TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " clerk TEXT NOT NULL DEFAULT '',"
                           " areas TEXT NOT NULL DEFAULT '',"
                           " matters TEXT NOT NULL DEFAULT '',"
                           " since TEXT NOT NULL,"
                           " PRIMARY KEY (hall, counter))"),
            // Tickets; a transfer's continuation repeats the number (transferred_from names the first).
            QStringLiteral("CREATE TABLE queue_tickets ("
                           " id {serial},"
                           " hall TEXT NOT NULL,"
                           " day TEXT NOT NULL,"
                           " area TEXT NOT NULL,"
                           " seq INTEGER NOT NULL,"
                           " number TEXT NOT NULL,"
                           " matter TEXT NOT NULL DEFAULT '',"
                           " bundle TEXT NOT NULL DEFAULT '',"
                           " mobile TEXT NOT NULL DEFAULT '',"
                           " id_card TEXT NOT NULL DEFAULT '',"
                           " priority TEXT NOT NULL,"
                           " appointment TEXT NOT NULL DEFAULT '',"
                           " window_start TEXT NOT NULL DEFAULT '',"
                           " window_end TEXT NOT NULL DEFAULT '',"
                           " state TEXT NOT NULL,"
                           " call_count INTEGER NOT NULL DEFAULT 0,"
                           " counter TEXT NOT NULL DEFAULT '',"
                           " called_by TEXT NOT NULL DEFAULT '',"
                           " clerk TEXT NOT NULL DEFAULT '',"
                           " transferred_from {bigint} NOT NULL DEFAULT 0,"
                           " issued TEXT NOT NULL,"
                           " first_called TEXT NOT NULL DEFAULT '',"
                           " last_called TEXT NOT NULL DEFAULT '',"
                           " serving_since TEXT NOT NULL DEFAULT '',"
                           " finished TEXT NOT NULL DEFAULT '',"
                           " ahead INTEGER NOT NULL DEFAULT 0,"
                           " expected_wait INTEGER NOT NULL DEFAULT 0,"
                           " reason TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE UNIQUE INDEX queue_tickets_number ON queue_tickets(hall, day, area, seq)"
                           " WHERE transferred_from = 0"),
            QStringLiteral("CREATE INDEX queue_tickets_state ON queue_tickets(hall, state)"),
            QStringLiteral("CREATE INDEX queue_tickets_day ON queue_tickets(hall, day)"),
            // Every call and recall in the order heard: the hall display's feed.
            QStringLiteral("CREATE TABLE queue_calls ("
                           " id {serial},"
                           " hall TEXT NOT NULL,"
                           " ticket_id {bigint} NOT NULL,"
                           " number TEXT NOT NULL,"
                           " counter TEXT NOT NULL,"
                           " call_count INTEGER NOT NULL,"
                           " time TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX queue_calls_hall ON queue_calls(hall, id)"),
            QStringLiteral("CREATE TABLE queue_appointments ("
                           " id TEXT PRIMARY KEY,"
                           " hall TEXT NOT NULL,"
                           " day TEXT NOT NULL,"
                           " matter TEXT NOT NULL,"
                           " mobile TEXT NOT NULL DEFAULT '',"
                           " reference TEXT NOT NULL DEFAULT '',"
                           " window_start TEXT NOT NULL,"
                           " window_end TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " ticket_id {bigint} NOT NULL DEFAULT 0,"
                           " created TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX queue_appointments_day ON queue_appointments(hall, day)"),
            // The three SMS of a ticket, at most one of each kind, with their delivery status.
            QStringLiteral("CREATE TABLE queue_sms ("
                           " ticket_id {bigint} NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " hall TEXT NOT NULL,"
                           " text TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " next_attempt TEXT NOT NULL,"
                           " message_id TEXT NOT NULL DEFAULT '',"
                           " last_error TEXT NOT NULL DEFAULT '',"
                           " created TEXT NOT NULL,"
                           " updated TEXT NOT NULL,"
                           " PRIMARY KEY (ticket_id, kind))"),
            QStringLiteral("CREATE INDEX queue_sms_due ON queue_sms(state, next_attempt)"),
        },
        {}});
    list.append({5, QStringLiteral("supervision: warnings with their history, bad-rating follow-ups"),
        {
            // Every warning as computed, opened when first seen and closed (never deleted) when its
            // cause is gone; a colour change closes the row and opens another.
            QStringLiteral("CREATE TABLE supervision_warnings ("
                           " id {serial},"
                           " hall TEXT NOT NULL,"
                           " warning_key TEXT NOT NULL,"
                           " case_number TEXT NOT NULL,"
                           " stage TEXT NOT NULL,"
                           " rule TEXT NOT NULL,"
                           " colour TEXT NOT NULL,"
                           " department TEXT NOT NULL DEFAULT '',"
                           " clerk TEXT NOT NULL DEFAULT '',"
                           " since TEXT NOT NULL,"
                           " body TEXT NOT NULL,"
                           " opened TEXT NOT NULL,"
                           " closed TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX supervision_warnings_open ON supervision_warnings(hall, closed)"),
            // One follow-up item per bad rating (the rating event's id), with its two deadlines.
            QStringLiteral("CREATE TABLE supervision_followups ("
                           " id TEXT PRIMARY KEY,"
                           " hall TEXT NOT NULL,"
                           " case_number TEXT NOT NULL,"
                           " clerk TEXT NOT NULL DEFAULT '',"
                           " rating INTEGER NOT NULL,"
                           " rated TEXT NOT NULL,"
                           " contact_due TEXT NOT NULL,"
                           " fix_due TEXT NOT NULL,"
                           " contacted TEXT NOT NULL DEFAULT '',"
                           " contacted_by TEXT NOT NULL DEFAULT '',"
                           " agreed TEXT NOT NULL DEFAULT '',"
                           " closed TEXT NOT NULL DEFAULT '',"
                           " closed_by TEXT NOT NULL DEFAULT '',"
                           " closing_note TEXT NOT NULL DEFAULT '',"
                           " opened TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX supervision_followups_hall ON supervision_followups(hall, closed)"),
        },
        {}});
    list.append({6, QStringLiteral("supervisors signed in at a workstation: short-lived session tokens"),
        {
            // Only the SHA-256 of a session token is kept, like every other secret; a row past its
            // expiry lets nobody in and is removed at the next sign-in.
            QStringLiteral("CREATE TABLE supervisor_sessions ("
                           " id TEXT PRIMARY KEY,"
                           " token_hash TEXT NOT NULL UNIQUE,"
                           " hall TEXT NOT NULL,"
                           " staff_number TEXT NOT NULL,"
                           " workstation TEXT NOT NULL,"
                           " created TEXT NOT NULL,"
                           " expires TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX supervisor_sessions_expires ON supervisor_sessions(expires)"),
        },
        {}});
    list.append({7,
        QStringLiteral("online pre-applications, their scans, SMS codes and applicants' sessions"),
        {
            // The applicant's data is kept as the counter's Applicant JSON; id_number is copied out for
            // the limit of open pre-applications per ID number.
            QStringLiteral("CREATE TABLE pre_applications ("
                           " code TEXT PRIMARY KEY,"
                           " hall TEXT NOT NULL,"
                           " matter TEXT NOT NULL,"
                           " matter_name TEXT NOT NULL,"
                           " department TEXT NOT NULL,"
                           " answers TEXT NOT NULL,"
                           " answer_texts TEXT NOT NULL,"
                           " applicant TEXT NOT NULL DEFAULT '',"
                           " id_number TEXT NOT NULL DEFAULT '',"
                           " mobile TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " created TEXT NOT NULL,"
                           " updated TEXT NOT NULL,"
                           " submitted TEXT NOT NULL DEFAULT '',"
                           " expires TEXT NOT NULL,"
                           " review_decision TEXT NOT NULL DEFAULT '',"
                           " review_reasons TEXT NOT NULL DEFAULT '',"
                           " reviewer TEXT NOT NULL DEFAULT '',"
                           " reviewed TEXT NOT NULL DEFAULT '',"
                           " case_number TEXT NOT NULL DEFAULT '',"
                           " taken_by TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX pre_applications_hall ON pre_applications(hall, state)"),
            QStringLiteral("CREATE INDEX pre_applications_id_number ON pre_applications(id_number, state)"),
            QStringLiteral("CREATE INDEX pre_applications_expires ON pre_applications(state, expires)"),
            QStringLiteral("CREATE TABLE pre_application_scans ("
                           " id {serial},"
                           " code TEXT NOT NULL,"
                           " material TEXT NOT NULL,"
                           " file_name TEXT NOT NULL,"
                           " mime TEXT NOT NULL,"
                           " size {bigint} NOT NULL,"
                           " received {bigint} NOT NULL DEFAULT 0,"
                           " sha256 TEXT NOT NULL DEFAULT '',"
                           " created TEXT NOT NULL,"
                           " updated TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX pre_application_scans_code ON pre_application_scans(code)"),
            // SMS codes are kept as SHA-256 only; their rows also count the codes sent to a number.
            QStringLiteral("CREATE TABLE pre_application_sms_codes ("
                           " id {serial},"
                           " mobile TEXT NOT NULL,"
                           " code_hash TEXT NOT NULL,"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " created TEXT NOT NULL,"
                           " expires TEXT NOT NULL,"
                           " used TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX pre_application_sms_codes_mobile ON "
                           "pre_application_sms_codes(mobile, created)"),
            QStringLiteral("CREATE TABLE pre_application_sessions ("
                           " token_hash TEXT PRIMARY KEY,"
                           " mobile TEXT NOT NULL,"
                           " created TEXT NOT NULL,"
                           " expires TEXT NOT NULL)"),
            // The texts with the codes, sent by the queue's SmsSender like the queue's own SMS.
            QStringLiteral("CREATE TABLE pre_application_sms ("
                           " id {serial},"
                           " mobile TEXT NOT NULL,"
                           " text TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " next_attempt TEXT NOT NULL,"
                           " message_id TEXT NOT NULL DEFAULT '',"
                           " last_error TEXT NOT NULL DEFAULT '',"
                           " created TEXT NOT NULL,"
                           " updated TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE INDEX pre_application_sms_due ON pre_application_sms(state, next_attempt)"),
        },
        {}});
    list.append(PointsSchema::migration(8));
    list.append(CatalogueReviewSchema::migration(9));
    list.append({10, QStringLiteral("supervisors' looks at the departments' log"),
        {
            // Who looked at (or exported) what departments did, and with which filter: supervision
            // of the supervisors, never changed once written.
            QStringLiteral("CREATE TABLE supervision_audit ("
                           " id {serial},"
                           " hall TEXT NOT NULL,"
                           " time TEXT NOT NULL,"
                           " who TEXT NOT NULL,"
                           " action TEXT NOT NULL,"
                           " filter TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX supervision_audit_hall ON supervision_audit(hall, id)"),
        },
        {}});
    list.append(
        {11, QStringLiteral("catalogue editors signed in from onewindow-editor: sessions with a role"),
            {
                // The sessions of migration 6 say whose role they carry: a supervisor's reads the hall's
                // supervision, a catalogue editor's locks, submits and withdraws catalogue versions.
                QStringLiteral(
                    "ALTER TABLE supervisor_sessions ADD COLUMN role TEXT NOT NULL DEFAULT 'supervisor'"),
            },
            {}});
    list.append(DepartmentLogSchema::migration(12));
    list.append(DeliverySchema::migration(13));
    list.append({14, QStringLiteral("the answers an acceptance walk walked"),
        {QStringLiteral("ALTER TABLE catalogue_walks ADD COLUMN answers TEXT NOT NULL DEFAULT ''")}, {}});
    list.append(CaseDocuments::migration(15));
    list.append(ComplaintSchema::migration(16));
    return list;
}

storage::SchemaMigrator migrator()
{
    return storage::SchemaMigrator(QStringLiteral("schema_version"),
        {[](int found, int known) {
             return QCoreApplication::translate("ow::server",
                 "The server database was written by a newer OneWindow (schema version %1; this program "
                 "knows up to %2).")
                 .arg(found)
                 .arg(known);
         },
            [](const storage::Migration &migration, const QString &reason) {
                return QCoreApplication::translate(
                    "ow::server", "Migration %1 of the server database (%2) failed and was rolled back: %3")
                    .arg(migration.version)
                    .arg(migration.description, reason);
            }});
}

} // namespace

Result<std::unique_ptr<storage::Database>> ServerSchema::open(const QString &spec, bool checkIntegrity)
{
    storage::Database::Options options;
    options.busyTimeout = std::chrono::seconds(10);
    options.writeLockTable = QStringLiteral("events");
    // Checked below with the server's own advice (or by `server check`, which reads everything).
    options.checkIntegrity = false;
    Result<std::unique_ptr<storage::Database>> db = storage::Database::open(spec, options);
    if (!db || !checkIntegrity)
        return db;
    // A damaged file answers some queries and fails others: refuse it whole at start rather than
    // serve a partial history.
    Result<QStringList> problems = (*db)->integrityProblems(storage::Database::IntegrityCheck::Quick);
    if (!problems)
        return failWith(damaged(**db, {problems.error().message()}));
    if (!problems->isEmpty())
        return failWith(damaged(**db, *problems));
    return db;
}

Error ServerSchema::damaged(const storage::Database &db, const QStringList &problems)
{
    return Error(Error::Code::Io,
        QCoreApplication::translate("ow::server",
            "The server database %1 is damaged (%2). It is not used: restore it from a backup (see "
            "“Recovery” in docs/deployment.md); “onewindow-cli server check” lists what is wrong.")
            .arg(db.description(), storage::Database::findingsText(problems)));
}

const QList<storage::Migration> &ServerSchema::migrations()
{
    static const QList<storage::Migration> list = buildMigrations();
    return list;
}

QStringList ServerSchema::tables()
{
    return QStringList {QStringLiteral("schema_version"), QStringLiteral("enrol_codes"),
               QStringLiteral("credentials"), QStringLiteral("conflicts"), QStringLiteral("case_attachments"),
               QStringLiteral("attachments"), QStringLiteral("events"), QStringLiteral("cases"),
               QStringLiteral("catalogues"), QStringLiteral("counter_clocks"),
               QStringLiteral("attachment_holders"), QStringLiteral("partial_uploads"),
               QStringLiteral("hall_accounts"), QStringLiteral("hall_account_audit"),
               QStringLiteral("queue_counters"), QStringLiteral("queue_tickets"),
               QStringLiteral("queue_calls"), QStringLiteral("queue_appointments"),
               QStringLiteral("queue_sms"), QStringLiteral("supervision_warnings"),
               QStringLiteral("supervision_followups"), QStringLiteral("supervisor_sessions"),
               QStringLiteral("pre_applications"), QStringLiteral("pre_application_scans"),
               QStringLiteral("pre_application_sms_codes"), QStringLiteral("pre_application_sessions"),
               QStringLiteral("pre_application_sms"), QStringLiteral("supervision_audit")}
    + CatalogueReviewSchema::tables() + PointsSchema::tables() + DeliverySchema::tables()
        + DepartmentLogSchema::tables() + CaseDocuments::tables() + ComplaintSchema::tables();
}

int ServerSchema::latestVersion()
{
    return migrations().constLast().version;
}

Result<int> ServerSchema::currentVersion(const storage::Database &db)
{
    return migrator().currentVersion(db);
}

Result<void> ServerSchema::migrate(const storage::Database &db)
{
    return migrator().migrate(db, migrations());
}

} // namespace ow::server
