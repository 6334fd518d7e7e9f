#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringView>

namespace ow {

/// The postal tracking number the pickup counter records when it mails a result (EMS, the unified
/// postal channel of guide 三(四)).
///
/// The check is deliberately only the shape, so a clerk's typing slip is caught without refusing
/// real waybills: either the UPU S10 form EMS uses, 2 letters + 9 digits + 2 letters
/// ("EA123456789CN"), or a domestic EMS waybill of 13 digits ("1234567890123"). Spaces and dashes
/// a scanner or a clerk adds are dropped and letters upper-cased. The S10 check digit (8th of the
/// 9 digits) is not verified: waybills printed for domestic use do not all carry a valid one.
class TrackingNumber
{
public:
    static constexpr int kLength = 13;

    /// The number, normalised; or a translated reason the clerk can act on.
    static Result<QString> parse(QStringView text);
};

} // namespace ow
