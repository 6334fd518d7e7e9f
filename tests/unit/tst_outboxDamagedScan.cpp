// A scan that cannot be read on the workstation (damaged content, a read error) against the real
// onewindow-server: it is set aside with its reason, its case's rows wait, the rest of the outbox
// flows; `sync status` names it; the clerk retries it once restored or discards it.

#include "SyncTestSupport.h"
#include "cases/ScanFailures.h"
#include "sync/SyncRound.h"
#include "sync/SyncWarnings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::sync;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

namespace {

Result<RoundReport> round(CaseStore &store)
{
    auto client = clientFor(store);
    SyncRound r(store, *client);
    return r.run();
}

QSet<QString> casesAtServer(SyncClient &client)
{
    QSet<QString> numbers;
    for (const QJsonObject &event : serverEvents(client))
        numbers.insert(event.value("case"_L1).toString());
    return numbers;
}

} // namespace

class TestOutboxDamagedScan : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;

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

    void damagedScanIsSetAsideAndTheRestFlows()
    {
        const QString dir = m_dir->filePath(u"w07"_s);
        auto store = enrolled(*m_server, dir, u"W07"_s);
        const Case damaged = acceptCase(*store, 1, 4000, 1);
        const Case fine = acceptCase(*store, 1, 4000, 2);
        const QString sha = damaged.attachments.first().sha256;
        {
            QFile file(store->attachments().pathFor(sha));
            QVERIFY(file.open(QIODevice::ReadWrite));
            file.seek(100);
            file.write("bit rot");
        }
        const Result<RoundReport> report = round(*store);
        QVERIFY2(report.has_value(), report ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->scansSetAside, 1);
        QCOMPARE(report->eventsHeld, 2);
        QCOMPARE(report->eventsSent, 2);
        auto client = clientFor(*store);
        QCOMPARE(casesAtServer(*client), QSet<QString> {fine.number});
        QCOMPARE(store->outboxCount()->pending, 2);
        const QList<ScanFailure> failures = ScanFailures(store->database()).list().value();
        QCOMPARE(failures.size(), 1);
        QCOMPARE(failures.first().sha256, sha);
        QVERIFY2(failures.first().reason.contains(u"damaged"_s), qPrintable(failures.first().reason));
        QCOMPARE(failures.first().cases, QStringList {damaged.number});
        QCOMPARE(SyncWarnings::of(*store)->size(), 1);

        // A second round does not read the damaged file again and does not fail either.
        QVERIFY(round(*store).has_value());
        QCOMPARE(store->outboxCount()->pending, 2);

        QString output;
        QCOMPARE(runCli({u"sync"_s, u"status"_s, u"--data-dir"_s, dir}, &output), 0);
        QVERIFY2(output.contains(u"Scan set aside: "_s + sha), qPrintable(output));
        QVERIFY2(output.contains(damaged.number), qPrintable(output));
        QCOMPARE(runCli({u"sync"_s, u"status"_s, u"--json"_s, u"--data-dir"_s, dir}, &output), 0);
        const QJsonObject json = QJsonDocument::fromJson(output.toUtf8()).object();
        QCOMPARE(json.value("scansSetAside"_L1).toArray().size(), 1);
        QCOMPARE(json.value("warnings"_L1).toArray().size(), 1);

        // The clerk gives the scan up: the waiting rows go, without it.
        QCOMPARE(runCli({u"sync"_s, u"discard-scan"_s, sha, u"--data-dir"_s, dir}, &output), 0);
        QCOMPARE(runCli({u"sync"_s, u"discard-scan"_s, sha, u"--data-dir"_s, dir}, &output), 1);
        QVERIFY(round(*store).has_value());
        QCOMPARE(store->outboxCount()->pending, 0);
        QCOMPARE(store->outboxCount()->failed, 0);
        const QJsonObject held = client->fetchCase(damaged.number).value();
        QCOMPARE(held.value("case"_L1).toObject().value("attachments"_L1).toArray().size(), 0);
        QCOMPARE(held.value("events"_L1).toArray().size(), 2);
        QVERIFY(SyncWarnings::of(*store)->isEmpty());
        QCOMPARE(store->pendingUploadBytes().value(), 0);
    }

    void unreadableScanIsRetriedOnceRestored()
    {
        const QString dir = m_dir->filePath(u"w08"_s);
        auto store = enrolled(*m_server, dir, u"W08"_s);
        const Case c = acceptCase(*store, 1, 3000, 3);
        const QString sha = c.attachments.first().sha256;
        const QString path = store->attachments().pathFor(sha);
        QFile original(path);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray bytes = original.readAll();
        original.close();
        // A read error: the name is there but cannot be read as a file.
        QVERIFY(QFile::remove(path));
        QVERIFY(QDir().mkpath(path));
        const Result<RoundReport> report = round(*store);
        QVERIFY2(report.has_value(), report ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->scansSetAside, 1);
        QCOMPARE(store->outboxCount()->pending, 2);

        // Restored from the backup; the clerk asks for it to be read again.
        QVERIFY(QDir(path).removeRecursively());
        QFile restored(path);
        QVERIFY(restored.open(QIODevice::WriteOnly));
        restored.write(bytes);
        restored.close();
        QString output;
        QCOMPARE(runCli({u"sync"_s, u"retry-scan"_s, sha, u"--data-dir"_s, dir}, &output), 0);
        QVERIFY(round(*store).has_value());
        QCOMPARE(store->outboxCount()->pending, 0);
        auto client = clientFor(*store);
        QVERIFY(client->uploadStatus(sha)->complete);
        QCOMPARE(
            client->fetchCase(c.number)->value("case"_L1).toObject().value("attachments"_L1).toArray().size(),
            1);
    }
};

QTEST_GUILESS_MAIN(TestOutboxDamagedScan)
#include "tst_outboxDamagedScan.moc"
