#pragma once

#include "storage/SchemaMigrator.h"

namespace ow::server {

/// The server tables of pushes to department systems (docs/sync-protocol.md, "Pushing to department
/// systems"): one migration of the server schema, kept beside the classes that use it.
class DeliverySchema
{
public:
    /// department_endpoints (where each department's system takes pushes, with its signing secret),
    /// deliveries (the outbox: one row per push, pending until delivered or dead) and signing_keys
    /// (the server's own secrets, e.g. the one of the time-limited attachment links).
    static storage::Migration migration(int version);
    static QStringList tables();
};

} // namespace ow::server
