#include "idcard/IdCardData.h"

#include "idcard/IdCardTables.h"
#include "idcard/IdCardTextCheck.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace ow::drivers::idcard {

namespace {

const QString kLongTerm = QStringLiteral("长期");

QDate cardDate(const QString &text)
{
    return QDate::fromString(text, QStringLiteral("yyyyMMdd"));
}

QJsonValue dateJson(const QString &raw)
{
    const QDate date = cardDate(raw);
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(raw);
}

/// "1949-12-31" or "19491231" to the card's form; anything else is kept for the caller to reject.
QString dateFromJson(const QString &text)
{
    const QDate iso = QDate::fromString(text, Qt::ISODate);
    return iso.isValid() ? iso.toString(QStringLiteral("yyyyMMdd")) : text;
}

struct TextField
{
    const char *key;
    QString IdCardData::*member;
};

// Fields copied to and from JSON as they are; dates, codes and binary data are handled apart.
const TextField kTextFields[] = {
    {"name", &IdCardData::name},
    {"englishName", &IdCardData::englishName},
    {"address", &IdCardData::address},
    {"idNumber", &IdCardData::idNumber},
    {"issuingAuthority", &IdCardData::issuingAuthority},
    {"passNumber", &IdCardData::passNumber},
    {"issueCount", &IdCardData::issueCount},
    {"nationality", &IdCardData::nationality},
    {"cardVersion", &IdCardData::cardVersion},
    {"renewalCount", &IdCardData::renewalCount},
    {"previousCardLink", &IdCardData::previousCardLink},
};

} // namespace

QString IdCardData::sexText() const
{
    return IdCardTables::sexText(sexCode);
}

QString IdCardData::nationText() const
{
    return IdCardTables::nationText(nationCode);
}

QDate IdCardData::birth() const
{
    return cardDate(birthDate);
}

QDate IdCardData::validFromDate() const
{
    return cardDate(validFrom);
}

QDate IdCardData::validToDate() const
{
    return cardDate(validTo);
}

bool IdCardData::isLongTerm() const
{
    return validTo.trimmed() == kLongTerm;
}

QString IdCardData::cardTypeText() const
{
    switch (cardType) {
    case CardType::Mainland:
        return QCoreApplication::translate("ow::drivers::idcard", "Resident identity card");
    case CardType::HkMacaoTaiwanResident:
        return QCoreApplication::translate(
            "ow::drivers::idcard", "Residence permit for Hong Kong, Macao and Taiwan residents");
    case CardType::ForeignPermanent:
        return QCoreApplication::translate("ow::drivers::idcard", "Foreign permanent resident ID card");
    case CardType::ForeignPermanent2023:
        return QCoreApplication::translate(
            "ow::drivers::idcard", "Foreign permanent resident ID card (2023)");
    }
    return {};
}

QString IdCardData::cardTypeKey(CardType type)
{
    switch (type) {
    case CardType::Mainland:
        return QStringLiteral("mainland");
    case CardType::HkMacaoTaiwanResident:
        return QStringLiteral("hk-macao-taiwan");
    case CardType::ForeignPermanent:
        return QStringLiteral("foreign-permanent");
    case CardType::ForeignPermanent2023:
        return QStringLiteral("foreign-permanent-2023");
    }
    return {};
}

std::optional<IdCardData::CardType> IdCardData::cardTypeFromKey(const QString &key)
{
    for (CardType type : {CardType::Mainland, CardType::HkMacaoTaiwanResident, CardType::ForeignPermanent,
             CardType::ForeignPermanent2023})
        if (cardTypeKey(type) == key)
            return type;
    return std::nullopt;
}

QJsonObject IdCardData::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("cardType"), cardTypeKey(cardType));
    for (const TextField &field : kTextFields) {
        const QString &value = this->*field.member;
        if (!value.isEmpty())
            o.insert(QLatin1StringView(field.key), value);
    }
    if (!sexCode.isEmpty()) {
        o.insert(QStringLiteral("sexCode"), sexCode);
        o.insert(QStringLiteral("sex"), sexText());
    }
    if (!nationCode.isEmpty()) {
        o.insert(QStringLiteral("nationCode"), nationCode);
        o.insert(QStringLiteral("nation"), nationText());
    }
    if (!birthDate.isEmpty())
        o.insert(QStringLiteral("birthDate"), dateJson(birthDate));
    if (!validFrom.isEmpty())
        o.insert(QStringLiteral("validFrom"), dateJson(validFrom));
    if (!validTo.isEmpty())
        o.insert(QStringLiteral("validTo"), dateJson(validTo));
    if (!photoWlt.isEmpty())
        o.insert(QStringLiteral("photo"),
            QJsonObject {{QStringLiteral("format"), QStringLiteral("wlt")},
                {QStringLiteral("bytes"), photoWlt.size()},
                {QStringLiteral("base64"), QString::fromLatin1(photoWlt.toBase64())}});
    if (!fingerprint.isEmpty())
        o.insert(QStringLiteral("fingerprint"),
            QJsonObject {{QStringLiteral("bytes"), fingerprint.size()},
                {QStringLiteral("base64"), QString::fromLatin1(fingerprint.toBase64())}});
    return o;
}

Result<IdCardData> IdCardData::fromJson(const QJsonObject &o)
{
    IdCardData card;
    const QString typeKey = o.value(QStringLiteral("cardType")).toString(QStringLiteral("mainland"));
    const std::optional<CardType> type = cardTypeFromKey(typeKey);
    if (!type)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::drivers::idcard",
                "Unknown card type '%1'; use mainland, hk-macao-taiwan, foreign-permanent or "
                "foreign-permanent-2023.")
                .arg(typeKey));
    card.cardType = *type;
    for (const TextField &field : kTextFields)
        card.*field.member = o.value(QLatin1StringView(field.key)).toString();

    card.sexCode = o.value(QStringLiteral("sexCode")).toString();
    if (card.sexCode.isEmpty() && o.contains(QStringLiteral("sex"))) {
        const QString sex = o.value(QStringLiteral("sex")).toString();
        card.sexCode = IdCardTables::sexName(sex).isEmpty() ? IdCardTables::sexCode(sex) : sex;
        if (card.sexCode.isEmpty())
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::drivers::idcard", "Unknown sex '%1'; use 男, 女 or a code.")
                    .arg(sex));
    }
    card.nationCode = o.value(QStringLiteral("nationCode")).toString();
    if (card.nationCode.isEmpty() && o.contains(QStringLiteral("nation"))) {
        const QString nation = o.value(QStringLiteral("nation")).toString();
        card.nationCode
            = IdCardTables::nationName(nation).isEmpty() ? IdCardTables::nationCode(nation) : nation;
        if (card.nationCode.isEmpty())
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::drivers::idcard", "Unknown nation '%1'.").arg(nation));
    }
    card.birthDate = dateFromJson(o.value(QStringLiteral("birthDate")).toString());
    card.validFrom = dateFromJson(o.value(QStringLiteral("validFrom")).toString());
    card.validTo = dateFromJson(o.value(QStringLiteral("validTo")).toString());

    const auto binary = [&o](const char *key, QByteArray *out) -> bool {
        const QJsonValue value = o.value(QLatin1StringView(key));
        if (value.isUndefined())
            return true;
        const QString text = value.isObject() ? value.toObject().value(QStringLiteral("base64")).toString()
                                              : value.toString();
        auto decoded
            = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return false;
        *out = *decoded;
        return true;
    };
    if (!binary("photo", &card.photoWlt))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::drivers::idcard", "The photo is not valid base64."));
    if (!binary("fingerprint", &card.fingerprint))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::drivers::idcard", "The fingerprint data is not valid base64."));
    // A card file for the simulator holds what a card could hold, or the reader would send what no
    // card sends.
    Result<void> checked = IdCardTextCheck::check(card);
    if (!checked)
        return failWith(checked.error());
    return card;
}

} // namespace ow::drivers::idcard
