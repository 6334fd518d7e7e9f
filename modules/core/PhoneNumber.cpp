#include "core/PhoneNumber.h"

#include "core/InputText.h"
#include "core/Masking.h"

#include <QCoreApplication>

namespace ow {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

/// The length of the area code a national number starts with: 010 and 020–029 have three digits
/// (Beijing and the largest cities), every other area code four (0XXX). 0 when no area code can
/// start so: 00 is the international prefix, and 01X other than 010 is not used.
qsizetype areaCodeLength(QStringView digits)
{
    if (digits.size() < 3 || digits.at(0) != u'0')
        return 0;
    if (digits.startsWith(u"010") || digits.at(1) == u'2')
        return 3;
    if (digits.at(1) == u'0' || digits.at(1) == u'1')
        return 0;
    return 4;
}

} // namespace

Result<PhoneNumber> PhoneNumber::parse(QStringView text)
{
    QString s = InputText::compact(text);
    if (s.isEmpty())
        return fail(
            Error::Code::Invalid, QCoreApplication::translate("ow::core", "The phone number is empty."));

    bool international = false;
    for (const QStringView prefix : {QStringView(u"+86"), QStringView(u"0086")}) {
        if (s.startsWith(prefix)) {
            s.remove(0, prefix.size());
            international = true;
            break;
        }
    }
    if (!international && s.size() == 13 && s.startsWith(u"861")) {
        s.remove(0, 2);
        international = true;
    }
    // From abroad a landline is dialled without its trunk prefix 0: +86 577 8888 1234.
    if (international && !s.isEmpty() && s.at(0) != u'1' && s.at(0) != u'0' && s.at(0) != u'(')
        s.prepend(u'0');

    // "(0577)88881234" is the same as "0577-88881234".
    QString explicitArea;
    if (s.startsWith(u'(')) {
        const qsizetype close = s.indexOf(u')');
        if (close < 0)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::core", "The area code's bracket is not closed."));
        explicitArea = s.mid(1, close - 1);
        s = explicitArea + u'-' + s.mid(close + 1);
    } else if (s.startsWith(u'0') && s.contains(u'-')) {
        explicitArea = s.left(s.indexOf(u'-'));
    }

    QString digits;
    for (QChar c : std::as_const(s)) {
        if (c == u'-')
            continue;
        if (!isDigit(c))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::core", "'%1' is not allowed in a phone number: use digits and '-'.")
                    .arg(c));
        digits.append(c);
    }
    if (digits.isEmpty())
        return fail(
            Error::Code::Invalid, QCoreApplication::translate("ow::core", "The phone number has no digits."));

    PhoneNumber phone;
    if (digits.at(0) == u'1') {
        if (digits.size() != 11)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::core", "A mobile number has 11 digits; this one has %n.",
                    nullptr, int(digits.size())));
        if (digits.at(1) < u'3')
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::core", "Mobile numbers start with 13 to 19, not %1.")
                    .arg(digits.left(2)));
        phone.m_kind = Kind::Mobile;
        phone.m_subscriber = digits;
        return phone;
    }

    if (digits.at(0) != u'0') {
        if (digits.size() == 7 || digits.size() == 8)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::core", "A landline number needs its area code, for example 0577-%1.")
                    .arg(digits));
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::core",
                "This is not a phone number: mobile numbers start with 1, landline numbers with the area "
                "code's 0."));
    }

    const qsizetype areaLength = areaCodeLength(digits);
    if (areaLength == 0 || (!explicitArea.isEmpty() && explicitArea.size() != areaLength)) {
        const QString area = explicitArea.isEmpty() ? digits.left(4) : explicitArea;
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::core",
                "%1 is not an area code: area codes are 010, 020 to 029, or four digits such as 0577.")
                .arg(area));
    }
    const QString local = digits.mid(areaLength);
    if (local.size() != 7 && local.size() != 8)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::core",
                "A landline number has 7 or 8 digits after the area code; %1 has %n.", nullptr,
                int(local.size()))
                .arg(local));
    if (local.at(0) == u'0' || local.at(0) == u'1')
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::core", "A local number cannot start with 0 or 1, as %1 does.")
                .arg(local));
    phone.m_kind = Kind::Landline;
    phone.m_areaCode = digits.left(areaLength);
    phone.m_subscriber = local;
    return phone;
}

QString PhoneNumber::number() const
{
    if (m_kind == Kind::Mobile)
        return m_subscriber;
    return m_areaCode + u'-' + m_subscriber;
}

QString PhoneNumber::masked() const
{
    if (m_kind == Kind::Mobile)
        return Masking::keep(m_subscriber, 3, 4);
    return m_areaCode + u'-' + Masking::keep(m_subscriber, 0, 4);
}

} // namespace ow
