#include "devices/IdCardChannel.h"

#include "core/Masking.h"
#include "idcard/SerialTransport.h"
#include "idcard/UsbBulkTransport.h"

#include <QCoreApplication>

namespace ow::devices {

using drivers::idcard::IdCardData;
using drivers::idcard::IdCardReader;

IdCardChannel::IdCardChannel(const IdCardSettings &settings, QObject *parent)
    : DeviceChannel(DeviceKind::IdCard, parent)
{
    qRegisterMetaType<IdCardData>();
    qRegisterMetaType<IdCardReader::State>();

    drivers::idcard::IdCardTransportFactory factory;
    switch (settings.connection) {
    case IdCardSettings::Connection::Serial:
        factory = drivers::idcard::SerialTransport::factory(settings.port, settings.baudRate);
        setBackend(QCoreApplication::translate("ow::devices", "serial port %1").arg(settings.port));
        break;
    case IdCardSettings::Connection::Usb:
        factory = drivers::idcard::UsbBulkTransport::libUsbFactory(settings.usbIds);
        setBackend(QCoreApplication::translate("ow::devices", "USB %1")
                       .arg(IdCardSettings::usbIdsText(settings.usbIds)));
        break;
    case IdCardSettings::Connection::Simulator:
        m_simulator = std::make_unique<SharedIdCardSimulator>();
        factory = m_simulator->factory();
        setBackend(QCoreApplication::translate("ow::devices", "simulator"));
        break;
    case IdCardSettings::Connection::None:
        return;
    }

    m_reader = std::make_unique<IdCardReader>(factory, settings.readerOptions());
    connect(m_reader.get(), &IdCardReader::stateChanged, this, &IdCardChannel::onStateChanged);
    connect(m_reader.get(), &IdCardReader::cardRead, this, &IdCardChannel::onCardRead);
    connect(m_reader.get(), &IdCardReader::readerError, this, &IdCardChannel::onReaderError);
    // Until the loop has opened the reader its presence is unknown; "missing" would alarm for nothing.
    setState(DeviceState::Connected, QCoreApplication::translate("ow::devices", "Opening the reader…"));
    m_reader->start();
}

IdCardChannel::~IdCardChannel()
{
    if (m_reader)
        m_reader->stop();
}

void IdCardChannel::startTest()
{
    if (m_simulator)
        m_simulator->placeCard(drivers::idcard::IdCardSimulator::sampleCard());
    beginTest(QCoreApplication::translate("ow::devices", "Place an ID card on the reader."), kTestTimeoutMs);
}

QString IdCardChannel::timeoutMessage() const
{
    return QCoreApplication::translate("ow::devices", "No card was read within %1 seconds.")
        .arg(kTestTimeoutMs / 1000);
}

void IdCardChannel::onStateChanged(IdCardReader::State state)
{
    switch (state) {
    case IdCardReader::State::Connected:
        m_lastError.clear();
        setState(DeviceState::Connected);
        break;
    case IdCardReader::State::Missing:
        setState(DeviceState::Missing,
            m_lastError.isEmpty()
                ? QCoreApplication::translate("ow::devices", "The reader is not plugged in.")
                : m_lastError);
        break;
    case IdCardReader::State::Error:
        setState(DeviceState::Error, m_lastError);
        break;
    case IdCardReader::State::Stopped:
        setState(DeviceState::Off);
        break;
    }
}

void IdCardChannel::onCardRead(const IdCardData &card)
{
    if (isTesting()) {
        // The test card is not an applicant's: it does not go on to the intake.
        finishTest(true,
            QCoreApplication::translate("ow::devices", "Read the card of %1, %2 (%3).")
                .arg(Masking::name(card.name.isEmpty() ? card.englishName : card.name),
                    Masking::idNumber(card.idNumber), card.cardTypeText()));
        return;
    }
    Q_EMIT cardRead(card);
}

void IdCardChannel::onReaderError(const QString &message)
{
    m_lastError = message;
    const DeviceState state = restingState();
    if (state == DeviceState::Error || state == DeviceState::Missing)
        setState(state, message);
    if (isTesting())
        finishTest(false, message);
}

} // namespace ow::devices
