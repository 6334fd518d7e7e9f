#pragma once

#include "core/Result.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace ow {

class AdministrativeDivisions;

/// A citizen identity number (公民身份号码, GB 11643-1999): 6-digit area code, 8-digit birth date,
/// 3-digit sequence (odd for men) and a check character. Only valid numbers can be constructed.
class CitizenId
{
public:
    enum class Sex
    {
        Female,
        Male
    };

    /// Parses what a clerk typed or a card reader sent: spaces are dropped, full-width digits and a
    /// lower-case x accepted. Fails with a translated reason a clerk can act on (length,
    /// characters, birth date, the check character that was expected). Area codes are looked up in
    /// the built-in division table and birth dates compared with today's date.
    static Result<CitizenId> parse(QStringView text);
    /// Same, with the division table and "today" given (for tests, and for checking an old
    /// document as of the day it was issued).
    static Result<CitizenId> parse(QStringView text, const AdministrativeDivisions &divisions, QDate today);

    /// The check character GB 11643 gives the first 17 digits ('0'–'9' or 'X'); a null QChar when
    /// `first17` is not 17 ASCII digits.
    static QChar checkCharacter(QStringView first17);

    /// The 18 characters, upper-case X.
    const QString &number() const { return m_number; }
    /// The area code of the person's household registration at the time of issue: "330302".
    QString areaCode() const { return m_number.left(6); }
    /// "浙江省温州市鹿城区"; empty when the area code is not in the division table.
    const QString &areaName() const { return m_areaName; }
    QDate birthDate() const { return m_birthDate; }
    Sex sex() const { return m_sex; }
    /// "3303**********1234": for lists and logs.
    QString masked() const;
    /// Doubts that do not make the number invalid, translated: an area code not in the table (it
    /// may belong to a division abolished since the card was issued).
    const QStringList &warnings() const { return m_warnings; }

    friend bool operator==(const CitizenId &a, const CitizenId &b) { return a.m_number == b.m_number; }

private:
    CitizenId() = default;

    QString m_number;
    QString m_areaName;
    QDate m_birthDate;
    Sex m_sex = Sex::Female;
    QStringList m_warnings;
};

} // namespace ow
