#include "idcard/IdCardSimulator.h"

#include "idcard/IdCardTextEncoder.h"
#include "idcard/SamFrame.h"
#include "idcard/SamStatus.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

namespace ow::drivers::idcard {

namespace {

constexpr qsizetype kPhotoSize = 1024;

struct FaultEntry
{
    IdCardSimulator::Fault fault;
    const char *name;
};

constexpr FaultEntry kFaults[] = {
    {IdCardSimulator::Fault::None, "none"},
    {IdCardSimulator::Fault::BadChecksum, "bad-checksum"},
    {IdCardSimulator::Fault::ShortFrame, "short-frame"},
    {IdCardSimulator::Fault::NoAnswer, "timeout"},
    {IdCardSimulator::Fault::CardRemovedMidRead, "card-removed"},
    {IdCardSimulator::Fault::SamFailure, "sam-failure"},
};

} // namespace

QString IdCardSimulator::faultName(Fault fault)
{
    for (const FaultEntry &entry : kFaults)
        if (entry.fault == fault)
            return QString::fromLatin1(entry.name);
    return {};
}

std::optional<IdCardSimulator::Fault> IdCardSimulator::faultFromName(const QString &name)
{
    for (const FaultEntry &entry : kFaults)
        if (name == QLatin1StringView(entry.name))
            return entry.fault;
    return std::nullopt;
}

QStringList IdCardSimulator::faultNames()
{
    QStringList names;
    for (const FaultEntry &entry : kFaults)
        names.append(QString::fromLatin1(entry.name));
    return names;
}

IdCardData IdCardSimulator::sampleCard()
{
    IdCardData card;
    card.name = QStringLiteral("张三");
    card.sexCode = QStringLiteral("2"); // the 17th digit of the number below is even
    card.nationCode = QStringLiteral("01");
    card.birthDate = QStringLiteral("19491231");
    card.address = QStringLiteral("北京市朝阳区示例路1号");
    card.idNumber = QStringLiteral("11010519491231002X");
    card.issuingAuthority = QStringLiteral("北京市公安局朝阳分局");
    card.validFrom = QStringLiteral("20100101");
    card.validTo = QStringLiteral("长期");
    // Not a photo: the simulator has no WLT encoder, and a real reader's photo is opaque anyway.
    card.photoWlt = QByteArray(kPhotoSize, '\0');
    return card;
}

Result<IdCardData> IdCardSimulator::loadCard(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::drivers::idcard", "The card file %1 could not be read: %2.")
                .arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::drivers::idcard", "The card file is not a JSON object: %1.")
                .arg(parseError.errorString()),
            SourceLocation {path});
    Result<IdCardData> card = IdCardData::fromJson(document.object());
    if (!card)
        return fail(card.error().code(), card.error().message(), SourceLocation {path});
    if (card->photoWlt.isEmpty())
        card->photoWlt = QByteArray(kPhotoSize, '\0');
    if (Result<QByteArray> text = IdCardTextEncoder::encodeText(*card); !text)
        return fail(text.error().code(), text.error().message(), SourceLocation {path});
    return card;
}

IdCardSimulator::IdCardSimulator() = default;

void IdCardSimulator::placeCard(const IdCardData &card)
{
    m_card = card;
    m_present = true;
    m_readDone = false;
}

void IdCardSimulator::removeCard()
{
    m_present = false;
    m_readDone = false;
}

void IdCardSimulator::liftAndReplace()
{
    if (m_card) {
        m_present = true;
        m_readDone = false;
    }
}

void IdCardSimulator::setFault(Fault fault, int times)
{
    m_fault = fault;
    m_faultTimes = times;
}

bool IdCardSimulator::faultHits(Fault fault)
{
    if (m_fault != fault || m_faultTimes == 0)
        return false;
    if (m_faultTimes > 0 && --m_faultTimes == 0)
        m_fault = Fault::None;
    return true;
}

QByteArray IdCardSimulator::receive(QByteArrayView bytes)
{
    m_decoder.feed(bytes);
    QByteArray out;
    while (m_decoder.hasNext()) {
        const Result<QByteArray> frame = m_decoder.next();
        if (!frame) {
            // A real reader answers a damaged request with a status, not silence.
            const bool length = m_decoder.lastProblem() == FrameDecoder::Problem::BadLength;
            out += SamFrame::response(length ? SamStatus::LengthError : SamStatus::ChecksumError);
            continue;
        }
        const Result<QByteArray> body = SamFrame::decode(*frame);
        const Result<SamCommand> command
            = body ? SamFrame::parseRequest(*body) : Result<SamCommand>(failWith(body.error()));
        if (!command) {
            out += SamFrame::response(SamStatus::LengthError);
            continue;
        }
        m_log.append(*command);
        out += answer(*command);
    }
    return out;
}

QByteArray IdCardSimulator::answer(const SamCommand &command)
{
    if (command == SamCommand::resetSam() || command == SamCommand::samStatus())
        return SamFrame::response(m_fault == Fault::SamFailure && faultHits(Fault::SamFailure)
                ? SamStatus::SamSelfTestFailed
                : SamStatus::Success);
    if (command == SamCommand::readSamId()) {
        if (m_fault == Fault::SamFailure && faultHits(Fault::SamFailure))
            return SamFrame::response(SamStatus::SamSelfTestFailed);
        // A made-up SAM number: 16 bytes, the size vendor tools print as "05.01-20xxxxxx-…".
        return SamFrame::response(
            SamStatus::Success, QByteArray::fromHex("0501000000000000000000000000002A"));
    }
    if (command.command == 0x61)
        return SamFrame::response(SamStatus::Success);
    if (command.isFind())
        return hasCard() && !m_readDone ? SamFrame::response(SamStatus::CardFound, QByteArray(4, '\0'))
                                        : SamFrame::response(SamStatus::FindCardFailed);
    if (command.isSelect())
        return hasCard() ? SamFrame::response(SamStatus::Success, QByteArray(8, '\0'))
                         : SamFrame::response(SamStatus::SelectCardFailed);
    if (command == SamCommand::readTextPhoto() || command == SamCommand::readTextPhotoFingerprint())
        return answerRead(command);
    return SamFrame::response(SamStatus::CommandError);
}

QByteArray IdCardSimulator::answerRead(const SamCommand &command)
{
    if (faultHits(Fault::SamFailure))
        return SamFrame::response(SamStatus::SamSelfTestFailed);
    if (!hasCard())
        return SamFrame::response(SamStatus::ReadFailed);
    // After a read, whatever came of it, the card stays silent to find-card until it leaves.
    m_readDone = true;
    if (faultHits(Fault::NoAnswer))
        return {};
    if (faultHits(Fault::CardRemovedMidRead)) {
        removeCard();
        return SamFrame::response(SamStatus::ReadFailed);
    }
    const bool withFingerprint = command == SamCommand::readTextPhotoFingerprint();
    const Result<QByteArray> data = IdCardTextEncoder::encodeReadData(*m_card, withFingerprint);
    if (!data)
        return SamFrame::response(SamStatus::ReadFailed);
    QByteArray reply = SamFrame::response(SamStatus::Success, *data);
    if (faultHits(Fault::BadChecksum)) {
        reply.back() = char(reply.back() ^ 0x5A);
        return reply;
    }
    if (faultHits(Fault::ShortFrame))
        return reply.first(reply.size() / 2);
    return reply;
}

} // namespace ow::drivers::idcard
