#pragma once

#include "core/Result.h"
#include "idcard/IdCardData.h"

namespace ow::drivers::idcard {

/// Checks the text fields of a decoded card before anyone uses them. A frame whose checksum matches
/// can still carry damaged text (a reader's firmware bug, a bad SAM, a forged card): dates that are
/// not dates, control characters, escape sequences or half of a UTF-16 surrogate pair would otherwise
/// reach the form, the JSON and the case record. The first bad field is named in the error.
class IdCardTextCheck
{
public:
    /// Every field of `card`: no control characters or lone surrogates, each within the width its
    /// card type gives it, and birth date and validity dates real dates (YYYYMMDD; the end of the
    /// validity may also be 长期).
    static Result<void> check(const IdCardData &card);

    /// The translated name of the field held in `member`, as the error names it ("出生日期").
    static QString fieldName(QString IdCardData::*member);
};

} // namespace ow::drivers::idcard
