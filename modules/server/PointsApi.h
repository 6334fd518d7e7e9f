#pragma once

#include "server/ApiMessage.h"
#include "server/CredentialStore.h"
#include "server/SupervisionRepository.h"
#include "supervision/PointsRules.h"

namespace ow::server {

/// /api/v1/supervision/points… (docs/supervision.md): the hall's monthly ranking of clerks' points
/// with grades, one clerk's items (every point traced to its case event, activity or correction)
/// and supervisors' corrections, each a stored row with its reason.
class PointsApi
{
public:
    PointsApi(const storage::Database &db, Clock clock, supervision::PointsRules rules,
        const SupervisionRepository &repository);

    /// `parts` is the path after /api/v1/supervision/points, split at '/'.
    ApiReply handle(const ApiRequest &request, const QStringList &parts, const Credential &supervisor);

private:
    ApiReply ranking(const ApiRequest &request, const Credential &supervisor);
    ApiReply clerk(const ApiRequest &request, const QString &staffNumber, const Credential &supervisor);
    ApiReply correct(const ApiRequest &request, const Credential &supervisor);
    /// ?month=YYYY-MM, this month by the server's clock when absent; nullopt when malformed.
    std::optional<QDate> month(const ApiRequest &request) const;

    const storage::Database &m_db;
    Clock m_clock;
    supervision::PointsRules m_rules;
    const SupervisionRepository &m_repository;
};

/// POST /api/v1/activities (docs/sync-protocol.md): a workstation's batch of clerk activities,
/// stored for its hall, once per id.
class ActivityApi
{
public:
    static constexpr int kMaxPerBatch = 100;
    static constexpr qint64 kMaxBody = 1024 * 1024;

    ActivityApi(const storage::Database &db, Clock clock);
    ApiReply post(const ApiRequest &request, const Credential &workstation);

private:
    const storage::Database &m_db;
    Clock m_clock;
};

} // namespace ow::server
