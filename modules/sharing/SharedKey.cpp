#include "sharing/SharedKey.h"

#include "core/Masking.h"

#include <QCoreApplication>

namespace ow::sharing {

QString SharedKey::masked() const
{
    return Masking::idNumber(value);
}

QString SharedKey::keyword(Kind kind)
{
    return kind == Kind::CreditCode ? QStringLiteral("credit-code") : QStringLiteral("id-number");
}

std::optional<SharedKey::Kind> SharedKey::kindFromKeyword(const QString &text)
{
    if (text == QLatin1StringView("credit-code"))
        return Kind::CreditCode;
    if (text == QLatin1StringView("id-number"))
        return Kind::IdNumber;
    return std::nullopt;
}

QString SharedKey::displayName(Kind kind)
{
    return kind == Kind::CreditCode ? QCoreApplication::translate("ow::sharing", "unified social credit code")
                                    : QCoreApplication::translate("ow::sharing", "citizen ID number");
}

} // namespace ow::sharing
