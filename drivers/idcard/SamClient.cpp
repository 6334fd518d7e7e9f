#include "idcard/SamClient.h"

#include "idcard/IdCardTextDecoder.h"
#include "idcard/SamStatus.h"

#include <QCoreApplication>

namespace ow::drivers::idcard {

namespace {
constexpr int kMaxDrainReads = 16;
}

SamClient::SamClient(IdCardTransport &transport)
    : SamClient(transport, Timeouts {})
{
}

SamClient::SamClient(IdCardTransport &transport, Timeouts timeouts, Clock clock)
    : m_transport(transport)
    , m_timeouts(timeouts)
    , m_clock(std::move(clock))
{
}

Result<void> SamClient::drainInput()
{
    // A reply that came after its request timed out must not be taken for the next one's.
    for (int i = 0; i < kMaxDrainReads; ++i) {
        const Result<QByteArray> stale = m_transport.read(0);
        if (!stale)
            return failWith(stale.error());
        if (stale->isEmpty())
            break;
    }
    return {};
}

Result<SamResponse> SamClient::exchange(const SamCommand &command, int timeoutMs)
{
    if (!m_transport.isOpen())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::drivers::idcard", "The ID card reader (%1) is not connected.")
                .arg(m_transport.description()));
    if (Result<void> drained = drainInput(); !drained)
        return failWith(drained.error());
    m_decoder.clear();
    if (Result<void> sent = m_transport.write(SamFrame::request(command)); !sent)
        return failWith(sent.error());

    const qint64 dueMs = m_clock.monotonicMs() + timeoutMs;
    for (qint64 remaining = timeoutMs; remaining > 0; remaining = dueMs - m_clock.monotonicMs()) {
        Result<QByteArray> bytes = m_transport.read(int(remaining));
        if (!bytes)
            return failWith(bytes.error());
        m_decoder.feed(*bytes);
        std::optional<Error> firstError;
        while (m_decoder.hasNext()) {
            Result<QByteArray> frame = m_decoder.next();
            if (frame)
                return SamResponse::parse(*frame);
            if (!firstError)
                firstError = frame.error();
        }
        if (firstError)
            return failWith(*firstError);
    }
    if (std::optional<Error> cutOff = m_decoder.finish())
        return failWith(*cutOff);
    return fail(Error::Code::Io,
        QCoreApplication::translate("ow::drivers::idcard",
            "The ID card reader (%1) did not answer within %2 ms; check that it is connected and switched "
            "on.")
            .arg(m_transport.description())
            .arg(timeoutMs));
}

Result<SamResponse> SamClient::expectStatus(const SamCommand &command, int timeoutMs, quint8 expected)
{
    Result<SamResponse> reply = exchange(command, timeoutMs);
    if (reply && reply->sw3 != expected)
        return fail(Error::Code::Invalid, SamStatus::message(reply->sw3));
    return reply;
}

Result<void> SamClient::checkSam()
{
    const Result<SamResponse> reply
        = expectStatus(SamCommand::samStatus(), m_timeouts.commandMs, SamStatus::Success);
    if (!reply)
        return failWith(reply.error());
    return {};
}

Result<QByteArray> SamClient::readSamId()
{
    const Result<SamResponse> reply
        = expectStatus(SamCommand::readSamId(), m_timeouts.commandMs, SamStatus::Success);
    if (!reply)
        return failWith(reply.error());
    return reply->data;
}

Result<bool> SamClient::findCard()
{
    Result<SamResponse> reply = exchange(SamCommand::findCard(), m_timeouts.commandMs);
    if (!reply)
        return failWith(reply.error());
    if (reply->sw3 == SamStatus::CardFound)
        return true;
    if (reply->sw3 == SamStatus::FindCardFailed)
        return false;
    return fail(Error::Code::Invalid, SamStatus::message(reply->sw3));
}

Result<std::optional<IdCardData>> SamClient::readCard(bool withFingerprint)
{
    const Result<bool> found = findCard();
    if (!found)
        return failWith(found.error());
    if (!*found)
        return std::optional<IdCardData>();
    if (Result<SamResponse> selected
        = expectStatus(SamCommand::selectCard(), m_timeouts.commandMs, SamStatus::Success);
        !selected)
        return failWith(selected.error());
    const SamCommand read
        = withFingerprint ? SamCommand::readTextPhotoFingerprint() : SamCommand::readTextPhoto();
    Result<SamResponse> reply = expectStatus(read, m_timeouts.readMs, SamStatus::Success);
    if (!reply)
        return failWith(reply.error());
    Result<IdCardData> card = IdCardTextDecoder::decodeReadData(reply->data);
    if (!card)
        return failWith(card.error());
    return std::optional<IdCardData>(std::move(*card));
}

} // namespace ow::drivers::idcard
