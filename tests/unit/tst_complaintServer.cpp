// Complaints (投诉) through the server's whole API: a workstation's batch stored once per id with the
// hall's numbers of the day, each refused complaint naming its field while the others are stored;
// the deadline five working days on the hall's calendar (a weekend, National Day and its working
// Saturday in between); the supervisor's list and counts, assignment, reply and closing with a 409
// naming the state for a wrong step and every step in the history; an open complaint past its
// deadline a warning in the server's own round (a ManualClock) that clears once it is closed; the
// desk's figures and the clerks' complaint counts. Runs on SQLite, and as
// tst_complaintServer_postgres on OW_TEST_POSTGRES.

#include "ServerDatabaseSupport.h"
#include "ServerTestSupport.h"
#include "core/ManualClock.h"
#include "server/Api.h"
#include "server/CatalogueRepository.h"
#include "server/SupervisionWatch.h"
#include "sync/CataloguePackage.h"

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
const QString kMatter = u"330302-WJ-001"_s;

struct Answer
{
    int status = 0;
    QJsonObject body;
};

QString localTime(QDate day, int hour = 10)
{
    return cases::CaseJson::timeText(QDateTime(day, QTime(hour, 0)).toUTC());
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestComplaintServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    ManualClock m_clock {QDateTime(QDate(2026, 3, 2), QTime(9, 0)).toUTC()};
    std::unique_ptr<Api> m_api;
    QString m_counter;
    QString m_otherCounter;
    QString m_key; ///< a supervisor key of the hall, held by the supervising office

    Answer call(
        const QByteArray &method, const QString &path, const QString &token, const QJsonObject &body = {})
    {
        ApiRequest request;
        request.method = method;
        request.path = path.section(u'?', 0, 0);
        request.query = QUrlQuery(path.section(u'?', 1));
        request.remote = QHostAddress::LocalHost;
        request.headers.append(qMakePair(QByteArray("Authorization"), (u"Bearer "_s + token).toUtf8()));
        if (method == "POST")
            request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        QString credential;
        const ApiReply reply = m_api->handle(request, &credential);
        return {reply.status, QJsonDocument::fromJson(reply.body).object()};
    }
    Answer send(const QJsonArray &complaints, const QString &token = {})
    {
        return call("POST", u"/api/v1/complaints"_s, token.isEmpty() ? m_counter : token,
            {{u"complaints"_s, complaints}});
    }
    /// As supervisor 3001 signed in at W07 (a session of the clock's now: the tests move it by days).
    Answer supervise(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        Result<IssuedSecret> session
            = CredentialStore(*m_db, m_clock.clock()).issueSupervisorSession(kHall, u"3001"_s, u"ws"_s, 8);
        if (!session)
            return {};
        return call(method, u"/api/v1/supervision/"_s + path, session->secret, body);
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
    /// A complaint as the counter sends it, received at 10:00 of `day`.
    static QJsonObject complaint(QDate day, const QString &content = u"窗口人员态度生硬，材料一次没讲清"_s)
    {
        return QJsonObject {{u"id"_s, uuid()}, {u"channel"_s, u"window"_s}, {u"receivedAt"_s, localTime(day)},
            {u"complainant"_s, QJsonObject {{u"name"_s, u"陈先生"_s}, {u"mobile"_s, u"138 1234 5678"_s}}},
            {u"content"_s, content}, {u"case"_s, QJsonValue()}, {u"clerkStaffNumber"_s, u"1001"_s},
            {u"matterCode"_s, kMatter}, {u"recordedByStaffNumber"_s, u"1002"_s}};
    }
    QJsonObject listed(const QString &state)
    {
        const Answer answer = supervise("GET", u"complaints?state="_s + state);
        [&] { QCOMPARE(answer.status, 200); }();
        return answer.body;
    }
    QStringList numbers(const QJsonObject &list)
    {
        QStringList found;
        for (const QJsonValue &v : list.value(u"complaints"_s).toArray())
            found.append(v.toObject().value(u"number"_s).toString());
        return found;
    }
    /// The complaint warnings of the warnings answer, as "number/colour/clerk".
    QStringList complaintWarnings()
    {
        const Answer answer = supervise("GET", u"warnings"_s);
        QStringList found;
        for (const QJsonValue &v : answer.body.value(u"warnings"_s).toArray()) {
            const QJsonObject w = v.toObject();
            if (w.value(u"rule"_s).toString() == u"complaint-overdue"_s)
                found.append(w.value(u"complaint"_s).toString() + u'/' + w.value(u"colour"_s).toString()
                    + u'/' + w.value(u"clerkName"_s).toString());
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (postgresMissing())
            QSKIP("PostgreSQL tests need OW_TEST_POSTGRES; run them with scripts/with-postgres ctest -R "
                  "tst_complaintServer_postgres");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        Result<std::unique_ptr<storage::Database>> db = freshServerDatabase(*m_dir);
        QVERIFY2(db, db ? "" : qPrintable(db.error().toString()));
        m_db = std::move(*db);
        m_clock.set(QDateTime(QDate(2026, 3, 2), QTime(9, 0)).toUTC());
        for (const auto &[login, name, roles] :
            {std::tuple {u"1001"_s, u"张三"_s, u"intake"_s}, std::tuple {u"1002"_s, u"王芳"_s, u"intake"_s},
                std::tuple {u"3001"_s, u"李监察"_s, u"supervisor"_s}})
            QVERIFY(m_db->run(u"INSERT INTO hall_accounts (hall, login, login_key, display_name, roles,"
                              " password_hash, created, updated) VALUES (?, ?, ?, ?, ?, 'x', '', '')"_s,
                {kHall, login, login, name, roles}));
        m_db->finishStatements();
        CatalogueRepository catalogues(*m_db, m_dir->filePath(u"catalogues"_s), m_clock.clock());
        Result<sync::CataloguePackage> package = sync::CataloguePackage::fromDirectory(
            QStringLiteral(OW_DEMO_CATALOGUE), u"lucheng-demo"_s, u"2026.11.2"_s);
        QVERIFY(package);
        Result<CatalogueRepository::Outcome> published
            = catalogues.publish(*package, QJsonDocument(package->toJson()).toJson(QJsonDocument::Compact));
        QVERIFY2(published, published ? "" : qPrintable(published.error().toString()));
        m_db->finishStatements();
        m_counter = enrolledToken(kHall, u"W07"_s);
        m_otherCounter = enrolledToken(kOtherHall, u"W01"_s);
        CredentialStore store(*m_db, m_clock.clock());
        Result<IssuedSecret> key = store.issueSupervisorKey(kHall, u"监察室"_s);
        QVERIFY(key && !m_counter.isEmpty() && !m_otherCounter.isEmpty());
        m_key = key->secret;
        Api::Options options;
        options.dataDirectory = m_dir->path();
        m_api = std::make_unique<Api>(*m_db, options, m_clock.clock());
    }

    void cleanup()
    {
        m_api.reset();
        m_db.reset();
    }

    void batchStoredOnceWithNumbers()
    {
        const QDate monday(2026, 3, 2);
        QJsonObject first = complaint(monday);
        first.insert(u"case"_s, caseNumber(1));
        const QJsonObject second = complaint(monday, u"等了两个小时"_s);
        const QJsonArray batch {first, second};
        Answer answer = send(batch);
        QCOMPARE(answer.status, 200);
        QJsonArray results = answer.body.value(u"results"_s).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toObject().value(u"status"_s).toString(), u"stored"_s);
        QCOMPARE(results.at(0).toObject().value(u"number"_s).toString(), u"TS20260302001"_s);
        QCOMPARE(results.at(1).toObject().value(u"number"_s).toString(), u"TS20260302002"_s);

        // Sent again (the answer was lost): nothing stored twice, the same numbers.
        answer = send(batch);
        results = answer.body.value(u"results"_s).toArray();
        QCOMPARE(results.at(0).toObject().value(u"status"_s).toString(), u"duplicate"_s);
        QCOMPARE(results.at(0).toObject().value(u"number"_s).toString(), u"TS20260302001"_s);
        QCOMPARE(results.at(1).toObject().value(u"status"_s).toString(), u"duplicate"_s);
        QCOMPARE(numbers(listed(u"all"_s)), (QStringList {u"TS20260302001"_s, u"TS20260302002"_s}));

        // Another hall's counter cannot take the id, nor see the complaint.
        answer = send({first}, m_otherCounter);
        QCOMPARE(answer.body.value(u"results"_s).toArray().at(0).toObject().value(u"status"_s).toString(),
            u"rejected"_s);

        // The next day's numbers start again at 001; one recorded offline keeps its own day's.
        m_clock.set(QDateTime(QDate(2026, 3, 3), QTime(9, 0)).toUTC());
        answer = send({complaint(QDate(2026, 3, 3)), complaint(monday)});
        results = answer.body.value(u"results"_s).toArray();
        QCOMPARE(results.at(0).toObject().value(u"number"_s).toString(), u"TS20260303001"_s);
        QCOMPARE(results.at(1).toObject().value(u"number"_s).toString(), u"TS20260302003"_s);

        // The complaint as the supervisor reads it: names resolved from the accounts and catalogue.
        const QJsonObject stored = listed(u"all"_s).value(u"complaints"_s).toArray().at(0).toObject();
        QCOMPARE(stored.value(u"case"_s).toString(), caseNumber(1));
        QCOMPARE(stored.value(u"clerk"_s).toObject().value(u"name"_s).toString(), u"张三"_s);
        QCOMPARE(stored.value(u"recordedBy"_s).toObject().value(u"name"_s).toString(), u"王芳"_s);
        QCOMPARE(stored.value(u"matter"_s).toObject().value(u"name"_s).toString(),
            u"公共场所卫生许可（新发证）"_s);
        QCOMPARE(stored.value(u"complainant"_s).toObject().value(u"mobile"_s).toString(), u"13812345678"_s);
        QCOMPARE(stored.value(u"state"_s).toString(), u"received"_s);
        QCOMPARE(stored.value(u"assignee"_s).type(), QJsonValue::Null);
        QCOMPARE(stored.value(u"history"_s).toArray().size(), 1);
        QCOMPARE(stored.value(u"history"_s).toArray().at(0).toObject().value(u"action"_s).toString(),
            u"recorded"_s);

        // More than 50 in one batch is refused whole.
        QJsonArray many;
        for (int i = 0; i < 51; ++i)
            many.append(complaint(monday));
        QCOMPARE(send(many).status, 422);
        QCOMPARE(numbers(listed(u"all"_s)).size(), 4);
    }

    void rejectedFieldsNamed_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown clerk")
            << u"clerkStaffNumber"_s << QJsonValue(u"9999"_s) << u"clerkStaffNumber"_s;
        QTest::newRow("unknown recorder")
            << u"recordedByStaffNumber"_s << QJsonValue(u"9998"_s) << u"recordedByStaffNumber"_s;
        QTest::newRow("no recorder") << u"recordedByStaffNumber"_s << QJsonValue()
                                     << u"recordedByStaffNumber"_s;
        QTest::newRow("unknown matter")
            << u"matterCode"_s << QJsonValue(u"330302-XX-999"_s) << u"matterCode"_s;
        QTest::newRow("other hall's case") << u"case"_s << QJsonValue(caseNumber(1, kOtherHall)) << u"case"_s;
        QTest::newRow("not a case number") << u"case"_s << QJsonValue(u"12345"_s) << u"case"_s;
        QTest::newRow("channel") << u"channel"_s << QJsonValue(u"letter"_s) << u"channel"_s;
        QTest::newRow("empty content") << u"content"_s << QJsonValue(u"   "_s) << u"content"_s;
        QTest::newRow("long content") << u"content"_s << QJsonValue(QString(2001, u'投')) << u"content"_s;
        QTest::newRow("mobile") << u"complainant"_s
                                << QJsonValue(QJsonObject {{u"name"_s, u"陈"_s}, {u"mobile"_s, u"12345"_s}})
                                << u"complainant.mobile"_s;
        QTest::newRow("time") << u"receivedAt"_s << QJsonValue(u"yesterday"_s) << u"receivedAt"_s;
        QTest::newRow("future") << u"receivedAt"_s << QJsonValue(localTime(QDate(2026, 3, 5)))
                                << u"receivedAt"_s;
    }
    void rejectedFieldsNamed()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        QJsonObject bad = complaint(QDate(2026, 3, 2));
        if (value.isNull())
            bad.remove(key);
        else
            bad.insert(key, value);
        const Answer answer = send({bad, complaint(QDate(2026, 3, 2))});
        QCOMPARE(answer.status, 200);
        const QJsonObject refused = answer.body.value(u"results"_s).toArray().at(0).toObject();
        QCOMPARE(refused.value(u"status"_s).toString(), u"rejected"_s);
        QCOMPARE(refused.value(u"field"_s).toString(), field);
        QVERIFY(!refused.value(u"message"_s).toString().isEmpty());
        // The other complaint of the batch is stored all the same; the refused one is not.
        QCOMPARE(answer.body.value(u"results"_s).toArray().at(1).toObject().value(u"status"_s).toString(),
            u"stored"_s);
        QCOMPARE(numbers(listed(u"all"_s)), QStringList {u"TS20260302001"_s});
        // The supervisor's own recording refuses the same with 422 naming the field.
        bad.insert(u"id"_s, uuid());
        const Answer single = supervise("POST", u"complaints"_s, bad);
        if (field != u"recordedByStaffNumber"_s || !value.isNull()) {
            QCOMPARE(single.status, 422);
            QCOMPARE(single.body.value(u"field"_s).toString(), field);
        } else {
            // Signed in, the supervisor is who recorded it.
            QCOMPARE(single.status, 201);
            QCOMPARE(single.body.value(u"complaint"_s)
                         .toObject()
                         .value(u"recordedBy"_s)
                         .toObject()
                         .value(u"name"_s)
                         .toString(),
                u"李监察"_s);
        }
    }

    void deadlineOnTheCalendar()
    {
        // Wednesday 30 September: Thursday 1 to Wednesday 7 October are National Day, Saturday 10
        // October is worked in exchange. Five working days: 8, 9, 10, 12, 13 October.
        m_clock.set(QDateTime(QDate(2026, 10, 14), QTime(9, 0)).toUTC());
        QJsonObject holiday = complaint(QDate(2026, 9, 30));
        // Friday 6 March: the weekend between, due Friday 13 March.
        QJsonObject weekend = complaint(QDate(2026, 3, 6));
        QCOMPARE(send({holiday, weekend}).status, 200);
        QHash<QString, QString> deadlines;
        for (const QJsonValue &v : listed(u"all"_s).value(u"complaints"_s).toArray())
            deadlines.insert(
                v.toObject().value(u"id"_s).toString(), v.toObject().value(u"deadline"_s).toString());
        QCOMPARE(deadlines.value(holiday.value(u"id"_s).toString()), u"2026-10-13"_s);
        QCOMPARE(deadlines.value(weekend.value(u"id"_s).toString()), u"2026-03-13"_s);
    }

    void transitionsAndHistory()
    {
        QJsonObject sent = complaint(QDate(2026, 3, 2));
        const QString id = sent.value(u"id"_s).toString();
        QCOMPARE(send({sent}).status, 200);
        const QString path = u"complaints/"_s + id + u'/';

        // Closing needs a reply first: 409 naming the state.
        Answer answer = supervise("POST", path + u"close"_s, {{u"result"_s, u"satisfied"_s}});
        QCOMPARE(answer.status, 409);
        QCOMPARE(answer.body.value(u"state"_s).toString(), u"received"_s);
        QVERIFY(
            answer.body.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"received"_s));

        QCOMPARE(supervise("POST", path + u"assign"_s, {{u"staffNumber"_s, u"9999"_s}})
                     .body.value(u"field"_s)
                     .toString(),
            u"staffNumber"_s);
        answer = supervise("POST", path + u"assign"_s, {{u"staffNumber"_s, u"1002"_s}});
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body.value(u"complaint"_s).toObject().value(u"state"_s).toString(), u"assigned"_s);
        QCOMPARE(answer.body.value(u"complaint"_s)
                     .toObject()
                     .value(u"assignee"_s)
                     .toObject()
                     .value(u"name"_s)
                     .toString(),
            u"王芳"_s);

        QCOMPARE(supervise("POST", path + u"reply"_s, {{u"text"_s, u""_s}}).body.value(u"field"_s).toString(),
            u"text"_s);
        m_clock.set(QDateTime(QDate(2026, 3, 3), QTime(15, 0)).toUTC());
        answer = supervise("POST", path + u"reply"_s, {{u"text"_s, u"已约谈当事人，次日电话致歉"_s}});
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body.value(u"complaint"_s).toObject().value(u"state"_s).toString(), u"replied"_s);

        answer = supervise("POST", path + u"assign"_s, {{u"staffNumber"_s, u"1001"_s}});
        QCOMPARE(answer.status, 409);
        QCOMPARE(answer.body.value(u"state"_s).toString(), u"replied"_s);
        QCOMPARE(supervise("POST", path + u"close"_s, {{u"result"_s, u"happy"_s}})
                     .body.value(u"field"_s)
                     .toString(),
            u"result"_s);
        answer = supervise("POST", path + u"close"_s, {{u"result"_s, u"satisfied"_s}});
        QCOMPARE(answer.status, 200);
        const QJsonObject closed = answer.body.value(u"complaint"_s).toObject();
        QCOMPARE(closed.value(u"state"_s).toString(), u"closed"_s);
        QCOMPARE(closed.value(u"result"_s).toString(), u"satisfied"_s);
        QCOMPARE(closed.value(u"reply"_s).toString(), u"已约谈当事人，次日电话致歉"_s);
        QVERIFY(!closed.value(u"closedAt"_s).toString().isEmpty());
        QCOMPARE(supervise("POST", path + u"reply"_s, {{u"text"_s, u"再答复"_s}})
                     .body.value(u"state"_s)
                     .toString(),
            u"closed"_s);

        QStringList steps;
        for (const QJsonValue &v : closed.value(u"history"_s).toArray()) {
            const QJsonObject step = v.toObject();
            steps.append(step.value(u"action"_s).toString() + u'/'
                + step.value(u"by"_s).toObject().value(u"name"_s).toString());
        }
        QCOMPARE(steps,
            (QStringList {
                u"recorded/王芳"_s, u"assigned/李监察"_s, u"replied/李监察"_s, u"closed/李监察"_s}));
        QCOMPARE(supervise("POST", u"complaints/nope/reply"_s, {{u"text"_s, u"x"_s}}).status, 404);

        // A supervisor key names no account: the complaint must say who took it.
        QJsonObject hotline = complaint(QDate(2026, 3, 3), u"12345转来：办件超期未办结"_s);
        hotline.insert(u"channel"_s, u"12345"_s);
        hotline.remove(u"recordedByStaffNumber"_s);
        answer = call("POST", u"/api/v1/supervision/complaints"_s, m_key, hotline);
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.body.value(u"field"_s).toString(), u"recordedByStaffNumber"_s);
        hotline.insert(u"recordedByStaffNumber"_s, u"3001"_s);
        answer = call("POST", u"/api/v1/supervision/complaints"_s, m_key, hotline);
        QCOMPARE(answer.status, 201);
        QCOMPARE(answer.body.value(u"complaint"_s).toObject().value(u"channel"_s).toString(), u"12345"_s);
        QCOMPARE(call("POST", u"/api/v1/supervision/complaints"_s, m_key, hotline).status, 200);
        // A counter's token reads no supervision.
        QCOMPARE(call("GET", u"/api/v1/supervision/complaints"_s, m_counter).status, 403);
    }

    void overdueIsAWarningUntilClosed()
    {
        // Received Monday 2 March, due Monday 9 March; assigned to 王芳.
        const QJsonObject sent = complaint(QDate(2026, 3, 2));
        const QString id = sent.value(u"id"_s).toString();
        QCOMPARE(send({sent}).status, 200);
        QCOMPARE(
            supervise("POST", u"complaints/"_s + id + u"/assign"_s, {{u"staffNumber"_s, u"1002"_s}}).status,
            200);
        SupervisionWatch watch(*m_db, m_clock.clock(), {});

        m_clock.set(QDateTime(QDate(2026, 3, 9), QTime(17, 0)).toUTC());
        QVERIFY(watch.evaluate());
        QVERIFY(complaintWarnings().isEmpty());
        QCOMPARE(listed(u"overdue"_s).value(u"complaints"_s).toArray().size(), 0);

        m_clock.set(QDateTime(QDate(2026, 3, 11), QTime(9, 0)).toUTC());
        Result<SupervisionWatch::Round> round = watch.evaluate();
        QVERIFY(round);
        QCOMPARE(round->halls, 1); // a hall with complaints and no case yet is watched too
        // The round recorded it without anyone looking.
        const Answer history = supervise("GET", u"history"_s);
        const QJsonArray rows = history.body.value(u"history"_s).toArray();
        QCOMPARE(rows.size(), 1);
        const QJsonObject warning = rows.at(0).toObject().value(u"warning"_s).toObject();
        QCOMPARE(warning.value(u"complaint"_s).toString(), u"TS20260302001"_s);
        QCOMPARE(warning.value(u"stage"_s).toString(), u"complaint"_s);
        QCOMPARE(warning.value(u"due"_s).toString(), u"2026-03-09"_s);
        QVERIFY2(warning.value(u"detail"_s).toString().contains(u"2 day"_s),
            qPrintable(warning.value(u"detail"_s).toString()));
        QVERIFY(warning.value(u"detail"_s).toString().contains(u"张三"_s)); // the subject: who it is about
        QCOMPARE(complaintWarnings(), QStringList {u"TS20260302001/red/王芳"_s});
        const QJsonObject overdue = listed(u"overdue"_s);
        QCOMPARE(numbers(overdue), QStringList {u"TS20260302001"_s});
        QCOMPARE(
            overdue.value(u"complaints"_s).toArray().at(0).toObject().value(u"overdue"_s).toBool(), true);
        QCOMPARE(overdue.value(u"counts"_s).toObject().value(u"overdue"_s).toInt(), 1);

        // Replied is still open; closed, the next round closes the warning.
        QCOMPARE(
            supervise("POST", u"complaints/"_s + id + u"/reply"_s, {{u"text"_s, u"已整改"_s}}).status, 200);
        QVERIFY(watch.evaluate());
        QCOMPARE(complaintWarnings().size(), 1);
        QCOMPARE(
            supervise("POST", u"complaints/"_s + id + u"/close"_s, {{u"result"_s, u"unreachable"_s}}).status,
            200);
        QVERIFY(watch.evaluate());
        const QJsonArray after = supervise("GET", u"history"_s).body.value(u"history"_s).toArray();
        QCOMPARE(after.size(), 1);
        QVERIFY(!after.at(0).toObject().value(u"closed"_s).toString().isEmpty());
        QVERIFY(complaintWarnings().isEmpty());
        // As the day it was late stood, it still is a warning.
        const Answer past = supervise("GET", u"warnings?day=2026-03-10"_s);
        QCOMPARE(past.body.value(u"warnings"_s).toArray().size(), 1);
    }

    void figuresOnTheDesk()
    {
        // March: three at the counter, one from 12345; one closed on time, one closed late, one
        // open and overdue, one open in time.
        const QDate monday(2026, 3, 2);
        QJsonObject onTime = complaint(monday);
        QJsonObject late = complaint(monday);
        QJsonObject overdue = complaint(monday);
        QJsonObject fresh = complaint(QDate(2026, 3, 16));
        fresh.insert(u"channel"_s, u"12345"_s);
        fresh.insert(u"clerkStaffNumber"_s, QJsonValue());
        // February's complaint counts only while open.
        QJsonObject february = complaint(QDate(2026, 2, 27));
        QCOMPARE(send({onTime, late, overdue, february}).status, 200);
        const auto finish = [&](const QJsonObject &c) {
            const QString path = u"complaints/"_s + c.value(u"id"_s).toString() + u'/';
            QCOMPARE(supervise("POST", path + u"reply"_s, {{u"text"_s, u"已答复"_s}}).status, 200);
            QCOMPARE(supervise("POST", path + u"close"_s, {{u"result"_s, u"satisfied"_s}}).status, 200);
        };
        m_clock.set(QDateTime(QDate(2026, 3, 5), QTime(9, 0)).toUTC());
        finish(onTime);
        finish(february);
        m_clock.set(QDateTime(QDate(2026, 3, 16), QTime(9, 0)).toUTC());
        finish(late);
        QCOMPARE(send({fresh}).status, 200);
        m_clock.set(QDateTime(QDate(2026, 3, 17), QTime(9, 0)).toUTC());

        const QJsonObject counts = listed(u"open"_s).value(u"counts"_s).toObject();
        QCOMPARE(counts.value(u"open"_s).toInt(), 2);
        QCOMPARE(counts.value(u"overdue"_s).toInt(), 1);
        QCOMPARE(counts.value(u"closedThisMonth"_s).toInt(), 3);
        QCOMPARE(counts.value(u"closedOnTime"_s).toInt(), 2);
        QCOMPARE(counts.value(u"receivedThisMonth"_s).toInt(), 4);
        QCOMPARE(counts.value(u"byChannel"_s).toObject().value(u"window"_s).toInt(), 3);
        QCOMPARE(counts.value(u"byChannel"_s).toObject().value(u"12345"_s).toInt(), 1);
        QCOMPARE(counts.value(u"byChannel"_s).toObject().value(u"online"_s).toInt(), 0);
        QCOMPARE(listed(u"closed"_s).value(u"complaints"_s).toArray().size(), 3);
        QCOMPARE(listed(u"open"_s).value(u"complaints"_s).toArray().size(), 2);
        QCOMPARE(supervise("GET", u"complaints?state=late"_s).body.value(u"field"_s).toString(), u"state"_s);

        // The clerks' table counts the complaints naming each clerk, in the period asked.
        const auto complaintsOf = [&](const QString &query) {
            QHash<QString, QJsonValue> found;
            for (const QJsonValue &v :
                supervise("GET", u"clerks"_s + query).body.value(u"clerks"_s).toArray())
                found.insert(
                    v.toObject().value(u"clerkName"_s).toString(), v.toObject().value(u"complaints"_s));
            return found;
        };
        QCOMPARE(complaintsOf({}).value(u"张三"_s).toInt(), 4);
        QCOMPARE(complaintsOf(u"?from=2026-03-01&to=2026-03-31"_s).value(u"张三"_s).toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestComplaintServer)
#include "tst_complaintServer.moc"
