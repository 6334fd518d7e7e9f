// Clerks' points on the server, through the API as the counters and supervisors reach it: clerk
// activities posted by workstations (a resend stored once, an unknown kind refused with nothing of
// its batch stored, an id another hall holds refused, each hall seeing only its own), the monthly
// ranking adding up to the events and activities, one clerk's items summing to the total, a
// correction stored with its reason and shown among the items, corrections without a reason or for
// nobody refused, the [points] settings file; the review items of a published catalogue submission
// earned by its editor, each traced to the submission and item; a bundle's practice qualifying each
// of its matters. Runs on SQLite, and as tst_pointsServer_postgres on OW_TEST_POSTGRES.

#include "CaseTestSupport.h"
#include "ServerDatabaseSupport.h"
#include "ServerTestSupport.h"
#include "cases/QrToken.h"
#include "core/ManualClock.h"
#include "server/Api.h"
#include "server/CredentialStore.h"
#include "server/PointsSettingsFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::server;
using namespace ow::server::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kHall = u"33030201"_s;
const QString kOtherHall = u"33030202"_s;
const QDate kDay(2026, 3, 16);

QDateTime at(QDate day, int hour)
{
    return QDateTime(day, QTime(hour, 0)).toUTC();
}

QJsonObject activity(
    const QString &id, const QString &kind, const QString &clerk, const QString &matter, bool passed = true)
{
    return QJsonObject {{u"id"_s, id}, {u"kind"_s, kind}, {u"staffNumber"_s, clerk},
        {u"clerkName"_s, u"某人"_s}, {u"at"_s, CaseJson::timeText(at(kDay, 11))}, {u"matter"_s, matter},
        {u"detail"_s,
            kind == u"practice"_s
                ? QJsonObject {{u"situation"_s, u"lodging"_s}, {u"score"_s, passed ? 9 : 2},
                    {u"maxScore"_s, 10}, {u"passed"_s, passed}, {u"missed"_s, QJsonArray()}}
                : QJsonObject {{u"answers"_s, QJsonObject()}, {u"checklistPrinted"_s, true}}}};
}

} // namespace

class TestPointsServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    ManualClock m_clock {at(kDay, 17)};
    std::unique_ptr<Api> m_api;
    QString m_workstation;
    QString m_otherWorkstation;
    QString m_supervisor;
    QString m_otherSupervisor;

    struct Reply
    {
        int status = 0;
        QJsonObject body;
    };

    Reply call(
        const QByteArray &method, const QString &path, const QString &secret, const QJsonObject &body = {})
    {
        ApiRequest request;
        request.method = method;
        request.path = path.section(u'?', 0, 0);
        request.query = QUrlQuery(path.section(u'?', 1));
        request.headers.append({"Authorization", "Bearer " + secret.toUtf8()});
        if (method == "POST")
            request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        QString id;
        const ApiReply reply = m_api->handle(request, &id);
        return Reply {reply.status, QJsonDocument::fromJson(reply.body).object()};
    }
    Reply postActivities(const QString &secret, const QJsonArray &list)
    {
        return call("POST", u"/api/v1/activities"_s, secret, QJsonObject {{u"activities"_s, list}});
    }
    Reply points(const QString &query = {}, const QString &secret = {})
    {
        return call("GET", u"/api/v1/supervision/points"_s + query, secret.isEmpty() ? m_supervisor : secret);
    }
    QString workstationFor(const QString &hall, const QString &counter)
    {
        CredentialStore credentials(*m_db, m_clock.clock());
        const Result<IssuedSecret> code = credentials.issueEnrolCode(hall, counter);
        const auto enrolled = credentials.enrol(code.value().secret, u"pc"_s);
        m_db->finishStatements();
        return enrolled.value()->second;
    }
    void addClerk(const QString &hall, const QString &login, const QString &name, const QString &roles)
    {
        QVERIFY(m_db->run(
            u"INSERT INTO hall_accounts (hall, login, login_key, display_name, roles, password_hash,"
            " created, updated) VALUES (?, ?, ?, ?, ?, 'x', '', '')"_s,
            {hall, login, login, name, roles}));
        m_db->finishStatements();
    }
    /// Case `serial` accepted by clerk-042 at 10:00 and rated `rating` at 11:00 (no rating: 0).
    void acceptedAndRated(int serial, int rating, QStringList *eventIds)
    {
        Case c = cases::testing::draft();
        c.number = caseNumber(serial);
        c.qrToken = QrToken::generate();
        c.hall = kHall;
        c.counter = u"W07"_s;
        c.firstHandler = u"clerk-042"_s;
        c.created = at(kDay, 9);
        c.updated = at(kDay, 9);
        QJsonArray entries {outboxEntry(&c, c.number, EventKind::Created, at(kDay, 9), CaseState::Draft),
            outboxEntry(&c, c.number, EventKind::Accepted, at(kDay, 10), CaseState::Accepted)};
        eventIds->append(entries.at(1).toObject().value(u"event"_s).toObject().value(u"id"_s).toString());
        if (rating) {
            QJsonObject note
                = outboxEntry(nullptr, c.number, EventKind::Note, at(kDay, 11), CaseState::Accepted);
            QJsonObject e = note.value(u"event"_s).toObject();
            e.insert(u"payload"_s, QJsonObject {{u"evaluation"_s, rating}});
            note.insert(u"event"_s, e);
            eventIds->append(e.value(u"id"_s).toString());
            entries.append(note);
        }
        ApiRequest request;
        request.method = "POST";
        request.path = u"/api/v1/events"_s;
        request.headers.append({"Authorization", "Bearer " + m_workstation.toUtf8()});
        request.body = batch(entries);
        QString id;
        const ApiReply reply = m_api->handle(request, &id);
        QCOMPARE(reply.status, 200);
        for (const QJsonValue &r : QJsonDocument::fromJson(reply.body).object().value(u"results"_s).toArray())
            QVERIFY2(r.toObject().value(u"status"_s).toString() == u"stored"_s,
                qPrintable(r.toObject().value(u"message"_s).toString()));
    }

    /// A catalogue submission `id` by `editor` with `items` review items, published at `published`
    /// (invalid: not published), as the review's tables hold it.
    void catalogueSubmission(qint64 id, const QString &editor, int items, const QDateTime &published)
    {
        const QString time = CaseJson::timeText(at(kDay, 8));
        QVERIFY(
            m_db->run(u"INSERT INTO catalogue_submissions (id, version, catalogue_id, package_sha256, path,"
                      " reason, effective, editor, state, submitted, updated)"
                      " VALUES (?, ?, 'demo', 'x', 'x', '改', ?, ?, ?, ?, ?)"_s,
                {id, u"1.%1"_s.arg(id), kDay.toString(Qt::ISODate), editor,
                    published.isValid() ? u"published"_s : u"accepted"_s, time, time}));
        for (int i = 0; i < items; ++i)
            QVERIFY(m_db->run(
                u"INSERT INTO catalogue_review_items (submission, item, kind, change, title, matter,"
                " position) VALUES (?, ?, 'material', 'changed', ?, '330302-WJ-001', ?)"_s,
                {id, u"material:m%1"_s.arg(i), u"材料%1（改）"_s.arg(i), i}));
        if (published.isValid())
            QVERIFY(
                m_db->run(u"INSERT INTO catalogue_publications (version, effective, published, submission)"
                          " VALUES (?, ?, ?, ?)"_s,
                    {u"1.%1"_s.arg(id), kDay.toString(Qt::ISODate), CaseJson::timeText(published), id}));
        m_db->finishStatements();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (postgresMissing())
            QSKIP("OW_TEST_POSTGRES is not set: run under scripts/with-postgres");
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        Result<std::unique_ptr<storage::Database>> db = freshServerDatabase(*m_dir);
        QVERIFY2(db, db ? "" : qPrintable(db.error().toString()));
        m_db = std::move(*db);
        m_clock.set(at(kDay, 17));
        Api::Options options;
        options.dataDirectory = m_dir->path();
        m_api = std::make_unique<Api>(*m_db, options, m_clock.clock());
        m_workstation = workstationFor(kHall, u"W07"_s);
        m_otherWorkstation = workstationFor(kOtherHall, u"W01"_s);
        CredentialStore credentials(*m_db, m_clock.clock());
        m_supervisor = credentials.issueSupervisorKey(kHall, u"电子监察室"_s).value().secret;
        m_otherSupervisor = credentials.issueSupervisorKey(kOtherHall, u"另一大厅"_s).value().secret;
        m_db->finishStatements();
        addClerk(kHall, u"clerk-042"_s, u"王芳"_s, u"intake"_s);
        addClerk(kHall, u"clerk-043"_s, u"李明"_s, u"intake,pickup"_s);
        addClerk(kHall, u"9000"_s, u"管理员"_s, u"admin,supervisor"_s);
    }
    void cleanup()
    {
        m_api.reset();
        m_db.reset();
        m_dir.reset();
    }

    void pointsAddUpToTheEventsAndActivities()
    {
        QStringList eventIds;
        acceptedAndRated(1, 5, &eventIds);
        acceptedAndRated(2, 1, &eventIds);
        acceptedAndRated(3, 0, &eventIds);
        const QJsonArray sent {activity(u"act-1"_s, u"consultation"_s, u"clerk-043"_s, u"330302-WJ-001"_s),
            activity(u"act-2"_s, u"practice"_s, u"clerk-043"_s, u"330302-WJ-001"_s),
            activity(u"act-3"_s, u"practice"_s, u"clerk-043"_s, u"330302-WJ-002"_s, false)};
        Reply posted = postActivities(m_workstation, sent);
        QCOMPARE(posted.status, 200);
        for (const QJsonValue &r : posted.body.value(u"results"_s).toArray())
            QCOMPARE(r.toObject().value(u"status"_s).toString(), u"stored"_s);
        // The counter did not hear the answer and sends again: stored once.
        posted = postActivities(m_workstation, sent);
        QCOMPARE(posted.status, 200);
        for (const QJsonValue &r : posted.body.value(u"results"_s).toArray())
            QCOMPARE(r.toObject().value(u"status"_s).toString(), u"duplicate"_s);

        const Reply ranking = points(u"?month=2026-03"_s);
        QCOMPARE(ranking.status, 200);
        QCOMPARE(ranking.body.value(u"month"_s).toString(), u"2026-03"_s);
        QCOMPARE(ranking.body.value(u"weights"_s).toObject().value(u"rating_1"_s).toInt(), -5);
        const QJsonArray clerks = ranking.body.value(u"clerks"_s).toArray();
        QCOMPARE(clerks.size(), 2); // the administrator earned nothing and is not a counter clerk
        // 李明: consultation 1 + practice passed 5 (the failed one earns nothing).
        QCOMPARE(clerks.at(0).toObject().value(u"staffNumber"_s).toString(), u"clerk-043"_s);
        QCOMPARE(clerks.at(0).toObject().value(u"points"_s).toInt(), 6);
        QCOMPARE(clerks.at(0).toObject().value(u"qualifiedMatters"_s).toInt(), 1);
        QCOMPARE(clerks.at(0).toObject().value(u"rank"_s).toInt(), 1);
        // 王芳: three cases taken in (3 × 1), rated 5 (+2) and 1 (−5).
        const QJsonObject wang = clerks.at(1).toObject();
        QCOMPARE(wang.value(u"name"_s).toString(), u"王芳"_s);
        QCOMPARE(wang.value(u"points"_s).toInt(), 0);
        QCOMPARE(wang.value(u"grade"_s).toInt(), 1);
        QCOMPARE(wang.value(u"rank"_s).toInt(), 2);

        // The drill-down: every item names the event behind it, and the items make the total.
        Reply items = call("GET", u"/api/v1/supervision/points/clerk-042?month=2026-03"_s, m_supervisor);
        QCOMPARE(items.status, 200);
        QStringList traced;
        int sum = 0;
        for (const QJsonValue &v : items.body.value(u"items"_s).toArray()) {
            traced.append(v.toObject().value(u"event"_s).toString());
            sum += v.toObject().value(u"points"_s).toInt();
            QVERIFY(!v.toObject().value(u"case"_s).toString().isEmpty());
        }
        traced.sort();
        eventIds.sort();
        QCOMPARE(traced, eventIds);
        QCOMPARE(sum, items.body.value(u"points"_s).toInt());

        // A correction is a row with its reason, shown among the items; the earned ones stay.
        Reply corrected = call("POST", u"/api/v1/supervision/points/corrections"_s, m_supervisor,
            QJsonObject {{u"staffNumber"_s, u"clerk-042"_s}, {u"points"_s, 3}, {u"reason"_s, u"代岗补录"_s},
                {u"by"_s, u"李主任"_s}});
        QCOMPARE(corrected.status, 201);
        QCOMPARE(corrected.body.value(u"month"_s).toString(), u"2026-03"_s);
        items = call("GET", u"/api/v1/supervision/points/clerk-042?month=2026-03"_s, m_supervisor);
        QCOMPARE(items.body.value(u"points"_s).toInt(), 3);
        const QJsonArray list = items.body.value(u"items"_s).toArray();
        QCOMPARE(list.size(), eventIds.size() + 1);
        const QJsonObject correction = list.last().toObject();
        QCOMPARE(correction.value(u"kind"_s).toString(), u"correction"_s);
        QCOMPARE(correction.value(u"reason"_s).toString(), u"代岗补录"_s);
        QCOMPARE(correction.value(u"by"_s).toString(), u"李主任"_s);
        QCOMPARE(correction.value(u"event"_s).toString(), corrected.body.value(u"id"_s).toString());

        // Another month: the clerks are listed, with nothing.
        const QJsonArray february = points(u"?month=2026-02"_s).body.value(u"clerks"_s).toArray();
        QCOMPARE(february.size(), 2);
        QCOMPARE(february.at(0).toObject().value(u"points"_s).toInt(), 0);
        // The clerks' figures now count consultations.
        const QJsonArray figures
            = call("GET", u"/api/v1/supervision/clerks"_s, m_supervisor).body.value(u"clerks"_s).toArray();
        for (const QJsonValue &v : figures)
            QCOMPARE(v.toObject().value(u"consultations"_s).toInt(),
                v.toObject().value(u"clerk"_s).toString() == u"clerk-043"_s ? 1 : 0);
    }

    void catalogueItemsEarnedByThePublishedSubmissionsEditor()
    {
        // 李明 (clerk-043) edited submission 7 with three changed items, published in March: one
        // item each. Submission 8 by the publisher key's holder earns nobody anything; submission 9
        // is accepted but not published; submission 10 was published in February.
        catalogueSubmission(7, u"clerk-043"_s, 3, at(kDay, 9));
        catalogueSubmission(8, u"目录办"_s, 2, at(kDay, 9));
        catalogueSubmission(9, u"clerk-043"_s, 2, QDateTime());
        catalogueSubmission(10, u"clerk-043"_s, 1, at(QDate(2026, 2, 20), 9));
        // Rolling back to 1.7 later republishes it and earns nothing again.
        QVERIFY(m_db->run(
            u"INSERT INTO catalogue_publications (version, effective, published, submission, rollback)"
            " VALUES ('1.7', ?, ?, 7, 1)"_s,
            {kDay.toString(Qt::ISODate), CaseJson::timeText(at(kDay, 12))}));
        m_db->finishStatements();

        const Reply items
            = call("GET", u"/api/v1/supervision/points/clerk-043?month=2026-03"_s, m_supervisor);
        QCOMPARE(items.status, 200);
        const QJsonArray list = items.body.value(u"items"_s).toArray();
        QCOMPARE(list.size(), 3);
        QStringList traced;
        for (const QJsonValue &v : list) {
            const QJsonObject item = v.toObject();
            QCOMPARE(item.value(u"kind"_s).toString(), u"catalogue-item"_s);
            QCOMPARE(item.value(u"points"_s).toInt(), 2); // the default catalogue_item weight
            QCOMPARE(item.value(u"submission"_s).toInteger(), 7);
            QCOMPARE(item.value(u"matter"_s).toString(), u"330302-WJ-001"_s);
            QCOMPARE(item.value(u"at"_s).toString(), CaseJson::timeText(at(kDay, 9)));
            traced.append(item.value(u"event"_s).toString() + u' ' + item.value(u"reason"_s).toString());
        }
        QCOMPARE(traced,
            (QStringList {
                u"material:m0 材料0（改）"_s, u"material:m1 材料1（改）"_s, u"material:m2 材料2（改）"_s}));
        QCOMPARE(items.body.value(u"points"_s).toInt(), 6);
        // February has the one item of submission 10.
        const Reply february
            = call("GET", u"/api/v1/supervision/points/clerk-043?month=2026-02"_s, m_supervisor);
        QCOMPARE(february.body.value(u"points"_s).toInt(), 2);
        // Nobody else earned anything from the catalogue.
        for (const QJsonValue &v : points(u"?month=2026-03"_s).body.value(u"clerks"_s).toArray())
            if (v.toObject().value(u"staffNumber"_s).toString() != u"clerk-043"_s)
                QCOMPARE(v.toObject().value(u"points"_s).toInt(), 0);
    }

    void bundlePracticeQualifiesItsMatters()
    {
        // A passed practice of a bundle: recorded under the bundle's id, its matters in the detail.
        QJsonObject bundle = activity(u"act-b"_s, u"practice"_s, u"clerk-043"_s, u"printing-enterprise"_s);
        QJsonObject detail = bundle.value(u"detail"_s).toObject();
        detail.insert(u"bundle"_s, u"printing-enterprise"_s);
        detail.insert(u"matters"_s, QJsonArray {u"330302-SC-001"_s, u"330302-WH-001"_s});
        bundle.insert(u"detail"_s, detail);
        QCOMPARE(postActivities(m_workstation, {bundle}).status, 200);
        const Reply items
            = call("GET", u"/api/v1/supervision/points/clerk-043?month=2026-03"_s, m_supervisor);
        QCOMPARE(items.status, 200);
        // Two matters qualified, not the one bundle id; the practice still earns its points once.
        QCOMPARE(items.body.value(u"qualifiedMatters"_s).toInt(), 2);
        QCOMPARE(items.body.value(u"items"_s).toArray().size(), 1);
        QCOMPARE(items.body.value(u"points"_s).toInt(), 5);
    }

    void refusedCorrectionsAndMonths_data()
    {
        QTest::addColumn<QJsonObject>("body");
        const QJsonObject good {{u"staffNumber"_s, u"clerk-042"_s}, {u"points"_s, -2},
            {u"reason"_s, u"迟到"_s}, {u"by"_s, u"李主任"_s}};
        QJsonObject noReason = good;
        noReason.insert(u"reason"_s, u"  "_s);
        QJsonObject noBy = good;
        noBy.remove(u"by"_s);
        QJsonObject zero = good;
        zero.insert(u"points"_s, 0);
        QJsonObject fraction = good;
        fraction.insert(u"points"_s, 1.5);
        QJsonObject nobody = good;
        nobody.insert(u"staffNumber"_s, u"clerk-999"_s);
        QJsonObject future = good;
        future.insert(u"month"_s, u"2026-04"_s);
        QTest::newRow("no reason") << noReason;
        QTest::newRow("no supervisor") << noBy;
        QTest::newRow("zero") << zero;
        QTest::newRow("fraction") << fraction;
        QTest::newRow("unknown clerk") << nobody;
        QTest::newRow("future month") << future;
    }
    void refusedCorrectionsAndMonths()
    {
        QFETCH(QJsonObject, body);
        const Reply refused = call("POST", u"/api/v1/supervision/points/corrections"_s, m_supervisor, body);
        QCOMPARE(refused.status, 422);
        QVERIFY(!refused.body.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
        // Nothing was stored.
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM point_corrections"_s).value().toInt(), 0);
        QCOMPARE(points(u"?month=March"_s).status, 422);
    }

    void activitiesRefusedOrKeptApart()
    {
        // An unknown kind refuses the batch, naming it; nothing of the batch is stored.
        QJsonObject lunch = activity(u"act-9"_s, u"consultation"_s, u"clerk-042"_s, u"M"_s);
        lunch.insert(u"kind"_s, u"lunch"_s);
        Reply refused = postActivities(
            m_workstation, {activity(u"act-8"_s, u"consultation"_s, u"clerk-042"_s, u"M"_s), lunch});
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.body.value(u"activity"_s).toString(), u"act-9"_s);
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM clerk_activities"_s).value().toInt(), 0);
        QJsonObject badScore = activity(u"act-7"_s, u"practice"_s, u"clerk-042"_s, u"M"_s);
        badScore.insert(
            u"detail"_s, QJsonObject {{u"score"_s, 11}, {u"maxScore"_s, 10}, {u"passed"_s, true}});
        QCOMPARE(postActivities(m_workstation, {badScore}).status, 422);
        // Dated two days ahead of the server: the counter's clock is wrong, its points would land in
        // a month not begun.
        QJsonObject ahead = activity(u"act-6"_s, u"consultation"_s, u"clerk-042"_s, u"M"_s);
        ahead.insert(u"at"_s, CaseJson::timeText(at(kDay.addDays(2), 17)));
        refused = postActivities(m_workstation, {ahead});
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.body.value(u"activity"_s).toString(), u"act-6"_s);
        QCOMPARE(postActivities(m_workstation, {}).status, 200);
        QCOMPARE(call("POST", u"/api/v1/activities"_s, m_workstation, QJsonObject {{u"x"_s, 1}}).status, 422);

        // Another hall's workstation: its activities are its hall's; an id this hall holds is refused.
        QCOMPARE(
            postActivities(m_workstation, {activity(u"act-1"_s, u"consultation"_s, u"clerk-042"_s, u"M"_s)})
                .status,
            200);
        const Reply other = postActivities(m_otherWorkstation,
            {activity(u"act-1"_s, u"consultation"_s, u"clerk-042"_s, u"M"_s),
                activity(u"act-2"_s, u"consultation"_s, u"clerk-042"_s, u"M"_s)});
        QCOMPARE(other.status, 200);
        const QJsonArray results = other.body.value(u"results"_s).toArray();
        QCOMPARE(results.at(0).toObject().value(u"status"_s).toString(), u"rejected"_s);
        QCOMPARE(results.at(0).toObject().value(u"code"_s).toString(), u"conflict"_s);
        QCOMPARE(results.at(1).toObject().value(u"status"_s).toString(), u"stored"_s);
        const auto consultationsOf = [&](const QString &secret) {
            int total = 0;
            for (const QJsonValue &v : points(u"?month=2026-03"_s, secret).body.value(u"clerks"_s).toArray())
                total += v.toObject().value(u"points"_s).toInt();
            return total;
        };
        QCOMPARE(consultationsOf(m_supervisor), 1);
        QCOMPARE(consultationsOf(m_otherSupervisor), 1);

        // Only workstations post activities; only supervisors read points.
        QCOMPARE(postActivities(m_supervisor, {}).status, 403);
        QCOMPARE(points({}, m_workstation).status, 403);
    }

    void weightsFromTheSettingsFile()
    {
        const QString path = m_dir->filePath(u"supervision.ini"_s);
        const auto write = [&](const QByteArray &text) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(text);
        };
        write("[supervision]\nyellow_days = 2\n\n[points]\nconsultation = 3\ngrade_2_points = 3\n"
              "grade_2_matters = 0\n");
        Result<supervision::PointsRules> rules = PointsSettingsFile::load(path);
        QVERIFY2(rules, rules ? "" : qPrintable(rules.error().toString()));
        Api::Options options;
        options.dataDirectory = m_dir->path();
        options.pointsRules = *rules;
        m_api = std::make_unique<Api>(*m_db, options, m_clock.clock());
        QCOMPARE(
            postActivities(m_workstation, {activity(u"act-1"_s, u"consultation"_s, u"clerk-043"_s, u"M"_s)})
                .status,
            200);
        const QJsonObject first = points().body.value(u"clerks"_s).toArray().first().toObject();
        QCOMPARE(first.value(u"points"_s).toInt(), 3);
        QCOMPARE(first.value(u"grade"_s).toInt(), 2);

        write("[points]\nconsultation = 3\nconsultations = 4\n");
        rules = PointsSettingsFile::load(path);
        QVERIFY(!rules);
        QCOMPARE(rules.error().where().line, 3);
        write("[points]\n\nrating_2 = bad\n");
        rules = PointsSettingsFile::load(path);
        QVERIFY(!rules);
        QCOMPARE(rules.error().where().line, 3);
    }
};

QTEST_GUILESS_MAIN(TestPointsServer)
#include "tst_pointsServer.moc"
