#include "idcard/IdCardTextDecoder.h"

#include "idcard/IdCardTextCheck.h"
#include "idcard/IdCardTextLayout.h"

#include <QCoreApplication>

namespace ow::drivers::idcard {

namespace {

QString utf16le(QByteArrayView bytes)
{
    QString text;
    text.reserve(bytes.size() / 2);
    for (qsizetype i = 0; i + 1 < bytes.size(); i += 2)
        text.append(QChar(char16_t(quint8(bytes[i]) | (quint8(bytes[i + 1]) << 8))));
    return text;
}

/// Padding is spaces; some readers leave NULs instead.
QString unpad(QString text)
{
    while (!text.isEmpty() && (text.back() == u' ' || text.back() == QChar(0)))
        text.chop(1);
    return text.trimmed();
}

int bigEndian16(QByteArrayView data, qsizetype at)
{
    return (quint8(data[at]) << 8) | quint8(data[at + 1]);
}

} // namespace

Result<IdCardData> IdCardTextDecoder::decodeText(QByteArrayView text)
{
    if (text.size() < IdCardTextLayout::kTextSize)
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::drivers::idcard",
                "The card's text block has %1 bytes; a second-generation ID card has %2.")
                .arg(text.size())
                .arg(IdCardTextLayout::kTextSize));
    const char16_t mark = char16_t(
        quint8(text[IdCardTextLayout::kTypeOffset]) | (quint8(text[IdCardTextLayout::kTypeOffset + 1]) << 8));
    IdCardData card;
    switch (mark) {
    case u' ':
    case 0:
        card.cardType = IdCardData::CardType::Mainland;
        break;
    case u'J':
        card.cardType = IdCardData::CardType::HkMacaoTaiwanResident;
        break;
    case u'I':
        card.cardType = IdCardData::CardType::ForeignPermanent;
        break;
    case u'Y':
        card.cardType = IdCardData::CardType::ForeignPermanent2023;
        break;
    default:
        return fail(Error::Code::Unsupported,
            QCoreApplication::translate("ow::drivers::idcard",
                "The card is of a type this software does not know (mark %1 at byte 248); it reads resident "
                "ID cards, residence permits for Hong Kong, Macao and Taiwan residents, and foreign "
                "permanent "
                "resident ID cards.")
                .arg(QStringLiteral("U+%1").arg(int(mark), 4, 16, QLatin1Char('0')).toUpper()));
    }
    // Split fields (the 'Y' English name) are joined before unpadding so a space at the seam survives.
    for (const IdCardTextLayout::Field &field : IdCardTextLayout::fields(card.cardType))
        card.*field.member += utf16le(text.sliced(field.offset, field.size));
    for (const IdCardTextLayout::Field &field : IdCardTextLayout::fields(card.cardType))
        card.*field.member = unpad(card.*field.member);
    // The checksum only says the bytes arrived as sent, not that they are text a card holds.
    Result<void> checked = IdCardTextCheck::check(card);
    if (!checked)
        return failWith(checked.error());
    return card;
}

Result<IdCardData> IdCardTextDecoder::decodeReadData(QByteArrayView data)
{
    if (data.size() < 4)
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::drivers::idcard",
                "The card data is too short (%n byte(s)) to say how long its text and photo are.", nullptr,
                int(data.size())));
    const int textSize = bigEndian16(data, 0);
    const int photoSize = bigEndian16(data, 2);
    qsizetype at = 4;
    int fingerprintSize = -1;
    if (4 + textSize + photoSize != data.size()) {
        // Only text+photo+fingerprint replies carry a third length.
        if (data.size() >= 6 && 6 + textSize + photoSize + bigEndian16(data, 4) == data.size()) {
            fingerprintSize = bigEndian16(data, 4);
            at = 6;
        } else {
            return fail(Error::Code::Parse,
                QCoreApplication::translate("ow::drivers::idcard",
                    "The card data says its text has %1 bytes and its photo %2, which does not fit the %3 "
                    "bytes that arrived.")
                    .arg(textSize)
                    .arg(photoSize)
                    .arg(data.size()));
        }
    }
    Result<IdCardData> card = decodeText(data.sliced(at, textSize));
    if (!card)
        return card;
    at += textSize;
    card->photoWlt = data.sliced(at, photoSize).toByteArray();
    at += photoSize;
    if (fingerprintSize > 0)
        card->fingerprint = data.sliced(at, fingerprintSize).toByteArray();
    return card;
}

} // namespace ow::drivers::idcard
