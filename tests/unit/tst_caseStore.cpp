#include "CaseTestSupport.h"
#include "cases/CaseJson.h"
#include "cases/CaseLifecycle.h"
#include "cases/CaseNumber.h"
#include "cases/CaseSchema.h"
#include "catalogue/CatalogueLoader.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::cases;
using namespace ow::cases::testing;
using namespace Qt::StringLiterals;

/// The SQLite case store: settings, migrations, round trips, events, transactions, listing.
class TestCaseStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    SteppingClock m_time;

    std::unique_ptr<CaseStore> open(const Workstation &where = workstation())
    {
        auto store = CaseStore::open(m_dir->path(), where);
        if (!store)
            qFatal("cannot open store: %s", qPrintable(store.error().toString()));
        (*store)->setClock(m_time.clock());
        return std::move(*store);
    }

    static qint64 count(const CaseStore &store, const QString &sql)
    {
        return store.database().scalar(sql).value_or(QVariant(-1)).toLongLong();
    }

    static CaseFilter filter(std::optional<CaseState> state, QDate from = {}, QDate to = {},
        QString text = {}, int offset = 0, int limit = 50)
    {
        CaseFilter f;
        f.state = state;
        f.from = from;
        f.to = to;
        f.text = std::move(text);
        f.offset = offset;
        f.limit = limit;
        return f;
    }
    static CaseFilter textFilter(const QString &text) { return filter({}, {}, {}, text); }

    static Case accepted(CaseStore &store, Case c)
    {
        c.materialChecks[1].failedPoints.clear();
        Case stored = store.createDraft(c, u"clerk-042"_s).value();
        if (!store.save(stored, caseEvent(EventKind::Accepted)))
            qFatal("accept failed");
        return store.findByNumber(stored.number).value();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_time.set(QDateTime(QDate(2026, 3, 16), QTime(12, 0), Qt::UTC));
    }

    void openSetsUpSqlite()
    {
        auto store = open();
        QCOMPARE(CaseSchema::currentVersion(store->database()).value(), CaseSchema::latestVersion());
        QCOMPARE(store->database().scalar(u"PRAGMA journal_mode"_s)->toString(), u"wal"_s);
        QCOMPARE(store->database().scalar(u"PRAGMA foreign_keys"_s)->toInt(), 1);
        QCOMPARE(store->database().scalar(u"PRAGMA synchronous"_s)->toInt(), 2); // FULL
        for (const QString &table :
            {u"cases"_s, u"case_events"_s, u"outbox"_s, u"case_attachments"_s, u"audit_log"_s})
            QCOMPARE(count(*store,
                         u"SELECT count(*) FROM sqlite_master WHERE type='table' AND name='%1'"_s.arg(table)),
                1);
        QVERIFY(QFile::exists(CaseStore::databasePath(m_dir->path())));
    }

    void twoStoresOnOneDatabase()
    {
        auto first = open();
        auto second = open(workstation(8));
        QVERIFY(first->database().connectionName() != second->database().connectionName());
        const auto createdA = first->createDraft(draft(), u"clerk-1"_s);
        VERIFY_OK(createdA);
        const auto createdB = second->createDraft(draft(), u"clerk-2"_s);
        VERIFY_OK(createdB);
        const Case &a = *createdA;
        const Case &b = *createdB;
        QCOMPARE(second->findByNumber(a.number)->firstHandler, u"clerk-1"_s);
        QCOMPARE(CaseNumber::parse(a.number)->counterNumber(), 7);
        QCOMPARE(CaseNumber::parse(b.number)->counterNumber(), 8);
    }

    void mustExistRefusesAMissingDatabase()
    {
        auto store
            = CaseStore::open(m_dir->filePath(u"nowhere"_s), workstation(), CaseStore::OpenMode::MustExist);
        QVERIFY(!store);
        QCOMPARE(store.error().code(), ow::Error::Code::NotFound);
    }

    void migrateFromVersion1()
    {
        {
            auto db = ow::storage::Database::openSqlite(CaseStore::databasePath(m_dir->path())).value();
            VERIFY_OK(CaseSchema::migrate(*db, 1));
            QCOMPARE(CaseSchema::currentVersion(*db).value(), 1);
            // A case as version 1 wrote it: no masked applicant, no search text.
            const QString applicant
                = QString::fromUtf8(QJsonDocument(person().toJson()).toJson(QJsonDocument::Compact));
            VERIFY_OK(db->exec(
                u"INSERT INTO cases VALUES (1, '33030201202603150700016', 'tok', '33030201', 'W07', 'clerk', "
                u"'M1',"
                " '公共场所卫生许可', 'wj', '卫健局', 'promised', 7, 1, 'cat', '1', '{\"answers\":{}}', '', "
                "'[]', '%1',"
                " '[]', '', '', 'draft', '2026-03-15T02:00:00.000Z', '2026-03-15T02:00:00.000Z')"_s.arg(
                    applicant)));
        }
        auto store = open();
        QCOMPARE(CaseSchema::currentVersion(store->database()).value(), CaseSchema::latestVersion());
        const Case c = store->findByNumber(u"33030201202603150700016"_s).value();
        QCOMPARE(c.applicant, person());
        // Migration 3 filled the listing columns from the stored JSON.
        const auto listed = store->list(textFilter(u"张*丰"_s));
        VERIFY_OK(listed);
        const CasePage &page = *listed;
        QCOMPARE(page.total, 1);
        QCOMPARE(page.items.first().applicantMasked, u"张*丰 1101**********002X"_s);
    }

    void failedMigrationRollsBack()
    {
        auto db = ow::storage::Database::openSqlite(CaseStore::databasePath(m_dir->path())).value();
        QList<ow::storage::Migration> list = CaseSchema::migrations().mid(0, 1);
        list.append(ow::storage::Migration {2, u"broken"_s,
            {u"CREATE TABLE half_done (x INTEGER)"_s, u"INSERT INTO no_such_table VALUES (1)"_s}, {}});
        const auto result = CaseSchema::migrate(*db, list, -1);
        QVERIFY(!result);
        QVERIFY2(result.error().message().startsWith(
                     u"Migration 2 of the case database (broken) failed and was rolled back: "_s),
            qPrintable(result.error().message()));
        QVERIFY(result.error().message().contains(u"broken"_s));
        QCOMPARE(CaseSchema::currentVersion(*db).value(), 1);
        QCOMPARE(db->scalar(u"SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"_s)->toInt(), 0);

        // A failing code step rolls back its statements too.
        list.last() = ow::storage::Migration {2, u"failing step"_s, {u"CREATE TABLE half_done (x INTEGER)"_s},
            [](const ow::storage::Database &) -> ow::Result<void> {
                return ow::fail(ow::Error::Code::Internal, u"step"_s);
            }};
        QVERIFY(!CaseSchema::migrate(*db, list, -1));
        QCOMPARE(db->scalar(u"SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"_s)->toInt(), 0);
    }

    void newerDatabaseIsRefused()
    {
        {
            auto store = open();
            VERIFY_OK(
                store->database().exec(u"INSERT INTO schema_version VALUES (999, 'future', '2030-01-01')"_s));
        }
        auto again = CaseStore::open(m_dir->path(), workstation());
        QVERIFY(!again);
        QCOMPARE(again.error().code(), ow::Error::Code::Unsupported);
    }

    void draftRoundTrip()
    {
        auto store = open();
        Case input = draft();
        input.applicant = enterprise();
        const QByteArray scan = "%PDF-1.4 scan of the ID card";
        const QString sha = store->attachments().put(scan).value();
        input.attachments = {CaseAttachment {sha, u"id-card"_s, u"id.pdf"_s, u"application/pdf"_s,
            scan.size(), QDateTime(QDate(2026, 3, 16), QTime(11, 59, 1, 250), Qt::UTC)}};
        const Case created = store->createDraft(input, u"clerk-042"_s).value();
        QVERIFY(created.id > 0);
        QVERIFY(CaseNumber::isValid(created.number));
        QCOMPARE(created.firstHandler, u"clerk-042"_s);
        QCOMPARE(created.counter, u"W07"_s);
        QCOMPARE(created.hall, u"33030201"_s);
        QCOMPARE(created.state, CaseState::Draft);

        const Case loaded = store->findByNumber(created.number).value();
        QCOMPARE(loaded, created);
        QCOMPARE(loaded.answers.notApplicableIds(), QStringList {u"rooms"_s});
        QCOMPARE(loaded.answers.find(u"area"_s)->number, 180.5);
        QCOMPARE(store->findByToken(created.qrToken).value(), created);

        // Saving changes everything but identity; immutable fields are kept from the stored row.
        Case changed = loaded;
        changed.materialChecks[1].status = MaterialCheck::Status::Missing;
        changed.promisedDeadline = QDate(2026, 3, 25);
        changed.calendarVersion = u"2026.1"_s;
        changed.firstHandler = u"someone-else"_s;
        VERIFY_OK(store->save(changed, caseEvent(EventKind::Updated, u"clerk-043"_s)));
        const Case reloaded = store->findByNumber(created.number).value();
        QCOMPARE(reloaded.materialChecks, changed.materialChecks);
        QCOMPARE(reloaded.promisedDeadline, QDate(2026, 3, 25));
        QCOMPARE(reloaded.firstHandler, u"clerk-042"_s);
        QVERIFY(reloaded.updated > created.updated);
    }

    void checklistSnapshotFromTheEngine()
    {
        auto loaded
            = ow::catalogue::CatalogueLoader::loadOrError(QStringLiteral(OW_TEST_DATA_DIR "/engine/basic"));
        VERIFY_OK(loaded);
        ow::catalogue::SituationEngine engine(*loaded);
        const ow::catalogue::Matter *matter = (*loaded)->matter(u"M1"_s);
        QVERIFY(matter);
        ow::catalogue::Answers answers;
        answers.set(u"place"_s, ow::catalogue::Answer::single(u"hotel"_s));
        const ow::catalogue::Evaluation e = engine.evaluate(*matter, answers);
        Case c = draft(matter->code, matter->name);
        c.answers = e.effectiveAnswers;
        c.situationKey = e.situationKey;
        c.checklist = CaseJson::checklistSnapshot(e.checklist);
        QCOMPARE(c.checklist.size(), e.checklist.lines.size());
        auto store = open();
        const Case stored = store->createDraft(c, u"clerk-042"_s).value();
        const Case back = store->findByNumber(stored.number).value();
        QCOMPARE(back.checklist, c.checklist);
        QCOMPARE(back.answers, e.effectiveAnswers);
        const QJsonObject first = back.checklist.first().toObject();
        QCOMPARE(first.value(u"material"_s).toString(), e.checklist.lines.first().materialId);
        QVERIFY(!first.value(u"reasons"_s).toArray().isEmpty());
    }

    void numbersAreDailyPerCounter()
    {
        auto store = open();
        QStringList numbers;
        for (int i = 0; i < 3; ++i)
            numbers.append(store->createDraft(draft(), u"clerk-042"_s)->number);
        for (int i = 0; i < 3; ++i) {
            const CaseNumber n = CaseNumber::parse(numbers.at(i)).value();
            QCOMPARE(n.counterNumber(), 7);
            QCOMPARE(n.serial(), i + 1);
            QCOMPARE(n.date(), QDateTime(QDate(2026, 3, 16), QTime(12, 0), Qt::UTC).toLocalTime().date());
        }
        m_time.set(QDateTime(QDate(2026, 3, 17), QTime(12, 0), Qt::UTC));
        QCOMPARE(CaseNumber::parse(store->createDraft(draft(), u"clerk-042"_s)->number)->serial(), 1);
    }

    void badWorkstationCannotNumber()
    {
        auto store = open(Workstation {u"3303"_s, u"W1"_s, 1});
        QVERIFY(!store->createDraft(draft(), u"clerk"_s));
        auto noClerk = open();
        QVERIFY(!noClerk->createDraft(draft(), u" "_s));
        QCOMPARE(count(*noClerk, u"SELECT count(*) FROM cases"_s), 0);
    }

    void lifecycleThroughTheStore()
    {
        auto store = open();
        const Case c = accepted(*store, draft());
        QCOMPARE(c.state, CaseState::Accepted);
        VERIFY_OK(store->appendEvent(c.number, caseEvent(EventKind::Transferred)));
        VERIFY_OK(store->appendEvent(c.number, caseEvent(EventKind::InReview, u"dept-7"_s)));
        VERIFY_OK(store->appendEvent(c.number, caseEvent(EventKind::Approved, u"dept-7"_s)));
        QCOMPARE(store->findByNumber(c.number)->state, CaseState::Approved);

        const qint64 eventsBefore = count(*store, u"SELECT count(*) FROM case_events"_s);
        const auto late = store->appendEvent(c.number, caseEvent(EventKind::InReview, u"dept-7"_s));
        QVERIFY(!late);
        QVERIFY(late.error().message().contains(displayName(CaseState::Approved)));
        const auto illegal = store->appendEvent(c.number, caseEvent(EventKind::PickedUp));
        QVERIFY(!illegal);
        QCOMPARE(count(*store, u"SELECT count(*) FROM case_events"_s), eventsBefore);
        QCOMPARE(store->findByNumber(c.number)->state, CaseState::Approved);

        const QList<CaseEvent> log = store->events(c.number).value();
        QCOMPARE(log.size(), 5);
        QCOMPARE(log.first().kind, EventKind::Created);
        QCOMPARE(log.last().kind, EventKind::Approved);
        QCOMPARE(log.last().clerk, u"dept-7"_s);
        QCOMPARE(log.last().counter, u"W07"_s);
        for (qsizetype i = 1; i < log.size(); ++i) {
            QVERIFY(log.at(i).sequence > log.at(i - 1).sequence);
            QVERIFY(log.at(i).time > log.at(i - 1).time);
        }
        QCOMPARE(CaseLifecycle::derive(log).state, CaseState::Approved);
        QVERIFY(!store->appendEvent(u"33030201202603160700019"_s, caseEvent(EventKind::Note)));
    }

    void decisionsNeedWhatTheLawAsks()
    {
        auto store = open();
        const Case c = store->createDraft(draft(), u"clerk-042"_s).value();
        // A failed review point: not acceptable as it is.
        QVERIFY(!store->save(c, caseEvent(EventKind::Accepted)));
        Case missing = c;
        missing.materialChecks[1] = MaterialCheck();
        missing.materialChecks[1].materialId = u"water-report"_s;
        missing.materialChecks[1].status = MaterialCheck::Status::Missing;
        QVERIFY(!store->save(missing, caseEvent(EventKind::Accepted)));
        Case waived = missing;
        waived.materialChecks[1].status = MaterialCheck::Status::Waived;
        QVERIFY(!store->save(waived, caseEvent(EventKind::AcceptedWithWaiver))); // no deadline
        QVERIFY(!store->save(waived, caseEvent(EventKind::Accepted)));
        waived.materialChecks[0].status = MaterialCheck::Status::Waived; // the ID card may not be waived
        waived.materialChecks[0].supplementDeadline = QDate(2026, 3, 23);
        waived.materialChecks[1].supplementDeadline = QDate(2026, 3, 23);
        QVERIFY(!store->save(waived, caseEvent(EventKind::AcceptedWithWaiver)));
        waived.materialChecks[0].status = MaterialCheck::Status::Received;
        Case badApplicant = waived;
        badApplicant.applicant.idNumber = u"110105194912310021"_s;
        QVERIFY(!store->save(badApplicant, caseEvent(EventKind::AcceptedWithWaiver)));
        QCOMPARE(store->findByNumber(c.number)->state, CaseState::Draft);
        VERIFY_OK(store->save(waived, caseEvent(EventKind::AcceptedWithWaiver)));
        QCOMPARE(store->findByNumber(c.number)->state, CaseState::AcceptedWithWaiver);

        const Case other = store->createDraft(draft(), u"clerk-042"_s).value();
        QVERIFY(!store->appendEvent(other.number, caseEvent(EventKind::Refused)));
        VERIFY_OK(store->appendEvent(other.number,
            caseEvent(EventKind::Refused, u"clerk-042"_s,
                {{u"reasons"_s, QJsonArray {u"不属于本机关职权范围"_s}}})));
        VERIFY_OK(store->appendEvent(
            store->createDraft(draft(), u"clerk-042"_s)->number, caseEvent(EventKind::CorrectionNotice)));
    }

    void everyWriteCarriesOutboxAndAudit()
    {
        auto store = open();
        const Case c = accepted(*store, draft());
        VERIFY_OK(store->appendEvent(c.number, caseEvent(EventKind::Transferred)));
        VERIFY_OK(store->appendEvent(c.number, caseEvent(EventKind::Note)));
        QCOMPARE(count(*store, u"SELECT count(*) FROM case_events"_s), 4);
        QCOMPARE(
            count(*store, u"SELECT count(*) FROM outbox o JOIN case_events e ON e.id = o.event_id"_s), 4);
        QCOMPARE(count(*store, u"SELECT count(*) FROM outbox WHERE sent IS NULL"_s), 4);
        QCOMPARE(count(*store, u"SELECT count(*) FROM audit_log WHERE target = '%1'"_s.arg(c.number)), 4);
        QCOMPARE(
            store->database().scalar(u"SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1"_s)->toString(),
            u"case.note"_s);
        const QJsonObject payload
            = QJsonDocument::fromJson(store->database()
                                          .scalar(u"SELECT payload FROM outbox ORDER BY id LIMIT 1"_s)
                                          ->toString()
                                          .toUtf8())
                  .object();
        QCOMPARE(payload.value(u"case"_s).toObject().value(u"number"_s).toString(), c.number);
        QCOMPARE(payload.value(u"event"_s).toObject().value(u"kind"_s).toString(), u"created"_s);
        QVERIFY(store->auditLog().verify()->intact);
    }

    void failedTransactionLeavesNothing()
    {
        auto store = open();
        const Case kept = store->createDraft(draft(), u"clerk-042"_s).value();
        const QStringList tables {
            u"cases"_s, u"case_events"_s, u"outbox"_s, u"audit_log"_s, u"case_sequences"_s};
        QMap<QString, qint64> before;
        for (const QString &t : tables)
            before[t] = count(*store, u"SELECT count(*) FROM "_s + t);
        const QString sequences
            = store->database().scalar(u"SELECT group_concat(last) FROM case_sequences"_s)->toString();
        // The last write of each transaction (the audit head) fails: everything before it must go too.
        VERIFY_OK(store->database().exec(u"CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON audit_log"
                                         " BEGIN SELECT RAISE(ABORT, 'disk full'); END"_s));
        const auto created = store->createDraft(draft(), u"clerk-042"_s);
        QVERIFY(!created);
        QVERIFY(created.error().message().contains(u"disk full"_s));
        QVERIFY(!store->appendEvent(kept.number, caseEvent(EventKind::Note)));
        Case changed = kept;
        changed.matterName = u"changed"_s;
        QVERIFY(!store->save(changed, caseEvent(EventKind::Updated)));
        for (const QString &t : tables)
            QCOMPARE(count(*store, u"SELECT count(*) FROM "_s + t), before.value(t));
        QCOMPARE(store->database().scalar(u"SELECT group_concat(last) FROM case_sequences"_s)->toString(),
            sequences);
        QCOMPARE(store->findByNumber(kept.number)->matterName, kept.matterName);
        VERIFY_OK(store->database().exec(u"DROP TRIGGER temp.fail_audit"_s));
        VERIFY_OK(store->createDraft(draft(), u"clerk-042"_s));
    }

    void attachmentsMustBeStoredFirst()
    {
        auto store = open();
        Case c = draft();
        c.attachments = {CaseAttachment {
            AttachmentStore::hashOf("never stored"), {}, u"x.jpg"_s, u"image/jpeg"_s, 12, {}}};
        QVERIFY(!store->createDraft(c, u"clerk-042"_s));
        QCOMPARE(count(*store, u"SELECT count(*) FROM cases"_s), 0);
    }

    void listFilters()
    {
        auto store = open();
        // 3 days × 4 cases; the first of each day is accepted; matters and applicants vary.
        QStringList numbers;
        for (int day = 0; day < 3; ++day) {
            m_time.set(QDateTime(QDate(2026, 3, 16 + day), QTime(12, 0), Qt::UTC));
            for (int i = 0; i < 4; ++i) {
                Case c = i % 2 ? draft(u"330302-JT-001"_s, u"普通货物运输经营许可"_s) : draft();
                if (i == 3)
                    c.applicant = enterprise();
                if (i == 0) {
                    numbers.append(accepted(*store, c).number);
                } else {
                    numbers.append(store->createDraft(c, u"clerk-042"_s)->number);
                }
            }
        }
        const auto list = [&](const CaseFilter &f) { return store->list(f).value(); };
        CasePage all = list(CaseFilter());
        QCOMPARE(all.total, 12);
        QCOMPARE(all.items.size(), 12);
        QCOMPARE(all.items.first().number, numbers.last()); // newest first
        QCOMPARE(all.items.last().number, numbers.first());
        QVERIFY(!all.items.first().applicantMasked.contains(u"三丰"_s));

        QCOMPARE(list(filter(CaseState::Accepted)).total, 3);
        QCOMPARE(list(filter(CaseState::Draft)).total, 9);
        QCOMPARE(list(filter(CaseState::Mailed)).total, 0);
        QCOMPARE(list(filter({}, QDate(2026, 3, 17))).total, 8);
        QCOMPARE(list(filter({}, QDate(2026, 3, 17), QDate(2026, 3, 17))).total, 4);
        QCOMPARE(list(filter({}, {}, QDate(2026, 3, 16))).total, 4);
        QCOMPARE(list(filter(CaseState::Accepted, QDate(2026, 3, 18))).total, 1);
        QCOMPARE(list(textFilter(u"运输"_s)).total, 6);
        QCOMPARE(list(textFilter(u"330302-jt"_s)).total, 6);
        QCOMPARE(list(textFilter(u"某某印刷"_s)).total, 3); // organisation names are public
        QCOMPARE(list(textFilter(u"张*"_s)).total, 9);
        QCOMPARE(list(textFilter(u"三丰"_s)).total, 0); // clear personal data is never searchable
        QCOMPARE(list(textFilter(u"002x"_s)).total, 9);
        QCOMPARE(list(textFilter(numbers.at(5).left(18))).total, 4);
        QCOMPARE(list(textFilter(numbers.at(5))).items.first().number, numbers.at(5));
        QCOMPARE(list(textFilter(u"%"_s)).total, 0);
        QCOMPARE(list(textFilter(u"_"_s)).total, 0);

        const CasePage page2 = list(filter({}, {}, {}, {}, 5, 5));
        QCOMPARE(page2.total, 12);
        QCOMPARE(page2.items.size(), 5);
        QCOMPARE(page2.items.first().number, all.items.at(5).number);
        QCOMPARE(list(filter({}, {}, {}, {}, 10, 5)).items.size(), 2);
    }

    void listingRunsOnIndexes_data()
    {
        QTest::addColumn<CaseFilter>("filter");
        QTest::newRow("all") << CaseFilter();
        QTest::newRow("state") << filter(CaseState::InReview);
        QTest::newRow("dates") << filter({}, QDate(2026, 1, 1), QDate(2026, 1, 31));
        QTest::newRow("text") << textFilter(u"运输"_s);
        QTest::newRow("everything") << filter(CaseState::Draft, QDate(2026, 1, 1), {}, u"张"_s);
    }
    void listingRunsOnIndexes()
    {
        QFETCH(CaseFilter, filter);
        auto store = open();
        const QStringList plan = store->explainList(filter).value();
        QVERIFY(!plan.isEmpty());
        // A full scan of the cases table would read every case's JSON: only index scans are allowed.
        for (const QString &step : plan) {
            const bool readsCases = step.contains(u"cases"_s) || step == u"SCAN c"_s;
            if (step.startsWith(u"SCAN"_s) && readsCases)
                QVERIFY2(step.contains(u"INDEX"_s), qPrintable(plan.join(u" | "_s)));
        }
    }
};

QTEST_GUILESS_MAIN(TestCaseStore)
#include "tst_caseStore.moc"
