// The kiosk's flow without a server: the steps (the card step only with a reader, a card swiped
// early kept), the mobile number checked, a server that cannot be reached said as such and retried,
// reset forgetting the visitor; the request body; the ticket slip at the printer's 576 dots.

#include "kiosk/KioskFlow.h"
#include "kiosk/TicketSlip.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace ow;
using namespace ow::kiosk;
using namespace Qt::StringLiterals;

namespace {

/// A loopback port nobody listens on.
QUrl deadServer()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        qFatal("no free port");
    return QUrl(u"http://127.0.0.1:%1"_s.arg(probe.serverPort()));
}

drivers::idcard::IdCardData card()
{
    drivers::idcard::IdCardData data;
    data.name = u"张三"_s;
    data.idNumber = u"11010519491231002X"_s;
    data.address = u"北京市朝阳区"_s;
    data.nationCode = u"01"_s;
    return data;
}

} // namespace

class TestKioskFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepsWithAndWithoutReader();
    void cardSwipedEarlyIsKept();
    void mobileIsChecked();
    void unreachableServerSaysSoAndRetries();
    void resetForgetsTheVisitor();
    void greenChannelOnlyWhileChoosing();
    void requestBodyCarriesOnlyWhatTheCounterNeeds();
    void slipIsPrinterWide();
};

void TestKioskFlow::stepsWithAndWithoutReader()
{
    TicketIssuer issuer(deadServer(), u"key"_s);
    KioskFlow flow(issuer);
    QCOMPARE(flow.step(), KioskFlow::Step::Matter);
    flow.chooseMatter(u"330302-WJ-001"_s, u"公共场所卫生许可"_s);
    QCOMPARE(flow.step(), KioskFlow::Step::Card);
    flow.skipCard();
    QCOMPARE(flow.step(), KioskFlow::Step::Mobile);
    flow.back();
    QCOMPARE(flow.step(), KioskFlow::Step::Card);
    flow.back();
    QCOMPARE(flow.step(), KioskFlow::Step::Matter);

    flow.setCardStep(false); // no reader at this kiosk
    flow.chooseNotSure();
    QCOMPARE(flow.step(), KioskFlow::Step::Mobile);
    QVERIFY(flow.request().isNotSure());
    flow.back();
    QCOMPARE(flow.step(), KioskFlow::Step::Matter);
}

void TestKioskFlow::cardSwipedEarlyIsKept()
{
    TicketIssuer issuer(deadServer(), u"key"_s);
    KioskFlow flow(issuer);
    flow.cardRead(card());
    flow.chooseMatter(u"330302-WJ-001"_s, u"公共场所卫生许可"_s);
    QCOMPARE(flow.step(), KioskFlow::Step::Mobile); // the card step is already answered
    QCOMPARE(flow.request().card->idNumber, u"11010519491231002X"_s);
}

void TestKioskFlow::mobileIsChecked()
{
    TicketIssuer issuer(deadServer(), u"key"_s);
    KioskFlow flow(issuer);
    flow.setCardStep(false);
    flow.chooseNotSure();
    for (const QString &bad : {u""_s, u"1380013800"_s, u"12800138000"_s, u"0577-88001234"_s, u"abc"_s}) {
        const Result<void> entered = flow.enterMobile(bad);
        QVERIFY2(!entered, qPrintable(bad));
        QVERIFY(!entered.error().message().isEmpty());
        QCOMPARE(flow.step(), KioskFlow::Step::Mobile);
    }
    QVERIFY(flow.enterMobile(u"13800138000"_s));
    QCOMPARE(flow.request().mobile, u"13800138000"_s);
    QCOMPARE(flow.step(), KioskFlow::Step::Issuing);
}

void TestKioskFlow::unreachableServerSaysSoAndRetries()
{
    TicketIssuer issuer(deadServer(), u"key"_s);
    KioskFlow flow(issuer);
    flow.setCardStep(false);
    flow.chooseNotSure();
    flow.skipMobile();
    QCOMPARE(flow.step(), KioskFlow::Step::Issuing);
    QTRY_COMPARE(flow.step(), KioskFlow::Step::Failed);
    QVERIFY(flow.unreachable());
    QVERIFY2(!flow.failure().isEmpty(), qPrintable(flow.failure()));
    QVERIFY(!flow.ticket());
    QSignalSpy steps(&flow, &KioskFlow::stepChanged);
    flow.retry();
    QCOMPARE(steps.first().first().value<KioskFlow::Step>(), KioskFlow::Step::Issuing);
    QTRY_COMPARE(flow.step(), KioskFlow::Step::Failed);
}

void TestKioskFlow::resetForgetsTheVisitor()
{
    TicketIssuer issuer(deadServer(), u"key"_s);
    KioskFlow flow(issuer);
    flow.chooseMatter(u"330302-WJ-001"_s, u"公共场所卫生许可"_s);
    flow.cardRead(card());
    QVERIFY(flow.enterMobile(u"13800138000"_s));
    QTRY_COMPARE(flow.step(), KioskFlow::Step::Failed);
    flow.reset();
    QCOMPARE(flow.step(), KioskFlow::Step::Matter);
    QVERIFY(!flow.request().card);
    QVERIFY(flow.request().mobile.isEmpty());
    QVERIFY(flow.request().matter.isEmpty());
    QVERIFY(flow.failure().isEmpty());
}

void TestKioskFlow::greenChannelOnlyWhileChoosing()
{
    TicketIssuer issuer(deadServer(), u"key"_s);
    KioskFlow flow(issuer);
    QSignalSpy changed(&flow, &KioskFlow::greenChannelChanged);
    flow.setGreenChannel(true);
    QVERIFY(flow.request().greenChannel);
    QCOMPARE(changed.size(), 1);
    flow.chooseMatter(u"330302-WJ-001"_s, u"公共场所卫生许可"_s);
    flow.setGreenChannel(false); // past the first screen: the choice stands
    QVERIFY(flow.request().greenChannel);
    QCOMPARE(flow.request().toJson().value(u"priority"_s).toString(), u"green"_s);
    flow.reset(); // the next visitor starts as a walk-in, and the button says so
    QVERIFY(!flow.request().greenChannel);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.last().first().toBool(), false);
}

void TestKioskFlow::requestBodyCarriesOnlyWhatTheCounterNeeds()
{
    TicketRequest request;
    QCOMPARE(request.toJson(), (QJsonObject {{u"priority"_s, u"walk-in"_s}})); // 导服: no matter
    request.matter = u"330302-WJ-001"_s;
    request.mobile = u"13800138000"_s;
    request.card = card();
    const QJsonObject body = request.toJson();
    QCOMPARE(body.value(u"matter"_s).toString(), u"330302-WJ-001"_s);
    QCOMPARE(body.value(u"mobile"_s).toString(), u"13800138000"_s);
    QCOMPARE(
        body.value(u"idCard"_s).toObject().keys(), (QStringList {u"address"_s, u"idNumber"_s, u"name"_s}));
}

void TestKioskFlow::slipIsPrinterWide()
{
    TicketSlip::Content content;
    content.hallName = u"鹿城区行政服务中心"_s;
    content.ticket.id = 7;
    content.ticket.number = u"A012"_s;
    content.ticket.counter = u"W05"_s;
    content.ticket.ahead = 2;
    content.ticket.expectedWaitMinutes = 12;
    content.matterName = u"公共场所卫生许可"_s;
    content.follow = followUrl(QUrl(u"https://hall.example/"_s), u"33030201"_s, 7);
    QCOMPARE(content.follow.toString(), u"https://hall.example/display/33030201/tickets/7"_s);
    content.issuedLocal = QDateTime(QDate(2026, 3, 16), QTime(9, 30));
    const Result<QImage> slip = TicketSlip::render(content);
    QVERIFY(slip);
    QCOMPARE(slip->width(), 576);
    QCOMPARE(slip->format(), QImage::Format_Mono);
    QVERIFY(slip->height() > 600 && slip->height() < 1400);
    QCOMPARE(content.ticket.counterNumber(), 5);
    content.ticket.counter.clear();
    QCOMPARE(content.ticket.counterNumber(), 0);
}

QTEST_MAIN(TestKioskFlow)
#include "tst_kioskFlow.moc"
