#pragma once

#include "storage/SchemaMigrator.h"

namespace ow::server {

/// The server tables of clerks' points (docs/supervision.md): one migration of the server schema,
/// kept beside the repository that uses it.
class PointsSchema
{
public:
    /// clerk_activities (consultations and practice scores from the counters, once per id, per
    /// hall) and point_corrections (a supervisor's correction with its reason, never an edit).
    static storage::Migration migration(int version);
    static QStringList tables();
};

} // namespace ow::server
