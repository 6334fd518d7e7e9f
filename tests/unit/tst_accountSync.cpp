// Hall-wide accounts end to end, against the real onewindow-server: a clerk added on the server
// reaches a second enrolled workstation by `account pull`, logs in there while the server is down
// (the cached hash), and after being disabled on the server is refused at that counter from the
// next pull on.

#include "ServerTestSupport.h"
#include "accounts/AccountStore.h"
#include "cases/CaseStore.h"
#include "cli/AccountCommand.h"
#include "cli/CliApplication.h"
#include "server/CredentialStore.h"
#include "server/ServerSchema.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace Qt::StringLiterals;
using ow::server::testing::ServerProcess;

class TestAccountSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addedOnServerLogsInOfflineThenDisabled();

private:
    int cli(const QStringList &arguments, const QString &input = QString())
    {
        QString out;
        QString err;
        cli::Console console(&out, &err);
        int code = 0;
        if (input.isEmpty()) {
            code = cli::CliApplication().run(QStringList {u"onewindow-cli"_s} + arguments, console);
        } else {
            QString text = input;
            QTextStream in(&text);
            code = cli::AccountCommand(console, &in).run(arguments.mid(1));
        }
        if (code != 0)
            qWarning("%s%s", qPrintable(out), qPrintable(err));
        return code;
    }
};

void TestAccountSync::addedOnServerLogsInOfflineThenDisabled()
{
    QTemporaryDir dir;
    const QString serverDir = dir.filePath(u"server"_s);
    const QString counterDir = dir.filePath(u"counter"_s);
    auto server = std::make_unique<ServerProcess>(QStringLiteral(OW_SERVER_PATH), serverDir, QString());
    QVERIFY2(server->start(), qPrintable(server->startError()));

    // Enrol the second counter of the hall.
    QString code;
    {
        auto db = server::ServerSchema::open(u"sqlite:"_s + QDir(serverDir).filePath(u"server.db"_s));
        QVERIFY(db);
        server::CredentialStore credentials(**db, Clock());
        Result<server::IssuedSecret> issued = credentials.issueEnrolCode(u"33030201"_s, u"W08"_s);
        QVERIFY(issued);
        code = issued->secret;
    }
    QCOMPARE(cli({u"sync"_s, u"enrol"_s, u"--data-dir"_s, counterDir, u"--server"_s,
                 server->url(QString()).toString(), u"--code"_s, code}),
        0);

    // The hall administrator adds a clerk on the server; the counter pulls the hall's accounts.
    QCOMPARE(cli({u"account"_s, u"add"_s, u"1001"_s, u"--name"_s, u"张三"_s, u"--roles"_s, u"intake"_s,
                     u"--password-stdin"_s, u"--server-data-dir"_s, serverDir, u"--hall"_s, u"33030201"_s},
                 u"clerk-pass-1\n"_s),
        0);
    QCOMPARE(cli({u"account"_s, u"pull"_s, u"--data-dir"_s, counterDir}), 0);

    // The server goes away; the clerk still logs in at this counter with the cached hash.
    server->kill();
    {
        auto store = accounts::AccountStore::open(cases::CaseStore::databasePath(counterDir));
        QVERIFY(store);
        Result<accounts::Account> in = (*store)->authenticate(u"1001"_s, u"clerk-pass-1"_s);
        QVERIFY2(in, in ? "" : qPrintable(in.error().message()));
        QVERIFY(in->mustChangePassword);
    }
    // Offline, a pull fails and changes nothing.
    QVERIFY(cli({u"account"_s, u"pull"_s, u"--data-dir"_s, counterDir}) != 0);

    // Disabled on the server while the counter was offline: refused after the next pull.
    QCOMPARE(cli({u"account"_s, u"disable"_s, u"1001"_s, u"--server-data-dir"_s, serverDir, u"--hall"_s,
                 u"33030201"_s}),
        0);
    server = std::make_unique<ServerProcess>(QStringLiteral(OW_SERVER_PATH), serverDir, QString());
    QVERIFY2(server->start(), qPrintable(server->startError()));
    // The enrolment recorded the first server's port; the restarted one may listen elsewhere.
    {
        auto cases = cases::CaseStore::open(counterDir);
        QVERIFY(cases);
        QVERIFY((*cases)->setSyncValues({{u"server"_s, server->url(QString()).toString()}}));
    }
    QCOMPARE(cli({u"account"_s, u"pull"_s, u"--data-dir"_s, counterDir}), 0);
    auto store = accounts::AccountStore::open(cases::CaseStore::databasePath(counterDir));
    QVERIFY(store);
    QVERIFY(!(*store)->authenticate(u"1001"_s, u"clerk-pass-1"_s));
    QVERIFY(!(*store)->account(u"1001"_s)->active);
}

QTEST_GUILESS_MAIN(TestAccountSync)
#include "tst_accountSync.moc"
