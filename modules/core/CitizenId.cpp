#include "core/CitizenId.h"

#include "core/AdministrativeDivisions.h"
#include "core/Clock.h"
#include "core/InputText.h"
#include "core/Masking.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>

namespace ow {

namespace {

// GB 11643-1999 §8.2 (ISO 7064 MOD 11-2): weight of position i is 2^(17-i) mod 11; the check
// character is the one that brings the weighted sum to 1 mod 11.
constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::array<char, 11> kCheckCharacters = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

} // namespace

QChar CitizenId::checkCharacter(QStringView first17)
{
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (qsizetype i = 0; i < 17; ++i) {
        if (!isDigit(first17.at(i)))
            return {};
        sum += (first17.at(i).unicode() - u'0') * kWeights[size_t(i)];
    }
    return QLatin1Char(kCheckCharacters[size_t(sum % 11)]);
}

Result<CitizenId> CitizenId::parse(QStringView text)
{
    return parse(text, AdministrativeDivisions::builtIn(), Clock::system().today());
}

Result<CitizenId> CitizenId::parse(QStringView text, const AdministrativeDivisions &divisions, QDate today)
{
    const QString number = InputText::compact(text).toUpper();
    if (number.isEmpty())
        return fail(Error::Code::Invalid, QCoreApplication::translate("ow::core", "The ID number is empty."));
    const bool allDigits = std::all_of(number.cbegin(), number.cend(), isDigit);
    if (number.size() == 15 && allDigits)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::core",
                "This is a 15-digit first-generation ID number, which is no longer valid; ask for the "
                "18-character number of the second-generation card."));
    if (number.size() != 18)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::core", "An ID number has 18 characters; this one has %n.", nullptr, int(number.size())));
    for (qsizetype i = 0; i < 17; ++i) {
        if (!isDigit(number.at(i)))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::core",
                    "Character %1 is '%2', but the first 17 characters of an ID number are digits.")
                    .arg(i + 1)
                    .arg(number.at(i)));
    }
    const QChar last = number.at(17);
    if (!isDigit(last) && last != u'X')
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::core", "The last character is '%1', but it must be a digit or X.")
                .arg(last));

    const QStringView digits(number);
    const QDate birth(digits.mid(6, 4).toInt(), digits.mid(10, 2).toInt(), digits.mid(12, 2).toInt());
    const QString written
        = QStringLiteral("%1-%2-%3").arg(digits.mid(6, 4), digits.mid(10, 2), digits.mid(12, 2));
    if (!birth.isValid())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::core", "The birth date %1 (characters 7 to 14) is not a real date.")
                .arg(written));
    if (today.isValid() && birth > today)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::core", "The birth date %1 (characters 7 to 14) is in the future.")
                .arg(written));

    const QChar expected = checkCharacter(digits.left(17));
    if (expected != last)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::core",
                "The check character (the last one) should be '%1', not '%2': a digit was probably "
                "mistyped.")
                .arg(expected)
                .arg(last));

    CitizenId id;
    id.m_number = number;
    id.m_birthDate = birth;
    id.m_sex = (number.at(16).unicode() - u'0') % 2 == 1 ? Sex::Male : Sex::Female;
    id.m_areaName = divisions.fullName(digits.left(6));
    if (id.m_areaName.isEmpty())
        id.m_warnings.append(QCoreApplication::translate("ow::core",
            "The area code %1 is not in the division table; it may belong to a division abolished "
            "since the card was issued.")
                                 .arg(digits.left(6)));
    return id;
}

QString CitizenId::masked() const
{
    return Masking::idNumber(m_number);
}

} // namespace ow
