#include "SyncTestSupport.h"
#include "accounts/AccountStore.h"
#include "accounts/PasswordHash.h"
#include "core/MachineConfig.h"
#include "server/HallAccountRepository.h"
#include "server/ServerSchema.h"
#include "setup/HallSetup.h"
#include "setup/WorkstationConfig.h"
#include "setup/WorkstationEnrolment.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::setup;
using ow::sync::testing::ServerProcess;
using namespace Qt::StringLiterals;

/// The first-run setup against the real onewindow-server: enrolment from the setup, a refused code,
/// and the server's own settings file.
class TestSetupEnrolment : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(text);
        return path;
    }

private Q_SLOTS:
    void presetCodeEnrolsOnceAndTheServerDecidesTheHall()
    {
        ServerProcess server(m_dir.filePath(u"server1"_s));
        QVERIFY(server.start());
        const QString code = server.enrolCode(u"33030202"_s, u"W07"_s);
        // A catalogue published before the counter enrols is offered by the setup at once.
        QString output;
        QCOMPARE(sync::testing::runCli(
                     {u"catalogue"_s, u"publish"_s, QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"),
                         u"--server"_s, server.url(), u"--key"_s, server.publisherKey(u"catalogue-office"_s)},
                     &output),
            0);
        // As the MSI or IT writes it; the typed hall differs and the server's wins.
        const QString machine = write(u"m1.conf"_s,
            "[workstation]\nhall=33030201\ncounter=1\nserver=" + server.url().toUtf8()
                + "\nenrol-code=" + code.toUtf8() + "\n");
        Result<WorkstationConfig> config = WorkstationConfig::load({}, m_dir.filePath(u"u1.ini"_s), machine);
        QVERIFY(config);
        const QString data = m_dir.filePath(u"data1"_s);
        HallSetup setup(*config, data);
        QCOMPARE(setup.connection(), HallSetup::Connection::Server);
        QCOMPARE(setup.enrolCode(), code);
        QVERIFY(setup.problem().contains(u"Enrol"_s));

        QSignalSpy finished(&setup, &HallSetup::enrolmentFinished);
        setup.enrol();
        QVERIFY(setup.isEnrolling());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
        QVERIFY2(finished.constFirst().at(0).toBool(), qPrintable(finished.constFirst().at(1).toString()));
        // The hall's accounts came with it (none yet in this hall).
        QVERIFY2(finished.constFirst().at(1).toString().contains(u"0 account(s) of the hall fetched"_s),
            qPrintable(finished.constFirst().at(1).toString()));
        QVERIFY(setup.isEnrolled());
        QCOMPARE(setup.hallCode(), u"33030202"_s);
        QCOMPARE(setup.counter(), 7);
        QVERIFY(!setup.syncedCatalogue().isEmpty());
        QCOMPARE(setup.catalogueSource(), HallSetup::CatalogueSource::Synced);
        QVERIFY2(setup.problem().isEmpty(), qPrintable(setup.problem()));
        QVERIFY(setup.save());
        auto stored = sync::SyncSettings::readFrom(data);
        QVERIFY(stored && *stored);
        QCOMPARE((*stored)->workstation.hall, u"33030202"_s);
        // Used once: the next start does not try it again.
        QVERIFY(config->pendingEnrolCode().isEmpty());
        Result<WorkstationConfig> next = WorkstationConfig::load({}, m_dir.filePath(u"u1.ini"_s), machine);
        QVERIFY(next && next->pendingEnrolCode().isEmpty());
        QVERIFY(next->isComplete(true));
    }

    void enrolmentBringsTheHallsAccounts()
    {
        ServerProcess server(m_dir.filePath(u"server4"_s));
        QVERIFY(server.start());
        {
            auto db = server::ServerSchema::open(server.databaseSpec());
            QVERIFY(db);
            server::HallAccountRepository hall(**db, Clock());
            QVERIFY(hall.add(u"33030202"_s, u"cli"_s, u"1001"_s, u"张三"_s, u"intake"_s,
                accounts::PasswordHash::create(u"clerk-pass-1"_s)));
        }
        const QString data = m_dir.filePath(u"data4"_s);
        auto enrolled = WorkstationEnrolment::enrol(
            data, server.url(), server.enrolCode(u"33030202"_s, u"W09"_s), u"counter-pc"_s);
        QVERIFY2(enrolled, enrolled ? "" : qPrintable(enrolled.error().message()));
        QVERIFY2(enrolled->accountsProblem.isEmpty(), qPrintable(enrolled->accountsProblem));
        QCOMPARE(enrolled->accounts, 1);
        // The first start of this counter finds the hall's clerk, also with the server down.
        server.kill();
        auto store = accounts::AccountStore::open(cases::CaseStore::databasePath(data));
        QVERIFY(store);
        QVERIFY(!*(*store)->isEmpty());
        QVERIFY((*store)->authenticate(u"1001"_s, u"clerk-pass-1"_s));
    }

    void refusedCodeIsToldPlainly()
    {
        ServerProcess server(m_dir.filePath(u"server2"_s));
        QVERIFY(server.start());
        auto refused = WorkstationEnrolment::enrol(
            m_dir.filePath(u"data2"_s), server.url(), u"WRONG-CODE"_s, u"counter-pc"_s);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(u"refused the enrolment code"_s),
            qPrintable(refused.error().message()));
        auto badAddress
            = WorkstationEnrolment::enrol(m_dir.filePath(u"data2"_s), u"not a url"_s, u"X"_s, u"pc"_s);
        QVERIFY(!badAddress);
        QVERIFY(badAddress.error().message().contains(u"not a server address"_s));
        server.kill();
        auto down = WorkstationEnrolment::enrol(
            m_dir.filePath(u"data2"_s), server.url(), u"WRONG-CODE"_s, u"counter-pc"_s);
        QVERIFY(!down);
        QVERIFY2(down.error().message().contains(u"cannot be reached"_s), qPrintable(down.error().message()));
    }

    void serverReadsItsSettingsFile()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        const QString data = m_dir.filePath(u"server3"_s);
        // The packaged file's spelling: no section, '#' comments, '_' in keys.
        const QString conf = write(u"server.conf"_s,
            "# settings\n#listen=127.0.0.1:1\nlisten=127.0.0.1:" + QByteArray::number(port)
                + "\ndata_dir=" + data.toUtf8() + "\nlang=en\n");
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"OW_SERVER_CONFIG"_s, conf);
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral(OW_SERVER_PATH), {});
        QVERIFY(process.waitForStarted(5000));
        sync::SyncClient client {QUrl(u"http://127.0.0.1:%1"_s.arg(port))};
        client.setTimeout(1000);
        bool up = false;
        for (int attempt = 0; attempt < 200 && !up; ++attempt) {
            up = bool(client.health());
            if (!up)
                QTest::qWait(25);
        }
        process.kill();
        process.waitForFinished(5000);
        QVERIFY2(up, process.readAll().constData());
        QVERIFY(QFileInfo::exists(QDir(data).filePath(u"server.db"_s)));

        // The command line wins over the file; --config names another file.
        QProcess help;
        help.start(
            QStringLiteral(OW_SERVER_PATH), {u"--config"_s, m_dir.filePath(u"none.conf"_s), u"--help"_s});
        QVERIFY(help.waitForFinished(10000));
        QCOMPARE(help.exitCode(), 0);
    }

    void fileValuesBecomeArguments()
    {
        const QString conf = write(u"args.conf"_s, "listen=0.0.0.0:8443\ntrust_proxy=yes\nlang=\n");
        Result<MachineConfig> config = MachineConfig::load(conf, QString());
        QVERIFY(config);
        QCOMPARE(config->arguments({u"listen"_s, u"lang"_s}, {u"trust-proxy"_s}),
            QStringList({u"--listen"_s, u"0.0.0.0:8443"_s, u"--trust-proxy"_s}));
    }
};

QTEST_GUILESS_MAIN(TestSetupEnrolment)
#include "tst_setupEnrolment.moc"
