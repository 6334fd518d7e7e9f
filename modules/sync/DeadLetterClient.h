#pragma once

#include "core/Result.h"
#include "sync/SupervisionClient.h"
#include "sync/SyncClient.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ow::sync {

/// A push to a department's system that was given up (docs/sync-protocol.md, "Dead letters"), as
/// the server lists it to the hall's supervisors.
struct DeadLetter
{
    QString id;
    QString department; ///< the department's id
    QString departmentName; ///< as the case names it; empty when it names none
    QString caseNumber;
    QString kind; ///< the event kind pushed (accepted, accepted-with-waiver, supplemented, withdrawn)
    int attempts = 0;
    QString lastError;
    QDateTime died; ///< UTC: its last attempt

    static DeadLetter fromJson(const QJsonObject &object);
};

/// The hall's undelivered pushes on a supervisor's session: the list, and one put back in line.
/// Blocking like SyncClient: for a thread of its own (ui::runHallServerRequest), never the GUI.
class DeadLetterClient
{
public:
    DeadLetterClient(SyncClient &client, SupervisorSession session);

    /// GET /supervision/dead-letters, oldest first as the server lists them.
    Result<QList<DeadLetter>> list();
    /// POST /supervision/dead-letters/<id>/resend; 404 once it is not dead (resent or delivered).
    Result<void> resend(const QString &id);

private:
    SyncClient &m_client;
    SupervisorSession m_session;
};

} // namespace ow::sync
