#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace ow {

class AdministrativeDivisions;

/// A unified social credit code (统一社会信用代码, GB 32100-2015) of a legal person or other
/// organisation: registering authority, category, registration area, organisation code, check.
/// Only valid codes can be constructed.
class CreditCode
{
public:
    /// The 31 characters a code is written with: digits and capitals without I, O, S, V, Z.
    static constexpr QLatin1StringView alphabet()
    {
        return QLatin1StringView("0123456789ABCDEFGHJKLMNPQRTUWXY");
    }

    /// Parses what a clerk typed: spaces dropped, full-width and lower-case letters accepted.
    /// Fails with a translated reason (length, which character is not allowed, the check character
    /// that was expected). Unknown authority, category or area are warnings, not failures.
    static Result<CreditCode> parse(QStringView text);
    /// Same, with the division table given.
    static Result<CreditCode> parse(QStringView text, const AdministrativeDivisions &divisions);

    /// The check character GB 32100 gives the first 17 characters; a null QChar when `first17` is
    /// not 17 characters of the alphabet.
    static QChar checkCharacter(QStringView first17);

    /// The 18 characters, upper case.
    const QString &code() const { return m_code; }
    /// Character 1: the registering authority (登记管理部门), '9' for market regulation.
    QChar authorityCode() const { return m_code.at(0); }
    /// Character 2: the category within the authority (机构类别), '1' for an enterprise under '9'.
    QChar categoryCode() const { return m_code.at(1); }
    /// Translated name of the registering authority; empty when the standard does not list it.
    QString authorityName() const;
    /// Translated name of the category; empty when the standard does not list it.
    QString categoryName() const;
    /// Characters 3–8: the division code of the registering office ("110108"; "100000" = national).
    QString areaCode() const { return m_code.mid(2, 6); }
    /// "北京市海淀区", a translated "national" for 100000; empty when the code is not in the table.
    const QString &areaName() const { return m_areaName; }
    /// Characters 9–17: the organisation code (组织机构代码, GB 11714).
    QString organizationCode() const { return m_code.mid(8, 9); }
    /// Doubts that do not make the code invalid, translated: authority, category or area not in
    /// the tables, an organisation code whose own GB 11714 check character does not match.
    const QStringList &warnings() const { return m_warnings; }

    friend bool operator==(const CreditCode &a, const CreditCode &b) { return a.m_code == b.m_code; }

private:
    CreditCode() = default;

    QString m_code;
    QString m_areaName;
    QStringList m_warnings;
};

} // namespace ow
