#pragma once

#include "storage/SchemaMigrator.h"

namespace ow::server {

/// The server tables of the departments' log's hash chain (docs/supervision.md): one migration of
/// the server schema, kept beside the chain that uses it.
class DepartmentLogSchema
{
public:
    /// department_log and department_log_head; the department actions stored before it (status
    /// reports and transfer confirmations posted with a department key, catalogue sign-offs) are
    /// chained once by the migration itself, oldest first. Pre-application reviews stored before it
    /// do not say which key acted and stay out. The pre-application's review keeps its key from
    /// then on (pre_applications.review_key).
    static storage::Migration migration(int version);
    static QStringList tables();
};

} // namespace ow::server
