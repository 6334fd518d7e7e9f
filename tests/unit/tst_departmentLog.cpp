// The departments' log on the server (GET /api/v1/supervision/department-log): what departments did
// with their keys — filters, paging, a hall's supervisor seeing only their own hall, a workstation's
// events never passing for a department's — and every look or export recorded in supervision_audit
// with who and the filter; the hash chain every action is appended to in its own transaction
// (status reports, a department's pre-application review, a catalogue sign-off), verified, a row
// tampered with in the database or the last one removed reported broken, and the actions stored
// before the chain chained by its migration. Runs on SQLite, and as tst_departmentLog_postgres on
// OW_TEST_POSTGRES.

#include "CaseTestSupport.h"
#include "ServerDatabaseSupport.h"
#include "ServerTestSupport.h"
#include "cases/QrToken.h"
#include "core/ManualClock.h"
#include "server/CaseRepository.h"
#include "server/CatalogueRepository.h"
#include "server/CatalogueSubmissions.h"
#include "server/CredentialStore.h"
#include "server/DepartmentLog.h"
#include "server/DepartmentLogSchema.h"
#include "server/PreApplicationRepository.h"
#include "server/RequestParser.h"
#include "server/SupervisionApi.h"

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
const QDate kMonday(2026, 3, 2);

QDateTime at(QDate day, int hour = 10)
{
    return QDateTime(day, QTime(hour, 0)).toUTC();
}

} // namespace

class TestDepartmentLog : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    ManualClock m_clock {at(kMonday, 9)};

    Credential workstation(const QString &hall) const
    {
        Credential c;
        c.id = u"ws-"_s + hall;
        c.kind = Credential::Kind::Workstation;
        c.hall = hall;
        c.counter = u"W07"_s;
        c.counterNumber = 7;
        return c;
    }
    Credential supervisor(const QString &hall) const
    {
        Credential c;
        c.id = u"sup-"_s + hall;
        c.kind = Credential::Kind::Supervisor;
        c.hall = hall;
        c.name = u"监察室"_s;
        return c;
    }
    /// The department's credential as the server knows it, from a key issued in the store.
    Credential department(const QString &id)
    {
        CredentialStore credentials(*m_db, m_clock.clock());
        const Result<IssuedSecret> key = credentials.issueDepartmentKey(id);
        if (!key)
            return {};
        const Result<std::optional<Credential>> found = credentials.authenticate(key->secret);
        m_db->finishStatements();
        return found && *found ? **found : Credential {};
    }
    /// An accepted case of department `departmentId` in `hall`, stored as a counter's sync would.
    void acceptedCase(const QString &hall, int serial, const QString &departmentId)
    {
        Case c = cases::testing::draft();
        c.number = caseNumber(serial, hall);
        c.qrToken = QrToken::generate();
        c.hall = hall;
        c.counter = u"W07"_s;
        c.departmentId = departmentId;
        c.created = at(kMonday, 9);
        c.updated = at(kMonday, 9);
        Result<QList<IncomingEvent>> parsed = RequestParser::eventBatch(
            batch({outboxEntry(&c, c.number, EventKind::Created, at(kMonday, 9), CaseState::Draft),
                outboxEntry(&c, c.number, EventKind::Accepted, at(kMonday, 10), CaseState::Accepted)}));
        QVERIFY(parsed);
        CaseRepository cases(*m_db, m_clock.clock());
        Result<QList<EventResult>> results = cases.ingest(workstation(hall), *parsed);
        QVERIFY2(results, results ? "" : qPrintable(results.error().toString()));
        for (const EventResult &r : std::as_const(*results))
            QVERIFY2(r.status != u"rejected"_s, qPrintable(r.message));
        m_db->finishStatements();
    }
    void report(const Credential &dept, const QString &number, EventKind kind, const QString &note)
    {
        DepartmentEventRequest request;
        request.kind = kind;
        request.clerk = u"2001"_s;
        if (!note.isEmpty())
            request.payload.insert(u"note"_s, note);
        CaseRepository cases(*m_db, m_clock.clock());
        const Result<DepartmentOutcome> outcome = cases.departmentEvent(dept, number, request);
        m_db->finishStatements();
        QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().toString()));
        QVERIFY2(outcome->status == DepartmentOutcome::Status::Created, qPrintable(outcome->message));
    }
    std::pair<int, QJsonObject> get(const QString &hall, const QString &query, const QString &part = {})
    {
        SupervisionApi api(*m_db, m_clock.clock(), {});
        ApiRequest request;
        request.method = "GET";
        request.path = u"/api/v1/supervision/department-log"_s;
        request.query = QUrlQuery(query);
        QStringList parts {u"department-log"_s};
        if (!part.isEmpty())
            parts.append(part);
        const ApiReply reply = api.handle(request, parts, supervisor(hall));
        m_db->finishStatements();
        return {reply.status, QJsonDocument::fromJson(reply.body).object()};
    }
    /// "case-serial/department/kind" of each row.
    static QStringList summary(const QJsonObject &answer)
    {
        QStringList list;
        for (const QJsonValue &v : answer.value(u"rows"_s).toArray()) {
            const QJsonObject r = v.toObject();
            const QString number = r.value(u"case"_s).toString();
            int serial = 0;
            for (int i = 1; i <= 3 && !serial; ++i)
                if (number == caseNumber(i, kHall) || number == caseNumber(i, kOtherHall))
                    serial = i;
            list.append(u"%1/%2/%3"_s.arg(u"0"_s + QString::number(serial),
                r.value(u"department"_s).toString(), r.value(u"kind"_s).toString()));
        }
        return list;
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
        m_clock.set(at(kMonday, 9));
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void departmentsActionsFilteredAndLooksRecorded()
    {
        acceptedCase(kHall, 1, u"wj"_s);
        acceptedCase(kHall, 2, u"sc"_s);
        acceptedCase(kOtherHall, 3, u"wj"_s);
        const Credential wj = department(u"wj"_s);
        const Credential sc = department(u"sc"_s);
        QVERIFY(!wj.id.isEmpty() && !sc.id.isEmpty());
        m_clock.set(at(kMonday, 14));
        report(wj, caseNumber(1, kHall), EventKind::InReview, QString());
        report(wj, caseNumber(3, kOtherHall), EventKind::InReview, QString());
        m_clock.set(at(kMonday.addDays(1), 11));
        report(sc, caseNumber(2, kHall), EventKind::InReview, QString());
        report(wj, caseNumber(1, kHall), EventKind::Approved, u"准予许可"_s);

        // The counter's own events (created, accepted) are not the departments'; the other hall's
        // case is not this hall's.
        auto [status, all] = get(kHall, QString());
        QCOMPARE(status, 200);
        QCOMPARE(
            summary(all), (QStringList {u"01/wj/in-review"_s, u"02/sc/in-review"_s, u"01/wj/approved"_s}));
        QCOMPARE(all.value(u"total"_s).toInt(), 3);
        const QJsonObject approved = all.value(u"rows"_s).toArray().at(2).toObject();
        QCOMPARE(approved.value(u"detail"_s).toString(), u"准予许可"_s);
        QCOMPARE(approved.value(u"clerk"_s).toString(), u"2001"_s);
        QCOMPARE(approved.value(u"keyId"_s).toString(), wj.id);
        QCOMPARE(approved.value(u"departmentName"_s).toString(), u"区卫生健康局"_s);

        QCOMPARE(summary(get(kHall, u"department=wj"_s).second),
            (QStringList {u"01/wj/in-review"_s, u"01/wj/approved"_s}));
        QCOMPARE(summary(get(kHall, u"kind=approved"_s).second), (QStringList {u"01/wj/approved"_s}));
        QCOMPARE(summary(get(kHall, u"case="_s + caseNumber(2, kHall)).second),
            (QStringList {u"02/sc/in-review"_s}));
        QCOMPARE(summary(get(kHall, u"from=2026-03-03"_s).second),
            (QStringList {u"02/sc/in-review"_s, u"01/wj/approved"_s}));
        QCOMPARE(summary(get(kHall, u"to=2026-03-02"_s).second), (QStringList {u"01/wj/in-review"_s}));
        const QJsonObject page = get(kHall, u"limit=1&offset=1"_s).second;
        QCOMPARE(summary(page), (QStringList {u"02/sc/in-review"_s}));
        QCOMPARE(page.value(u"total"_s).toInt(), 3);

        // Another hall's supervisor sees their own hall's department work only.
        QCOMPARE(summary(get(kOtherHall, QString()).second), (QStringList {u"03/wj/in-review"_s}));

        // Refused requests: nothing read, nothing recorded.
        QCOMPARE(get(kHall, u"from=2026-3-3"_s).first, 422);
        QCOMPARE(get(kHall, u"limit=0"_s).first, 422);
        QCOMPARE(get(kHall, u"offset=-1"_s).first, 422);
        QCOMPARE(get(kHall, u"purpose=print"_s).first, 422);
        QCOMPARE(get(kHall, u"purpose=export&department=sc"_s).first, 200);

        DepartmentLog log(*m_db, m_clock.clock());
        const Result<QJsonArray> looks = log.looks(kHall, 100);
        QVERIFY(looks);
        QCOMPARE(looks->size(), 8); // seven looks and the export; the refused ones left none
        const QJsonObject last = looks->first().toObject();
        QCOMPARE(last.value(u"action"_s).toString(), u"department-log-export"_s);
        QCOMPARE(last.value(u"who"_s).toString(), u"监察室 (sup-33030201)"_s);
        QCOMPARE(last.value(u"filter"_s).toObject().value(u"department"_s).toString(), u"sc"_s);
        QCOMPARE(looks->last().toObject().value(u"action"_s).toString(), u"department-log"_s);
        const Result<QJsonArray> otherLooks = log.looks(kOtherHall, 100);
        QVERIFY(otherLooks);
        QCOMPARE(otherLooks->size(), 1);
    }

    void chainVerifiedAndTamperingReported()
    {
        acceptedCase(kHall, 1, u"wj"_s);
        const Credential wj = department(u"wj"_s);
        m_clock.set(at(kMonday, 14));
        report(wj, caseNumber(1, kHall), EventKind::InReview, QString());
        report(wj, caseNumber(1, kHall), EventKind::Approved, u"准予许可"_s);
        report(wj, caseNumber(1, kHall), EventKind::ResultReady, QString());

        auto [status, answer] = get(kHall, QString());
        QCOMPARE(status, 200);
        QCOMPARE(answer.value(u"chain"_s).toObject(), (QJsonObject {{u"intact"_s, true}, {u"rows"_s, 3}}));
        const QJsonArray rows = answer.value(u"rows"_s).toArray();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(1).toObject().value(u"seq"_s).toInt(), 2);
        QCOMPARE(rows.at(1).toObject().value(u"action"_s).toString(), u"status-report"_s);
        QCOMPARE(get(kHall, QString(), u"verify"_s).second.value(u"intact"_s).toBool(), true);
        // A later page of an export is not checked again.
        QVERIFY(!get(kHall, u"offset=1"_s).second.contains(u"chain"_s));

        // Someone with the database rewrites what the department decided.
        QVERIFY(m_db->run(u"UPDATE department_log SET detail = '' WHERE seq = 2"_s));
        m_db->finishStatements();
        const QJsonObject verified = get(kHall, QString(), u"verify"_s).second;
        QCOMPARE(verified.value(u"intact"_s).toBool(), false);
        QCOMPARE(verified.value(u"brokenRow"_s).toInt(), 2);
        QCOMPARE(verified.value(u"rows"_s).toInt(), 1);
        QVERIFY(verified.value(u"reason"_s).toString().contains(u"changed"_s));
        QCOMPARE(get(kHall, QString()).second.value(u"chain"_s).toObject().value(u"brokenRow"_s).toInt(), 2);
        // Written back as it was, the chain holds again; removing the last row breaks it at its end.
        QVERIFY(m_db->run(u"UPDATE department_log SET detail = ? WHERE seq = 2"_s, {u"准予许可"_s}));
        QCOMPARE(get(kHall, QString(), u"verify"_s).second.value(u"intact"_s).toBool(), true);
        QVERIFY(m_db->run(u"DELETE FROM department_log WHERE seq = 3"_s));
        m_db->finishStatements();
        const QJsonObject cut = get(kHall, QString(), u"verify"_s).second;
        QCOMPARE(cut.value(u"intact"_s).toBool(), false);
        QCOMPARE(cut.value(u"brokenRow"_s).toInt(), 3);
        QCOMPARE(get(kHall, QString(), u"nothing"_s).first, 404);
    }

    void reviewsAndSignOffsAreDepartmentActions()
    {
        const Credential wj = department(u"wj"_s);
        const Credential sc = department(u"sc"_s);
        const QString now = CaseJson::timeText(m_clock.now().toUTC());
        for (const QString &code : {u"PA0001"_s, u"PA0002"_s})
            QVERIFY(m_db->run(u"INSERT INTO pre_applications (code, hall, matter, matter_name, department,"
                              " answers, answer_texts, mobile, state, created, updated, submitted, expires)"
                              " VALUES (?, ?, 'M-1', '个体工商户设立登记', 'wj', '{}', '[]', '13800000000',"
                              " 'submitted', ?, ?, ?, ?)"_s,
                {code, kHall, now, now, now, CaseJson::timeText(m_clock.now().toUTC().addDays(30))}));
        PreApplicationRepository pre(*m_db, m_dir->filePath(u"scans"_s), {}, m_clock.clock());
        QCOMPARE(*pre.review(u"PA0001"_s, false, {u"营业执照模糊"_s}, u"预审员甲"_s, wj),
            PreApplicationRepository::Outcome::Done);
        // A counter's pre-review is the hall's own work, not a department's.
        QCOMPARE(*pre.review(u"PA0002"_s, true, {}, u"王五"_s, workstation(kHall)),
            PreApplicationRepository::Outcome::Done);
        QCOMPARE(m_db->scalar(u"SELECT review_key FROM pre_applications WHERE code = 'PA0001'"_s)->toString(),
            wj.id);

        QVERIFY(
            m_db->run(u"INSERT INTO catalogue_submissions (id, version, catalogue_id, package_sha256, path,"
                      " reason, effective, editor, state, submitted, updated) VALUES (7, 'v2', 'demo', '',"
                      " '', '改', '2026-04-01', '编辑', 'walked', ?, ?)"_s,
                {now, now}));
        QVERIFY(m_db->run(u"INSERT INTO catalogue_review_items (submission, item, kind, change, title,"
                          " department) VALUES (7, 'matter:M-1', 'matter', 'changed', '事项', 'sc')"_s));
        m_db->finishStatements();
        CatalogueRepository catalogues(*m_db, m_dir->filePath(u"catalogues"_s), m_clock.clock());
        CatalogueSubmissions submissions(
            *m_db, catalogues, m_dir->filePath(u"catalogues"_s), m_clock.clock());
        const Result<CatalogueSubmissions::Step> signedOff
            = submissions.signOff(7, sc, u"市场监管局后台"_s, u"时限不对"_s);
        QVERIFY2(signedOff, signedOff ? "" : qPrintable(signedOff.error().toString()));
        QCOMPARE(int(signedOff->status), int(CatalogueSubmissions::Step::Status::Done));
        m_db->finishStatements();

        const QJsonObject answer = get(kHall, QString()).second;
        const QJsonArray rows = answer.value(u"rows"_s).toArray();
        QCOMPARE(rows.size(), 2);
        const QJsonObject review = rows.at(0).toObject();
        QCOMPARE(review.value(u"action"_s).toString(), u"pre-application-review"_s);
        QCOMPARE(review.value(u"kind"_s).toString(), u"return"_s);
        QCOMPARE(review.value(u"department"_s).toString(), u"wj"_s);
        QCOMPARE(review.value(u"subject"_s).toString(), u"PA0001"_s);
        QCOMPARE(review.value(u"case"_s).toString(), QString());
        QCOMPARE(review.value(u"clerk"_s).toString(), u"预审员甲"_s);
        QCOMPARE(review.value(u"detail"_s).toString(), u"营业执照模糊"_s);
        QCOMPARE(review.value(u"keyId"_s).toString(), wj.id);
        const QJsonObject signOff = rows.at(1).toObject();
        QCOMPARE(signOff.value(u"action"_s).toString(), u"catalogue-sign-off"_s);
        QCOMPARE(signOff.value(u"kind"_s).toString(), u"objected"_s);
        QCOMPARE(signOff.value(u"department"_s).toString(), u"sc"_s);
        QCOMPARE(signOff.value(u"subject"_s).toString(), u"7"_s);
        QCOMPARE(signOff.value(u"detail"_s).toString(), u"时限不对"_s);
        QCOMPARE(answer.value(u"chain"_s).toObject().value(u"rows"_s).toInt(), 2);

        // The kind filter takes the kind of action; a catalogue serves every hall.
        QCOMPARE(get(kHall, u"kind=catalogue-sign-off"_s).second.value(u"total"_s).toInt(), 1);
        QCOMPARE(get(kHall, u"kind=pre-application-review"_s).second.value(u"total"_s).toInt(), 1);
        QCOMPARE(get(kHall, u"kind=status-report"_s).second.value(u"total"_s).toInt(), 0);
        QCOMPARE(summary(get(kOtherHall, QString()).second).size(), 1);
    }

    void looksReadAndRecorded()
    {
        QCOMPARE(get(kHall, u"department=wj"_s).first, 200);
        auto [status, answer] = get(kHall, u"limit=10"_s, u"looks"_s);
        QCOMPARE(status, 200);
        const QJsonArray looks = answer.value(u"looks"_s).toArray();
        QCOMPARE(looks.size(), 2); // the look at the looks is among them, newest first
        QCOMPARE(looks.at(0).toObject().value(u"action"_s).toString(), u"department-log-looks"_s);
        QCOMPARE(
            looks.at(1).toObject().value(u"filter"_s).toObject().value(u"department"_s).toString(), u"wj"_s);
        QCOMPARE(get(kHall, u"limit=0"_s, u"looks"_s).first, 422);
        QCOMPARE(get(kOtherHall, QString(), u"looks"_s).second.value(u"looks"_s).toArray().size(), 1);
    }

    void migrationChainsActionsStoredBefore()
    {
        acceptedCase(kHall, 1, u"wj"_s);
        const Credential wj = department(u"wj"_s);
        m_clock.set(at(kMonday, 14));
        report(wj, caseNumber(1, kHall), EventKind::InReview, QString());
        report(wj, caseNumber(1, kHall), EventKind::Approved, u"准予许可"_s);
        // As the database stood before the chain: the events only.
        QVERIFY(m_db->run(u"DELETE FROM department_log"_s));
        QVERIFY(m_db->run(u"DELETE FROM department_log_head"_s));
        m_db->finishStatements();
        QCOMPARE(get(kHall, QString()).second.value(u"total"_s).toInt(), 0);
        const Result<void> chained = DepartmentLogSchema::migration(12).step(*m_db);
        QVERIFY2(chained, chained ? "" : qPrintable(chained.error().toString()));
        m_db->finishStatements();
        const QJsonObject answer = get(kHall, QString()).second;
        QCOMPARE(summary(answer), (QStringList {u"01/wj/in-review"_s, u"01/wj/approved"_s}));
        QCOMPARE(
            answer.value(u"rows"_s).toArray().at(1).toObject().value(u"detail"_s).toString(), u"准予许可"_s);
        QCOMPARE(answer.value(u"chain"_s).toObject(), (QJsonObject {{u"intact"_s, true}, {u"rows"_s, 2}}));
        // New actions chain on after them.
        report(wj, caseNumber(1, kHall), EventKind::ResultReady, QString());
        QCOMPARE(
            get(kHall, QString(), u"verify"_s).second, (QJsonObject {{u"intact"_s, true}, {u"rows"_s, 3}}));
    }
};

QTEST_GUILESS_MAIN(TestDepartmentLog)
#include "tst_departmentLog.moc"
