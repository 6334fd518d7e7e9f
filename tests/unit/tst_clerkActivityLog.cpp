#include "CaseTestSupport.h"
#include "cases/CaseSchema.h"
#include "cases/ClerkActivityLog.h"
#include "core/ManualClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::cases::testing;
using namespace Qt::StringLiterals;

/// The workstation's clerk-activity log: consultations and practice scores kept with their outbox
/// rows, refused when malformed, recorded once however often they are recorded, kept across a
/// reopen, and delivered once.
class TestClerkActivityLog : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_time;

    std::unique_ptr<CaseStore> open()
    {
        auto store = CaseStore::open(m_dir->path(), workstation());
        if (!store)
            qFatal("cannot open store: %s", qPrintable(store.error().toString()));
        return std::move(*store);
    }

    static ClerkActivity practice(const QString &id, bool passed)
    {
        ClerkActivity a;
        a.id = id;
        a.kind = QString(ClerkActivity::kPractice);
        a.staffNumber = u"1001"_s;
        a.clerkName = u"张三"_s;
        a.at = QDateTime(QDate(2026, 3, 16), QTime(2, 0), Qt::UTC);
        a.matter = u"330302-WJ-001"_s;
        a.detail = QJsonObject {{u"situation"_s, u"lodging"_s}, {u"score"_s, passed ? 9 : 4},
            {u"maxScore"_s, 10}, {u"passed"_s, passed}, {u"missed"_s, QJsonArray {u"id-card"_s}}};
        return a;
    }

    static ClerkActivity consultation(const QString &id)
    {
        ClerkActivity a;
        a.id = id;
        a.kind = QString(ClerkActivity::kConsultation);
        a.staffNumber = u"1002"_s;
        a.clerkName = u"李四"_s;
        a.matter = u"330302-WJ-001"_s;
        a.detail = QJsonObject {
            {u"answers"_s, QJsonObject {{u"place-type"_s, u"bath"_s}}}, {u"checklistPrinted"_s, true}};
        return a;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_time.set(QDateTime(QDate(2026, 3, 16), QTime(3, 0), Qt::UTC));
    }

    void recordsWithOutboxRowAndKeepsAcrossReopen()
    {
        {
            auto store = open();
            ClerkActivityLog log(*store, m_time.clock());
            QVERIFY(log.record(practice(u"p-1"_s, true)));
            QVERIFY(log.record(consultation(u"c-1"_s))); // no time: the clock's
            const auto pending = log.pendingOutbox(10).value();
            QCOMPARE(pending.size(), 2);
            QCOMPARE(pending.at(0).activityId, u"p-1"_s);
            const QJsonObject sent = QJsonDocument::fromJson(pending.at(1).payload).object();
            QCOMPARE(sent.value("kind"_L1).toString(), u"consultation"_s);
            QCOMPARE(sent.value("at"_L1).toString(), u"2026-03-16T03:00:00.000Z"_s);
            QCOMPARE(sent.value("detail"_L1).toObject().value("checklistPrinted"_L1).toBool(), true);
        }
        auto store = open();
        ClerkActivityLog log(*store, m_time.clock());
        const QList<ClerkActivity> all = log.list().value();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).kind, u"practice"_s);
        QCOMPARE(all.at(0).detail.value("score"_L1).toInt(), 9);
        QVERIFY(all.at(0).passed());
        QCOMPARE(all.at(1).clerkName, u"李四"_s);
        ClerkActivityFilter onlyPractice;
        onlyPractice.kind = u"practice"_s;
        QCOMPARE(log.list(onlyPractice).value().size(), 1);
        ClerkActivityFilter byClerk;
        byClerk.staffNumber = u"1002"_s;
        QCOMPARE(log.list(byClerk).value().constFirst().id, u"c-1"_s);
        QCOMPARE(log.outboxCounts().value(), (QPair<qint64, qint64>(2, 0)));
    }

    void recordedOnceAndDeliveredOnce()
    {
        auto store = open();
        ClerkActivityLog log(*store, m_time.clock());
        QVERIFY(log.record(practice(u"p-1"_s, false)));
        QVERIFY(log.record(practice(u"p-1"_s, false))); // a retry
        QCOMPARE(log.list().value().size(), 1);
        auto pending = log.pendingOutbox(10).value();
        QCOMPARE(pending.size(), 1);
        QVERIFY(log.markSent({pending.at(0).id}));
        QVERIFY(log.pendingOutbox(10).value().isEmpty());

        QVERIFY(log.record(consultation(u"c-2"_s)));
        pending = log.pendingOutbox(10).value();
        QVERIFY(log.markFailed(pending.at(0).id, u"invalid: refused"_s));
        QVERIFY(log.pendingOutbox(10).value().isEmpty());
        QCOMPARE(log.outboxCounts().value(), (QPair<qint64, qint64>(0, 1)));
    }

    void refusesMalformedActivities_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("unknown kind") << u"kind"_s;
        QTest::newRow("no clerk") << u"clerk"_s;
        QTest::newRow("no matter") << u"matter"_s;
        QTest::newRow("score above max") << u"score"_s;
        QTest::newRow("passed missing") << u"passed"_s;
        QTest::newRow("consultation without printed flag") << u"printed"_s;
    }

    void refusesMalformedActivities()
    {
        QFETCH(QString, what);
        ClerkActivity a = practice(u"bad"_s, true);
        if (what == u"kind"_s)
            a.kind = u"lunch"_s;
        else if (what == u"clerk"_s)
            a.staffNumber.clear();
        else if (what == u"matter"_s)
            a.matter.clear();
        else if (what == u"score"_s)
            a.detail.insert(u"score"_s, 11);
        else if (what == u"passed"_s)
            a.detail.remove(u"passed"_s);
        else
            a = [] {
                ClerkActivity c = consultation(u"bad"_s);
                c.detail.remove(u"checklistPrinted"_s);
                return c;
            }();
        auto store = open();
        ClerkActivityLog log(*store, m_time.clock());
        const Result<void> recorded = log.record(a);
        QVERIFY(!recorded);
        QCOMPARE(recorded.error().code(), Error::Code::Invalid);
        QVERIFY(log.list().value().isEmpty());
        QVERIFY(log.pendingOutbox(10).value().isEmpty());
        QVERIFY(!ClerkActivity::fromJson(a.toJson()));
    }

    void acceptsARecordedQuestion()
    {
        ClerkActivity a = consultation(u"q-1"_s);
        a.at = m_time.now();
        a.detail = QJsonObject {
            {u"question"_s, u"可以委托他人代办吗？"_s}, {u"answer"_s, u"可以，带委托书和受托人身份证。"_s}};
        QVERIFY2(a.problem().isEmpty(), qPrintable(a.problem()));
        QCOMPARE(a.question(), u"可以委托他人代办吗？"_s);
        a.detail.insert(u"answers"_s, QJsonObject {{u"place-type"_s, u"bath"_s}});
        a.detail.insert(u"checklistPrinted"_s, false);
        QVERIFY2(a.problem().isEmpty(), qPrintable(a.problem()));
        a.detail.insert(u"question"_s, QString(ClerkActivity::kMaxQuestion, u'问'));
        a.detail.insert(u"answer"_s, QString(ClerkActivity::kMaxAnswer, u'答'));
        QVERIFY2(a.problem().isEmpty(), qPrintable(a.problem()));
        auto store = open();
        ClerkActivityLog log(*store, m_time.clock());
        QVERIFY(log.record(a));
        QCOMPARE(log.list().value().constFirst().detail, a.detail);
        QVERIFY(consultation(u"old"_s).question().isEmpty()); // the checklist's shape stays valid
    }

    void refusesABadQuestionNamingTheField_data()
    {
        QTest::addColumn<QJsonObject>("detail");
        QTest::addColumn<QString>("field");
        const QString q = u"可以代办吗？"_s;
        const QString a = u"可以。"_s;
        QTest::newRow("question empty")
            << QJsonObject {{u"question"_s, u"  "_s}, {u"answer"_s, a}} << u"(question)"_s;
        QTest::newRow("question too long") << QJsonObject {
            {u"question"_s, QString(ClerkActivity::kMaxQuestion + 1, u'问')},
            {u"answer"_s, a}} << u"(question)"_s;
        QTest::newRow("question not text")
            << QJsonObject {{u"question"_s, 3}, {u"answer"_s, a}} << u"(question)"_s;
        QTest::newRow("answer missing") << QJsonObject {{u"question"_s, q}} << u"(answer)"_s;
        QTest::newRow("question missing") << QJsonObject {{u"answer"_s, a}} << u"(question)"_s;
        QTest::newRow("answer too long")
            << QJsonObject {{u"question"_s, q}, {u"answer"_s, QString(ClerkActivity::kMaxAnswer + 1, u'答')}}
            << u"(answer)"_s;
        QTest::newRow("answers not an object") << QJsonObject {{u"question"_s, q}, {u"answer"_s, a},
            {u"answers"_s, u"bath"_s}} << u"(answers)"_s;
        QTest::newRow("printed not a flag")
            << QJsonObject {{u"question"_s, q}, {u"answer"_s, a}, {u"checklistPrinted"_s, u"yes"_s}}
            << u"checklistPrinted"_s;
    }

    void refusesABadQuestionNamingTheField()
    {
        QFETCH(QJsonObject, detail);
        QFETCH(QString, field);
        ClerkActivity a = consultation(u"bad-q"_s);
        a.at = m_time.now();
        a.detail = detail;
        QVERIFY2(a.problem().contains(field), qPrintable(a.problem()));
        const Result<ClerkActivity> read = ClerkActivity::fromJson(a.toJson());
        QVERIFY(!read);
        QCOMPARE(read.error().code(), Error::Code::Invalid);
        auto store = open();
        QVERIFY(!ClerkActivityLog(*store, m_time.clock()).record(a));
    }

    void wireFormRoundTrips()
    {
        const ClerkActivity a = practice(u"p-9"_s, true);
        const ClerkActivity back = ClerkActivity::fromJson(a.toJson()).value();
        QCOMPARE(back.toJson(), a.toJson());
        QCOMPARE(back.at, a.at);
    }

    void migratesAStoreOfTheVersionBefore()
    {
        // A store of version 9, as a workstation of the release before the activities left it (the
        // migrations after 10 are others' and need not be undone by hand).
        {
            auto db = storage::Database::openSqlite(CaseStore::databasePath(m_dir->path())).value();
            QVERIFY(CaseSchema::migrate(*db, 9));
            QCOMPARE(CaseSchema::currentVersion(*db).value(), 9);
        }
        auto store = open();
        QCOMPARE(CaseSchema::currentVersion(store->database()).value(), CaseSchema::latestVersion());
        ClerkActivityLog log(*store, m_time.clock());
        QVERIFY(log.record(consultation(u"c-3"_s)));
        QCOMPARE(log.list().value().size(), 1);
        QVERIFY(store->createDraft(draft(), u"1001"_s));
        QCOMPARE(store->list({}).value().total, 1);
    }
};

QTEST_GUILESS_MAIN(TestClerkActivityLog)
#include "tst_clerkActivityLog.moc"
