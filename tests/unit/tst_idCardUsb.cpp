#include "idcard/FrameDecoder.h"
#include "idcard/IdCardSimulator.h"
#include "idcard/SamClient.h"
#include "idcard/UsbBulkTransport.h"

#include <QTest>

using namespace ow::drivers::idcard;

namespace {

/// What the fake device saw and will answer; shared so the test can look after the transport owns it.
struct FakeBus
{
    struct Transfer
    {
        quint8 endpoint;
        QByteArray data;
    };

    IdCardSimulator simulator;
    QList<Transfer> writes;
    QList<Transfer> reads;
    QByteArray header; // the part of a request that came on 0x02
    QByteArray reply; // not yet read
    bool replyStarted = false;
    bool unplugged = false;
    bool refuseClaim = false;
    QList<UsbDeviceId> connected;
    QList<UsbDeviceId> opened;
};

/// A reader that wants the 7-byte header on 0x02 and the body on 0x06, and answers with the first
/// packet on 0x81 and the rest on 0x85, 64 bytes at a time.
class FakeUsbDevice : public UsbDevice
{
public:
    explicit FakeUsbDevice(FakeBus &bus)
        : m_bus(bus)
    {
    }
    ow::Result<void> claimInterface(int number) override
    {
        if (m_bus.refuseClaim || number != 0)
            return ow::fail(ow::Error::Code::Io, QStringLiteral("interface busy"));
        return {};
    }
    ow::Result<qsizetype> bulkWrite(quint8 endpoint, const QByteArray &data, int) override
    {
        if (m_bus.unplugged)
            return ow::fail(
                ow::Error::Code::Io, QStringLiteral("No such device (it may have been disconnected)"));
        m_bus.writes.append({endpoint, data});
        if (endpoint == 0x02) {
            m_bus.header = data;
        } else if (endpoint == 0x06 && m_bus.header.size() == 7) {
            m_bus.reply += m_bus.simulator.receive(QByteArray(m_bus.header + data));
            m_bus.replyStarted = false;
            m_bus.header.clear();
        }
        return data.size();
    }
    ow::Result<QByteArray> bulkRead(quint8 endpoint, int maxSize, int) override
    {
        if (m_bus.unplugged)
            return ow::fail(
                ow::Error::Code::Io, QStringLiteral("No such device (it may have been disconnected)"));
        const quint8 expected = m_bus.replyStarted ? 0x85 : 0x81;
        if (m_bus.reply.isEmpty() || endpoint != expected)
            return QByteArray(); // a real device just times out on the wrong endpoint
        const QByteArray packet
            = m_bus.reply.first(std::min<qsizetype>({qsizetype(maxSize), 64, m_bus.reply.size()}));
        m_bus.reply.remove(0, packet.size());
        m_bus.replyStarted = true;
        m_bus.reads.append({endpoint, packet});
        return packet;
    }

private:
    FakeBus &m_bus;
};

class FakeUsbContext : public UsbContext
{
public:
    explicit FakeUsbContext(FakeBus &bus)
        : m_bus(bus)
    {
    }
    QList<UsbDeviceId> connectedDevices() override
    {
        ++listCalls;
        if (plugInAfterListCalls > 0 && listCalls >= plugInAfterListCalls)
            m_bus.connected.append(arriving);
        return m_bus.connected;
    }
    ow::Result<std::unique_ptr<UsbDevice>> open(UsbDeviceId id) override
    {
        m_bus.opened.append(id);
        return std::unique_ptr<UsbDevice>(std::make_unique<FakeUsbDevice>(m_bus));
    }
    bool hasHotplug() const override { return hotplug; }
    bool watchArrivals(const QList<UsbDeviceId> &ids, std::function<void(UsbDeviceId)> arrived) override
    {
        watched = ids;
        m_arrived = std::move(arrived);
        return hotplug;
    }
    void handleEvents(int) override
    {
        ++eventCalls;
        if (arriveOnEventCall > 0 && eventCalls == arriveOnEventCall && m_arrived) {
            m_bus.connected.append(arriving);
            m_arrived(arriving);
        }
    }

    bool hotplug = false;
    int listCalls = 0;
    int plugInAfterListCalls = 0;
    int eventCalls = 0;
    int arriveOnEventCall = 0;
    UsbDeviceId arriving {0x0400, 0xC35A};
    QList<UsbDeviceId> watched;

private:
    FakeBus &m_bus;
    std::function<void(UsbDeviceId)> m_arrived;
};

const UsbDeviceId kIdr {0x0400, 0xC35A};
const UsbDeviceId kOther {0x0316, 0x5020};

} // namespace

/// UsbBulkTransport through a fake of the libusb wrapper: endpoint layout, packets, hot-plug.
class TestIdCardUsb : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deviceIds()
    {
        QCOMPARE(UsbBulkTransport::defaultDeviceIds(), (QList<UsbDeviceId> {kIdr, kOther}));
        QCOMPARE(kIdr.toString(), QStringLiteral("0400:C35A"));
        QVERIFY(UsbDeviceId::parse(QStringLiteral("0400:c35a")) == kIdr);
        QVERIFY(!UsbDeviceId::parse(QStringLiteral("0400C35A")));
        QVERIFY(!UsbDeviceId::parse(QStringLiteral("04000:C35A")));
        QVERIFY(!UsbDeviceId::parse(QStringLiteral("04G0:C35A")));
    }

    void headerAndBodyGoToTheirEndpoints()
    {
        FakeBus bus;
        bus.connected = {kIdr};
        UsbBulkTransport transport(std::make_shared<FakeUsbContext>(bus));
        QVERIFY(transport.open().has_value());
        QVERIFY(transport.write(QByteArray::fromHex("AAAAAA96690003200122")).has_value());
        QCOMPARE(bus.writes.size(), 2);
        QCOMPARE(bus.writes[0].endpoint, quint8(0x02));
        QCOMPARE(bus.writes[0].data, QByteArray::fromHex("AAAAAA96690003"));
        QCOMPARE(bus.writes[1].endpoint, quint8(0x06));
        QCOMPARE(bus.writes[1].data, QByteArray::fromHex("200122"));
    }

    void readsACardInPackets()
    {
        FakeBus bus;
        bus.connected = {UsbDeviceId {0x1D6B, 0x0002}, kIdr}; // a root hub first
        bus.simulator.placeCard(IdCardSimulator::sampleCard());
        UsbBulkTransport transport(std::make_shared<FakeUsbContext>(bus));
        QVERIFY(transport.open().has_value());
        QCOMPARE(bus.opened, QList<UsbDeviceId> {kIdr});
        QCOMPARE(transport.description(), QStringLiteral("USB reader 0400:C35A"));

        SamClient client(transport);
        QVERIFY(client.checkSam().has_value());
        bus.reads.clear();
        const ow::Result<std::optional<IdCardData>> card = client.readCard();
        QVERIFY2(card.has_value(), qPrintable(card.has_value() ? QString() : card.error().message()));
        QVERIFY(card->has_value());
        QCOMPARE((*card)->name, QStringLiteral("张三"));
        QCOMPARE((*card)->photoWlt.size(), 1024);

        // find (15 bytes), select (19), read (1295 = 20 × 64 + 15): each reply starts on 0x81.
        QCOMPARE(bus.reads.size(), 1 + 1 + 21);
        QCOMPARE(bus.reads[0].endpoint, quint8(0x81));
        QCOMPARE(bus.reads[1].endpoint, quint8(0x81));
        QCOMPARE(bus.reads[2].endpoint, quint8(0x81));
        for (qsizetype i = 3; i < bus.reads.size(); ++i) {
            QCOMPARE(bus.reads[i].endpoint, quint8(0x85));
            QVERIFY(bus.reads[i].data.size() <= 64);
        }
        QCOMPARE(bus.reads[2].data.size(), 64);
        QCOMPARE(bus.reads.last().data.size(), 15);
    }

    void configuredIdsOnly()
    {
        FakeBus bus;
        bus.connected = {kOther};
        UsbBulkTransport wanted(std::make_shared<FakeUsbContext>(bus), {UsbDeviceId {0xABCD, 0x0001}});
        const ow::Result<void> opened = wanted.open();
        QVERIFY(!opened.has_value());
        QCOMPARE(opened.error().code(), ow::Error::Code::NotFound);
        QVERIFY2(opened.error().message().contains(QStringLiteral("ABCD:0001")),
            qPrintable(opened.error().message()));

        UsbBulkTransport defaults(std::make_shared<FakeUsbContext>(bus));
        QVERIFY(defaults.open().has_value());
        QCOMPARE(bus.opened, QList<UsbDeviceId> {kOther});
    }

    void claimRefused()
    {
        FakeBus bus;
        bus.connected = {kIdr};
        bus.refuseClaim = true;
        UsbBulkTransport transport(std::make_shared<FakeUsbContext>(bus));
        QVERIFY(!transport.open().has_value());
        QVERIFY(!transport.isOpen());
    }

    void unplugWhileReading()
    {
        FakeBus bus;
        bus.connected = {kIdr};
        UsbBulkTransport transport(std::make_shared<FakeUsbContext>(bus));
        QVERIFY(transport.open().has_value());
        SamClient client(transport);
        bus.unplugged = true;
        const ow::Result<bool> found = client.findCard();
        QVERIFY(!found.has_value());
        QCOMPARE(found.error().code(), ow::Error::Code::Io);
        QVERIFY(found.error().message().contains(QStringLiteral("disconnected")));
        QVERIFY(!transport.isOpen());
    }

    void hotplugArrival()
    {
        FakeBus bus;
        auto context = std::make_shared<FakeUsbContext>(bus);
        context->hotplug = true;
        context->arriveOnEventCall = 3;
        UsbBulkTransport transport(context);
        QVERIFY(transport.waitForDevice(10000));
        QCOMPARE(context->eventCalls, 3);
        QCOMPARE(context->watched, UsbBulkTransport::defaultDeviceIds());
        QVERIFY(transport.open().has_value());
    }

    void hotplugNothingArrives()
    {
        FakeBus bus;
        auto context = std::make_shared<FakeUsbContext>(bus);
        context->hotplug = true;
        UsbBulkTransport transport(context);
        QVERIFY(!transport.waitForDevice(30));
        QVERIFY(context->eventCalls >= 1);
    }

    void pollingWithoutHotplug()
    {
        FakeBus bus;
        auto context = std::make_shared<FakeUsbContext>(bus);
        context->plugInAfterListCalls = 3;
        UsbBulkTransport transport(context);
        QVERIFY(transport.waitForDevice(10000));
        QCOMPARE(context->eventCalls, 0);
        QVERIFY(context->listCalls >= 3);
    }
};

QTEST_GUILESS_MAIN(TestIdCardUsb)
#include "tst_idCardUsb.moc"
