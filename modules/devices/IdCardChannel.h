#pragma once

#include "devices/DeviceChannel.h"
#include "devices/IdCardSettings.h"
#include "devices/SharedIdCardSimulator.h"
#include "idcard/IdCardReader.h"

#include <memory>

namespace ow::devices {

/// The ID card reader: runs the reading loop for the configured transport and passes on every card.
/// Test: wait for the next card (the simulator puts its sample card on the reader).
class IdCardChannel : public DeviceChannel
{
    Q_OBJECT

public:
    static constexpr int kTestTimeoutMs = 20000;

    explicit IdCardChannel(const IdCardSettings &settings, QObject *parent = nullptr);
    ~IdCardChannel() override;

    /// The in-process reader, when the connection is Simulator (for demos and tests).
    SharedIdCardSimulator *simulator() const { return m_simulator.get(); }

Q_SIGNALS:
    void cardRead(const ow::drivers::idcard::IdCardData &card);

protected:
    void startTest() override;
    QString timeoutMessage() const override;

private:
    void onStateChanged(drivers::idcard::IdCardReader::State state);
    void onCardRead(const drivers::idcard::IdCardData &card);
    void onReaderError(const QString &message);

    // Declared before the reader: the reader's thread uses the simulator until the reader is gone.
    std::unique_ptr<SharedIdCardSimulator> m_simulator;
    std::unique_ptr<drivers::idcard::IdCardReader> m_reader;
    QString m_lastError;
};

} // namespace ow::devices
