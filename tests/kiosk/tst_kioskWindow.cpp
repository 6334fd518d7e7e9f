// The kiosk's window driven by touch (mouse clicks on its keys and buttons) against a stand-in
// queue server: pinyin initials on the letter keys find the matter with the workstation's search,
// a card read moves on, a wrong mobile number is said, the ticket is shown with its slip and sent
// to the receipt printer (the devices' simulator); the queue server unreachable is said plainly.
// Screenshots at 1366×768 and 1080×1920 (portrait) for docs/screenshots/.

#include "catalogue/CatalogueLoader.h"
#include "core/Translations.h"
#include "devices/DeviceHub.h"
#include "devices/IdCardChannel.h"
#include "devices/ReceiptChannel.h"
#include "idcard/IdCardSimulator.h"
#include "kioskui/KioskWindow.h"

#include <QApplication>
#include <QDir>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::kiosk;
using namespace ow::kioskui;
using namespace Qt::StringLiterals;

namespace {

/// Answers every request with one issued ticket, as onewindow-server's POST /queue/tickets does;
/// keeps the bodies it received.
class StandInServer : public QObject
{
public:
    StandInServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        });
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            qFatal("no port for the stand-in server");
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }
    QList<QJsonObject> bodies;

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const qsizetype lengthAt = buffer.toLower().indexOf("content-length:");
        const qsizetype length = lengthAt < 0
            ? 0
            : buffer.mid(lengthAt + 15, buffer.indexOf('\r', lengthAt) - lengthAt - 15).trimmed().toInt();
        if (buffer.size() < end + 4 + length)
            return;
        bodies << QJsonDocument::fromJson(buffer.mid(end + 4, length)).object();
        const QByteArray answer = QJsonDocument(
            QJsonObject {{u"id"_s, 12}, {u"number"_s, u"A012"_s}, {u"counter"_s, u"W05"_s}, {u"ahead"_s, 2},
                {u"expectedWaitMinutes"_s, 12}, {u"reason"_s, u"前方 2 人，预计 12 分钟"_s},
                {u"issued"_s, u"2026-03-16T01:30:00.000Z"_s}})
                                      .toJson(QJsonDocument::Compact);
        socket->write(
            "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
            + QByteArray::number(answer.size()) + "\r\n\r\n" + answer);
        socket->disconnectFromHost();
        m_buffers.remove(socket);
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QPushButton *buttonNamed(QWidget &window, const QString &name)
{
    for (QPushButton *button : window.findChildren<QPushButton *>())
        if (button->accessibleName() == name && button->isVisible())
            return button;
    return nullptr;
}

QPushButton *key(QWidget &pad, const QString &text)
{
    for (QPushButton *button : pad.findChildren<QPushButton *>())
        if (button->text() == text)
            return button;
    return nullptr;
}

void saveScreenshot(QWidget &window, const QString &name)
{
    QString dir = qEnvironmentVariable("OW_SCREENSHOTS_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(OW_SCREENSHOT_DEFAULT_DIR);
    QDir().mkpath(dir);
    QVERIFY(window.grab().save(QDir(dir).filePath(name)));
}

} // namespace

class TestKioskWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void takeATicketByTouch();
    void portrait();
    void serverUnreachable();

private:
    std::unique_ptr<catalogue::MatterSearch> m_search;
    QTemporaryDir m_dir;
};

void TestKioskWindow::initTestCase()
{
    QVERIFY(installTranslations(*qApp, u"zh_CN"_s)); // the kiosk speaks Chinese first
    catalogue::CatalogueLoader::Outcome loaded
        = catalogue::CatalogueLoader::load(QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"));
    QVERIFY(loaded.catalogue);
    m_search = std::make_unique<catalogue::MatterSearch>(loaded.catalogue);
}

void TestKioskWindow::takeATicketByTouch()
{
    StandInServer server;
    TicketIssuer issuer(server.url(), u"kiosk-key"_s);
    KioskFlow flow(issuer);
    devices::DeviceHub hub;
    QSettings devices(m_dir.filePath(u"devices.ini"_s), QSettings::IniFormat);
    devices.setValue(u"receipt/connection"_s, u"simulator"_s);
    devices.setValue(u"idcard/connection"_s, u"simulator"_s);
    devices.sync();
    QVERIFY(hub.applyFrom(devices));
    QVERIFY(hub.receipt() && hub.receipt()->simulator());
    KioskWindow window(flow, *m_search, &hub,
        {u"鹿城区行政服务中心"_s, u"33030201"_s, QUrl(u"https://hall.example"_s), QString(), 60000});
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Every page fits a 1366×768 screen.
    QVERIFY2(window.minimumSizeHint().width() <= 1366 && window.minimumSizeHint().height() <= 768,
        qPrintable(u"%1×%2"_s.arg(window.minimumSizeHint().width()).arg(window.minimumSizeHint().height())));
    QCOMPARE(window.size(), QSize(1366, 768));

    auto *letters = window.findChild<QWidget *>(u"letterPad"_s);
    QVERIFY(letters);
    for (const QString &letter : {u"G"_s, u"G"_s, u"C"_s, u"S"_s})
        QTest::mouseClick(key(*letters, letter), Qt::LeftButton);
    QCOMPARE(window.findChild<QLineEdit *>(u"matterQuery"_s)->text(), u"ggcs"_s);
    auto *green = window.findChild<QPushButton *>(u"greenChannel"_s);
    QVERIFY(green && green->isVisible());
    QTest::mouseClick(green, Qt::LeftButton);
    QVERIFY(green->isChecked());
    QVERIFY(flow.request().greenChannel);
    QPushButton *hit = nullptr;
    for (QPushButton *button : window.findChildren<QPushButton *>(u"kioskHit"_s))
        if (button->isVisible() && button->text().contains(u"公共场所"_s) && !hit)
            hit = button;
    QVERIFY2(hit, "no hit for ggcs");
    saveScreenshot(window, u"kiosk-1-matter.png"_s);
    const QString matter = hit->text();
    QTest::mouseClick(hit, Qt::LeftButton);
    QCOMPARE(flow.step(), KioskFlow::Step::Card);
    saveScreenshot(window, u"kiosk-2-card.png"_s);
    // The card on the (simulated) reader reaches the flow through the devices, as at the workstation.
    QVERIFY(hub.idCard() && hub.idCard()->simulator());
    hub.idCard()->simulator()->placeCard(drivers::idcard::IdCardSimulator::sampleCard());
    QTRY_COMPARE(flow.step(), KioskFlow::Step::Mobile);

    auto *digits = window.findChild<QWidget *>(u"digitPad"_s);
    for (const QChar digit : u"1380013800"_s)
        QTest::mouseClick(key(*digits, QString(digit)), Qt::LeftButton);
    QTest::mouseClick(buttonNamed(window, u"takeTicket"_s), Qt::LeftButton);
    QCOMPARE(flow.step(), KioskFlow::Step::Mobile); // ten digits: refused, said on screen
    QVERIFY(!window.findChild<QLabel *>(u"kioskError"_s)->text().isEmpty());
    QTest::mouseClick(key(*digits, u"0"_s), Qt::LeftButton);
    saveScreenshot(window, u"kiosk-3-mobile.png"_s);
    QTest::mouseClick(buttonNamed(window, u"takeTicket"_s), Qt::LeftButton);
    QTRY_COMPARE(flow.step(), KioskFlow::Step::Ticket);

    QCOMPARE(server.bodies.size(), 1);
    QCOMPARE(server.bodies.first().value(u"mobile"_s).toString(), u"13800138000"_s);
    QCOMPARE(server.bodies.first().value(u"idCard"_s).toObject().value(u"name"_s).toString(), u"张三"_s);
    QVERIFY(!server.bodies.first().value(u"matter"_s).toString().isEmpty());
    QCOMPARE(server.bodies.first().value(u"priority"_s).toString(), u"green"_s);
    QCOMPARE(window.findChild<QLabel *>(u"ticketNumber"_s)->text(), u"A012"_s);
    QCOMPARE(window.findChild<QLabel *>(u"ticketCounter"_s)->text(), u"请到 5 号窗口"_s);
    QCOMPARE(window.lastSlip().width(), 576);
    QTRY_COMPARE(hub.receipt()->simulator()->jobs().size(), 1); // printed on the 80 mm printer
    QCOMPARE(window.size(), QSize(1366, 768));
    saveScreenshot(window, u"kiosk-4-ticket.png"_s);
    QVERIFY(window.lastSlip().save(QDir(m_dir.path()).filePath(u"slip.png"_s)));
    Q_UNUSED(matter)

    QTest::mouseClick(buttonNamed(window, u"done"_s), Qt::LeftButton);
    QCOMPARE(flow.step(), KioskFlow::Step::Matter);
    QVERIFY(!flow.request().card); // nothing of this visitor is left for the next
    QVERIFY(!flow.request().greenChannel);
    QVERIFY(!green->isChecked());
    QVERIFY(window.findChild<QLineEdit *>(u"mobile"_s)->text().isEmpty());
}

void TestKioskWindow::portrait()
{
    StandInServer server;
    TicketIssuer issuer(server.url(), u"kiosk-key"_s);
    KioskFlow flow(issuer);
    KioskWindow window(flow, *m_search, nullptr, {u"鹿城区行政服务中心"_s, {}, {}, {}, 60000});
    window.resize(1080, 1920);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *letters = window.findChild<QWidget *>(u"letterPad"_s);
    for (const QString &letter : {u"Y"_s, u"Y"_s, u"Z"_s, u"Z"_s})
        QTest::mouseClick(key(*letters, letter), Qt::LeftButton);
    QCOMPARE(window.size(), QSize(1080, 1920));
    saveScreenshot(window, u"kiosk-portrait.png"_s);
}

void TestKioskWindow::serverUnreachable()
{
    QUrl dead;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        dead = QUrl(u"http://127.0.0.1:%1"_s.arg(probe.serverPort()));
    }
    TicketIssuer issuer(dead, u"kiosk-key"_s);
    KioskFlow flow(issuer);
    flow.setCardStep(false);
    KioskWindow window(flow, *m_search, nullptr, {u"鹿城区行政服务中心"_s, {}, {}, {}, 60000});
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::mouseClick(window.findChild<QPushButton *>(u"notSure"_s), Qt::LeftButton);
    QTest::mouseClick(buttonNamed(window, u"skipMobile"_s), Qt::LeftButton);
    QTRY_COMPARE(flow.step(), KioskFlow::Step::Failed);
    const QString said = window.findChildren<QLabel *>(u"kioskTitle"_s).last()->text();
    QVERIFY2(said.contains(u"无法连接排队叫号服务器"_s), qPrintable(said));
    saveScreenshot(window, u"kiosk-unreachable.png"_s);
    QVERIFY(buttonNamed(window, u"retry"_s));
}

QTEST_MAIN(TestKioskWindow)
#include "tst_kioskWindow.moc"
