#include "server/PointsSchema.h"

namespace ow::server {

storage::Migration PointsSchema::migration(int version)
{
    return {version, QStringLiteral("clerks' points: activities from the counters, supervisors' corrections"),
        {
            QStringLiteral("CREATE TABLE clerk_activities ("
                           " id TEXT PRIMARY KEY,"
                           " hall TEXT NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " staff_number TEXT NOT NULL,"
                           " clerk_name TEXT NOT NULL,"
                           " at TEXT NOT NULL,"
                           " matter TEXT NOT NULL,"
                           " detail TEXT NOT NULL,"
                           " credential TEXT NOT NULL,"
                           " received TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX clerk_activities_hall ON clerk_activities(hall, at)"),
            QStringLiteral("CREATE TABLE point_corrections ("
                           " id TEXT PRIMARY KEY,"
                           " hall TEXT NOT NULL,"
                           " staff_number TEXT NOT NULL,"
                           " points INTEGER NOT NULL,"
                           " reason TEXT NOT NULL,"
                           " by_name TEXT NOT NULL,"
                           " month TEXT NOT NULL,"
                           " at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX point_corrections_hall ON point_corrections(hall, month)"),
        },
        {}};
}

QStringList PointsSchema::tables()
{
    return {QStringLiteral("clerk_activities"), QStringLiteral("point_corrections")};
}

} // namespace ow::server
