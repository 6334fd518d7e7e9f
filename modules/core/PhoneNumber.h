#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringView>

namespace ow {

/// A mainland China telephone number: a mobile number or a landline with its area code.
class PhoneNumber
{
public:
    enum class Kind
    {
        Mobile, ///< 11 digits, 1[3-9]…
        Landline, ///< area code (010, 02X or 0XXX) + a 7- or 8-digit local number
    };

    /// Accepts "13812345678", "138 1234 5678", "+86 138-1234-5678", "0577-88881234", "057788881234",
    /// "(0577)88881234" and full-width digits. A landline needs its area code. Fails with a
    /// translated reason.
    static Result<PhoneNumber> parse(QStringView text);

    Kind kind() const { return m_kind; }
    /// "13812345678" or "0577-88881234".
    QString number() const;
    /// The landline's area code with its leading 0 ("0577"); empty for a mobile.
    const QString &areaCode() const { return m_areaCode; }
    /// The mobile number, or the landline's local number ("88881234").
    const QString &subscriber() const { return m_subscriber; }
    /// "138****5678", "0577-****1234".
    QString masked() const;

    friend bool operator==(const PhoneNumber &, const PhoneNumber &) = default;

private:
    PhoneNumber() = default;

    Kind m_kind = Kind::Mobile;
    QString m_areaCode;
    QString m_subscriber;
};

} // namespace ow
