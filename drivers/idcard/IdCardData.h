#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace ow::drivers::idcard {

/// What one read of an ID card gives: the text fields as stored on the card (dates as YYYYMMDD,
/// codes as digits), the raw WLT photo and the optional fingerprint data.
struct IdCardData
{
    enum class CardType
    {
        Mainland, ///< 居民身份证
        HkMacaoTaiwanResident, ///< 'J': 港澳台居民居住证
        ForeignPermanent, ///< 'I': 外国人永久居留身份证 (2017)
        ForeignPermanent2023, ///< 'Y': 外国人永久居留身份证 (2023)
    };

    CardType cardType = CardType::Mainland;
    QString name; ///< Chinese name ('I': may be empty)
    QString englishName; ///< 'I' and 'Y' cards
    QString sexCode; ///< "1", "2", "0", "9"
    QString nationCode; ///< "01"…"56", "97", "98"; mainland cards only
    QString birthDate; ///< YYYYMMDD
    QString address; ///< mainland and 'J' cards
    QString idNumber; ///< citizen ID number or permit number
    QString issuingAuthority; ///< office name, or its code on 'I' cards
    QString validFrom; ///< YYYYMMDD
    QString validTo; ///< YYYYMMDD or "长期"
    QString passNumber; ///< 'J': 通行证号码
    QString issueCount; ///< 'J': 签发次数
    QString nationality; ///< 'I', 'Y': ISO 3166-1 alpha-3 country code
    QString cardVersion; ///< 'I'
    QString renewalCount; ///< 'Y': 换证次数
    QString previousCardLink; ///< 'Y': 既往版本证件关联信息
    QByteArray photoWlt; ///< the encoded photo as read; see WltPhotoDecoder
    QByteArray fingerprint;

    friend bool operator==(const IdCardData &, const IdCardData &) = default;

    QString sexText() const;
    QString nationText() const;
    QDate birth() const;
    QDate validFromDate() const;
    QDate validToDate() const; ///< invalid when long-term
    bool isLongTerm() const;
    /// Translated name of the card type.
    QString cardTypeText() const;

    /// The stable key used in JSON: "mainland", "hk-macao-taiwan", "foreign-permanent",
    /// "foreign-permanent-2023".
    static QString cardTypeKey(CardType type);
    static std::optional<CardType> cardTypeFromKey(const QString &key);

    /// Fields for tools and logs: dates as ISO 8601 ("长期" kept), names of codes beside the codes, the
    /// photo as base64 of the raw WLT bytes.
    QJsonObject toJson() const;
    /// Reads what toJson writes; also accepts sex and nation as names and dates as YYYYMMDD, so a
    /// hand-written card file for the simulator stays short. Fields IdCardTextCheck refuses are errors.
    static Result<IdCardData> fromJson(const QJsonObject &object);
};

} // namespace ow::drivers::idcard

Q_DECLARE_METATYPE(ow::drivers::idcard::IdCardData)
