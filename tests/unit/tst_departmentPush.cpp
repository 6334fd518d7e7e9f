// Pushes to department systems inside one process, on a ManualClock: the signature made and checked
// (sync::PushSignature), the back-off, a delivery queued with the event that makes it (accepted,
// accepted with waiver, supplemented, withdrawn after them in order — never for a department without an
// endpoint, never twice for a repeated event), every delivery arriving once and in order after the endpoint
// answered 503 or refused connections for ten minutes, dead letters after the attempts or the age and their
// re-sending (by a supervisor of the hall through the API), the receiver processing a delivery id once also
// after a restart and refusing a bad signature, and the signed attachment links (valid, expired,
// altered). Runs on SQLite, and as tst_departmentPush_postgres on OW_TEST_POSTGRES.

#include "CaseTestSupport.h"
#include "ServerDatabaseSupport.h"
#include "ServerTestSupport.h"
#include "cases/CaseLifecycle.h"
#include "cases/QrToken.h"
#include "cases/Withdrawal.h"
#include "core/ManualClock.h"
#include "deptsim/DepartmentSimulator.h"
#include "server/CaseRepository.h"
#include "server/DeliveryApi.h"
#include "server/DeliveryOutbox.h"
#include "server/DepartmentEndpoints.h"
#include "server/DepartmentPushSender.h"
#include "server/PushSettingsFile.h"
#include "server/RequestParser.h"
#include "server/SignedLink.h"
#include "sync/PushSignature.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace ow;
using namespace ow::cases;
using namespace ow::server;
using namespace ow::server::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kHall = u"33030201"_s;
const QDateTime kStart(QDate(2026, 3, 16), QTime(2, 0), Qt::UTC);

Credential workstation()
{
    Credential c;
    c.id = u"ws-w07"_s;
    c.kind = Credential::Kind::Workstation;
    c.hall = kHall;
    c.counter = u"W07"_s;
    c.counterNumber = 7;
    return c;
}

Credential supervisor(const QString &hall)
{
    Credential c;
    c.id = u"sup-"_s + hall;
    c.kind = Credential::Kind::Supervisor;
    c.hall = hall;
    return c;
}

/// A department's system on loopback: the simulator's receiver, taking pushes only.
struct Receiver
{
    Receiver(const QByteArray &secret, const Clock &clock, qint64 downForMs, const QString &seenFile = {})
        : simulator(DepartmentSimulator::Settings {secret, {}, {}, 0, 0,
                        DepartmentSimulator::Outcome::Approve, downForMs, seenFile, u"deptsim"_s},
            clock)
        , receiver([this](const deptsim::PushRequest &request) {
            ++requests;
            return simulator.handle(request);
        })
    {
    }
    using DepartmentSimulator = deptsim::DepartmentSimulator;
    DepartmentSimulator simulator;
    deptsim::PushReceiver receiver;
    int requests = 0;
};

} // namespace

class TestDepartmentPush : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    ManualClock m_clock {kStart};

    /// A case of `department` created and decided with `kinds` (after Created), as a counter syncs it.
    QString syncCase(int serial, const QString &department, const QList<EventKind> &kinds)
    {
        Case c = cases::testing::draft();
        c.number = caseNumber(serial);
        c.qrToken = QrToken::generate();
        c.hall = kHall;
        c.counter = u"W07"_s;
        c.departmentId = department;
        c.created = m_clock.now();
        c.updated = m_clock.now();
        c.attachments.append(CaseAttachment {
            QString(64, u'a'), u"id-card"_s, u"身份证.jpg"_s, u"image/jpeg"_s, 1234, m_clock.now()});
        QJsonArray entries {outboxEntry(&c, c.number, EventKind::Created, m_clock.now(), CaseState::Draft)};
        for (EventKind kind : kinds)
            entries.append(outboxEntry(&c, c.number, kind, m_clock.now(), *targetState(kind)));
        ingest(batch(entries));
        return c.number;
    }
    void ingest(const QByteArray &body)
    {
        Result<QList<IncomingEvent>> parsed = RequestParser::eventBatch(body);
        QVERIFY(parsed);
        Result<QList<EventResult>> results
            = CaseRepository(*m_db, m_clock.clock()).ingest(workstation(), *parsed);
        QVERIFY2(results, results ? "" : qPrintable(results.error().toString()));
        for (const EventResult &r : std::as_const(*results))
            QVERIFY2(r.status != u"rejected"_s, qPrintable(r.message));
        m_db->finishStatements();
    }
    QByteArray registerEndpoint(const QString &department, quint16 port)
    {
        const Result<QString> secret = DepartmentEndpoints(*m_db, m_clock.clock())
                                           .setUrl(department, QUrl(u"http://127.0.0.1:%1/push"_s.arg(port)));
        m_db->finishStatements();
        return secret ? secret->toLatin1() : QByteArray();
    }
    QList<Delivery> deliveries(bool deadOnly = false)
    {
        Result<QList<Delivery>> list = DeliveryOutbox(*m_db, m_clock.clock()).list(deadOnly);
        m_db->finishStatements();
        return list ? *list : QList<Delivery>();
    }
    /// Lets `seconds` pass in steps, each step's sends answered before the next.
    void pass(DepartmentPushSender &sender, qint64 seconds, qint64 stepSeconds = 5)
    {
        for (qint64 done = 0; done < seconds; done += stepSeconds) {
            m_clock.advance(stepSeconds * 1000);
            const Result<int> sent = sender.sendDue();
            QVERIFY2(sent, sent ? "" : qPrintable(sent.error().toString()));
            QTRY_COMPARE(sender.inFlight(), 0);
        }
    }
    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    /// The entry of a withdrawal (撤回申请) asked by the applicant's agent, as a counter syncs it.
    static QJsonObject withdrawalEntry(const QString &number, const QDateTime &time, CaseState after)
    {
        QJsonObject entry = outboxEntry(nullptr, number, EventKind::Withdrawn, time, after);
        QJsonObject event = entry.value(u"event"_s).toObject();
        Withdrawal withdrawal;
        withdrawal.reason = u"已在网上另行申报"_s;
        withdrawal.requestedBy = Withdrawal::RequestedBy::Agent;
        withdrawal.requester = u"王五"_s;
        event.insert(u"payload"_s, withdrawal.toPayload());
        entry.insert(u"event"_s, event);
        return entry;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (postgresMissing())
            QSKIP("OW_TEST_POSTGRES is not set: run it with scripts/with-postgres");
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_clock.set(kStart);
        Result<std::unique_ptr<storage::Database>> db = freshServerDatabase(*m_dir);
        QVERIFY2(db, db ? "" : qPrintable(db.error().toString()));
        m_db = std::move(*db);
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void signatureIsCheckedWholly()
    {
        using sync::PushSignature;
        const QByteArray body = R"({"delivery":"x"})";
        const QByteArray signature = PushSignature::sign("secret", 1773626400, body);
        QVERIFY(signature.startsWith("sha256="));
        QCOMPARE(signature.size(), 7 + 64);
        QCOMPARE(PushSignature::verify("secret", "1773626400", signature, body, 1773626400 + 299),
            PushSignature::Verdict::Valid);
        QCOMPARE(PushSignature::verify("other", "1773626400", signature, body, 1773626400),
            PushSignature::Verdict::Mismatch);
        QCOMPARE(PushSignature::verify("secret", "1773626400", signature, body + ' ', 1773626400),
            PushSignature::Verdict::Mismatch);
        QCOMPARE(PushSignature::verify("secret", "1773626401", signature, body, 1773626400),
            PushSignature::Verdict::Mismatch);
        QCOMPARE(PushSignature::verify("secret", "1773626400", signature, body, 1773626400 + 301),
            PushSignature::Verdict::Stale);
        QCOMPARE(PushSignature::verify("secret", "1773626400", signature, body, 1773626400 - 301),
            PushSignature::Verdict::Stale);
        QCOMPARE(PushSignature::verify("secret", "", signature, body, 1773626400),
            PushSignature::Verdict::Malformed);
        QCOMPARE(PushSignature::verify("secret", "1773626400", signature.mid(7), body, 1773626400),
            PushSignature::Verdict::Malformed);
    }

    void backOffDoublesToItsCap()
    {
        DeliveryPolicy policy;
        QCOMPARE(policy.retryDelayMs(1, 1.0), 10'000);
        QCOMPARE(policy.retryDelayMs(2, 1.0), 20'000);
        QCOMPARE(policy.retryDelayMs(5, 1.0), 160'000);
        QCOMPARE(policy.retryDelayMs(8, 1.0), 1'280'000);
        QCOMPARE(policy.retryDelayMs(9, 1.0), 1'800'000);
        QCOMPARE(policy.retryDelayMs(500, 1.0), 1'800'000);
        QCOMPARE(policy.retryDelayMs(1, 0.0), 7'500);
        QCOMPARE(policy.retryDelayMs(1, 9.0), 12'500);
    }

    void deliveriesQueuedWithTheirEvents()
    {
        registerEndpoint(u"wj"_s, 9);
        const QString accepted = syncCase(1, u"wj"_s, {EventKind::Accepted});
        syncCase(2, u"wj"_s,
            {EventKind::AcceptedWithWaiver, EventKind::SupplementRequested, EventKind::Supplemented});
        syncCase(3, u"wj"_s, {EventKind::CorrectionNotice});
        syncCase(4, u"sc"_s, {EventKind::Accepted}); // no endpoint: the department polls
        QList<Delivery> queued = deliveries();
        std::reverse(queued.begin(), queued.end());
        QCOMPARE(queued.size(), 3);
        QCOMPARE(queued.at(0).kind, u"accepted"_s);
        QCOMPARE(queued.at(0).caseNumber, accepted);
        QCOMPARE(queued.at(1).kind, u"accepted-with-waiver"_s);
        QCOMPARE(queued.at(2).kind, u"supplemented"_s);
        for (const Delivery &d : queued) {
            QCOMPARE(d.state, u"pending"_s);
            QCOMPARE(d.department, u"wj"_s);
            QCOMPARE(d.hall, kHall);
            QCOMPARE(d.body.value(u"delivery"_s).toString(), d.id);
        }
        // The body carries the case and its attachments by reference only.
        const QJsonObject body = queued.at(0).body;
        QCOMPARE(body.value(u"number"_s).toString(), accepted);
        QCOMPARE(body.value(u"event"_s).toObject().value(u"kind"_s).toString(), u"accepted"_s);
        QCOMPARE(body.value(u"case"_s).toObject().value(u"applicant"_s).toObject().isEmpty(), false);
        QVERIFY(!body.value(u"case"_s).toObject().contains(u"attachments"_s));
        const QJsonObject attachment = body.value(u"attachments"_s).toArray().first().toObject();
        QCOMPARE(attachment.value(u"sha256"_s).toString(), QString(64, u'a'));
        QCOMPARE(attachment.value(u"size"_s).toInt(), 1234);
        QCOMPARE(attachment.value(u"name"_s).toString(), u"身份证.jpg"_s);

        // The same events synced again are duplicates: no second delivery.
        Case c = cases::testing::draft();
        c.number = accepted;
        ingest(batch({outboxEntry(nullptr, accepted, EventKind::Accepted, m_clock.now(), CaseState::Accepted,
            queued.at(0).eventId)}));
        QCOMPARE(deliveries().size(), 3);
    }

    void withdrawalIsPushedAfterTheAcceptance()
    {
        const quint16 port = freePort();
        const QByteArray secret = registerEndpoint(u"wj"_s, port);
        const QString number = syncCase(1, u"wj"_s, {EventKind::Accepted, EventKind::Transferred});
        ingest(batch({withdrawalEntry(number, m_clock.now(), CaseState::Withdrawn)}));
        QList<Delivery> queued = deliveries();
        std::reverse(queued.begin(), queued.end());
        QCOMPARE(queued.size(), 2);
        QCOMPARE(queued.at(1).kind, u"withdrawn"_s);
        QCOMPARE(queued.at(1).body.value(u"state"_s).toString(), u"withdrawn"_s);
        const QJsonObject payload
            = queued.at(1).body.value(u"event"_s).toObject().value(u"payload"_s).toObject();
        QCOMPARE(payload.value(u"reason"_s).toString(), u"已在网上另行申报"_s);
        QCOMPARE(payload.value(u"requestedBy"_s).toString(), u"agent"_s);

        Receiver endpoint(secret, m_clock.clock(), 0);
        QVERIFY(endpoint.simulator.open());
        QVERIFY(endpoint.receiver.listen(QHostAddress::LocalHost, port));
        DepartmentPushSender sender(*m_db, DeliveryPolicy(), m_clock.clock());
        pass(sender, 20);
        QCOMPARE(endpoint.simulator.processed(), (QStringList {queued.at(0).id, queued.at(1).id}));
        QVERIFY(endpoint.simulator.isWithdrawn(number));
    }

    void withdrawalAfterTheDecisionIsAConflictNotAPush()
    {
        registerEndpoint(u"wj"_s, 9);
        const QString number
            = syncCase(1, u"wj"_s, {EventKind::Accepted, EventKind::InReview, EventKind::Approved});
        // The counter's entry carries its snapshot, as CaseStore writes it: the server keeps the
        // decided snapshot, not the one claiming a withdrawal that never took effect.
        Result<QVariant> stored = m_db->scalar(u"SELECT snapshot FROM cases WHERE number = ?"_s, {number});
        QVERIFY(stored);
        QJsonObject entry = withdrawalEntry(number, m_clock.now(), CaseState::Withdrawn);
        entry.insert(u"case"_s, QJsonDocument::fromJson(stored->toString().toUtf8()).object());
        m_db->finishStatements();
        ingest(batch({entry}));
        Result<QVariant> rank = m_db->scalar(u"SELECT snapshot_rank FROM cases WHERE number = ?"_s, {number});
        QCOMPARE(rank->toInt(), CaseLifecycle::rank(CaseState::Approved));
        QCOMPARE(deliveries().size(), 1); // the acceptance only
        Result<QVariant> state = m_db->scalar(u"SELECT state FROM cases WHERE number = ?"_s, {number});
        QCOMPARE(state->toString(), u"approved"_s);
        Result<QVariant> conflicts
            = m_db->scalar(u"SELECT count(*) FROM conflicts WHERE case_number = ?"_s, {number});
        QCOMPARE(conflicts->toInt(), 1);
        m_db->finishStatements();
    }

    void simulatorDropsTheAnswersOfAWithdrawnCase()
    {
        // Answers go to a server that is not there: any answer still attempted reports a problem.
        deptsim::DepartmentSimulator simulator(
            deptsim::DepartmentSimulator::Settings {"s3cret", QUrl(u"http://127.0.0.1:%1/"_s.arg(freePort())),
                u"key"_s, 60'000, 60'000, deptsim::DepartmentSimulator::Outcome::Approve, 0, {},
                u"deptsim"_s},
            m_clock.clock());
        QVERIFY(simulator.open());
        QSignalSpy problems(&simulator, &deptsim::DepartmentSimulator::problem);
        const auto push = [&](const QByteArray &delivery, const QByteArray &kind, const QByteArray &number) {
            const QByteArray body = QJsonDocument(
                QJsonObject {{u"delivery"_s, QString::fromLatin1(delivery)},
                    {u"kind"_s, QString::fromLatin1(kind)}, {u"number"_s, QString::fromLatin1(number)}})
                                        .toJson(QJsonDocument::Compact);
            const qint64 now = m_clock.now().toSecsSinceEpoch();
            deptsim::PushRequest request {"POST", "/push", {}, body};
            request.headers.insert("x-onewindow-delivery", delivery);
            request.headers.insert("x-onewindow-timestamp", QByteArray::number(now));
            request.headers.insert("x-onewindow-signature", sync::PushSignature::sign("s3cret", now, body));
            return simulator.handle(request).status;
        };
        QCOMPARE(push("d-1", "accepted", "X"), 200);
        QCOMPARE(push("d-2", "accepted", "Y"), 200);
        QCOMPARE(push("d-3", "withdrawn", "X"), 200);
        QVERIFY(simulator.isWithdrawn(u"X"_s));
        QVERIFY(!simulator.isWithdrawn(u"Y"_s));
        // Both reviews come due together, X's first: only Y's is attempted.
        m_clock.advance(61'000);
        QTRY_COMPARE(problems.size(), 1);
        QCoreApplication::processEvents();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().first().toString().contains(u"case Y"_s),
            qPrintable(problems.first().first().toString()));
    }

    void everyDeliveryArrivesOnceInOrderAfterAnOutage()
    {
        const quint16 port = freePort();
        const QByteArray secret = registerEndpoint(u"wj"_s, port);
        QVERIFY(!secret.isEmpty());
        for (int serial = 1; serial <= 3; ++serial)
            syncCase(serial, u"wj"_s, {EventKind::Accepted});
        DepartmentPushSender sender(*m_db, DeliveryPolicy(), m_clock.clock());

        // Five minutes of connections refused: nothing listens yet.
        const Result<int> first = sender.sendDue();
        QVERIFY2(first, first ? "" : qPrintable(first.error().toString()));
        QCOMPARE(*first, 1);
        QTRY_COMPARE(sender.inFlight(), 0);
        pass(sender, 5 * 60);
        QList<Delivery> waiting = deliveries();
        for (const Delivery &d : waiting) {
            QCOMPARE(d.state, u"pending"_s);
            QVERIFY(!d.delivered.size());
        }
        const int refusedAttempts = waiting.last().attempts; // the oldest is tried, the others wait behind it
        QVERIFY2(refusedAttempts >= 4, qPrintable(QString::number(refusedAttempts)));
        QCOMPARE(waiting.first().attempts, 0);

        // Then ten more minutes of 503 from the department's system, then it is back.
        Receiver endpoint(secret, m_clock.clock(), 10 * 60 * 1000);
        QVERIFY(endpoint.simulator.open());
        QVERIFY(endpoint.receiver.listen(QHostAddress::LocalHost, port));
        pass(sender, 10 * 60);
        QVERIFY(endpoint.requests > 0);
        QCOMPARE(endpoint.simulator.processed().size(), 0);
        // The back-off is at most 30 minutes with its jitter: within that all three arrive.
        pass(sender, 40 * 60, 30);
        QList<Delivery> done = deliveries();
        std::reverse(done.begin(), done.end());
        QStringList order;
        for (const Delivery &d : done) {
            QCOMPARE(d.state, u"delivered"_s);
            order.append(d.id);
        }
        QCOMPARE(endpoint.simulator.processed(), order);
        QCOMPARE(endpoint.simulator.duplicates(), 0);
        QCOMPARE(endpoint.simulator.refused(), 0);
        QVERIFY(done.first().attempts > refusedAttempts);
    }

    void receiverProcessesADeliveryOnce()
    {
        const QString seen = m_dir->filePath(u"seen.txt"_s);
        const QByteArray body = R"({"delivery":"d-1","kind":"accepted","number":"X"})";
        const qint64 now = m_clock.now().toSecsSinceEpoch();
        deptsim::PushRequest request {"POST", "/push", {}, body};
        request.headers.insert("x-onewindow-delivery", "d-1");
        request.headers.insert("x-onewindow-timestamp", QByteArray::number(now));
        request.headers.insert("x-onewindow-signature", sync::PushSignature::sign("s3cret", now, body));
        {
            Receiver endpoint("s3cret", m_clock.clock(), 0, seen);
            QVERIFY(endpoint.simulator.open());
            QCOMPARE(endpoint.simulator.handle(request).status, 200);
            QCOMPARE(endpoint.simulator.handle(request).status, 200);
            QCOMPARE(endpoint.simulator.processed(), QStringList {u"d-1"_s});
            QCOMPARE(endpoint.simulator.duplicates(), 1);
            deptsim::PushRequest forged = request;
            forged.body = R"({"delivery":"d-1","kind":"approved","number":"X"})";
            QCOMPARE(endpoint.simulator.handle(forged).status, 401);
            QCOMPARE(endpoint.simulator.refused(), 1);
        }
        // Restarted on the same file: still a duplicate.
        Receiver restarted("s3cret", m_clock.clock(), 0, seen);
        QVERIFY(restarted.simulator.open());
        QCOMPARE(restarted.simulator.handle(request).status, 200);
        QVERIFY(restarted.simulator.processed().isEmpty());
        QCOMPARE(restarted.simulator.duplicates(), 1);
        // A replay long after it was signed is refused.
        m_clock.advance(6 * 60 * 1000);
        request.headers.insert("x-onewindow-delivery", "d-2");
        QCOMPARE(restarted.simulator.handle(request).status, 401);
    }

    void deadLettersAndResending()
    {
        const quint16 port = freePort();
        const QByteArray secret = registerEndpoint(u"wj"_s, port);
        syncCase(1, u"wj"_s, {EventKind::Accepted});
        DeliveryPolicy policy;
        policy.maxAttempts = 3;
        DepartmentPushSender sender(*m_db, policy, m_clock.clock());
        QSignalSpy recorded(&sender, &DepartmentPushSender::recorded);
        pass(sender, 5 * 60);
        QList<Delivery> dead = deliveries(true);
        QCOMPARE(dead.size(), 1);
        QCOMPARE(dead.first().attempts, 3);
        QVERIFY(!dead.first().lastError.isEmpty());
        QCOMPARE(recorded.last().at(2).toString(), u"dead"_s);

        // A supervisor of the hall sees it; another hall's does not, nor may resend it.
        DeliveryApi api(*m_db, m_clock.clock());
        ApiRequest list {"GET", u"/api/v1/supervision/dead-letters"_s, {}, {}, {}, {}};
        ApiReply reply = api.handle(list, {u"dead-letters"_s}, supervisor(kHall));
        QCOMPARE(reply.status, 200);
        const QJsonArray letters
            = QJsonDocument::fromJson(reply.body).object().value(u"deadLetters"_s).toArray();
        QCOMPARE(letters.size(), 1);
        QCOMPARE(letters.first().toObject().value(u"id"_s).toString(), dead.first().id);
        reply = api.handle(list, {u"dead-letters"_s}, supervisor(u"33030202"_s));
        QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(u"deadLetters"_s).toArray().size(), 0);
        ApiRequest resend {
            "POST", u"/api/v1/supervision/dead-letters/%1/resend"_s.arg(dead.first().id), {}, {}, {}, {}};
        const QStringList parts {u"dead-letters"_s, dead.first().id, u"resend"_s};
        QCOMPARE(api.handle(resend, parts, supervisor(u"33030202"_s)).status, 404);
        QCOMPARE(api.handle(resend, parts, supervisor(kHall)).status, 200);
        m_db->finishStatements();
        QCOMPARE(deliveries(true).size(), 0);

        Receiver endpoint(secret, m_clock.clock(), 0);
        QVERIFY(endpoint.simulator.open());
        QVERIFY(endpoint.receiver.listen(QHostAddress::LocalHost, port));
        pass(sender, 10);
        QCOMPARE(deliveries().first().state, u"delivered"_s);
        QCOMPARE(endpoint.simulator.processed(), QStringList {dead.first().id});
        // Only a dead one is resent.
        QCOMPARE(api.handle(resend, parts, supervisor(kHall)).status, 404);
    }

    void deadOnceTooOld()
    {
        registerEndpoint(u"wj"_s, freePort());
        syncCase(1, u"wj"_s, {EventKind::Accepted});
        DeliveryPolicy policy;
        policy.maxAgeHours = 1;
        DepartmentPushSender sender(*m_db, policy, m_clock.clock());
        pass(sender, 50 * 60, 60);
        QCOMPARE(deliveries(true).size(), 0);
        pass(sender, 40 * 60, 60);
        const QList<Delivery> dead = deliveries(true);
        QCOMPARE(dead.size(), 1);
        QVERIFY(dead.first().attempts < policy.maxAttempts);
    }

    void pausedEndpointKeepsItsDeliveries()
    {
        const quint16 port = freePort();
        const QByteArray secret = registerEndpoint(u"wj"_s, port);
        DepartmentEndpoints endpoints(*m_db, m_clock.clock());
        QCOMPARE(*endpoints.setEnabled(u"wj"_s, false), true);
        QCOMPARE(*endpoints.setEnabled(u"nobody"_s, false), false);
        syncCase(1, u"wj"_s, {EventKind::Accepted});
        Receiver endpoint(secret, m_clock.clock(), 0);
        QVERIFY(endpoint.simulator.open());
        QVERIFY(endpoint.receiver.listen(QHostAddress::LocalHost, port));
        DepartmentPushSender sender(*m_db, DeliveryPolicy(), m_clock.clock());
        pass(sender, 60);
        QCOMPARE(endpoint.requests, 0);
        QCOMPARE(deliveries().first().state, u"pending"_s);
        QVERIFY(endpoints.setEnabled(u"wj"_s, true));
        pass(sender, 10);
        QCOMPARE(endpoint.simulator.processed().size(), 1);
        // Registering again keeps the secret unless a new one is asked for.
        QCOMPARE(*endpoints.setUrl(u"wj"_s, QUrl(u"https://wj.example/push"_s)), QString());
        const Result<QString> renewed = endpoints.setUrl(u"wj"_s, QUrl(u"https://wj.example/push"_s), true);
        QCOMPARE(renewed->size(), 64);
        QVERIFY(renewed->toLatin1() != secret);
        QVERIFY(!endpoints.setUrl(u"wj"_s, QUrl(u"ftp://wj.example/"_s)));
    }

    void aLeasedDeliveryIsNotSentTwice()
    {
        registerEndpoint(u"wj"_s, 9);
        syncCase(1, u"wj"_s, {EventKind::Accepted});
        DeliveryOutbox outbox(*m_db, m_clock.clock());
        const QList<Delivery> due = *outbox.due({});
        QCOMPARE(due.size(), 1);
        QCOMPARE(outbox.due({u"wj"_s})->size(), 0);
        // Two senders on one database: only the first takes it.
        QCOMPARE(*outbox.lease(due.first()), true);
        QCOMPARE(*outbox.lease(due.first()), false);
        QCOMPARE(outbox.due({})->size(), 0);
        // A sender that stopped mid-attempt: due again once the lease is over.
        m_clock.advance(DeliveryOutbox::kLeaseSeconds * 1000);
        QCOMPARE(outbox.due({})->size(), 1);
    }

    void pushSettingsAreCheckedWhole()
    {
        const auto write = [&](const QByteArray &text) {
            QFile file(m_dir->filePath(u"push.ini"_s));
            file.open(QIODevice::WriteOnly | QIODevice::Truncate);
            file.write(text);
            return file.fileName();
        };
        Result<DeliveryPolicy> policy = PushSettingsFile::load(write(
            "[push]\nfirst-retry-seconds = 5\nretry-cap-seconds = 600\nattempts = 3\nmax-age-hours = 2\n"
            "link-minutes = 10\npublic-url = https://hall.example/ow\n"));
        QVERIFY2(policy, policy ? "" : qPrintable(policy.error().toString()));
        QCOMPARE(policy->firstRetrySeconds, 5);
        QCOMPARE(policy->retryCapSeconds, 600);
        QCOMPARE(policy->maxAttempts, 3);
        QCOMPARE(policy->maxAgeHours, 2);
        QCOMPARE(policy->linkSeconds, 600);
        QCOMPARE(policy->publicUrl, u"https://hall.example/ow"_s);
        policy = PushSettingsFile::load(write("[push]\nattempts = 3\nretries = 4\n"));
        QVERIFY(!policy);
        QVERIFY2(policy.error().toString().contains(u"retries"_s), qPrintable(policy.error().toString()));
        policy = PushSettingsFile::load(write("[push]\nattempts = 0\n"));
        QVERIFY(!policy);
        policy = PushSettingsFile::load(write("[push]\nfirst-retry-seconds = 60\nretry-cap-seconds = 30\n"));
        QVERIFY(!policy);
        policy = PushSettingsFile::load(write("[push]\npublic-url = hall.example\n"));
        QVERIFY(!policy);
    }

    void signedLinksExpireAndCannotBeAltered()
    {
        const SignedLink links(*m_db, m_clock.clock());
        const QString sha = QString(64, u'b');
        // Before any link was made there is no secret: nothing passes.
        QUrlQuery guess;
        guess.addQueryItem(u"expires"_s, u"9999999999"_s);
        guess.addQueryItem(u"sig"_s, QString(64, u'0'));
        QCOMPARE(*links.check(sha, guess), SignedLink::Check::Invalid);
        const Result<QUrl> url = links.make(QUrl(u"https://hall.example/ow/"_s), sha, 3600);
        QVERIFY(url);
        QCOMPARE(url->path(), u"/ow/api/v1/attachments/"_s + sha);
        const QUrlQuery query(*url);
        QCOMPARE(*links.check(sha, query), SignedLink::Check::Valid);
        QCOMPARE(*links.check(QString(64, u'c'), query), SignedLink::Check::Invalid);
        QUrlQuery longer = query;
        longer.removeQueryItem(u"expires"_s);
        longer.addQueryItem(
            u"expires"_s, QString::number(query.queryItemValue(u"expires"_s).toLongLong() + 1));
        QCOMPARE(*links.check(sha, longer), SignedLink::Check::Invalid);
        QUrlQuery forged = query;
        forged.removeQueryItem(u"sig"_s);
        forged.addQueryItem(u"sig"_s, QString(64, u'0'));
        QCOMPARE(*links.check(sha, forged), SignedLink::Check::Invalid);
        m_clock.advance(3599 * 1000);
        QCOMPARE(*links.check(sha, query), SignedLink::Check::Valid);
        m_clock.advance(1000);
        QCOMPARE(*links.check(sha, query), SignedLink::Check::Expired);
    }
};

QTEST_GUILESS_MAIN(TestDepartmentPush)
#include "tst_departmentPush.moc"
