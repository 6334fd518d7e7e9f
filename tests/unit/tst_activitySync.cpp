// Clerk activities from the workstation to the real onewindow-server: recorded with their outbox
// rows, sent with the sync round, stored once when a lost answer makes the counter send them again,
// one the server refuses (a kind it does not take) set aside with its reason while the others go,
// and `sync status` counting what waits and what was refused.

#include "SyncTestSupport.h"
#include "cases/ClerkActivityLog.h"
#include "sync/ActivitySync.h"
#include "sync/SyncRound.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::sync;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

class TestActivitySync : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;

    static ClerkActivity consultation(const QString &id)
    {
        ClerkActivity a;
        a.id = id;
        a.kind = QString(ClerkActivity::kConsultation);
        a.staffNumber = u"1001"_s;
        a.clerkName = u"张三"_s;
        a.at = QDateTime::currentDateTimeUtc().addSecs(-3600);
        a.matter = u"330302-WJ-001"_s;
        a.detail = {{u"answers"_s, QJsonObject()}, {u"checklistPrinted"_s, false}};
        return a;
    }

    /// The consultations the server counts for clerk 1001, read as a supervisor.
    int consultationsAtServer()
    {
        QString output;
        if (runCli({u"server"_s, u"supervisor-key"_s, u"--data-dir"_s, m_dir->filePath(u"server"_s),
                       u"--hall"_s, cases::testing::workstation().hall, u"--name"_s, u"监察"_s, u"--json"_s},
                &output)
            != 0)
            return -1;
        const QString key = QJsonDocument::fromJson(output.toUtf8()).object().value(u"secret"_s).toString();
        if (runCli(
                {u"supervision"_s, u"clerks"_s, u"--server"_s, m_server->url(), u"--key"_s, key, u"--json"_s},
                &output)
            != 0)
            return -1;
        for (const QJsonValue &v :
            QJsonDocument::fromJson(output.toUtf8()).object().value(u"clerks"_s).toArray())
            if (v.toObject().value(u"clerk"_s).toString() == u"1001"_s)
                return v.toObject().value(u"consultations"_s).toInt();
        return 0;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<ServerProcess>(m_dir->filePath(u"server"_s));
        QVERIFY(m_server->start());
    }
    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void sentOnceAndARefusedOneSetAside()
    {
        const QString dir = m_dir->filePath(u"w07"_s);
        auto store = enrolled(*m_server, dir, u"W07"_s);
        ClerkActivityLog log(*store);
        QVERIFY(log.record(consultation(u"c-1"_s)));
        QVERIFY(log.record(consultation(u"c-2"_s)));
        // A row this version would not write (a newer counter's kind, say) that the server refuses.
        QVERIFY(
            store->database().run(u"INSERT INTO clerk_activities (id, kind, staff_number, clerk_name, at,"
                                  " matter, detail) VALUES ('x-1', 'lunch', '1001', '', '', 'M', '{}')"_s));
        ClerkActivity lunch = consultation(u"x-1"_s);
        QJsonObject payload = lunch.toJson();
        payload.insert(u"kind"_s, u"lunch"_s);
        QVERIFY(store->database().run(
            u"INSERT INTO activity_outbox (activity_id, payload, created) VALUES ('x-1', ?, '')"_s,
            {QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact))}));
        QVERIFY(log.record(consultation(u"c-3"_s)));

        auto client = clientFor(*store);
        SyncRound round(*store, *client);
        const Result<RoundReport> report = round.run();
        QVERIFY2(report.has_value(), report ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->activitiesSent, 3);
        QCOMPARE(report->activitiesRefused, 1);
        QCOMPARE(log.outboxCounts().value(), (QPair<qint64, qint64>(0, 1)));
        QCOMPARE(consultationsAtServer(), 3);

        // The answer was lost: the counter sends them again; the server keeps each once.
        QVERIFY(store->database().run(u"UPDATE activity_outbox SET sent = NULL WHERE failed IS NULL"_s));
        const Result<ActivitySync::Report> again = ActivitySync(*store, *client).send();
        QVERIFY(again.has_value());
        QCOMPARE(again->sent, 3);
        QCOMPARE(again->refused, 0);
        QCOMPARE(consultationsAtServer(), 3);

        QString output;
        QCOMPARE(runCli({u"sync"_s, u"status"_s, u"--json"_s, u"--data-dir"_s, dir}, &output), 0);
        const QJsonObject status = QJsonDocument::fromJson(output.toUtf8()).object();
        QCOMPARE(status.value(u"pendingActivities"_s).toInt(), 0);
        QCOMPARE(status.value(u"refusedActivities"_s).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestActivitySync)
#include "tst_activitySync.moc"
