#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>
#include <optional>

namespace ow::cases {

/// A complaint (投诉) as a workstation records it, at any counter (the guide's 投诉代办窗口) or from
/// the 12345 hotline: who complains and what about (a case, a clerk, a matter, where known). It is
/// kept here first, so nothing typed is lost offline; the server gives it its number (TS…) and
/// supervisors handle it there (docs/supervision.md, "Complaints").
struct ComplaintRecord
{
    static constexpr QLatin1StringView kWindow = QLatin1StringView("window");
    static constexpr QLatin1StringView kHotline = QLatin1StringView("12345");
    static constexpr QLatin1StringView kOnline = QLatin1StringView("online");
    static constexpr int kMaxContent = 2000;
    static constexpr int kMaxName = 50;

    /// Which field a problem is about, so a form can put the cursor there.
    enum class Field
    {
        Channel,
        ComplainantName,
        Mobile,
        Content,
        Case,
        Clerk,
        Matter,
        RecordedBy,
        ReceivedAt,
    };

    struct Problem
    {
        Field field;
        QString message; ///< begins with the field's name
    };

    QString id; ///< UUID given here; the same complaint sent twice is kept once by the server
    QString number; ///< TS…, given by the server; empty until it has it
    QString channel = QString(kWindow); ///< kWindow, kHotline or kOnline
    QDateTime receivedAt; ///< UTC
    QString complainantName;
    QString complainantMobile;
    QString content;
    QString caseNumber; ///< the case complained about; empty when none
    QString clerkStaffNumber; ///< the clerk complained about; empty when none
    QString clerkName;
    QString matterCode; ///< the matter complained about; empty when none
    QString matterName;
    QString recordedByStaffNumber;
    QString recordedByName;

    static bool isKnownChannel(const QString &channel);

    /// The first thing wrong with it (a field missing, a mobile number that is not one, content too
    /// long, a case number that does not check), or nothing.
    std::optional<Problem> problem() const;

    /// What POST /complaints and POST /supervision/complaints take: {"id", "channel", "receivedAt",
    /// "complainant": {"name", "mobile"}, "content", "case", "clerkStaffNumber", "matterCode",
    /// "recordedByStaffNumber"}, null for what is not known; the case number and the mobile number
    /// written as stored (no spaces or hyphens).
    QJsonObject toSubmission() const;
    /// The submission with the names the workstation shows beside it ("number", "clerkName",
    /// "matterName", "recordedByName"): the form ComplaintLog keeps.
    QJsonObject toJson() const;
    static ComplaintRecord fromJson(const QJsonObject &object);
};

} // namespace ow::cases
