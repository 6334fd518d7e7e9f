#pragma once

#include "storage/SchemaMigrator.h"

namespace ow::server {

/// The server tables of complaints (投诉, docs/supervision.md "Complaints"): one migration of the
/// server schema, kept beside the classes that use it.
class ComplaintSchema
{
public:
    /// complaints (one row per complaint, its number unique in its hall) and complaint_history
    /// (every step: recorded, assigned, replied, closed; never changed once written).
    static storage::Migration migration(int version);
    static QStringList tables();
};

} // namespace ow::server
