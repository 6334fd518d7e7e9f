#pragma once

#include "core/Clock.h"
#include "server/ApplicantNextStep.h"
#include "server/CredentialStore.h"
#include "server/EventValidator.h"
#include "server/RequestParser.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ow::server {

/// The outcome of one entry of a POST /events batch.
struct EventResult
{
    QString id;
    QString status; ///< protocol::kStored, kDuplicate or kRejected
    QString message;
};

/// A department's status event: what it did, or why not.
struct DepartmentOutcome
{
    enum class Status
    {
        Created,
        Repeated, ///< the idempotency key was seen before: the stored event is returned
        NotFound,
        OtherDepartment,
        IllegalTransition,
        IdCollision, ///< the id is another event's
    };
    Status status = Status::Created;
    QJsonObject event;
    QString state;
    QString message;
};

/// What the public status page may show: the matter and the stage, never the applicant.
struct PublicStatus
{
    QString matterName;
    QString departmentName;
    cases::CaseState state = cases::CaseState::Draft;
    QDate created;
    QDate accepted;
    QDate decided;
    QDate promisedDeadline;
    QDate resultReady;
    QDate closed;
    ApplicantNextStep next; ///< what the applicant must do now
};

/// Cases and their events on the server: idempotent ingest with the lifecycle ranks, the change
/// feed by server sequence, conflicts, the department's view and the public status.
class CaseRepository
{
public:
    CaseRepository(const storage::Database &db, Clock clock);

    /// The window event times must fall in (the server's --clock-window and --max-event-age).
    void setEventWindow(EventValidator::Window window) { m_validator = EventValidator(window); }
    /// Stores a batch in one transaction; each entry is stored, a duplicate or rejected with its
    /// reason (EventValidator). `counterTime`, the counter's clock when it sent the batch, is
    /// recorded against the server's time as the counter's clock skew.
    Result<QList<EventResult>> ingest(
        const Credential &workstation, const QList<IncomingEvent> &batch, const QDateTime &counterTime = {});
    /// {"changes": [...], "cursor", "more"} of a hall after a server sequence.
    Result<QJsonObject> changes(const QString &hall, qint64 after, int limit) const;
    /// {"case": snapshot with the server's state, "events": [...]}; nullopt when unknown.
    Result<std::optional<QJsonObject>> caseWithEvents(const QString &number) const;
    /// The hall and department of a case; nullopt when unknown.
    Result<std::optional<std::pair<QString, QString>>> owner(const QString &number) const;
    Result<QJsonArray> conflicts(const QString &hall) const;
    Result<QJsonObject> departmentCases(
        const QString &department, const QString &state, const QString &after) const;
    Result<DepartmentOutcome> departmentEvent(
        const Credential &department, const QString &number, const DepartmentEventRequest &request);
    /// Events a department records together (a handover's confirmation), in one transaction, each
    /// of a case of that department and stamped now; an event the case's state does not allow is
    /// left out. The events stored, with the state after each ("state" in each object).
    Result<QJsonArray> recordDepartmentEvents(
        const Credential &department, const QList<cases::CaseEvent> &events);
    Result<std::optional<PublicStatus>> publicStatus(const QString &qrToken) const;
    /// Whether a credential may read an attachment: a department of a case citing it, or a
    /// workstation of the hall of such a case, when that case's hall uploaded the file itself.
    Result<bool> mayReadAttachment(const Credential &credential, const QString &sha256) const;

private:
    struct CaseRow
    {
        bool exists = false;
        cases::CaseState state = cases::CaseState::Draft;
        QString snapshotTime;
        int snapshotRank = 0; ///< lifecycle rank the counter had reached with the kept snapshot
        QString qrToken;
    };

    Result<CaseRow> caseRow(const QString &number) const;
    Result<EventResult> ingestOne(const Credential &workstation, const IncomingEvent &incoming,
        const QDateTime &nowTime, const QString &now);
    /// nullopt when the id is new; an empty string when it is this case's (a repeat); else the
    /// case that already has an event with this id.
    Result<std::optional<QString>> eventIdCollision(const QString &eventId, const QString &number) const;
    /// Stores the event and moves the case by the lifecycle ranks; returns the state after it.
    Result<cases::CaseState> record(const cases::CaseEvent &event, const QJsonObject &eventJson,
        const QString &hall, const QString &origin, cases::CaseState current, const QString &now);
    Result<void> flagConflict(const cases::CaseEvent &event, const QString &hall, const QString &now);

    const storage::Database &m_db;
    Clock m_clock;
    EventValidator m_validator;
};

} // namespace ow::server
