#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringView>

namespace ow {

/// The postal tracking number the pickup counter records when it mails a result (EMS, the unified
/// postal channel of guide 三(四)).
///
/// Two forms are accepted. The UPU S10 form EMS uses on international and most domestic items
/// (UPU standard S10, "Identification of postal items — 13-character identifier"): 2 letters
/// (service indicator), 8 digits of serial number, 1 check digit, 2 letters (ISO 3166-1 country of
/// the issuing post, e.g. CN): "EA123456785CN". Its check digit is verified, so a mistyped digit is
/// caught: the serial's digits weighted 8 6 4 2 3 5 9 7, check = 11 − (sum mod 11), with 10 written
/// 0 and 11 written 5. And the domestic EMS waybill of 13 digits ("1234567890123"), checked for its
/// shape only, since its numbering has no published check. Spaces and dashes a scanner or a clerk
/// adds are dropped and letters upper-cased.
class TrackingNumber
{
public:
    static constexpr int kLength = 13;

    /// The number, normalised; or a translated reason the clerk can act on.
    static Result<QString> parse(QStringView text);
    /// The S10 check digit (0–9) of an 8-digit serial number; -1 when `serial` is not 8 digits.
    static int s10CheckDigit(QStringView serial);
};

} // namespace ow
