// The hall's queue on the server, without HTTP: two counters calling at the same moment on their
// own connections never get the same ticket; refusals (unknown matter, closed or paused counter,
// clerk not logged in) through the API handler; appointments; the three SMS queued once each;
// tickets surviving a reopened database; a day of 200 tickets over 3 counters served exactly once.
// Runs on SQLite, and as tst_queueServer_postgres on the PostgreSQL of OW_TEST_POSTGRES.

#include "ServerDatabaseSupport.h"
#include "core/ManualClock.h"
#include "server/Api.h"
#include "server/QueueRepository.h"
#include "server/ServerSchema.h"
#include "sync/CataloguePackage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <mutex>

using namespace ow;
using namespace ow::server;
using namespace ow::queue;
using namespace Qt::StringLiterals;

namespace {

const QString kHall = u"33030201"_s;

} // namespace

class TestQueueServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void concurrentCallsNeverShareATicket();
    void refusals();
    void callsFollowPriorityAndSmsOnce();
    void appointmentBecomesTicket();
    void arrivalsAtOnceGiveOneTicket();
    void keyActsForItsOwnCounterOnly();
    void earlierDaysLeaveTheLine();
    void reopenedDatabaseLosesNoTicket();
    void dayOfTwoHundredTickets();

private:
    ApiReply send(QueueApi &api, const QByteArray &method, const QString &path, const QJsonObject &body = {},
        const QString &counter = u"W01"_s);
    Credential workstation(const QString &counter) const;
    /// Publishes the demo catalogue, so matters can be checked.
    void publishDemo(CatalogueRepository &catalogues);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    ManualClock m_clock {QDateTime(QDate(2026, 3, 2), QTime(1, 0), Qt::UTC), 10};
};

void TestQueueServer::initTestCase()
{
    if (testing::postgresMissing())
        QSKIP("PostgreSQL tests need OW_TEST_POSTGRES; run them with scripts/with-postgres ctest -R "
              "tst_queueServer_postgres");
}

void TestQueueServer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Result<std::unique_ptr<storage::Database>> db = testing::freshServerDatabase(*m_dir);
    QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().toString()));
    m_db = std::move(*db);
}

void TestQueueServer::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

Credential TestQueueServer::workstation(const QString &counter) const
{
    Credential credential;
    credential.id = u"ws-"_s + counter;
    credential.hall = kHall;
    credential.counter = counter;
    return credential;
}

ApiReply TestQueueServer::send(QueueApi &api, const QByteArray &method, const QString &path,
    const QJsonObject &body, const QString &counter)
{
    ApiRequest r;
    r.method = method;
    const QUrl url(u"http://x/"_s + path);
    r.path = url.path();
    r.query = QUrlQuery(url.query());
    if (!body.isEmpty())
        r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const ApiReply reply = api.handle(r, path.section(u'?', 0, 0).split(u'/'), workstation(counter));
    m_db->finishStatements();
    return reply;
}

void TestQueueServer::publishDemo(CatalogueRepository &catalogues)
{
    Result<sync::CataloguePackage> package = sync::CataloguePackage::fromDirectory(
        QStringLiteral(OW_DEMO_CATALOGUE), u"lucheng-demo"_s, u"2026.11.2"_s);
    QVERIFY(package);
    Result<CatalogueRepository::Outcome> published
        = catalogues.publish(*package, QJsonDocument(package->toJson()).toJson(QJsonDocument::Compact));
    QVERIFY2(published, published ? "" : qPrintable(published.error().toString()));
    QCOMPARE(published->status, CatalogueRepository::Outcome::Status::Published);
    m_db->finishStatements();
}

void TestQueueServer::concurrentCallsNeverShareATicket()
{
    const QueueRules rules;
    QueueRepository queue(*m_db, rules, m_clock.clock());
    constexpr int kTickets = 80;
    for (int i = 0; i < kTickets; ++i) {
        Ticket request;
        request.area = u"A"_s;
        Result<Ticket> issued = queue.issue(kHall, request);
        QVERIFY2(issued, issued ? "" : qPrintable(issued.error().toString()));
    }
    QVERIFY(queue.setCounter(kHall, u"W01"_s, CounterState::Open, u"1001"_s, {}, {}));
    QVERIFY(queue.setCounter(kHall, u"W02"_s, CounterState::Open, u"1002"_s, {}, {}));
    m_db->finishStatements();
    // Each counter on its own connection in its own thread, calling as fast as it can: the next
    // call finishes the ticket before, so neither waits for the other's visitors.
    std::mutex lock;
    QList<qint64> calledIds;
    QStringList failures;
    const QString where = testing::serverDatabaseSpec(*m_dir);
    const Clock clock = m_clock.clock();
    auto counterLoop = [&](const QString &counter) {
        Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(where);
        if (!db) {
            const std::lock_guard guard(lock);
            failures.append(db.error().toString());
            return;
        }
        QueueRepository own(**db, rules, clock);
        for (int round = 0; round < kTickets; ++round) {
            Result<QueueRepository::Called> called = own.callNext(kHall, counter, QString());
            if (!called) {
                const std::lock_guard guard(lock);
                failures.append(called.error().toString());
                return;
            }
            if (!called->ticket)
                return;
            if (Result<Ticket> served
                = own.act(kHall, called->ticket->id, QueueRepository::Action::Serve, counter);
                !served) {
                const std::lock_guard guard(lock);
                failures.append(served.error().toString());
                return;
            }
            const std::lock_guard guard(lock);
            calledIds.append(called->ticket->id);
        }
    };
    std::unique_ptr<QThread> first(QThread::create(counterLoop, u"W01"_s));
    std::unique_ptr<QThread> second(QThread::create(counterLoop, u"W02"_s));
    first->start();
    second->start();
    QVERIFY(first->wait(120000));
    QVERIFY(second->wait(120000));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"; "_s)));
    QCOMPARE(calledIds.size(), kTickets);
    QCOMPARE(QSet<qint64>(calledIds.cbegin(), calledIds.cend()).size(), kTickets);
    Result<QList<Ticket>> all = queue.tickets(kHall, QueueRepository::dayOf(m_clock.now()));
    QVERIFY(all);
    for (const Ticket &ticket : *all)
        QCOMPARE(ticket.callCount, 1);
}

void TestQueueServer::refusals()
{
    CatalogueRepository catalogues(*m_db, m_dir->filePath(u"catalogues"_s), m_clock.clock());
    QueueApi api(*m_db, catalogues, QueueRules(), m_clock.clock());
    // No catalogue yet: a matter cannot be checked, so it is refused.
    ApiReply reply = send(api, "POST", u"tickets"_s, {{u"matter"_s, u"330302-GA-001"_s}});
    QCOMPARE(reply.status, 422);
    publishDemo(catalogues);
    reply = send(api, "POST", u"tickets"_s, {{u"matter"_s, u"330302-XX-999"_s}});
    QVERIFY2(reply.status == 422, reply.body.constData());
    QVERIFY(reply.body.contains("330302-XX-999"));
    reply = send(api, "POST", u"tickets"_s, {{u"bundle"_s, u"no-such-bundle"_s}});
    QCOMPARE(reply.status, 422);
    reply = send(api, "POST", u"tickets"_s, {{u"mobile"_s, u"12345"_s}});
    QCOMPARE(reply.status, 422);
    reply = send(api, "POST", u"tickets"_s, {{u"area"_s, u"Z"_s}});
    QCOMPARE(reply.status, 422);
    reply = send(api, "POST", u"tickets"_s, {{u"priority"_s, u"appointment"_s}});
    QCOMPARE(reply.status, 422);
    reply = send(api, "POST", u"tickets"_s,
        {{u"matter"_s, u"330302-GA-001"_s}, {u"bundle"_s, u"printing-enterprise"_s},
            {u"mobile"_s, u"13800138000"_s}});
    QCOMPARE(reply.status, 201);
    // A counter never opened is closed.
    reply = send(api, "POST", u"counters/W01/call"_s);
    QCOMPARE(reply.status, 409);
    QCOMPARE(QJsonDocument::fromJson(reply.body).object()[u"error"_s][u"code"_s].toString(), u"refused"_s);
    QVERIFY(reply.body.contains("closed"));
    // Opening needs the clerk.
    QCOMPARE(send(api, "POST", u"counters/W01"_s, {{u"state"_s, u"open"_s}}).status, 409);
    QCOMPARE(
        send(api, "POST", u"counters/W01"_s, {{u"state"_s, u"open"_s}, {u"clerk"_s, u"1001"_s}}).status, 200);
    // Another clerk's call is refused; the logged-in clerk's goes through.
    reply = send(api, "POST", u"counters/W01/call"_s, {{u"clerk"_s, u"1002"_s}});
    QCOMPARE(reply.status, 409);
    QVERIFY(reply.body.contains("not logged in"));
    QCOMPARE(send(api, "POST", u"counters/W01"_s, {{u"state"_s, u"paused"_s}}).status, 200);
    reply = send(api, "POST", u"counters/W01/call"_s, {{u"clerk"_s, u"1001"_s}});
    QCOMPARE(reply.status, 409);
    QVERIFY(reply.body.contains("paused"));
    QCOMPARE(
        send(api, "POST", u"counters/W01"_s, {{u"state"_s, u"open"_s}, {u"clerk"_s, u"1001"_s}}).status, 200);
    reply = send(api, "POST", u"counters/W01/call"_s, {{u"clerk"_s, u"1001"_s}});
    QCOMPARE(reply.status, 200);
    const QJsonObject ticket = QJsonDocument::fromJson(reply.body).object()[u"ticket"_s].toObject();
    QCOMPARE(ticket[u"number"_s].toString(), u"A001"_s);
    QCOMPARE(ticket[u"mobile"_s].toString(), u"13800138000"_s); // to the counter that called it
    const QString id = QString::number(ticket[u"id"_s].toInteger());
    // Another counter sees the ticket without its personal data, and may not move it.
    reply = send(api, "GET", u"tickets/"_s + id, {}, u"W02"_s);
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.body.contains("13800138000"));
    QCOMPARE(send(api, "POST", u"tickets/"_s + id + u"/serve"_s, {}, u"W02"_s).status, 409);
    QCOMPARE(send(api, "POST", u"tickets/999999/serve"_s).status, 404);
    // A called ticket with calls left holds the counter.
    QCOMPARE(send(api, "POST", u"counters/W01/call"_s).status, 409);
    QCOMPARE(QueueApi::bodyLimit("POST", u"/api/v1/queue/tickets"), QueueApi::kMaxTicketBody);
    QCOMPARE(Api::bodyLimit("POST", u"/api/v1/queue/counters/W01/call"), QueueApi::kMaxBody);
}

void TestQueueServer::callsFollowPriorityAndSmsOnce()
{
    QueueRules rules;
    rules.recallAfterMinutes = 0;
    QueueRepository queue(*m_db, rules, m_clock.clock());
    QVERIFY(queue.setCounter(kHall, u"W05"_s, CounterState::Open, u"1001"_s, {}, {}));
    const QStringList mobiles {u"13800000001"_s, u"13800000002"_s, u"13800000003"_s};
    QList<qint64> ids;
    for (const QString &mobile : mobiles) {
        Ticket request;
        request.area = u"A"_s;
        request.mobile = mobile;
        Result<Ticket> issued = queue.issue(kHall, request);
        QVERIFY(issued);
        QCOMPARE(issued->counter, u"W05"_s);
        ids.append(issued->id);
    }
    Ticket green;
    green.area = u"A"_s;
    green.priority = PriorityClass::Green;
    green.mobile = u"13800000004"_s;
    Result<Ticket> greenTicket = queue.issue(kHall, green);
    QVERIFY(greenTicket);
    QCOMPARE(greenTicket->ahead, 0);
    Result<QueueRepository::Called> first = queue.callNext(kHall, u"W05"_s, u"1001"_s);
    QVERIFY(first && first->ticket);
    QCOMPARE(first->ticket->id, greenTicket->id);
    // Calls and recalls: the called SMS goes out once, however often the ticket is called.
    QVERIFY(queue.act(kHall, greenTicket->id, QueueRepository::Action::Recall, u"W05"_s));
    QVERIFY(queue.act(kHall, greenTicket->id, QueueRepository::Action::Recall, u"W05"_s));
    Result<Ticket> fourth = queue.act(kHall, greenTicket->id, QueueRepository::Action::Recall, u"W05"_s);
    QVERIFY(!fourth);
    QCOMPARE(fourth.error().code(), Error::Code::Invalid);
    // Three calls used: the next call makes it a no-show and calls the first walk-in.
    Result<QueueRepository::Called> second = queue.callNext(kHall, u"W05"_s, QString());
    QVERIFY(second && second->ticket);
    QCOMPARE(second->ticket->id, ids.at(0));
    QCOMPARE(second->finished, QList<qint64> {greenTicket->id});
    QCOMPARE((*queue.ticket(kHall, greenTicket->id))->state, TicketState::NoShow);
    Result<QVariant> smsCount
        = m_db->scalar(u"SELECT COUNT(*) FROM queue_sms WHERE ticket_id = ?"_s, {greenTicket->id});
    // issued, next (first in line from the start: 前方还有 0 人), called
    QCOMPARE(smsCount->toInt(), 3);
    Result<QVariant> greenNext = m_db->scalar(
        u"SELECT text FROM queue_sms WHERE kind = 'next' AND ticket_id = ?"_s, {greenTicket->id});
    QCOMPARE(greenNext->toString(), u"A004 号：前方还有 0 人，请到 5 号窗口附近等候。"_s);
    // The ticket with one person ahead got its "next" message: A003 behind A002 once A001 was called.
    Result<QVariant> next
        = m_db->scalar(u"SELECT text FROM queue_sms WHERE kind = 'next' AND ticket_id = ?"_s, {ids.at(2)});
    QVERIFY(next);
    QCOMPARE(next->toString(), u"A003 号：前方还有 1 人，请到 5 号窗口附近等候。"_s);
    Result<QVariant> calledText
        = m_db->scalar(u"SELECT text FROM queue_sms WHERE kind = 'called' AND ticket_id = ?"_s, {ids.at(0)});
    QCOMPARE(calledText->toString(), u"请 A001 号到 5 号窗口办理。"_s);
    m_db->finishStatements();
}

void TestQueueServer::arrivalsAtOnceGiveOneTicket()
{
    const QueueRules rules;
    QueueRepository queue(*m_db, rules, m_clock.clock());
    QList<QString> ids;
    const QDateTime now = m_clock.now();
    for (int i = 0; i < 20; ++i) {
        QueueRepository::Appointment appointment;
        appointment.from = now.addSecs(-600);
        appointment.to = now.addSecs(1800);
        Result<QueueRepository::Appointment> booked = queue.book(kHall, appointment);
        QVERIFY2(booked, booked ? "" : qPrintable(booked.error().toString()));
        ids.append(booked->id);
    }
    m_db->finishStatements();
    // The kiosk and a counter report the same visitors' arrival at the same moment, each on its
    // own connection: every appointment still gives one ticket, the same to both.
    std::mutex lock;
    QHash<QString, QSet<qint64>> tickets;
    QStringList failures;
    const QString where = testing::serverDatabaseSpec(*m_dir);
    const Clock clock = m_clock.clock();
    auto arrivals = [&] {
        Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(where);
        if (!db) {
            const std::lock_guard guard(lock);
            failures.append(db.error().toString());
            return;
        }
        QueueRepository own(**db, rules, clock);
        for (const QString &id : std::as_const(ids)) {
            Result<Ticket> arrived = own.arrive(kHall, id);
            const std::lock_guard guard(lock);
            if (!arrived)
                failures.append(arrived.error().toString());
            else
                tickets[id].insert(arrived->id);
        }
    };
    std::unique_ptr<QThread> first(QThread::create(arrivals));
    std::unique_ptr<QThread> second(QThread::create(arrivals));
    first->start();
    second->start();
    QVERIFY(first->wait(120000));
    QVERIFY(second->wait(120000));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"; "_s)));
    for (const QString &id : std::as_const(ids))
        QCOMPARE(tickets.value(id).size(), 1);
    Result<QList<Ticket>> all = queue.tickets(kHall, QueueRepository::dayOf(now));
    QVERIFY(all);
    QCOMPARE(all->size(), ids.size());
}

void TestQueueServer::keyActsForItsOwnCounterOnly()
{
    CatalogueRepository catalogues(*m_db, m_dir->filePath(u"catalogues"_s), m_clock.clock());
    QueueApi api(*m_db, catalogues, QueueRules(), m_clock.clock());
    const QJsonObject open {{u"state"_s, u"open"_s}, {u"clerk"_s, u"1001"_s}};
    // W02's key can neither open W01 nor call there.
    QCOMPARE(send(api, "POST", u"counters/W01"_s, open, u"W02"_s).status, 403);
    QCOMPARE(send(api, "POST", u"counters/W01"_s, open).status, 200);
    QCOMPARE(send(api, "POST", u"tickets"_s).status, 201);
    ApiReply reply = send(api, "POST", u"counters/W01/call"_s, {{u"clerk"_s, u"1001"_s}}, u"W02"_s);
    QCOMPARE(reply.status, 403);
    QVERIFY2(reply.body.contains("W02"), reply.body.constData());
    reply = send(api, "POST", u"counters/W01/call"_s, {{u"clerk"_s, u"1001"_s}});
    QCOMPARE(reply.status, 200);
    const QString id
        = QString::number(QJsonDocument::fromJson(reply.body).object()[u"ticket"_s][u"id"_s].toInteger());
    // Nor move W01's ticket by naming W01 in the body.
    QCOMPARE(
        send(api, "POST", u"tickets/"_s + id + u"/no-show"_s, {{u"counter"_s, u"W01"_s}}, u"W02"_s).status,
        403);
    QCOMPARE(send(api, "POST", u"tickets/"_s + id + u"/serve"_s, {{u"counter"_s, u"W01"_s}}).status, 200);
}

void TestQueueServer::earlierDaysLeaveTheLine()
{
    const QueueRules rules;
    QueueRepository queue(*m_db, rules, m_clock.clock());
    QVERIFY(queue.setCounter(kHall, u"W01"_s, CounterState::Open, u"1001"_s, {}, {}));
    for (int i = 0; i < 3; ++i) {
        Ticket request;
        request.area = u"A"_s;
        QVERIFY(queue.issue(kHall, request));
    }
    Result<QueueRepository::Called> called = queue.callNext(kHall, u"W01"_s, u"1001"_s);
    QVERIFY(called && called->ticket);
    const QDate yesterday = QueueRepository::dayOf(m_clock.now());

    // The hall closes with two waiting and one called; the next morning none of them is in the line.
    m_clock.advance(24 * 60 * 60 * 1000);
    const QDate today = QueueRepository::dayOf(m_clock.now());
    QVERIFY(today > yesterday);
    Result<QList<Ticket>> line = queue.tickets(kHall, today, true);
    QVERIFY(line);
    QVERIFY(line->isEmpty());
    Ticket request;
    request.area = u"A"_s;
    Result<Ticket> first = queue.issue(kHall, request);
    QVERIFY2(first, first ? "" : qPrintable(first.error().toString()));
    QCOMPARE(first->number, u"A001"_s);
    QCOMPARE(first->ahead, 0); // nobody of yesterday's before it
    // W01's called ticket of yesterday no longer holds the counter; today's ticket is called.
    called = queue.callNext(kHall, u"W01"_s, u"1001"_s);
    QVERIFY2(called, called ? "" : qPrintable(called.error().toString()));
    QVERIFY(called->ticket);
    QCOMPARE(called->ticket->id, first->id);
    // Yesterday's tickets are kept in its history, as no-shows.
    Result<QList<Ticket>> history = queue.tickets(kHall, yesterday, false);
    QVERIFY(history);
    QCOMPARE(history->size(), 3);
    for (const Ticket &ticket : *history) {
        QCOMPARE(ticket.state, TicketState::NoShow);
        QVERIFY(ticket.finished.isValid());
    }
}

void TestQueueServer::appointmentBecomesTicket()
{
    CatalogueRepository catalogues(*m_db, m_dir->filePath(u"catalogues"_s), m_clock.clock());
    publishDemo(catalogues);
    QueueApi api(*m_db, catalogues, QueueRules(), m_clock.clock());
    QCOMPARE(
        send(api, "POST", u"counters/W01"_s, {{u"state"_s, u"open"_s}, {u"clerk"_s, u"1001"_s}}).status, 200);
    QCOMPARE(send(api, "POST", u"tickets"_s).status, 201); // a walk-in first
    const QDateTime now = m_clock.now();
    ApiReply reply = send(api, "POST", u"appointments"_s,
        {{u"matter"_s, u"330302-GA-001"_s}, {u"from"_s, now.addSecs(-600).toString(Qt::ISODate)},
            {u"to"_s, now.addSecs(1800).toString(Qt::ISODate)}, {u"mobile"_s, u"13900000000"_s},
            {u"reference"_s, u"12345-0001"_s}});
    QCOMPARE(reply.status, 201);
    const QString id = QJsonDocument::fromJson(reply.body).object()[u"id"_s].toString();
    QCOMPARE(send(api, "POST", u"appointments"_s,
                 {{u"matter"_s, u"330302-XX-000"_s}, {u"from"_s, now.toString(Qt::ISODate)},
                     {u"to"_s, now.addSecs(600).toString(Qt::ISODate)}})
                 .status,
        422);
    QCOMPARE(send(api, "POST", u"appointments"_s,
                 {{u"matter"_s, u"330302-GA-001"_s}, {u"from"_s, now.toString(Qt::ISODate)},
                     {u"to"_s, now.addSecs(-600).toString(Qt::ISODate)}})
                 .status,
        422);
    reply = send(api, "POST", u"appointments/"_s + id + u"/arrive"_s);
    QCOMPARE(reply.status, 201);
    const QJsonObject ticket = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(ticket[u"priority"_s].toString(), u"appointment"_s);
    QCOMPARE(ticket[u"number"_s].toString(), u"A002"_s);
    // Arriving twice gives the same ticket.
    QCOMPARE(QJsonDocument::fromJson(send(api, "POST", u"appointments/"_s + id + u"/arrive"_s).body)
                 .object()[u"id"_s]
                 .toInteger(),
        ticket[u"id"_s].toInteger());
    // Inside its window it is called before the walk-in who came first.
    reply = send(api, "POST", u"counters/W01/call"_s);
    QCOMPARE(QJsonDocument::fromJson(reply.body).object()[u"ticket"_s][u"number"_s].toString(), u"A002"_s);
    const QJsonArray list = QJsonDocument::fromJson(send(api, "GET", u"appointments"_s).body)
                                .object()[u"appointments"_s]
                                .toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0)[u"state"_s].toString(), u"arrived"_s);
}

void TestQueueServer::reopenedDatabaseLosesNoTicket()
{
    {
        QueueRepository queue(*m_db, QueueRules(), m_clock.clock());
        QVERIFY(queue.setCounter(kHall, u"W01"_s, CounterState::Open, u"1001"_s, {}, {}));
        for (int i = 0; i < 5; ++i) {
            Ticket request;
            request.area = u"A"_s;
            QVERIFY(queue.issue(kHall, request));
        }
        Result<QueueRepository::Called> called = queue.callNext(kHall, u"W01"_s, QString());
        QVERIFY(called && called->ticket);
        m_db->finishStatements();
    }
    m_db.reset();
    Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(testing::serverDatabaseSpec(*m_dir));
    QVERIFY(db);
    QVERIFY(ServerSchema::migrate(**db));
    m_db = std::move(*db);
    QueueRepository queue(*m_db, QueueRules(), m_clock.clock());
    Result<QList<Ticket>> tickets = queue.tickets(kHall, QueueRepository::dayOf(m_clock.now()));
    QVERIFY(tickets);
    QCOMPARE(tickets->size(), 5);
    QCOMPARE(tickets->at(0).state, TicketState::Called);
    QCOMPARE((*queue.counters(kHall)).constFirst().state, CounterState::Open);
    // Numbering goes on where it stopped.
    Ticket request;
    request.area = u"A"_s;
    QCOMPARE(queue.issue(kHall, request)->number, u"A006"_s);
}

void TestQueueServer::dayOfTwoHundredTickets()
{
    QueueRules rules;
    rules.stealing = true;
    QueueRepository queue(*m_db, rules, m_clock.clock());
    const QStringList counters {u"W01"_s, u"W02"_s, u"W03"_s};
    for (const QString &counter : counters)
        QVERIFY(queue.setCounter(kHall, counter, CounterState::Open, u"1"_s + counter, {}, {}));
    QRandomGenerator random(20260302);
    QHash<qint64, int> served;
    int issued = 0;
    // Tickets arrive while the counters work; each step a counter finishes its visitor and calls.
    for (int step = 0; issued < 200 || step < 2000; ++step) {
        if (issued < 200 && random.bounded(3) != 0) {
            Ticket request;
            request.area = u"A"_s;
            const int kind = random.bounded(10);
            request.priority = kind == 0 ? PriorityClass::Green : PriorityClass::WalkIn;
            QVERIFY(queue.issue(kHall, request));
            ++issued;
        }
        m_clock.advance(30000);
        const QString &counter = counters.at(random.bounded(3));
        Result<QueueRepository::Called> called = queue.callNext(kHall, counter, QString());
        QVERIFY2(called, called ? "" : qPrintable(called.error().toString()));
        if (called->ticket) {
            QVERIFY(queue.act(kHall, called->ticket->id, QueueRepository::Action::Serve, counter));
            served[called->ticket->id] += 1;
        } else if (issued == 200) {
            // Nobody waits anywhere for this counter: with stealing on, nobody waits at all.
            Result<QList<Ticket>> waiting = queue.tickets(kHall, QDate(), true);
            QVERIFY(waiting);
            bool anyIssued = false;
            for (const Ticket &ticket : *waiting)
                anyIssued = anyIssued || ticket.state == TicketState::Issued;
            QVERIFY(!anyIssued);
            break;
        }
    }
    for (const QString &counter : counters)
        QVERIFY(queue.callNext(kHall, counter, QString())); // finishes the last ones
    QCOMPARE(served.size(), 200);
    for (auto it = served.cbegin(); it != served.cend(); ++it)
        QCOMPARE(it.value(), 1);
    Result<QList<Ticket>> all = queue.tickets(kHall, QueueRepository::dayOf(m_clock.now()));
    QVERIFY(all);
    QCOMPARE(all->size(), 200);
    for (const Ticket &ticket : *all)
        QCOMPARE(ticket.state, TicketState::Done);
    m_db->finishStatements();
}

QTEST_GUILESS_MAIN(TestQueueServer)
#include "tst_queueServer.moc"
