#pragma once

#include "cases/CaseState.h"
#include "cases/Supplements.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ow::server {

/// What the applicant must do now, as the public status page says it: read from the case's stored
/// snapshot and its events, and nothing personal in it — the materials to hand in and by when (a
/// waiver's or a department's request), whether a mailed result has its EMS number, and whether the
/// service was rated at the counter.
struct ApplicantNextStep
{
    QList<cases::AwaitedMaterial> awaited; ///< only while the case can still take them
    QString trackingNumber; ///< of a mailed result
    bool rated = false; ///< a rating (好差评) is recorded on the case

    /// `events` are the stored event objects in server order.
    static ApplicantNextStep of(
        cases::CaseState state, const QJsonObject &snapshot, const QJsonArray &events);
};

} // namespace ow::server
