#include "server/ComplaintSchema.h"

namespace ow::server {

storage::Migration ComplaintSchema::migration(int version)
{
    return {version, QStringLiteral("complaints (投诉) and their history"),
        {
            // id is the recording client's UUID, so a resent complaint is found and stored once;
            // number_day and day_seq give the human number TS + day + sequence of the hall's day.
            // Names are kept as resolved when the complaint was recorded or acted on.
            QStringLiteral("CREATE TABLE complaints ("
                           " seq {serial},"
                           " id TEXT NOT NULL UNIQUE,"
                           " hall TEXT NOT NULL,"
                           " number TEXT NOT NULL,"
                           " number_day TEXT NOT NULL,"
                           " day_seq INTEGER NOT NULL,"
                           " channel TEXT NOT NULL,"
                           " received TEXT NOT NULL,"
                           " complainant_name TEXT NOT NULL DEFAULT '',"
                           " complainant_mobile TEXT NOT NULL DEFAULT '',"
                           " content TEXT NOT NULL,"
                           " case_number TEXT NOT NULL DEFAULT '',"
                           " clerk TEXT NOT NULL DEFAULT '',"
                           " clerk_name TEXT NOT NULL DEFAULT '',"
                           " matter TEXT NOT NULL DEFAULT '',"
                           " matter_name TEXT NOT NULL DEFAULT '',"
                           " recorded_by TEXT NOT NULL DEFAULT '',"
                           " recorded_by_name TEXT NOT NULL DEFAULT '',"
                           " deadline TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " assignee TEXT NOT NULL DEFAULT '',"
                           " assignee_name TEXT NOT NULL DEFAULT '',"
                           " reply TEXT NOT NULL DEFAULT '',"
                           " replied TEXT NOT NULL DEFAULT '',"
                           " closed TEXT NOT NULL DEFAULT '',"
                           " result TEXT NOT NULL DEFAULT '',"
                           " source TEXT NOT NULL,"
                           " created TEXT NOT NULL)"),
            QStringLiteral("CREATE UNIQUE INDEX complaints_number ON complaints(hall, number_day, day_seq)"),
            QStringLiteral("CREATE INDEX complaints_hall ON complaints(hall, state, seq)"),
            QStringLiteral("CREATE TABLE complaint_history ("
                           " id {serial},"
                           " complaint_id TEXT NOT NULL,"
                           " at TEXT NOT NULL,"
                           " action TEXT NOT NULL,"
                           " by_staff TEXT NOT NULL DEFAULT '',"
                           " by_name TEXT NOT NULL DEFAULT '',"
                           " note TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX complaint_history_complaint ON complaint_history(complaint_id, id)"),
        },
        {}};
}

QStringList ComplaintSchema::tables()
{
    return {QStringLiteral("complaints"), QStringLiteral("complaint_history")};
}

} // namespace ow::server
