#pragma once

#include "server/ApiMessage.h"
#include "server/CredentialStore.h"
#include "server/DepartmentLog.h"
#include "server/PointsApi.h"
#include "server/SupervisionRepository.h"

namespace ow::server {

/// /api/v1/supervision/… (docs/supervision.md): a hall's warnings (today's, recorded, or as they
/// stood on a past ?day=), their history, the bad-rating follow-ups with their contact and closing,
/// the clerks' and matters' figures, the clerks' points (PointsApi). The caller holds a supervisor
/// key; its hall is the one shown.
class SupervisionApi
{
public:
    static constexpr qint64 kMaxBody = 8 * 1024;

    SupervisionApi(const storage::Database &db, Clock clock, supervision::SupervisionRules rules,
        supervision::PointsRules points = {});

    /// `parts` is the path after /api/v1/supervision, split at '/'.
    ApiReply handle(const ApiRequest &request, const QStringList &parts, const Credential &supervisor);

private:
    ApiReply warnings(const ApiRequest &request, const Credential &supervisor);
    ApiReply history(const ApiRequest &request, const Credential &supervisor);
    ApiReply followUps(const ApiRequest &request, const Credential &supervisor);
    ApiReply followUpAction(
        const ApiRequest &request, const QString &id, const QString &action, const Credential &supervisor);
    ApiReply figures(const ApiRequest &request, const QString &what, const Credential &supervisor);
    /// GET department-log (docs/supervision.md): what departments did, each look recorded.
    ApiReply departmentLog(const ApiRequest &request, const Credential &supervisor);
    /// GET department-log/verify (the chain checked) and department-log/looks (who looked, itself
    /// recorded as a look).
    ApiReply departmentLogPart(const ApiRequest &request, const QString &part, const Credential &supervisor);
    /// The view of ?day=YYYY-MM-DD (computed, nothing recorded), or today's recorded one.
    Result<SupervisionRepository::HallView> view(const ApiRequest &request, const QString &hall, QDate *day);

    SupervisionRepository m_repository;
    Clock m_clock;
    PointsApi m_points;
    DepartmentLog m_departmentLog;
};

} // namespace ow::server
