#include "idcard/IdCardTextLayout.h"

namespace ow::drivers::idcard {

QList<IdCardTextLayout::Field> IdCardTextLayout::fields(IdCardData::CardType type)
{
    using D = IdCardData;
    const QList<Field> mainland = {
        {0, 30, &D::name},
        {30, 2, &D::sexCode},
        {32, 4, &D::nationCode},
        {36, 16, &D::birthDate},
        {52, 70, &D::address},
        {122, 36, &D::idNumber},
        {158, 30, &D::issuingAuthority},
        {188, 16, &D::validFrom},
        {204, 16, &D::validTo},
    };
    switch (type) {
    case D::CardType::Mainland:
        return mainland;
    case D::CardType::HkMacaoTaiwanResident:
        return mainland + QList<Field> {{220, 18, &D::passNumber}, {238, 4, &D::issueCount}};
    case D::CardType::ForeignPermanent:
        return {
            {0, 120, &D::englishName},
            {120, 2, &D::sexCode},
            {122, 30, &D::idNumber},
            {152, 6, &D::nationality},
            {158, 30, &D::name},
            {188, 16, &D::validFrom},
            {204, 16, &D::validTo},
            {220, 16, &D::birthDate},
            {236, 4, &D::cardVersion},
            {240, 8, &D::issuingAuthority},
        };
    case D::CardType::ForeignPermanent2023:
        return {
            {0, 30, &D::name},
            {30, 2, &D::sexCode},
            {32, 4, &D::renewalCount},
            {36, 16, &D::birthDate},
            {52, 70, &D::englishName},
            {122, 36, &D::idNumber},
            {188, 16, &D::validFrom},
            {204, 16, &D::validTo},
            {220, 22, &D::englishName},
            {242, 6, &D::nationality},
            {250, 6, &D::previousCardLink},
        };
    }
    return {};
}

char16_t IdCardTextLayout::typeMark(IdCardData::CardType type)
{
    switch (type) {
    case IdCardData::CardType::Mainland:
        return u' ';
    case IdCardData::CardType::HkMacaoTaiwanResident:
        return u'J';
    case IdCardData::CardType::ForeignPermanent:
        return u'I';
    case IdCardData::CardType::ForeignPermanent2023:
        return u'Y';
    }
    return u' ';
}

} // namespace ow::drivers::idcard
