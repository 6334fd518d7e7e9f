#pragma once

#include "supervision/Complaint.h"

#include <QDateTime>
#include <QJsonObject>
#include <variant>

namespace ow::server {

/// One complaint as a client sends it (docs/sync-protocol.md, "Complaints"), checked field by field
/// without the database: the types, the channel, the time, the complainant's phone, the content's
/// length and the case number's form. ComplaintApi then resolves the staff numbers, the matter and
/// the case's hall.
struct ComplaintRequest
{
    /// A field that cannot be taken, and why (the message names the field).
    struct Problem
    {
        QString field;
        QString message;
    };

    static constexpr int kMaxIdLength = 64;
    static constexpr int kMaxNameLength = 50;

    /// id, channel, receivedAt, complainant, content and case filled in; the rest is resolved later.
    supervision::Complaint complaint;
    QString clerkStaffNumber;
    QString recordedByStaffNumber;
    QString matterCode;

    /// `now` is the server's time: a missing receivedAt is now, one more than a day after it refused.
    static std::variant<ComplaintRequest, Problem> parse(const QJsonObject &object, const QDateTime &now);
};

} // namespace ow::server
