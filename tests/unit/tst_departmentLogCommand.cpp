// onewindow-cli supervision department-log against the real onewindow-server: a case synced from a
// counter, a department's status reports through `case status` with its key, then the log as text,
// as JSON filtered by department and kind, and as CSV whose cells cannot run as formulas; a
// department key is refused, and without --server and --key the command says what it needs; the
// log's hash chain checked (--verify, and a line of every look), a row changed in the server's
// database reported broken with exit 1. `case status … approved --document FILE` uploads the result
// document and names it in the event: the hall's workstation reads it, and a file that is no PDF (or
// a kind without a result) is refused before anything is sent.

#include "SyncTestSupport.h"
#include "core/Sha256.h"
#include "sync/SyncRound.h"

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

class TestDepartmentLogCommand : public QObject
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

    void textJsonAndCsv()
    {
        auto store = enrolled(*m_server, m_dir->filePath(u"w07"_s), u"W07"_s);
        const Case c = acceptCase(*store, 0, 0, 1);
        auto client = clientFor(*store);
        const Result<RoundReport> synced = SyncRound(*store, *client).run();
        QVERIFY2(synced, synced ? "" : qPrintable(synced.error().toString()));

        const QString key = m_server->departmentKey(c.departmentId);
        QString output;
        QCOMPARE(runCli({u"case"_s, u"status"_s, c.number, u"in-review"_s, u"--server"_s, m_server->url(),
                            u"--key"_s, key},
                     &output),
            0);
        // A note a spreadsheet would run as a formula.
        QCOMPARE(runCli({u"case"_s, u"status"_s, c.number, u"approved"_s, u"--server"_s, m_server->url(),
                            u"--key"_s, key, u"--note"_s, u"=HYPERLINK(\"x\")"_s},
                     &output),
            0);

        QVERIFY(
            runCli({u"server"_s, u"supervisor-key"_s, u"--data-dir"_s, m_dir->filePath(u"server"_s),
                       u"--hall"_s, cases::testing::workstation().hall, u"--name"_s, u"监察"_s, u"--json"_s},
                &output)
            == 0);
        const QString supervisor
            = QJsonDocument::fromJson(output.toUtf8()).object().value(u"secret"_s).toString();
        QVERIFY(!supervisor.isEmpty());
        const QStringList connection {u"--server"_s, m_server->url(), u"--key"_s, supervisor};

        QCOMPARE(runCli(QStringList {u"supervision"_s, u"department-log"_s} + connection, &output), 0);
        QVERIFY2(output.contains(u"2 department action(s)"_s), qPrintable(output));
        QVERIFY2(output.contains(c.number), qPrintable(output));

        QCOMPARE(runCli(QStringList {u"supervision"_s, u"department-log"_s, u"--json"_s, u"--department"_s,
                            c.departmentId, u"--kind"_s, u"approved"_s}
                         + connection,
                     &output),
            0);
        const QJsonArray rows = QJsonDocument::fromJson(output.toUtf8()).object().value(u"rows"_s).toArray();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().toObject().value(u"case"_s).toString(), c.number);
        QCOMPARE(rows.first().toObject().value(u"kind"_s).toString(), u"approved"_s);
        QCOMPARE(runCli(QStringList {u"supervision"_s, u"department-log"_s, u"--json"_s, u"--department"_s,
                            u"sc"_s}
                         + connection,
                     &output),
            0);
        QCOMPARE(QJsonDocument::fromJson(output.toUtf8()).object().value(u"rows"_s).toArray().size(), 0);

        const QString csv = m_dir->filePath(u"log.csv"_s);
        QCOMPARE(runCli(QStringList {u"supervision"_s, u"department-log"_s, u"--csv"_s, csv} + connection,
                     &output),
            0);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(2).contains(u"'=HYPERLINK"_s), qPrintable(lines.at(2)));

        QVERIFY2(lines.at(0).contains(u"Case or item"_s), qPrintable(lines.at(0)));

        QCOMPARE(
            runCli(QStringList {u"supervision"_s, u"department-log"_s, u"--verify"_s} + connection, &output),
            0);
        QVERIFY2(output.contains(u"Chain verified: all 2 row(s)"_s), qPrintable(output));
        {
            // Someone with the server's database file rewrites the department's decision.
            auto db = server::ServerSchema::open(m_server->databaseSpec());
            QVERIFY(db);
            QVERIFY((*db)->run(u"UPDATE department_log SET kind = 'denied' WHERE seq = 2"_s));
        }
        QCOMPARE(
            runCli(QStringList {u"supervision"_s, u"department-log"_s, u"--verify"_s} + connection, &output),
            1);
        QVERIFY2(output.contains(u"Chain BROKEN from row 2"_s), qPrintable(output));
        QCOMPARE(runCli(QStringList {u"supervision"_s, u"department-log"_s} + connection, &output), 0);
        QVERIFY2(output.contains(u"Chain BROKEN from row 2"_s), qPrintable(output));
        QCOMPARE(runCli(QStringList {u"supervision"_s, u"department-log"_s, u"--verify"_s, u"--json"_s}
                         + connection,
                     &output),
            1);
        QCOMPARE(QJsonDocument::fromJson(output.toUtf8()).object().value(u"brokenRow"_s).toInt(), 2);

        // Only a supervisor reads it; without a server the command says what it needs.
        QVERIFY(
            runCli({u"supervision"_s, u"department-log"_s, u"--server"_s, m_server->url(), u"--key"_s, key},
                &output)
            != 0);
        QCOMPARE(runCli({u"supervision"_s, u"department-log"_s}, &output), 2);
    }

    void approvedWithItsDocument()
    {
        auto store = enrolled(*m_server, m_dir->filePath(u"w07"_s), u"W07"_s);
        const Case c = acceptCase(*store, 0, 0, 1);
        auto client = clientFor(*store);
        QVERIFY(SyncRound(*store, *client).run());
        const QStringList connection {
            u"--server"_s, m_server->url(), u"--key"_s, m_server->departmentKey(c.departmentId)};
        QString output;
        QCOMPARE(
            runCli(QStringList {u"case"_s, u"status"_s, c.number, u"in-review"_s} + connection, &output), 0);
        const auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile file(m_dir->filePath(name));
            return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() ? file.fileName()
                                                                                        : QString();
        };
        // Not a PDF, or on a kind that has no result: refused, and nothing reaches the server.
        const QString text = write(u"决定书.txt"_s, "not a PDF");
        QCOMPARE(runCli(QStringList {u"case"_s, u"status"_s, c.number, u"approved"_s, u"--document"_s, text}
                         + connection,
                     &output),
            2);
        const QByteArray pdf = "%PDF-1.4\n% 准予许可决定书\n" + QByteArray(3000, 'x') + "\n%%EOF\n";
        const QString path = write(u"准予许可决定书.pdf"_s, pdf);
        QCOMPARE(runCli(QStringList {u"case"_s, u"status"_s, c.number, u"supplement-requested"_s,
                            u"--material"_s, u"plan:平面图:2026-03-30"_s, u"--document"_s, path}
                         + connection,
                     &output),
            2);
        QCOMPARE(runCli(QStringList {u"case"_s, u"status"_s, c.number, u"approved"_s, u"--document"_s, path}
                         + connection,
                     &output),
            0);

        // The approval names the file, which the hall's workstation reads byte for byte.
        const Result<QJsonObject> found = client->fetchCase(c.number);
        QVERIFY(found);
        QJsonObject document;
        for (const QJsonValue &event : found->value(u"events"_s).toArray())
            if (event.toObject().value(u"kind"_s).toString() == u"approved"_s)
                document = event.toObject().value(u"payload"_s).toObject().value(u"document"_s).toObject();
        QCOMPARE(document.value(u"name"_s).toString(), u"准予许可决定书.pdf"_s);
        QCOMPARE(document.value(u"sha256"_s).toString(), Sha256::hex(pdf));
        QCOMPARE(document.value(u"size"_s).toInteger(), pdf.size());
        const Result<QByteArray> bytes = client->download(u"/attachments/"_s + Sha256::hex(pdf));
        QVERIFY2(bytes, bytes ? "" : qPrintable(bytes.error().toString()));
        QCOMPARE(*bytes, pdf);
        QCOMPARE(client->fetchCase(c.number)->value(u"case"_s).toObject().value(u"state"_s).toString(),
            u"approved"_s);
    }
};

QTEST_GUILESS_MAIN(TestDepartmentLogCommand)
#include "tst_departmentLogCommand.moc"
