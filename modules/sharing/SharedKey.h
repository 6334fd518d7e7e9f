#pragma once

#include <QString>
#include <optional>

namespace ow::sharing {

/// What the platform finds a shared material by: an organisation's unified social credit code or a
/// person's citizen ID number.
struct SharedKey
{
    enum class Kind
    {
        CreditCode,
        IdNumber,
    };

    Kind kind = Kind::CreditCode;
    QString value;

    /// "9133********1234": the first and last four characters, for audit rows and messages.
    QString masked() const;
    /// "credit-code" or "id-number", as the wire and the audit rows write it.
    static QString keyword(Kind kind);
    static std::optional<Kind> kindFromKeyword(const QString &text);
    /// 统一社会信用代码 or 公民身份号码, translated.
    static QString displayName(Kind kind);

    friend bool operator==(const SharedKey &, const SharedKey &) = default;
};

} // namespace ow::sharing
