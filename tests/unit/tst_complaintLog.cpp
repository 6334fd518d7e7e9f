#include "CaseTestSupport.h"
#include "cases/CaseNumber.h"
#include "cases/ComplaintLog.h"
#include "core/ManualClock.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::cases::testing;
using namespace Qt::StringLiterals;

/// The complaints a workstation records: each field checked and named when wrong, kept with an
/// outbox row whose payload is the server's batch form, recorded once however often it is recorded,
/// kept across a reopen, numbered when the server took it, and a refused one kept with its reason.
class TestComplaintLog : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_time {QDateTime(QDate(2026, 3, 16), QTime(2, 0), Qt::UTC)};

    std::unique_ptr<CaseStore> open()
    {
        auto store = CaseStore::open(m_dir->path(), workstation());
        if (!store)
            qFatal("cannot open store: %s", qPrintable(store.error().toString()));
        return std::move(*store);
    }

    static ComplaintRecord complaint(const QString &id = {})
    {
        ComplaintRecord c;
        c.id = id;
        c.channel = QString(ComplaintRecord::kWindow);
        c.complainantName = u"陈静"_s;
        c.complainantMobile = u"138 1234 5678"_s;
        c.content = u"材料齐全却被要求跑了两次。"_s;
        c.caseNumber = CaseNumber::make(u"33030201"_s, QDate(2026, 3, 15), 10001)->toDisplayString();
        c.clerkStaffNumber = u"1001"_s;
        c.clerkName = u"王芳"_s;
        c.matterCode = u"330302-WJ-001"_s;
        c.matterName = u"公共场所卫生许可"_s;
        c.recordedByStaffNumber = u"2001"_s;
        c.recordedByName = u"李明"_s;
        return c;
    }

private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void eachProblemNamesItsField_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("named");
        QTest::newRow("channel") << u"channel"_s << int(ComplaintRecord::Field::Channel) << u"Channel"_s;
        QTest::newRow("name") << u"name"_s << int(ComplaintRecord::Field::ComplainantName)
                              << u"Complainant"_s;
        QTest::newRow("no mobile") << u"no mobile"_s << int(ComplaintRecord::Field::Mobile) << u"Mobile"_s;
        QTest::newRow("landline") << u"landline"_s << int(ComplaintRecord::Field::Mobile) << u"Mobile"_s;
        QTest::newRow("content") << u"content"_s << int(ComplaintRecord::Field::Content) << u"Content"_s;
        QTest::newRow("long content")
            << u"long content"_s << int(ComplaintRecord::Field::Content) << u"Content"_s;
        QTest::newRow("case") << u"case"_s << int(ComplaintRecord::Field::Case) << u"Case"_s;
        QTest::newRow("recorder") << u"recorder"_s << int(ComplaintRecord::Field::RecordedBy)
                                  << u"Recorded by"_s;
    }
    void eachProblemNamesItsField()
    {
        QFETCH(QString, what);
        QFETCH(int, field);
        QFETCH(QString, named);
        ComplaintRecord c = complaint();
        c.receivedAt = m_time.clock().nowUtc();
        QVERIFY(!c.problem());
        if (what == u"channel"_s)
            c.channel = u"letter"_s;
        else if (what == u"name"_s)
            c.complainantName = u"  "_s;
        else if (what == u"no mobile"_s)
            c.complainantMobile.clear();
        else if (what == u"landline"_s)
            c.complainantMobile = u"0577-88881234"_s;
        else if (what == u"content"_s)
            c.content = u" \n "_s;
        else if (what == u"long content"_s)
            c.content = QString(2001, u'投');
        else if (what == u"case"_s)
            c.caseNumber = u"33030201-20260315-010001-X"_s; // the check character is wrong
        else
            c.recordedByStaffNumber.clear();
        const std::optional<ComplaintRecord::Problem> problem = c.problem();
        QVERIFY(problem);
        QCOMPARE(int(problem->field), field);
        QVERIFY2(problem->message.startsWith(named), qPrintable(problem->message));

        auto store = open();
        const Result<ComplaintRecord> refused = ComplaintLog(*store, m_time.clock()).record(c);
        QVERIFY(!refused);
        QCOMPARE(refused.error().message(), problem->message);
        QCOMPARE(ComplaintLog(*store).outboxCounts().value(), (QPair<qint64, qint64>(0, 0)));
    }

    void recordedOnceWithItsOutboxRow()
    {
        auto store = open();
        ComplaintLog log(*store, m_time.clock());
        const Result<ComplaintRecord> recorded = log.record(complaint());
        QVERIFY2(recorded, recorded ? "" : qPrintable(recorded.error().toString()));
        QVERIFY(!recorded->id.isEmpty());
        QCOMPARE(recorded->receivedAt, m_time.clock().nowUtc());
        // Recorded again (a retry after a crash between saving and closing): kept once.
        QVERIFY(log.record(*recorded));
        QCOMPARE(log.outboxCounts().value(), (QPair<qint64, qint64>(1, 0)));

        const QList<ComplaintOutboxEntry> pending = log.pendingOutbox(50).value();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().complaintId, recorded->id);
        // The server's batch form: the case number and the mobile number as stored, ids not names.
        const QJsonObject sent = QJsonDocument::fromJson(pending.first().payload).object();
        QCOMPARE(sent.value(u"id"_s).toString(), recorded->id);
        QCOMPARE(sent.value(u"channel"_s).toString(), u"window"_s);
        QCOMPARE(sent.value(u"case"_s).toString(),
            CaseNumber::make(u"33030201"_s, QDate(2026, 3, 15), 10001)->toString());
        QCOMPARE(sent.value(u"complainant"_s)[u"mobile"_s].toString(), u"13812345678"_s);
        QCOMPARE(sent.value(u"complainant"_s)[u"name"_s].toString(), u"陈静"_s);
        QCOMPARE(sent.value(u"clerkStaffNumber"_s).toString(), u"1001"_s);
        QCOMPARE(sent.value(u"matterCode"_s).toString(), u"330302-WJ-001"_s);
        QCOMPARE(sent.value(u"recordedByStaffNumber"_s).toString(), u"2001"_s);
        QVERIFY(!sent.contains(u"clerkName"_s));

        // Nothing known about it: nulls, not empty strings.
        ComplaintRecord bare = complaint();
        bare.caseNumber.clear();
        bare.clerkStaffNumber.clear();
        bare.matterCode.clear();
        QVERIFY(log.record(bare));
        const QJsonObject second
            = QJsonDocument::fromJson(log.pendingOutbox(50).value().at(1).payload).object();
        QVERIFY(second.value(u"case"_s).isNull());
        QVERIFY(second.value(u"clerkStaffNumber"_s).isNull());
        QVERIFY(second.value(u"matterCode"_s).isNull());
    }

    void numberedWhenSentAndRefusedKept()
    {
        QString refusedId;
        {
            auto store = open();
            ComplaintLog log(*store, m_time.clock());
            QVERIFY(log.record(complaint(u"a"_s)));
            m_time.advance(60000);
            QVERIFY(log.record(complaint(u"b"_s)));
            m_time.advance(60000);
            ComplaintRecord other = complaint(u"c"_s);
            other.recordedByStaffNumber = u"2002"_s;
            QVERIFY(log.record(other));
            const QList<ComplaintOutboxEntry> pending = log.pendingOutbox(50).value();
            QCOMPARE(pending.size(), 3);
            QVERIFY(log.markSent({{pending.at(0).id, u"TS20260316001"_s}}));
            QVERIFY(log.markFailed(pending.at(1).id, u"the case is not of this hall"_s));
            QCOMPARE(log.outboxCounts().value(), (QPair<qint64, qint64>(1, 1)));
            // Neither sent nor refused rows are read again.
            QCOMPARE(log.pendingOutbox(50).value().size(), 1);
            QCOMPARE(log.pendingOutbox(50).value().first().complaintId, u"c"_s);
        }
        // Kept across a reopen, newest first, each with where it stands.
        auto store = open();
        const QList<ComplaintLogEntry> mine = ComplaintLog(*store).list(u"2001"_s).value();
        QCOMPARE(mine.size(), 2);
        QCOMPARE(mine.at(0).complaint.id, u"b"_s);
        QCOMPARE(mine.at(0).sending, ComplaintLogEntry::Sending::Refused);
        QCOMPARE(mine.at(0).refusal, u"the case is not of this hall"_s);
        QVERIFY(mine.at(0).complaint.number.isEmpty());
        QCOMPARE(mine.at(1).complaint.id, u"a"_s);
        QCOMPARE(mine.at(1).sending, ComplaintLogEntry::Sending::Sent);
        QCOMPARE(mine.at(1).complaint.number, u"TS20260316001"_s);
        QCOMPARE(mine.at(1).complaint.clerkName, u"王芳"_s);
        QCOMPARE(mine.at(1).complaint.matterName, u"公共场所卫生许可"_s);
        const QList<ComplaintLogEntry> everyone = ComplaintLog(*store).list().value();
        QCOMPARE(everyone.size(), 3);
        QCOMPARE(everyone.first().sending, ComplaintLogEntry::Sending::Waiting);
    }
};

QTEST_GUILESS_MAIN(TestComplaintLog)
#include "tst_complaintLog.moc"
