// `onewindow-cli server …`: credentials of the central server issued on its database, each secret
// printed once and never listed again.

#include "cli/CliApplication.h"
#include "server/CredentialStore.h"
#include "server/ServerSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::server;
using ow::cli::CliApplication;
using ow::cli::Console;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList &arguments)
{
    Run run;
    Console console(&run.out, &run.err);
    run.exitCode = CliApplication().run(QStringList {QStringLiteral("onewindow-cli")} + arguments, console);
    return run;
}

} // namespace

class TestServerCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void issueListAndRevoke();
    void refusesBadInput();
    void listsConflictsOfAHall();
};

void TestServerCommand::issueListAndRevoke()
{
    QTemporaryDir dir;
    const QString database = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("server.db"));
    const Run code = runCli({QStringLiteral("server"), QStringLiteral("enrol-code"),
        QStringLiteral("--database"), database, QStringLiteral("--hall"), QStringLiteral("33030201"),
        QStringLiteral("--counter"), QStringLiteral("W07"), QStringLiteral("--json")});
    QCOMPARE(code.exitCode, 0);
    const QJsonObject issued = QJsonDocument::fromJson(code.out.toUtf8()).object();
    const QString secret = issued.value(QStringLiteral("secret")).toString();
    QVERIFY(QRegularExpression(QStringLiteral("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$"))
                .match(secret)
                .hasMatch());

    const Run key = runCli({QStringLiteral("server"), QStringLiteral("department-key"),
        QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--department"), QStringLiteral("wj")});
    QCOMPARE(key.exitCode, 0);
    const QString keySecret = key.out.section(QLatin1Char('\n'), 1, 1).section(QLatin1Char(' '), -1);
    QVERIFY(keySecret.size() >= 40);

    // The key works against the database; the listing shows it without its secret.
    {
        Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(database);
        QVERIFY(db.has_value());
        Result<std::optional<Credential>> who = CredentialStore(**db, Clock()).authenticate(keySecret);
        QVERIFY(who.has_value() && who->has_value());
        QCOMPARE((*who)->department, QStringLiteral("wj"));
    }
    const Run list = runCli({QStringLiteral("server"), QStringLiteral("list-credentials"),
        QStringLiteral("--database"), database, QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(!list.out.contains(keySecret));
    const QJsonArray credentials = QJsonDocument::fromJson(list.out.toUtf8()).array();
    QCOMPARE(credentials.size(), 1);
    const QString id = credentials.first().toObject().value(QStringLiteral("id")).toString();

    QCOMPARE(runCli({QStringLiteral("server"), QStringLiteral("revoke"), id, QStringLiteral("--database"),
                        database})
                 .exitCode,
        0);
    QCOMPARE(runCli({QStringLiteral("server"), QStringLiteral("--revoke"), id, QStringLiteral("--database"),
                        database})
                 .exitCode,
        1);
    Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(database);
    QVERIFY(db.has_value());
    Result<std::optional<Credential>> who = CredentialStore(**db, Clock()).authenticate(keySecret);
    QVERIFY(who.has_value() && !who->has_value());
}

void TestServerCommand::listsConflictsOfAHall()
{
    QTemporaryDir dir;
    const QString database = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("server.db"));
    const QStringList hallArgs {QStringLiteral("server"), QStringLiteral("conflicts"),
        QStringLiteral("--database"), database, QStringLiteral("--hall"), QStringLiteral("33030201")};
    const Run none = runCli(hallArgs);
    QCOMPARE(none.exitCode, 0);
    QVERIFY2(none.out.contains(QStringLiteral("33030201")), qPrintable(none.out));
    {
        // The server flags conflicts as events arrive (tst_server); here one is planted as it stores them.
        Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(database);
        QVERIFY(db.has_value());
        const QString number = QStringLiteral("33030201-20260316-070001-D");
        const QString time = QStringLiteral("2026-03-16T04:00:00.000Z");
        QVERIFY(
            (*db)
                ->run(QStringLiteral("INSERT INTO cases (number, hall, department, qr_token, state, snapshot,"
                                     " snapshot_time, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {number, QStringLiteral("33030201"), QStringLiteral("wj"), QStringLiteral("token"),
                        QStringLiteral("accepted"), QStringLiteral("{}"), time, time, time})
                .has_value());
        QVERIFY(
            (*db)
                ->run(QStringLiteral("INSERT INTO conflicts (case_number, hall, first_event, second_event,"
                                     " first_kind, second_kind, detected) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {number, QStringLiteral("33030201"), QStringLiteral("e1"), QStringLiteral("e2"),
                        QStringLiteral("accepted"), QStringLiteral("refused"), time})
                .has_value());
    }
    const Run listed = runCli(hallArgs + QStringList {QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray conflicts = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(conflicts.size(), 1);
    const QJsonObject conflict = conflicts.first().toObject();
    QCOMPARE(conflict.value(QStringLiteral("case")).toString(), QStringLiteral("33030201-20260316-070001-D"));
    QCOMPARE(conflict.value(QStringLiteral("second")).toObject().value(QStringLiteral("kind")).toString(),
        QStringLiteral("refused"));
    const Run text = runCli(hallArgs);
    QVERIFY2(text.out.contains(QStringLiteral("accepted")) && text.out.contains(QStringLiteral("refused")),
        qPrintable(text.out));
    // Another hall's supervisors see nothing of it; the hall is required.
    const Run other
        = runCli({QStringLiteral("server"), QStringLiteral("conflicts"), QStringLiteral("--database"),
            database, QStringLiteral("--hall"), QStringLiteral("33030299"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(other.out.toUtf8()).array().size(), 0);
    QCOMPARE(runCli({QStringLiteral("server"), QStringLiteral("conflicts"), QStringLiteral("--database"),
                        database})
                 .exitCode,
        2);
}

void TestServerCommand::refusesBadInput()
{
    QTemporaryDir dir;
    const QString database = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("server.db"));
    QCOMPARE(runCli({QStringLiteral("server"), QStringLiteral("enrol-code"), QStringLiteral("--database"),
                        database, QStringLiteral("--hall"), QStringLiteral("33030201"),
                        QStringLiteral("--counter"), QStringLiteral("W")})
                 .exitCode,
        2);
    QCOMPARE(runCli({QStringLiteral("server"), QStringLiteral("enrol-code"), QStringLiteral("--database"),
                        database, QStringLiteral("--hall"), QStringLiteral("12"), QStringLiteral("--counter"),
                        QStringLiteral("W07")})
                 .exitCode,
        2);
    QCOMPARE(runCli({QStringLiteral("server"), QStringLiteral("publisher-key")}).exitCode, 2);
    QCOMPARE(runCli({QStringLiteral("server"), QStringLiteral("nothing")}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestServerCommand)
#include "tst_serverCommand.moc"
