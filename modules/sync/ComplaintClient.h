#pragma once

#include "cases/ComplaintRecord.h"
#include "sync/SupervisionClient.h"

namespace ow::sync {

/// The supervisors' side of the hall's complaints (投诉处理, docs/supervision.md "Complaints") on a
/// supervisor's session: the list by state with the hall's counts, recording one (from the 12345
/// hotline), assigning, replying and closing. The answers are the server's JSON as it sent them;
/// a step the complaint's state does not allow is refused with 409. Blocking like SyncClient: for
/// a thread of its own (ui::runHallServerRequest), never the GUI.
class ComplaintClient
{
public:
    ComplaintClient(SyncClient &client, SupervisorSession session);

    /// GET /supervision/complaints?state= (open, overdue, closed or all): {"complaints": [...],
    /// "counts": {"open", "overdue", "closedThisMonth", "closedOnTime"}}.
    Result<QJsonObject> list(const QString &state);
    /// POST /supervision/complaints: the complaint as the server numbered it.
    Result<QJsonObject> record(const cases::ComplaintRecord &complaint);
    /// POST /supervision/complaints/ID/assign: to the clerk of `staffNumber`.
    Result<QJsonObject> assign(const QString &id, const QString &staffNumber);
    /// POST /supervision/complaints/ID/reply: the reply given to the complainant.
    Result<QJsonObject> reply(const QString &id, const QString &text);
    /// POST /supervision/complaints/ID/close: satisfied, unsatisfied or unreachable.
    Result<QJsonObject> close(const QString &id, const QString &result);

private:
    Result<QJsonObject> post(const QString &path, const QJsonObject &body);

    SyncClient &m_client;
    SupervisorSession m_session;
};

} // namespace ow::sync
