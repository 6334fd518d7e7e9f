// A supervisor's sign-in from a workstation (POST /api/v1/supervision/session) through the server's
// whole API: the counter's token and the supervisor's hall account give a short-lived bearer that
// reads the hall's supervision like a supervisor key. Refused: a wrong password, an account without
// the supervisor role, a disabled one, another hall's account, too many failures (even with the
// right password then), a token past its hours or revoked, and the session token anywhere but
// /supervision/. GET /supervision/today counts the day's cases. Runs on SQLite, and as
// tst_supervisorSession_postgres on OW_TEST_POSTGRES.

#include "CaseTestSupport.h"
#include "ServerDatabaseSupport.h"
#include "ServerTestSupport.h"
#include "accounts/PasswordHash.h"
#include "cases/QrToken.h"
#include "core/ManualClock.h"
#include "server/Api.h"
#include "server/CaseRepository.h"
#include "server/HallAccountRepository.h"
#include "server/RequestParser.h"
#include "sync/SyncProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::server;
using namespace ow::server::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kHall = u"33030201"_s;
const QString kOtherHall = u"33030202"_s;

struct Answer
{
    int status = 0;
    QJsonObject body;
};

} // namespace

class TestSupervisorSession : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    ManualClock m_clock {QDateTime(QDate(2026, 3, 2), QTime(9, 0)).toUTC()};
    std::unique_ptr<Api> m_api;
    QString m_counterToken;
    QString m_otherCounterToken;

    Answer call(
        const QByteArray &method, const QString &path, const QString &token, const QJsonObject &body = {})
    {
        ApiRequest request;
        request.method = method;
        request.path = path.section(u'?', 0, 0);
        request.query = QUrlQuery(path.section(u'?', 1));
        request.remote = QHostAddress::LocalHost;
        if (!token.isEmpty())
            request.headers.append(qMakePair(QByteArray("Authorization"), (u"Bearer "_s + token).toUtf8()));
        if (method == "POST")
            request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        QString credential;
        const ApiReply reply = m_api->handle(request, &credential);
        return {reply.status, QJsonDocument::fromJson(reply.body).object()};
    }
    Answer signIn(const QString &staffNumber, const QString &password, const QString &counterToken = {})
    {
        return call("POST", u"/api/v1/supervision/session"_s,
            counterToken.isEmpty() ? m_counterToken : counterToken,
            {{u"staffNumber"_s, staffNumber}, {u"password"_s, password}});
    }
    QString enrolledToken(const QString &hall, const QString &counter)
    {
        CredentialStore store(*m_db, m_clock.clock());
        Result<IssuedSecret> code = store.issueEnrolCode(hall, counter);
        if (!code)
            return {};
        auto enrolled = store.enrol(code->secret, u"test"_s);
        return enrolled && *enrolled ? (*enrolled)->second : QString();
    }
    void startApi(int sessionHours = 8)
    {
        Api::Options options;
        options.dataDirectory = m_dir->path();
        options.supervisionRules.sessionHours = sessionHours;
        m_api = std::make_unique<Api>(*m_db, options, m_clock.clock());
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (postgresMissing())
            QSKIP("PostgreSQL tests need OW_TEST_POSTGRES; run them with scripts/with-postgres ctest -R "
                  "tst_supervisorSession_postgres");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        Result<std::unique_ptr<storage::Database>> db = freshServerDatabase(*m_dir);
        QVERIFY2(db, db ? "" : qPrintable(db.error().toString()));
        m_db = std::move(*db);
        m_clock.set(QDateTime(QDate(2026, 3, 2), QTime(9, 0)).toUTC());
        // The least work factor the server takes, hashed once per test run.
        static const QHash<QString, QString> hashes = [] {
            QHash<QString, QString> made;
            for (const QString &password :
                {u"watch-pass-1"_s, u"intake-pass-1"_s, u"gone-pass-1"_s, u"other-pass-1"_s})
                made.insert(password,
                    accounts::PasswordHash::create(
                        password, "0123456789abcdef", accounts::PasswordHash::kMinimumIterations));
            return made;
        }();
        const auto hash = [](const QString &password) { return hashes.value(password); };
        HallAccountRepository accounts(*m_db, m_clock.clock());
        QVERIFY(
            accounts.add(kHall, u"test"_s, u"3001"_s, u"李监察"_s, u"supervisor"_s, hash(u"watch-pass-1"_s)));
        QVERIFY(accounts.add(kHall, u"test"_s, u"1001"_s, u"张三"_s, u"intake"_s, hash(u"intake-pass-1"_s)));
        QVERIFY(
            accounts.add(kHall, u"test"_s, u"3002"_s, u"王停用"_s, u"supervisor"_s, hash(u"gone-pass-1"_s)));
        QVERIFY(accounts.setActive(kHall, u"test"_s, u"3002"_s, false));
        QVERIFY(accounts.add(
            kOtherHall, u"test"_s, u"4001"_s, u"赵监察"_s, u"supervisor"_s, hash(u"other-pass-1"_s)));
        m_counterToken = enrolledToken(kHall, u"W07"_s);
        m_otherCounterToken = enrolledToken(kOtherHall, u"W01"_s);
        QVERIFY(!m_counterToken.isEmpty() && !m_otherCounterToken.isEmpty());
        startApi();
    }

    void cleanup()
    {
        m_api.reset();
        m_db.reset();
    }

    void supervisorSignsInAndReadsTheHall()
    {
        const Answer session = signIn(u"3001"_s, u"watch-pass-1"_s);
        QCOMPARE(session.status, 201);
        const QString token = session.body.value(u"token"_s).toString();
        QVERIFY(token.size() >= 40);
        QCOMPARE(QDateTime::fromString(session.body.value(u"expires"_s).toString(), Qt::ISODateWithMs),
            m_clock.clock().nowUtc().addSecs(8 * 3600));
        const Answer warnings = call("GET", u"/api/v1/supervision/warnings"_s, token);
        QCOMPARE(warnings.status, 200);
        QCOMPARE(warnings.body.value(u"hall"_s).toString(), kHall);
        const Answer clerks = call("GET", u"/api/v1/supervision/clerks"_s, token);
        QCOMPARE(clerks.status, 200);
        // Stored hashed: the token itself is nowhere in the database.
        Result<QVariant> stored = m_db->scalar(u"SELECT token_hash FROM supervisor_sessions"_s);
        QVERIFY(stored);
        QVERIFY(stored->toString() != token);
        QCOMPARE(stored->toString(), CredentialStore::hashSecret(token));
    }

    void wrongPasswordAndOtherAccountsAreRefused()
    {
        QCOMPARE(signIn(u"3001"_s, u"watch-pass-2"_s).status, 403); // wrong password
        QCOMPARE(signIn(u"1001"_s, u"intake-pass-1"_s).status, 403); // not a supervisor
        QCOMPARE(signIn(u"3002"_s, u"gone-pass-1"_s).status, 403); // disabled
        QCOMPARE(signIn(u"9999"_s, u"watch-pass-1"_s).status, 403); // unknown
        QCOMPARE(signIn(u""_s, u"watch-pass-1"_s).status, 422);
        // Another hall's supervisor at this hall's counter, and this hall's at another hall's counter.
        QCOMPARE(signIn(u"4001"_s, u"other-pass-1"_s).status, 403);
        startApi(); // a fresh limiter: the failures above count against this counter
        QCOMPARE(signIn(u"3001"_s, u"watch-pass-1"_s, m_otherCounterToken).status, 403);
        // Only a workstation's token signs in; a session token does not make another.
        const QString token = signIn(u"3001"_s, u"watch-pass-1"_s).body.value(u"token"_s).toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(signIn(u"3001"_s, u"watch-pass-1"_s, token).status, 403);
    }

    void failuresAreRateLimited()
    {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(signIn(u"3001"_s, u"guess-%1"_s.arg(i)).status, 403);
        // The bucket is empty: even the right password waits.
        const Answer limited = signIn(u"3001"_s, u"watch-pass-1"_s);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.body.value(u"error"_s).toObject().value(u"code"_s).toString(),
            QString(sync::protocol::error::kRateLimited));
        m_clock.advance(60 * 1000);
        QCOMPARE(signIn(u"3001"_s, u"watch-pass-1"_s).status, 201);
    }

    void theTokenExpiresAndIsRevoked()
    {
        startApi(1); // session_hours = 1
        const QString token = signIn(u"3001"_s, u"watch-pass-1"_s).body.value(u"token"_s).toString();
        QCOMPARE(call("GET", u"/api/v1/supervision/warnings"_s, token).status, 200);
        m_clock.advance(3600 * 1000 - 1000);
        QCOMPARE(call("GET", u"/api/v1/supervision/history"_s, token).status, 200);
        m_clock.advance(1000);
        QCOMPARE(call("GET", u"/api/v1/supervision/warnings"_s, token).status, 401);

        const Answer second = signIn(u"3001"_s, u"watch-pass-1"_s);
        QCOMPARE(second.status, 201);
        // The expired session is swept at the next sign-in; revoking the new one ends it at once.
        Result<QVariant> rows = m_db->scalar(u"SELECT COUNT(*) FROM supervisor_sessions"_s);
        QVERIFY(rows);
        QCOMPARE(rows->toInt(), 1);
        CredentialStore store(*m_db, m_clock.clock());
        QVERIFY(store.revoke(second.body.value(u"session"_s).toString()));
        QCOMPARE(
            call("GET", u"/api/v1/supervision/warnings"_s, second.body.value(u"token"_s).toString()).status,
            401);
    }

    void theSessionReadsOnlySupervision()
    {
        const QString token = signIn(u"3001"_s, u"watch-pass-1"_s).body.value(u"token"_s).toString();
        QCOMPARE(call("GET", u"/api/v1/accounts"_s, token).status, 403);
        QCOMPARE(call("GET", u"/api/v1/changes"_s, token).status, 403);
        // The counter's own token does not read supervision.
        QCOMPARE(call("GET", u"/api/v1/supervision/warnings"_s, m_counterToken).status, 403);
    }

    void todayCountsTheDay()
    {
        const QString token = signIn(u"3001"_s, u"watch-pass-1"_s).body.value(u"token"_s).toString();
        Credential counter;
        counter.id = u"ws-1"_s;
        counter.hall = kHall;
        counter.counter = u"W07"_s;
        counter.counterNumber = 7;
        const QDateTime morning = m_clock.clock().nowUtc();
        QJsonArray entries;
        for (int serial : {1, 2}) {
            cases::Case c = cases::testing::draft();
            c.number = caseNumber(serial);
            c.qrToken = cases::QrToken::generate();
            c.hall = kHall;
            c.counter = u"W07"_s;
            c.firstHandler = u"clerk-042"_s;
            c.created = morning;
            c.updated = morning;
            entries.append(
                outboxEntry(&c, c.number, cases::EventKind::Created, morning, cases::CaseState::Draft));
            entries.append(serial == 1 ? outboxEntry(&c, c.number, cases::EventKind::Accepted,
                               morning.addSecs(600), cases::CaseState::Accepted)
                                       : outboxEntry(&c, c.number, cases::EventKind::CorrectionNotice,
                                           morning.addSecs(600), cases::CaseState::CorrectionNotice));
        }
        Result<QList<IncomingEvent>> parsed = RequestParser::eventBatch(batch(entries));
        QVERIFY(parsed);
        Result<QList<EventResult>> stored = CaseRepository(*m_db, m_clock.clock()).ingest(counter, *parsed);
        QVERIFY(stored);
        for (const EventResult &r : std::as_const(*stored))
            QVERIFY2(r.status != u"rejected"_s, qPrintable(r.message));
        m_db->finishStatements();

        const Answer today = call("GET", u"/api/v1/supervision/today"_s, token);
        QCOMPARE(today.status, 200);
        QCOMPARE(today.body.value(u"hall"_s).toString(), kHall);
        QCOMPARE(today.body.value(u"takenIn"_s).toInt(), 2);
        QCOMPARE(today.body.value(u"accepted"_s).toInt(), 1);
        QCOMPARE(today.body.value(u"correctionNotices"_s).toInt(), 1);
        QCOMPARE(today.body.value(u"byHour"_s).toArray().size(), 24);
        QVERIFY(today.body.value(u"queue"_s).isObject());
        QCOMPARE(call("GET", u"/api/v1/supervision/today?day=2026-13-01"_s, token).status, 422);
        QCOMPARE(call("GET", u"/api/v1/supervision/today?day=2026-03-01"_s, token)
                     .body.value(u"takenIn"_s)
                     .toInt(),
            0);
    }
};

QTEST_GUILESS_MAIN(TestSupervisorSession)
#include "tst_supervisorSession.moc"
