#include "server/DeliverySchema.h"

namespace ow::server {

storage::Migration DeliverySchema::migration(int version)
{
    return {version, QStringLiteral("pushes to department systems: endpoints, deliveries, signing keys"),
        {
            // The signing secret is kept as it is, not hashed: the server must sign with it. It is
            // not a credential, and it gets nothing from the server's API.
            QStringLiteral("CREATE TABLE department_endpoints ("
                           " department TEXT PRIMARY KEY,"
                           " url TEXT NOT NULL,"
                           " secret TEXT NOT NULL,"
                           " enabled INTEGER NOT NULL DEFAULT 1,"
                           " created TEXT NOT NULL,"
                           " updated TEXT NOT NULL)"),
            // seq orders the pushes of a department: sent one at a time, oldest first, so the pushes
            // of a case arrive in the order of its events.
            QStringLiteral("CREATE TABLE deliveries ("
                           " seq {serial},"
                           " id TEXT NOT NULL UNIQUE,"
                           " department TEXT NOT NULL,"
                           " hall TEXT NOT NULL,"
                           " case_number TEXT NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " event_id TEXT NOT NULL,"
                           " body TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " next_attempt TEXT NOT NULL,"
                           " last_error TEXT NOT NULL DEFAULT '',"
                           " created TEXT NOT NULL,"
                           " updated TEXT NOT NULL,"
                           " delivered TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX deliveries_due ON deliveries(state, department, seq)"),
            QStringLiteral("CREATE INDEX deliveries_hall ON deliveries(hall, state, seq)"),
            QStringLiteral("CREATE TABLE signing_keys ("
                           " name TEXT PRIMARY KEY,"
                           " secret TEXT NOT NULL,"
                           " created TEXT NOT NULL)"),
        },
        {}};
}

QStringList DeliverySchema::tables()
{
    return {
        QStringLiteral("department_endpoints"), QStringLiteral("deliveries"), QStringLiteral("signing_keys")};
}

} // namespace ow::server
