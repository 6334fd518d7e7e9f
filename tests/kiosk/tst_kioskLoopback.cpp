// The kiosk's logic against a real onewindow-server on loopback: tickets issued through the queue
// API with the kiosk's credential (a matter of the published catalogue, 导服 without one, the ID
// card and mobile kept for the counter that calls it), a matter the catalogue does not have refused
// with the server's message, the server killed (the kiosk says it cannot reach it, nothing issued)
// and started again (the same request retried gives one ticket), and the ticket's public follow
// page showing the number, its state and the people ahead — nothing personal.

#include "../unit/ServerTestSupport.h"
#include "core/Clock.h"
#include "kiosk/KioskFlow.h"
#include "server/CredentialStore.h"
#include "server/ServerSchema.h"
#include "sync/CataloguePackage.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace ow;
using namespace ow::kiosk;
using namespace ow::server;
using namespace Qt::StringLiterals;
using ow::server::testing::ServerProcess;

namespace {

const QString kHall = u"33030201"_s;
const QString kMatter = u"330302-WJ-001"_s;

struct Reply
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

Reply request(
    const QByteArray &method, const QUrl &url, const QByteArray &body = {}, const QString &token = {})
{
    static QNetworkAccessManager network;
    QNetworkRequest http(url);
    http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!token.isEmpty())
        http.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    http.setTransferTimeout(30000);
    QNetworkReply *reply
        = method == "GET" ? network.get(http) : network.sendCustomRequest(http, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return result;
}

drivers::idcard::IdCardData card()
{
    drivers::idcard::IdCardData data;
    data.name = u"张三"_s;
    data.idNumber = u"11010519491231002X"_s;
    data.address = u"北京市朝阳区"_s;
    return data;
}

} // namespace

class TestKioskLoopback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void issuesWithMatterCardAndMobile();
    void notSureTicket();
    void greenChannelTicket();
    void unknownMatterRefused();
    void unreachableThenRetried();
    void followPageShowsNothingPersonal();

private:
    /// Runs the flow to the end with `setup` choosing; the step it ends in.
    KioskFlow::Step runFlow(KioskFlow &flow, const std::function<void(KioskFlow &)> &setup);

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QString m_kioskKey;
    QString m_counterKey;
    qint64 m_firstTicket = 0;
};

void TestKioskLoopback::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // On one fixed port, so the kiosk finds it again after a restart.
    m_server = std::make_unique<ServerProcess>(
        QStringLiteral(OW_SERVER_PATH), m_dir.filePath(u"data"_s), QString());
    m_server->keepPort();
    QVERIFY(m_server->start());
    Result<std::unique_ptr<storage::Database>> db
        = ServerSchema::open(u"sqlite:"_s + m_dir.filePath(u"data/server.db"_s));
    QVERIFY(db);
    CredentialStore credentials(**db, Clock());
    const Result<IssuedSecret> kioskCode = credentials.issueEnrolCode(kHall, u"K01"_s);
    const Result<IssuedSecret> counterCode = credentials.issueEnrolCode(kHall, u"W05"_s);
    const Result<IssuedSecret> publisher = credentials.issuePublisherKey(u"catalogue-office"_s);
    QVERIFY(kioskCode && counterCode && publisher);
    db->reset();
    const auto enrol = [this](const QString &code, const QString &machine) {
        return request("POST", m_server->url(u"/api/v1/enrol"_s),
            QJsonDocument(QJsonObject {{u"code"_s, code}, {u"machine"_s, machine}}).toJson())
            .json()
            .value(u"token"_s)
            .toString();
    };
    m_kioskKey = enrol(kioskCode->secret, u"K01"_s);
    m_counterKey = enrol(counterCode->secret, u"W05"_s);
    QVERIFY(!m_kioskKey.isEmpty() && !m_counterKey.isEmpty());
    // The package must carry the version the demo catalogue says it is.
    QFile header(QStringLiteral(OW_DEMO_CATALOGUE "/catalogue.txt"));
    QVERIFY(header.open(QIODevice::ReadOnly));
    const QString version
        = QRegularExpression(u"^\\s*version:\\s*(\\S+)"_s, QRegularExpression::MultilineOption)
              .match(QString::fromUtf8(header.readAll()))
              .captured(1);
    QVERIFY(!version.isEmpty());
    Result<sync::CataloguePackage> package = sync::CataloguePackage::fromDirectory(
        QStringLiteral(OW_DEMO_CATALOGUE), u"lucheng-demo"_s, version);
    QVERIFY(package);
    const Reply published = request("POST", m_server->url(u"/api/v1/catalogues"_s),
        QJsonDocument(package->toJson()).toJson(QJsonDocument::Compact), publisher->secret);
    QVERIFY2(published.status == 201, published.body.constData());
    const Reply opened = request("POST", m_server->url(u"/api/v1/queue/counters/W05"_s),
        QJsonDocument(QJsonObject {{u"state"_s, u"open"_s}, {u"clerk"_s, u"1001"_s}}).toJson(), m_counterKey);
    QVERIFY2(opened.status == 200, opened.body.constData());
}

KioskFlow::Step TestKioskLoopback::runFlow(KioskFlow &flow, const std::function<void(KioskFlow &)> &setup)
{
    setup(flow);
    if (!QTest::qWaitFor([&] { return flow.step() != KioskFlow::Step::Issuing; }, 30000))
        qFatal("the kiosk got no answer");
    return flow.step();
}

void TestKioskLoopback::issuesWithMatterCardAndMobile()
{
    TicketIssuer issuer(m_server->url(), m_kioskKey);
    KioskFlow flow(issuer);
    const KioskFlow::Step end = runFlow(flow, [](KioskFlow &f) {
        f.chooseMatter(kMatter, u"公共场所卫生许可"_s);
        f.cardRead(card());
        QVERIFY(f.enterMobile(u"13800138000"_s));
    });
    QVERIFY2(end == KioskFlow::Step::Ticket, qPrintable(flow.failure()));
    const IssuedTicket ticket = *flow.ticket();
    QCOMPARE(ticket.number, u"A001"_s);
    QCOMPARE(ticket.counter, u"W05"_s);
    QCOMPARE(ticket.ahead, 0);
    QVERIFY(!ticket.reason.isEmpty());
    m_firstTicket = ticket.id;

    // The counter that calls it gets the matter, the card and the mobile: nothing typed twice.
    const Reply called = request("POST", m_server->url(u"/api/v1/queue/counters/W05/call"_s),
        QJsonDocument(QJsonObject {{u"clerk"_s, u"1001"_s}}).toJson(), m_counterKey);
    const QJsonObject calledTicket = called.json().value(u"ticket"_s).toObject();
    QCOMPARE(qint64(calledTicket.value(u"id"_s).toDouble()), ticket.id);
    QCOMPARE(calledTicket.value(u"matter"_s).toString(), kMatter);
    QCOMPARE(calledTicket.value(u"mobile"_s).toString(), u"13800138000"_s);
    QCOMPARE(
        calledTicket.value(u"idCard"_s).toObject().value(u"idNumber"_s).toString(), u"11010519491231002X"_s);
}

void TestKioskLoopback::notSureTicket()
{
    TicketIssuer issuer(m_server->url(), m_kioskKey);
    KioskFlow flow(issuer);
    flow.setCardStep(false);
    const KioskFlow::Step end = runFlow(flow, [](KioskFlow &f) {
        f.chooseNotSure();
        f.skipMobile();
    });
    QVERIFY2(end == KioskFlow::Step::Ticket, qPrintable(flow.failure()));
    QCOMPARE(flow.ticket()->number, u"A002"_s);
    const Reply one = request(
        "GET", m_server->url(u"/api/v1/queue/tickets/%1"_s.arg(flow.ticket()->id)), {}, m_counterKey);
    QCOMPARE(one.json().value(u"matter"_s).toString(), QString());
}

void TestKioskLoopback::greenChannelTicket()
{
    TicketIssuer issuer(m_server->url(), m_kioskKey);
    KioskFlow flow(issuer);
    flow.setCardStep(false);
    const KioskFlow::Step end = runFlow(flow, [](KioskFlow &f) {
        f.setGreenChannel(true);
        f.chooseNotSure();
        f.skipMobile();
    });
    QVERIFY2(end == KioskFlow::Step::Ticket, qPrintable(flow.failure()));
    const Reply one = request(
        "GET", m_server->url(u"/api/v1/queue/tickets/%1"_s.arg(flow.ticket()->id)), {}, m_counterKey);
    QCOMPARE(one.json().value(u"priority"_s).toString(), u"green"_s);
}

void TestKioskLoopback::unknownMatterRefused()
{
    TicketIssuer issuer(m_server->url(), m_kioskKey);
    KioskFlow flow(issuer);
    flow.setCardStep(false);
    const KioskFlow::Step end = runFlow(flow, [](KioskFlow &f) {
        f.chooseMatter(u"330302-XX-999"_s, u"不存在的事项"_s);
        f.skipMobile();
    });
    QCOMPARE(end, KioskFlow::Step::Failed);
    QVERIFY(!flow.unreachable());
    QVERIFY2(flow.failure().contains(u"330302-XX-999"_s), qPrintable(flow.failure()));

    // A key that is not the hall's is refused, not mistaken for a server that is down.
    TicketIssuer stranger(m_server->url(), u"not-a-key"_s);
    KioskFlow other(stranger);
    other.setCardStep(false);
    QCOMPARE(
        runFlow(other, [](KioskFlow &f) { f.chooseNotSure(), f.skipMobile(); }), KioskFlow::Step::Failed);
    QVERIFY(!other.unreachable());
}

void TestKioskLoopback::unreachableThenRetried()
{
    TicketIssuer issuer(m_server->url(), m_kioskKey);
    KioskFlow flow(issuer);
    flow.setCardStep(false);
    m_server->kill();
    const KioskFlow::Step end = runFlow(flow, [](KioskFlow &f) {
        f.chooseNotSure();
        QVERIFY(f.enterMobile(u"13900139000"_s));
    });
    QCOMPARE(end, KioskFlow::Step::Failed);
    QVERIFY(flow.unreachable());

    QVERIFY(m_server->start());
    flow.retry();
    QVERIFY(QTest::qWaitFor([&] { return flow.step() != KioskFlow::Step::Issuing; }, 30000));
    QVERIFY2(flow.step() == KioskFlow::Step::Ticket, qPrintable(flow.failure()));
    QCOMPARE(flow.ticket()->number, u"A004"_s); // the failed attempt issued nothing
    const Reply list = request("GET", m_server->url(u"/api/v1/queue/tickets"_s), {}, m_counterKey);
    QCOMPARE(list.json().value(u"tickets"_s).toArray().size(), 4);
}

void TestKioskLoopback::followPageShowsNothingPersonal()
{
    QVERIFY(m_firstTicket != 0);
    const QUrl page = followUrl(m_server->url(), kHall, m_firstTicket);
    const Reply html = request("GET", page);
    QCOMPARE(html.status, 200);
    const Reply state = request("GET", QUrl(page.toString() + u"/state"_s));
    QCOMPARE(state.status, 200);
    const QJsonObject ticket = state.json();
    QCOMPARE(ticket.value(u"number"_s).toString(), u"A001"_s);
    QCOMPARE(ticket.value(u"state"_s).toString(), u"called"_s);
    QCOMPARE(
        ticket.keys(), (QStringList {u"ahead"_s, u"counter"_s, u"counterNumber"_s, u"number"_s, u"state"_s}));
    QVERIFY(!state.body.contains("13800138000") && !state.body.contains("11010519491231002X"));
    // Another hall's ticket, or none, is simply not there.
    QCOMPARE(request("GET",
                 QUrl(followUrl(m_server->url(), u"33030299"_s, m_firstTicket).toString() + u"/state"_s))
                 .status,
        404);
    QCOMPARE(
        request("GET", QUrl(followUrl(m_server->url(), kHall, 99999).toString() + u"/state"_s)).status, 404);
}

QTEST_MAIN(TestKioskLoopback)
#include "tst_kioskLoopback.moc"
