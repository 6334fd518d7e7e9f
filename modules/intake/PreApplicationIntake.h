#pragma once

#include "cases/Applicant.h"
#include "catalogue/Answers.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ow::intake {

/// A scan the applicant uploaded with an online pre-application, with its bytes (already checked
/// against the hash the server listed).
struct PreApplicationScanData
{
    QString materialId;
    QString fileName;
    QString mimeType;
    QByteArray bytes;
};

/// What the counter takes over from an online pre-application (网上件 / 半流程网上件): the applicant's
/// answers to the matter's questions, the registration and the scans. The clerk still checks the
/// originals and decides as usual; nothing here is ticked for them.
struct PreApplicationData
{
    QString code; ///< the pre-application code ("YS…"), recorded on the case
    catalogue::Answers answers;
    cases::Applicant applicant;
    QList<PreApplicationScanData> scans;
};

/// What of a pre-application the counter's catalogue could not take.
struct PreApplicationReport
{
    int answersLeft = 0; ///< answers the catalogue no longer reads or asks: for the clerk to ask
    QStringList scansWithoutMaterial; ///< file names of scans whose material is not on the checklist
    int scansAttached = 0;
};

/// The note a case carries once it was made from a pre-application: {"preapplication": code,
/// "scans": [sha256…], "matter": code}. It syncs with the case, and the sync round marks the
/// pre-application taken on the server from it (sync::PreApplicationMarks).
struct PreApplicationNote
{
    static constexpr QLatin1StringView kKey {"preapplication"};

    static QJsonObject payload(const QString &code, const QStringList &scans, const QString &matter);
    /// The code a note's payload names; empty for any other note.
    static QString codeOf(const QJsonObject &payload);
};

} // namespace ow::intake
