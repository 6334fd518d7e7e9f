#pragma once

#include "core/Result.h"
#include "idcard/FrameDecoder.h"
#include "idcard/IdCardData.h"
#include "idcard/SamCommand.h"

#include <QList>
#include <QStringList>
#include <optional>

namespace ow::drivers::idcard {

/// Answers the SAM protocol like a reader with (or without) a card on it, for demos and tests, and
/// misbehaves on request. Like a real reader, find-card fails after a read of the card (good or
/// not) until the card is lifted and placed again (liftAndReplace).
class IdCardSimulator
{
public:
    enum class Fault
    {
        None,
        BadChecksum, ///< the read reply's checksum byte is wrong
        ShortFrame, ///< the read reply stops halfway
        NoAnswer, ///< the read command gets no reply at all
        CardRemovedMidRead, ///< the card leaves during the read: status 41, then no card
        SamFailure, ///< the SAM fails its self-test: SAM commands and reads answer 60
    };

    /// "bad-checksum", "short-frame", "timeout", "card-removed", "sam-failure" (and "none").
    static QString faultName(Fault fault);
    static std::optional<Fault> faultFromName(const QString &name);
    static QStringList faultNames();

    /// The obviously fictional person used when no card file is given.
    static IdCardData sampleCard();
    /// A card from a JSON file in IdCardData::toJson form; a missing photo becomes 1024 zero bytes.
    static Result<IdCardData> loadCard(const QString &path);

    IdCardSimulator();

    void placeCard(const IdCardData &card);
    void removeCard();
    /// The card leaves the field and comes back: it can be found and read again.
    void liftAndReplace();
    bool hasCard() const { return m_card.has_value() && m_present; }

    /// Misbehaves `times` times (negative: always) from now on.
    void setFault(Fault fault, int times = -1);
    Fault fault() const { return m_fault; }

    /// Bytes from the host in; the bytes the reader sends back out (empty when it stays silent).
    QByteArray receive(QByteArrayView bytes);
    /// Every command understood so far, oldest first.
    const QList<SamCommand> &commandLog() const { return m_log; }

private:
    QByteArray answer(const SamCommand &command);
    QByteArray answerRead(const SamCommand &command);
    /// True (and counts down) when `fault` is the one set and still has uses left.
    bool faultHits(Fault fault);

    FrameDecoder m_decoder;
    std::optional<IdCardData> m_card;
    bool m_present = false;
    bool m_readDone = false;
    Fault m_fault = Fault::None;
    int m_faultTimes = 0;
    QList<SamCommand> m_log;
};

} // namespace ow::drivers::idcard
