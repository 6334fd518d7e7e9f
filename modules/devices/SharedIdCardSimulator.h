#pragma once

#include "idcard/IdCardSimulator.h"
#include "idcard/IdCardTransport.h"

#include <QMutex>
#include <optional>

namespace ow::devices {

/// An in-process ID card reader for demos and tests: an IdCardSimulator behind a lock, so the
/// reader's thread talks to it through transports while the GUI thread places and lifts cards.
class SharedIdCardSimulator
{
public:
    /// Puts a card on the reader: it is read once, as a real reader reads a placed card. A card
    /// already there is lifted first, and the new one lands only after the reader has seen the
    /// field empty, as with a hand at a real reader (which reports a card only after the last one
    /// left).
    void placeCard(const drivers::idcard::IdCardData &card);
    void removeCard();
    void setFault(drivers::idcard::IdCardSimulator::Fault fault, int times = -1);

    /// Bytes from the host in, the reader's reply out.
    QByteArray receive(QByteArrayView bytes);

    /// Transports that talk to this simulator; it must outlive them.
    drivers::idcard::IdCardTransportFactory factory();

private:
    mutable QMutex m_mutex;
    drivers::idcard::IdCardSimulator m_simulator;
    std::optional<drivers::idcard::IdCardData> m_landing; ///< placed, waiting for the reader to see no card
};

} // namespace ow::devices
