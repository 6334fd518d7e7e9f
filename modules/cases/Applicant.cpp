#include "cases/Applicant.h"

#include "core/CitizenId.h"
#include "core/CreditCode.h"
#include "core/Masking.h"
#include "core/PhoneNumber.h"

#include <QCoreApplication>

namespace ow::cases {

namespace {

constexpr QLatin1StringView kKindKeywords[]
    = {QLatin1StringView("person"), QLatin1StringView("enterprise"), QLatin1StringView("other-organisation")};

struct Field
{
    const char *key;
    QString Applicant::*member;
    QString (*mask)(QStringView); ///< null: not personal data, kept in masked output
};

QString maskAll(QStringView text)
{
    return text.isEmpty() ? QString() : QStringLiteral("****");
}

// Every text field with its JSON key and how it is masked. Organisation name and credit code
// are handled separately: masked only for a person.
const Field kFields[] = {
    {"projectCode", &Applicant::projectCode, nullptr},
    {"projectName", &Applicant::projectName, nullptr},
    {"legalRepresentative", &Applicant::legalRepresentative, &Masking::name},
    {"contactName", &Applicant::contactName, &Masking::name},
    {"contactMobile", &Applicant::contactMobile, &Masking::phone},
    {"contactIdNumber", &Applicant::contactIdNumber, &Masking::idNumber},
    {"contactPhone", &Applicant::contactPhone, &Masking::phone},
    {"address", &Applicant::address, &Masking::address},
    {"postcode", &Applicant::postcode, nullptr},
    {"recipientName", &Applicant::recipientName, &Masking::name},
    {"recipientMobile", &Applicant::recipientMobile, &Masking::phone},
    {"recipientProvince", &Applicant::recipientProvince, nullptr},
    {"recipientCity", &Applicant::recipientCity, nullptr},
    {"recipientDistrict", &Applicant::recipientDistrict, nullptr},
    {"recipientPostcode", &Applicant::recipientPostcode, nullptr},
    {"recipientAddress", &Applicant::recipientAddress, &maskAll},
    {"remarks", &Applicant::remarks, &maskAll},
};

Failure missing(const QString &field)
{
    return fail(Error::Code::Invalid,
        QCoreApplication::translate("ow::cases", "The applicant form is incomplete: %1 is required.")
            .arg(field));
}

/// A number that does not parse, with the field it was typed in: "联系人身份证号：校验位不符…".
Failure invalid(const QString &field, const Error &error)
{
    return fail(error.code(), QCoreApplication::translate("ow::cases", "%1: %2").arg(field, error.message()));
}

Result<void> checkMobile(const QString &number, const QString &field)
{
    Result<PhoneNumber> phone = PhoneNumber::parse(number);
    if (!phone)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "%1 is not valid: %2")
                .arg(field, phone.error().message()));
    if (phone->kind() != PhoneNumber::Kind::Mobile)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "%1 must be a mobile number.").arg(field));
    return {};
}

} // namespace

QString keyword(ApplicantKind kind)
{
    return QString(kKindKeywords[int(kind)]);
}

std::optional<ApplicantKind> applicantKindFromKeyword(QStringView text)
{
    for (std::size_t i = 0; i < std::size(kKindKeywords); ++i)
        if (text == kKindKeywords[i])
            return ApplicantKind(i);
    return std::nullopt;
}

QString displayName(ApplicantKind kind)
{
    switch (kind) {
    case ApplicantKind::Person:
        return QCoreApplication::translate("ow::cases", "person");
    case ApplicantKind::Enterprise:
        return QCoreApplication::translate("ow::cases", "enterprise");
    case ApplicantKind::OtherOrganisation:
        return QCoreApplication::translate("ow::cases", "other organisation");
    }
    return {};
}

QJsonObject Applicant::toJson() const
{
    QJsonObject object {{QStringLiteral("kind"), keyword(kind)}, {QStringLiteral("name"), name},
        {QStringLiteral("idNumber"), idNumber}, {QStringLiteral("deliverByPost"), deliverByPost}};
    for (const Field &field : kFields)
        if (!(this->*field.member).isEmpty())
            object.insert(QLatin1StringView(field.key), this->*field.member);
    return object;
}

QJsonObject Applicant::toMaskedJson() const
{
    QJsonObject object {{QStringLiteral("kind"), keyword(kind)},
        {QStringLiteral("name"), isOrganisation() ? name : Masking::name(name)},
        {QStringLiteral("idNumber"), isOrganisation() ? idNumber : Masking::idNumber(idNumber)},
        {QStringLiteral("deliverByPost"), deliverByPost}};
    for (const Field &field : kFields) {
        const QString &value = this->*field.member;
        if (!value.isEmpty())
            object.insert(QLatin1StringView(field.key), field.mask ? field.mask(value) : value);
    }
    return object;
}

std::optional<Applicant> Applicant::fromJson(const QJsonObject &object)
{
    const std::optional<ApplicantKind> kind
        = applicantKindFromKeyword(object.value(QStringLiteral("kind")).toString());
    if (!kind)
        return std::nullopt;
    Applicant a;
    a.kind = *kind;
    a.name = object.value(QStringLiteral("name")).toString();
    a.idNumber = object.value(QStringLiteral("idNumber")).toString();
    a.deliverByPost = object.value(QStringLiteral("deliverByPost")).toBool();
    for (const Field &field : kFields)
        a.*field.member = object.value(QLatin1StringView(field.key)).toString();
    return a;
}

QString Applicant::maskedSummary() const
{
    const QString shownName = isOrganisation() ? name : Masking::name(name);
    const QString shownId = isOrganisation() ? idNumber : Masking::idNumber(idNumber);
    return QStringList {shownName, shownId}.join(QLatin1Char(' ')).trimmed();
}

Result<void> Applicant::validate() const
{
    // Field names are marked for lupdate here and translated when the message is built.
    const auto translated = [](const char *text) { return QCoreApplication::translate("ow::cases", text); };
    if (isOrganisation()) {
        if (name.trimmed().isEmpty())
            return missing(translated(QT_TRANSLATE_NOOP("ow::cases", "the applying unit")));
        if (idNumber.trimmed().isEmpty())
            return missing(translated(QT_TRANSLATE_NOOP("ow::cases", "the unified social credit code")));
        Result<CreditCode> code = CreditCode::parse(idNumber);
        if (!code)
            return invalid(
                translated(QT_TRANSLATE_NOOP("ow::cases", "The unified social credit code")), code.error());
    } else {
        if (name.trimmed().isEmpty())
            return missing(translated(QT_TRANSLATE_NOOP("ow::cases", "the applicant's name")));
        if (idNumber.trimmed().isEmpty())
            return missing(translated(QT_TRANSLATE_NOOP("ow::cases", "the applicant's ID number")));
        Result<CitizenId> id = CitizenId::parse(idNumber);
        if (!id)
            return invalid(
                translated(QT_TRANSLATE_NOOP("ow::cases", "The applicant's ID number")), id.error());
    }
    if (contactName.trimmed().isEmpty())
        return missing(translated(QT_TRANSLATE_NOOP("ow::cases", "the contact's name")));
    if (contactMobile.trimmed().isEmpty())
        return missing(translated(QT_TRANSLATE_NOOP("ow::cases", "the contact's mobile number")));
    Result<void> mobile = checkMobile(
        contactMobile, translated(QT_TRANSLATE_NOOP("ow::cases", "The contact's mobile number")));
    if (!mobile)
        return mobile;
    if (!contactIdNumber.trimmed().isEmpty()) {
        Result<CitizenId> id = CitizenId::parse(contactIdNumber);
        if (!id)
            return invalid(translated(QT_TRANSLATE_NOOP("ow::cases", "The contact's ID number")), id.error());
    }
    if (deliverByPost) {
        if (recipientName.trimmed().isEmpty())
            return missing(translated(QT_TRANSLATE_NOOP("ow::cases", "the recipient's name")));
        if (recipientMobile.trimmed().isEmpty())
            return missing(translated(QT_TRANSLATE_NOOP("ow::cases", "the recipient's mobile number")));
        mobile = checkMobile(
            recipientMobile, translated(QT_TRANSLATE_NOOP("ow::cases", "The recipient's mobile number")));
        if (!mobile)
            return mobile;
        if (recipientProvince.trimmed().isEmpty() || recipientCity.trimmed().isEmpty()
            || recipientDistrict.trimmed().isEmpty())
            return missing(
                translated(QT_TRANSLATE_NOOP("ow::cases", "the recipient's province, city and district")));
        if (recipientAddress.trimmed().isEmpty())
            return missing(translated(QT_TRANSLATE_NOOP("ow::cases", "the recipient's street address")));
    }
    return {};
}

} // namespace ow::cases
