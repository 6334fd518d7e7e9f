// onewindow-cli supervision complaints against the real onewindow-server: a complaint recorded at a
// counter about a clerk and one from the 12345 hotline recorded with the supervisor key; the table
// leads each row with the complaint's number and names the clerk and the handler by name, marks the
// overdue deadline, in English and in Chinese; the counts follow; --json and a wrong --state; the
// clerks' table counts the complaint against the clerk it names.

#include "SyncTestSupport.h"
#include "cases/CaseJson.h"
#include "cli/Console.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::sync;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runIn(const QString &language, const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(OW_CLI_PATH), QStringList {u"--lang"_s, language} + arguments);
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

/// The display column where `cell` starts in `line`, or -1.
int columnOf(const QString &line, const QString &cell)
{
    const qsizetype at = line.indexOf(cell);
    return at < 0 ? -1 : cli::Console::displayWidth(QStringView(line).left(at));
}

/// Received on a fixed past day, so the deadline (2 November + 5 working days: 9 November) is past
/// whenever the test runs, and within the shipped calendar.
QString receivedAt()
{
    return cases::CaseJson::timeText(QDateTime(QDate(2026, 11, 2), QTime(10, 0)).toUTC());
}

} // namespace

class TestComplaintsCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QStringList m_connection;

    void checkTable(const QString &output, const QStringList &headers)
    {
        const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 4, qPrintable(output));
        QList<int> columns;
        for (const QString &h : headers) {
            columns.append(columnOf(lines.first(), h));
            QVERIFY2(columns.last() >= 0, qPrintable(u"no column “%1” in: %2"_s.arg(h, lines.first())));
        }
        QCOMPARE(columns.first(), 0);
        // The counter's complaint about 王芳: its number first, the clerk by name under "About", the
        // deadline past and marked, handled by 李明.
        const QString row = lines.filter(u"TS20261102001"_s).value(0);
        QVERIFY2(row.startsWith(u"TS20261102001"_s), qPrintable(output));
        QCOMPARE(columnOf(row, u"王芳"_s), columns.at(1));
        QCOMPARE(columnOf(row, u"2026-11-09 *"_s), columns.at(4));
        QCOMPARE(columnOf(row, u"李明"_s), columns.at(6));
        const QString hotline = lines.filter(u"TS20261102002"_s).value(0);
        QVERIFY2(hotline.startsWith(u"TS20261102002"_s), qPrintable(output));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server"_s));
        QVERIFY(m_server->start());
        const QString hall = cases::testing::workstation().hall;
        for (const auto &[login, name] :
            {std::pair(u"clerk-042"_s, u"王芳"_s), std::pair(u"clerk-043"_s, u"李明"_s)})
            QCOMPARE(runCli({u"account"_s, u"add"_s, login, u"--name"_s, name, u"--roles"_s, u"intake"_s,
                         u"--server-data-dir"_s, m_dir.filePath(u"server"_s), u"--hall"_s, hall}),
                0);
        auto store = enrolled(*m_server, m_dir.filePath(u"w07"_s), u"W07"_s);
        auto client = clientFor(*store);
        const QJsonObject counter {{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {u"channel"_s, u"window"_s}, {u"receivedAt"_s, receivedAt()},
            {u"complainant"_s, QJsonObject {{u"name"_s, u"陈先生"_s}, {u"mobile"_s, u"13812345678"_s}}},
            {u"content"_s, u"窗口人员让我跑了三次"_s}, {u"clerkStaffNumber"_s, u"clerk-042"_s},
            {u"recordedByStaffNumber"_s, u"clerk-043"_s}};
        Result<QJsonObject> sent = client->call("POST", u"/complaints"_s, {},
            QJsonDocument(QJsonObject {{u"complaints"_s, QJsonArray {counter}}})
                .toJson(QJsonDocument::Compact));
        QVERIFY2(sent, sent ? "" : qPrintable(sent.error().toString()));
        QCOMPARE(sent->value(u"results"_s).toArray().at(0).toObject().value(u"number"_s).toString(),
            u"TS20261102001"_s);

        QString output;
        QCOMPARE(runCli({u"server"_s, u"supervisor-key"_s, u"--data-dir"_s, m_dir.filePath(u"server"_s),
                            u"--hall"_s, hall, u"--name"_s, u"监察"_s, u"--json"_s},
                     &output),
            0);
        const QString key = QJsonDocument::fromJson(output.toUtf8()).object().value(u"secret"_s).toString();
        QVERIFY(!key.isEmpty());
        m_connection = {u"--server"_s, m_server->url(), u"--key"_s, key};
        SyncClient supervisor(QUrl(m_server->url()), key);
        const QString id = counter.value(u"id"_s).toString();
        QVERIFY(supervisor.call("POST", u"/supervision/complaints/"_s + id + u"/assign"_s, {},
            QJsonDocument(QJsonObject {{u"staffNumber"_s, u"clerk-043"_s}}).toJson()));
        const QJsonObject hotline {{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {u"channel"_s, u"12345"_s}, {u"receivedAt"_s, receivedAt()},
            {u"content"_s, u"12345转办：咨询电话无人接听"_s}, {u"recordedByStaffNumber"_s, u"clerk-043"_s}};
        QVERIFY(supervisor.call("POST", u"/supervision/complaints"_s, {}, QJsonDocument(hotline).toJson()));
    }

    void englishTable()
    {
        const Run run = runIn(u"en"_s, QStringList {u"supervision"_s, u"complaints"_s} + m_connection);
        QCOMPARE(run.exitCode, 0);
        checkTable(run.out,
            {u"Number"_s, u"About"_s, u"Channel"_s, u"Received"_s, u"Deadline"_s, u"State"_s,
                u"Handled by"_s});
        QVERIFY2(run.out.contains(u"Open 2, overdue 2."_s), qPrintable(run.out));
        QVERIFY(run.out.contains(u"12345 hotline"_s));
    }

    void chineseTable()
    {
        const Run run = runIn(u"zh_CN"_s, QStringList {u"supervision"_s, u"complaints"_s} + m_connection);
        QCOMPARE(run.exitCode, 0);
        checkTable(run.out,
            {u"编号"_s, u"投诉对象"_s, u"渠道"_s, u"受理时间"_s, u"办结时限"_s, u"状态"_s, u"承办人"_s});
        QVERIFY2(run.out.contains(u"已分派"_s), qPrintable(run.out));
    }

    void jsonAndStates()
    {
        Run run = runIn(u"en"_s,
            QStringList {u"supervision"_s, u"complaints"_s, u"--state"_s, u"all"_s, u"--json"_s}
                + m_connection);
        QCOMPARE(run.exitCode, 0);
        const QJsonObject answer = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(answer.value(u"complaints"_s).toArray().size(), 2);
        QCOMPARE(answer.value(u"counts"_s).toObject().value(u"overdue"_s).toInt(), 2);
        run = runIn(u"en"_s,
            QStringList {u"supervision"_s, u"complaints"_s, u"--state"_s, u"closed"_s} + m_connection);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(u"No complaint is listed."_s), qPrintable(run.out));
        run = runIn(
            u"en"_s, QStringList {u"supervision"_s, u"complaints"_s, u"--state"_s, u"late"_s} + m_connection);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"state"_s), qPrintable(run.err));
    }

    void warningsNameTheComplaint()
    {
        // Both are open weeks after their deadline: red warnings of the hall, each led by its number
        // (neither names a case), the counter's naming who it was given to.
        const Run run = runIn(u"en"_s, QStringList {u"supervision"_s, u"warnings"_s} + m_connection);
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(u'\n');
        const QString counter = lines.filter(u"TS20261102001"_s).value(0);
        QVERIFY2(counter.startsWith(u"red  2026-11-10  TS20261102001"_s), qPrintable(run.out));
        QVERIFY2(counter.contains(u"李明"_s) && counter.contains(u"王芳"_s), qPrintable(counter));
        QVERIFY2(lines.filter(u"TS20261102002"_s).value(0).startsWith(u"red"_s), qPrintable(run.out));
    }

    void clerksCountComplaints()
    {
        const Run run
            = runIn(u"en"_s, QStringList {u"supervision"_s, u"clerks"_s, u"--json"_s} + m_connection);
        QCOMPARE(run.exitCode, 0);
        QHash<QString, int> complaints;
        for (const QJsonValue &v :
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"clerks"_s).toArray())
            complaints.insert(
                v.toObject().value(u"clerk"_s).toString(), v.toObject().value(u"complaints"_s).toInt(-1));
        QCOMPARE(complaints.value(u"clerk-042"_s, -2), 1);
    }
};

QTEST_GUILESS_MAIN(TestComplaintsCommand)
#include "tst_complaintsCommand.moc"
