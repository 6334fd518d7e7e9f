// Complaints from the workstation to the real onewindow-server: recorded while the server is away
// (the round fails, nothing is lost), sent by a later round and numbered by the server (TS…), the
// number kept beside each; sent again after a lost answer, the server keeps each once and gives the
// same number; one the server rejects (a clerk it does not know) kept here with its reason while
// the others go; `sync status` counting what waits and what was refused.

#include "SyncTestSupport.h"
#include "accounts/PasswordHash.h"
#include "cases/ComplaintLog.h"
#include "server/HallAccountRepository.h"
#include "server/ServerSchema.h"
#include "sync/ComplaintSync.h"
#include "sync/SyncRound.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace ow;
using namespace ow::cases;
using namespace ow::sync;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

class TestComplaintSync : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;

    static ComplaintRecord complaint(const QString &clerk)
    {
        ComplaintRecord c;
        c.channel = QString(ComplaintRecord::kWindow);
        c.complainantName = u"陈静"_s;
        c.complainantMobile = u"13812345678"_s;
        c.content = u"材料齐全却被要求跑了两次。"_s;
        c.clerkStaffNumber = clerk;
        c.clerkName = u"王芳"_s;
        c.recordedByStaffNumber = u"2001"_s;
        c.recordedByName = u"李明"_s;
        return c;
    }

    /// Every complaint of the hall the server holds, read with a supervisor key: number by id.
    QHash<QString, QString> complaintsAtServer()
    {
        QString output;
        if (runCli({u"server"_s, u"supervisor-key"_s, u"--data-dir"_s, m_dir->filePath(u"server"_s),
                       u"--hall"_s, cases::testing::workstation().hall, u"--name"_s, u"监察"_s, u"--json"_s},
                &output)
            != 0)
            qFatal("no supervisor key: %s", qPrintable(output));
        const QString key = QJsonDocument::fromJson(output.toUtf8()).object().value(u"secret"_s).toString();
        SyncClient client {QUrl(m_server->url()), key};
        QUrlQuery query;
        query.addQueryItem(u"state"_s, u"all"_s);
        const Result<QJsonObject> answer = client.call("GET", u"/supervision/complaints"_s, query);
        if (!answer)
            qFatal("cannot list complaints: %s", qPrintable(answer.error().toString()));
        QHash<QString, QString> numbers;
        for (const QJsonValue &value : answer->value(u"complaints"_s).toArray())
            numbers.insert(value[u"id"_s].toString(), value[u"number"_s].toString());
        return numbers;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<ServerProcess>(m_dir->filePath(u"server"_s));
        QVERIFY(m_server->start());
        auto db = server::ServerSchema::open(m_server->databaseSpec());
        QVERIFY(db);
        server::HallAccountRepository accounts(**db, Clock::system());
        const QString hall = cases::testing::workstation().hall;
        QVERIFY(accounts.add(hall, u"test"_s, u"2001"_s, u"李明"_s, u"intake"_s,
            accounts::PasswordHash::create(u"intake-pass-7"_s)));
        QVERIFY(accounts.add(hall, u"test"_s, u"1001"_s, u"王芳"_s, u"intake"_s,
            accounts::PasswordHash::create(u"intake-pass-8"_s)));
    }
    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void offlineThenNumberedOnceAndARejectedOneKept()
    {
        const QString dir = m_dir->filePath(u"w07"_s);
        auto store = enrolled(*m_server, dir, u"W07"_s);
        auto client = clientFor(*store);

        // The server is away: recorded all the same, the round fails, nothing is lost.
        m_server->kill();
        ComplaintLog log(*store);
        const Result<ComplaintRecord> first = log.record(complaint(u"1001"_s));
        QVERIFY(first);
        const Result<ComplaintRecord> second = log.record(complaint(QString()));
        QVERIFY(second);
        const Result<ComplaintRecord> unknown = log.record(complaint(u"9999"_s)); // no such clerk there
        QVERIFY(unknown);
        client->setTimeout(2000);
        QVERIFY(!SyncRound(*store, *client).run());
        QCOMPARE(log.outboxCounts().value(), (QPair<qint64, qint64>(3, 0)));
        QVERIFY(log.list().value().first().complaint.number.isEmpty());

        QVERIFY(m_server->start());
        const Result<RoundReport> report = SyncRound(*store, *client).run();
        QVERIFY2(report.has_value(), report ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->complaintsSent, 2);
        QCOMPARE(report->complaintsRefused, 1);
        QCOMPARE(log.outboxCounts().value(), (QPair<qint64, qint64>(0, 1)));
        QHash<QString, ComplaintLogEntry> kept;
        const QList<ComplaintLogEntry> listed = log.list().value();
        for (const ComplaintLogEntry &entry : listed)
            kept.insert(entry.complaint.id, entry);
        QCOMPARE(kept.value(first->id).sending, ComplaintLogEntry::Sending::Sent);
        QVERIFY2(kept.value(first->id).complaint.number.startsWith(u"TS"_s),
            qPrintable(kept.value(first->id).complaint.number));
        QVERIFY(kept.value(second->id).complaint.number.startsWith(u"TS"_s));
        QVERIFY(kept.value(first->id).complaint.number != kept.value(second->id).complaint.number);
        QCOMPARE(kept.value(unknown->id).sending, ComplaintLogEntry::Sending::Refused);
        QVERIFY2(
            kept.value(unknown->id).refusal.contains(u"9999"_s), qPrintable(kept.value(unknown->id).refusal));
        QVERIFY(kept.value(unknown->id).complaint.number.isEmpty());

        QHash<QString, QString> atServer = complaintsAtServer();
        QCOMPARE(atServer.size(), 2);
        QCOMPARE(atServer.value(first->id), kept.value(first->id).complaint.number);

        // The answer was lost: sent again, the server keeps each once, with the number it gave.
        QVERIFY(store->database().run(u"UPDATE complaint_outbox SET sent = NULL WHERE failed IS NULL"_s));
        QVERIFY(store->database().run(u"UPDATE complaints SET number = ''"_s));
        const Result<ComplaintSync::Report> again = ComplaintSync(*store, *client).send();
        QVERIFY(again.has_value());
        QCOMPARE(again->sent, 2);
        QCOMPARE(again->refused, 0);
        atServer = complaintsAtServer();
        QCOMPARE(atServer.size(), 2);
        const QList<ComplaintLogEntry> relisted = log.list().value();
        for (const ComplaintLogEntry &entry : relisted)
            if (entry.sending == ComplaintLogEntry::Sending::Sent)
                QCOMPARE(entry.complaint.number, atServer.value(entry.complaint.id));

        QString output;
        QCOMPARE(runCli({u"sync"_s, u"status"_s, u"--json"_s, u"--data-dir"_s, dir}, &output), 0);
        const QJsonObject status = QJsonDocument::fromJson(output.toUtf8()).object();
        QCOMPARE(status.value(u"pendingComplaints"_s).toInt(), 0);
        QCOMPARE(status.value(u"refusedComplaints"_s).toInt(), 1);
        QCOMPARE(runCli({u"sync"_s, u"status"_s, u"--data-dir"_s, dir}, &output), 0);
        QVERIFY2(output.contains(u"Complaints waiting: 0; refused: 1"_s), qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestComplaintSync)
#include "tst_complaintSync.moc"
