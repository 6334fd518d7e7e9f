#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace ow::cases {

/// 申报者类型: who applies.
enum class ApplicantKind
{
    Person,
    Enterprise,
    OtherOrganisation
};

/// The applicant registration form of the provincial platform (guide 三(五), 统一收单号 mode:
/// 个人 / 企业 / 非企业 forms). Case-level fields of that form (department, matter, case type,
/// promised days, quantity) live on Case.
struct Applicant
{
    ApplicantKind kind = ApplicantKind::Person;
    QString projectCode; ///< 项目代码 (investment projects), optional

    /// Person: 申报人 and 身份证. Enterprise / other organisation: 申报单位 and 统一社会信用代码.
    QString name;
    QString idNumber;
    QString projectName; ///< 申报项目名称 (organisations)
    QString legalRepresentative; ///< 法定代表人 (organisations)

    QString contactName; ///< 联系人姓名
    QString contactMobile; ///< 联系人手机
    QString contactIdNumber; ///< 联系人身份证
    QString contactPhone; ///< 联系人电话 (landline)
    QString address; ///< 通讯地址
    QString postcode; ///< 邮政编码

    bool deliverByPost = false; ///< 是否快递送达
    QString recipientName; ///< 收件人姓名
    QString recipientMobile; ///< 收件人手机
    QString recipientProvince; ///< 所在地区: province / city / district
    QString recipientCity;
    QString recipientDistrict;
    QString recipientPostcode;
    QString recipientAddress; ///< 详细地址

    QString remarks; ///< 备注

    bool isOrganisation() const { return kind != ApplicantKind::Person; }

    QJsonObject toJson() const;
    /// The same keys with every piece of personal data masked (ow::Masking); for screens others
    /// can see, logs and the CLI. Organisations' names and credit codes are public registers and
    /// stay; their representatives and contacts are people and are masked.
    QJsonObject toMaskedJson() const;
    static std::optional<Applicant> fromJson(const QJsonObject &object);

    /// "张*丰 1101**********002X", or "某某有限公司 91110000600037341L": the applicant as lists show it.
    QString maskedSummary() const;

    /// The required fields of the registration form (marked * in the guide) are there and the
    /// numbers are valid (citizen ID, credit code, mobile numbers). The first problem, translated.
    Result<void> validate() const;

    friend bool operator==(const Applicant &, const Applicant &) = default;
};

QString keyword(ApplicantKind kind);
std::optional<ApplicantKind> applicantKindFromKeyword(QStringView text);
QString displayName(ApplicantKind kind);

} // namespace ow::cases
