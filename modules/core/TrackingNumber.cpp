#include "core/TrackingNumber.h"

#include <QCoreApplication>

namespace ow {

namespace {

bool isAsciiLetter(QChar c)
{
    return c >= u'A' && c <= u'Z';
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool allOf(QStringView text, bool (*test)(QChar))
{
    for (QChar c : text)
        if (!test(c))
            return false;
    return true;
}

} // namespace

int TrackingNumber::s10CheckDigit(QStringView serial)
{
    // UPU S10 (identification of postal items), the check digit of the 8-digit serial number.
    static constexpr int kWeights[8] = {8, 6, 4, 2, 3, 5, 9, 7};
    if (serial.size() != 8 || !allOf(serial, isAsciiDigit))
        return -1;
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += (serial.at(i).unicode() - u'0') * kWeights[i];
    const int check = 11 - sum % 11;
    return check == 10 ? 0 : check == 11 ? 5 : check;
}

Result<QString> TrackingNumber::parse(QStringView text)
{
    QString number;
    for (QChar c : text) {
        if (c.isSpace() || c == u'-')
            continue;
        // Full-width forms (a Chinese input method left on) are the same characters to the clerk.
        if (c.unicode() >= 0xFF01 && c.unicode() <= 0xFF5E)
            c = QChar(c.unicode() - 0xFEE0);
        number.append(c.toUpper());
    }
    if (number.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::core", "Enter or scan the tracking number of the EMS waybill."));
    if (number.size() != kLength)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::core",
                "A tracking number has 13 characters (e.g. EA123456785CN or 13 digits); this one has %1.")
                .arg(number.size()));
    const bool s10 = allOf(QStringView(number).first(2), isAsciiLetter)
        && allOf(QStringView(number).sliced(2, 9), isAsciiDigit)
        && allOf(QStringView(number).last(2), isAsciiLetter);
    if (s10) {
        const int check = s10CheckDigit(QStringView(number).sliced(2, 8));
        if (check != number.at(10).unicode() - u'0')
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::core",
                    "%1 is not a valid tracking number: its check digit (the 11th character) should be %2. "
                    "Check the number on the waybill.")
                    .arg(number)
                    .arg(check));
        return number;
    }
    if (allOf(number, isAsciiDigit))
        return number;
    return fail(Error::Code::Invalid,
        QCoreApplication::translate("ow::core",
            "%1 is not a tracking number: expected 2 letters, 9 digits, 2 letters (EA123456785CN) or 13 "
            "digits.")
            .arg(number));
}

} // namespace ow
