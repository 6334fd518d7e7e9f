#include "idcard/IdCardTextEncoder.h"

#include "idcard/IdCardTextLayout.h"

#include <QCoreApplication>
#include <vector>

namespace ow::drivers::idcard {

namespace {

void putUtf16le(QByteArray &block, qsizetype offset, const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        block[offset + 2 * i] = char(c & 0xFF);
        block[offset + 2 * i + 1] = char(c >> 8);
    }
}

void appendBigEndian16(QByteArray &data, qsizetype value)
{
    data.append(char((value >> 8) & 0xFF));
    data.append(char(value & 0xFF));
}

} // namespace

Result<QByteArray> IdCardTextEncoder::encodeText(const IdCardData &card)
{
    QByteArray block;
    block.reserve(IdCardTextLayout::kTextSize);
    for (qsizetype i = 0; i < IdCardTextLayout::kTextSize / 2; ++i)
        block.append(' ').append('\0');
    // A field split in two (the 'Y' English name) fills its first part, then continues in the next.
    const QList<IdCardTextLayout::Field> fields = IdCardTextLayout::fields(card.cardType);
    std::vector<std::pair<QString IdCardData::*, qsizetype>> used;
    const auto usedOf = [&used](QString IdCardData::*member) -> qsizetype & {
        for (auto &entry : used)
            if (entry.first == member)
                return entry.second;
        return used.emplace_back(member, 0).second;
    };
    for (const IdCardTextLayout::Field &field : fields) {
        const QString part = (card.*field.member).mid(usedOf(field.member), field.size / 2);
        putUtf16le(block, field.offset, part);
        usedOf(field.member) += part.size();
    }
    for (const IdCardTextLayout::Field &field : fields) {
        const QString &value = card.*field.member;
        if (usedOf(field.member) < value.size())
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::drivers::idcard",
                    "'%1' is too long for its place on the card (%2 characters at byte %3).")
                    .arg(value)
                    .arg(field.size / 2)
                    .arg(field.offset));
    }
    putUtf16le(
        block, IdCardTextLayout::kTypeOffset, QString(QChar(IdCardTextLayout::typeMark(card.cardType))));
    return block;
}

Result<QByteArray> IdCardTextEncoder::encodeReadData(const IdCardData &card, bool withFingerprint)
{
    const Result<QByteArray> text = encodeText(card);
    if (!text)
        return text;
    QByteArray data;
    appendBigEndian16(data, text->size());
    appendBigEndian16(data, card.photoWlt.size());
    if (withFingerprint)
        appendBigEndian16(data, card.fingerprint.size());
    data.append(*text);
    data.append(card.photoWlt);
    if (withFingerprint)
        data.append(card.fingerprint);
    return data;
}

} // namespace ow::drivers::idcard
