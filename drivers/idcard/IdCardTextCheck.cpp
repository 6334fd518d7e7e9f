#include "idcard/IdCardTextCheck.h"

#include "core/InputExcerpt.h"
#include "idcard/IdCardTextLayout.h"

#include <QCoreApplication>
#include <QDate>

namespace ow::drivers::idcard {

namespace {

using D = IdCardData;

struct FieldName
{
    QString D::*member;
    const char *name;
};

// The names the card itself prints (GB 16022 and the permit regulations), for the error messages.
const FieldName kFieldNames[] = {
    {&D::name, QT_TRANSLATE_NOOP("ow::drivers::idcard", "name")},
    {&D::englishName, QT_TRANSLATE_NOOP("ow::drivers::idcard", "English name")},
    {&D::sexCode, QT_TRANSLATE_NOOP("ow::drivers::idcard", "sex")},
    {&D::nationCode, QT_TRANSLATE_NOOP("ow::drivers::idcard", "ethnic group")},
    {&D::birthDate, QT_TRANSLATE_NOOP("ow::drivers::idcard", "date of birth")},
    {&D::address, QT_TRANSLATE_NOOP("ow::drivers::idcard", "address")},
    {&D::idNumber, QT_TRANSLATE_NOOP("ow::drivers::idcard", "ID number")},
    {&D::issuingAuthority, QT_TRANSLATE_NOOP("ow::drivers::idcard", "issuing authority")},
    {&D::validFrom, QT_TRANSLATE_NOOP("ow::drivers::idcard", "start of validity")},
    {&D::validTo, QT_TRANSLATE_NOOP("ow::drivers::idcard", "end of validity")},
    {&D::passNumber, QT_TRANSLATE_NOOP("ow::drivers::idcard", "pass number")},
    {&D::issueCount, QT_TRANSLATE_NOOP("ow::drivers::idcard", "issue count")},
    {&D::nationality, QT_TRANSLATE_NOOP("ow::drivers::idcard", "nationality")},
    {&D::cardVersion, QT_TRANSLATE_NOOP("ow::drivers::idcard", "card version")},
    {&D::renewalCount, QT_TRANSLATE_NOOP("ow::drivers::idcard", "renewal count")},
    {&D::previousCardLink, QT_TRANSLATE_NOOP("ow::drivers::idcard", "previous card link")},
};

/// YYYYMMDD of a day that exists: eight ASCII digits (QDate alone would take a sign or spaces).
bool isCardDate(const QString &text)
{
    if (text.size() != 8)
        return false;
    for (QChar c : text)
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return false;
    return QDate::fromString(text, QStringLiteral("yyyyMMdd")).isValid();
}

/// The characters a field may hold, summed over its pieces ('Y' cards split the English name).
qsizetype widthOf(QString D::*member, const QList<IdCardTextLayout::Field> &fields)
{
    qsizetype bytes = 0;
    for (const IdCardTextLayout::Field &field : fields)
        if (field.member == member)
            bytes += field.size;
    return bytes / 2;
}

} // namespace

QString IdCardTextCheck::fieldName(QString IdCardData::*member)
{
    for (const FieldName &field : kFieldNames)
        if (field.member == member)
            return QCoreApplication::translate("ow::drivers::idcard", field.name);
    return {};
}

Result<void> IdCardTextCheck::check(const IdCardData &card)
{
    const QList<IdCardTextLayout::Field> fields = IdCardTextLayout::fields(card.cardType);
    for (const FieldName &field : kFieldNames) {
        const QString &value = card.*field.member;
        if (value.isEmpty())
            continue;
        const qsizetype bad = InputExcerpt::firstUnsafe(value);
        if (bad >= 0)
            return fail(Error::Code::Parse,
                QCoreApplication::translate("ow::drivers::idcard",
                    "The card's %1 holds a control character or a damaged character at position %2 "
                    "(“%3”); the card cannot be used as read.")
                    .arg(fieldName(field.member))
                    .arg(bad + 1)
                    .arg(InputExcerpt::excerpt(value, bad)));
        // A field is never wider than its place in the text block; a longer one did not come from
        // a card (the simulator's card files are checked by the same rule).
        const qsizetype width = widthOf(field.member, fields);
        if (width > 0 && value.size() > width)
            return fail(Error::Code::Parse,
                QCoreApplication::translate(
                    "ow::drivers::idcard", "The card's %1 has %2 characters; the card has room for %3.")
                    .arg(fieldName(field.member))
                    .arg(value.size())
                    .arg(width));
    }
    const auto checkDate
        = [](QString D::*member, const QString &value, bool longTermAllowed) -> Result<void> {
        if (value.isEmpty() || isCardDate(value) || (longTermAllowed && value == u"长期"))
            return {};
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::drivers::idcard",
                "The card's %1 “%2” is not a date (the card writes dates as YYYYMMDD, e.g. 19900307).")
                .arg(fieldName(member), InputExcerpt::excerpt(value)));
    };
    for (const auto &[member, longTerm] :
        {std::pair {&D::birthDate, false}, std::pair {&D::validFrom, false}, std::pair {&D::validTo, true}}) {
        Result<void> date = checkDate(member, card.*member, longTerm);
        if (!date)
            return date;
    }
    return {};
}

} // namespace ow::drivers::idcard
