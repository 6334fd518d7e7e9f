#include "cases/CaseNumber.h"

#include <QCoreApplication>

namespace ow::cases {

namespace {

constexpr int kModulus = 36; // ISO 7064 hybrid system M = 36, M + 1 = 37

int valueOf(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'A' && u <= u'Z')
        return u - u'A' + 10;
    return -1;
}

QChar characterOf(int value)
{
    return value < 10 ? QChar(u'0' + value) : QChar(u'A' + value - 10);
}

QString invalidNumber(QStringView text, const QString &why)
{
    return QCoreApplication::translate("ow::cases", "“%1” is not a valid case number: %2")
        .arg(text.toString(), why);
}

} // namespace

QChar CaseNumber::checkCharacter(QStringView payload)
{
    // ISO/IEC 7064 MOD 37,36: p starts at M; for each character s = (p + a) mod M (0 read as M),
    // p = 2s mod (M + 1); the check character makes the final (p + c) mod M equal 1.
    int p = kModulus;
    for (QChar c : payload) {
        int s = (p + valueOf(c)) % kModulus;
        if (s == 0)
            s = kModulus;
        p = (2 * s) % (kModulus + 1);
    }
    return characterOf((kModulus + 1 - p) % kModulus);
}

Result<void> CaseNumber::checkHallCode(const QString &hallCode)
{
    const auto bad = [&] {
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases",
                "“%1” is not a valid hall code: it must be a 6-digit county code followed by 2 letters or "
                "digits.")
                .arg(hallCode));
    };
    if (hallCode.size() != kHallLength)
        return bad();
    for (int i = 0; i < kHallLength; ++i) {
        const int v = valueOf(hallCode.at(i));
        if (v < 0 || (i < 6 && v > 9))
            return bad();
    }
    return {};
}

Result<CaseNumber> CaseNumber::make(const QString &hallCode, const QDate &date, int sequence)
{
    Result<void> hall = checkHallCode(hallCode);
    if (!hall)
        return failWith(hall.error());
    if (!date.isValid() || date.year() < 1000 || date.year() > 9999)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "A case number needs a valid date."));
    if (sequence < 1 || sequence > sequenceFor(kMaxCounter, kMaxSerial) || sequence % (kMaxSerial + 1) == 0)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "The daily sequence %1 is out of range.").arg(sequence));
    CaseNumber number;
    number.m_hall = hallCode;
    number.m_date = date;
    number.m_sequence = sequence;
    return number;
}

Result<CaseNumber> CaseNumber::parse(QStringView text)
{
    QString compact;
    compact.reserve(kLength);
    for (QChar c : text) {
        if (c == u'-' || c.isSpace())
            continue;
        compact.append(c.toUpper());
    }
    const auto invalid
        = [&](const QString &why) { return fail(Error::Code::Invalid, invalidNumber(text, why)); };
    if (compact.size() != kLength)
        return invalid(
            QCoreApplication::translate("ow::cases", "it must have %1 letters and digits.").arg(kLength));
    for (QChar c : std::as_const(compact))
        if (valueOf(c) < 0)
            return invalid(
                QCoreApplication::translate("ow::cases", "it may contain only digits and the letters A–Z."));
    if (checkCharacter(QStringView(compact).left(kLength - 1)) != compact.back())
        return invalid(
            QCoreApplication::translate("ow::cases", "the check character does not match (mistyped?)."));

    const QDate date = QDate::fromString(compact.mid(kHallLength, 8), QStringLiteral("yyyyMMdd"));
    bool sequenceOk = false;
    const int sequence = compact.mid(kHallLength + 8, 6).toInt(&sequenceOk);
    if (!sequenceOk)
        return invalid(QCoreApplication::translate("ow::cases", "the sequence is not a number."));
    Result<CaseNumber> number = make(compact.left(kHallLength), date, sequence);
    if (!number)
        return invalid(number.error().message());
    return number;
}

QString CaseNumber::toString() const
{
    if (isNull())
        return {};
    const QString payload = m_hall + m_date.toString(QStringLiteral("yyyyMMdd"))
        + QStringLiteral("%1").arg(m_sequence, 6, 10, QLatin1Char('0'));
    return payload + checkCharacter(payload);
}

QString CaseNumber::toDisplayString() const
{
    const QString s = toString();
    if (s.isEmpty())
        return s;
    return s.left(8) + QLatin1Char('-') + s.mid(8, 8) + QLatin1Char('-') + s.mid(16, 6) + QLatin1Char('-')
        + s.right(1);
}

} // namespace ow::cases
