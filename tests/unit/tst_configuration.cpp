#include "core/LayeredConfig.h"
#include "core/MachineConfig.h"
#include "setup/WorkstationConfig.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::setup;
using namespace Qt::StringLiterals;

/// The machine-wide file, the per-user settings and the command line, in their order.
class TestConfiguration : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(text);
        return path;
    }

private Q_SLOTS:
    void layersWinInOrder()
    {
        LayeredConfig config;
        config.setLayer(LayeredConfig::Source::Default, {{u"counter"_s, u"1"_s}, {u"lang"_s, u"zh_CN"_s}});
        config.setLayer(LayeredConfig::Source::Machine, {{u"counter"_s, u"7"_s}, {u"hall"_s, u"33030201"_s}});
        config.setLayer(LayeredConfig::Source::User, {{u"counter"_s, u"8"_s}, {u"hall"_s, QString()}});
        config.setLayer(LayeredConfig::Source::CommandLine, {{u"lang"_s, u"en"_s}});
        QCOMPARE(config.value(u"counter"_s), u"8"_s);
        QCOMPARE(config.source(u"counter"_s), LayeredConfig::Source::User);
        // An empty value in a layer above does not hide the one below.
        QCOMPARE(config.value(u"hall"_s), u"33030201"_s);
        QCOMPARE(config.source(u"hall"_s), LayeredConfig::Source::Machine);
        QCOMPARE(config.value(u"lang"_s), u"en"_s);
        QVERIFY(config.isChosen(u"lang"_s));
        config.set(LayeredConfig::Source::CommandLine, u"lang"_s, QString());
        QCOMPARE(config.source(u"lang"_s), LayeredConfig::Source::Default);
        QVERIFY(!config.isChosen(u"lang"_s));
        QCOMPARE(config.source(u"nothing"_s), LayeredConfig::Source::Unset);
        QVERIFY(config.value(u"nothing"_s).isEmpty());
    }

    void readsTheInstallersFile()
    {
        // The file as the package ships it, with IT's lines added; comments and empty keys are unset.
        const QString path = write(u"onewindow.conf"_s,
            "; Machine-wide settings\n[workstation]\n;hall=11111111\nhall=33030201\ncounter=7\n"
            "server=https://onewindow.example.gov.cn:8443\nenrol-code=\ncatalogue=/srv/catalogues/a,b\n");
        Result<MachineConfig> config = MachineConfig::load(path, u"workstation"_s);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().message()));
        QCOMPARE(config->value(u"hall"_s), u"33030201"_s);
        QCOMPARE(config->value(u"counter"_s), u"7"_s);
        QCOMPARE(config->value(u"server"_s), u"https://onewindow.example.gov.cn:8443"_s);
        QVERIFY(!config->contains(u"enrol-code"_s));
        QCOMPARE(config->value(u"catalogue"_s), u"/srv/catalogues/a,b"_s); // commas kept
    }

    void readsTheServersEnvironmentFile()
    {
        // server.conf is also the systemd unit's EnvironmentFile: no section, '#' comments, '_' keys.
        const QString path = write(u"server.conf"_s,
            "# settings\n#listen=127.0.0.1:8080\nlisten=0.0.0.0:8443\ndata_dir=/srv/ow\n"
            "database=postgresql://ow:secret@db:5432/ow\ntrust_proxy=true\n");
        Result<MachineConfig> config = MachineConfig::load(path, QString());
        QVERIFY(config);
        QCOMPARE(config->value(u"listen"_s), u"0.0.0.0:8443"_s);
        QCOMPARE(config->value(u"data-dir"_s), u"/srv/ow"_s);
        QCOMPARE(config->value(u"database"_s), u"postgresql://ow:secret@db:5432/ow"_s);
        QCOMPARE(config->value(u"trust-proxy"_s), u"true"_s);
        QCOMPARE(config->values().size(), 4);
    }

    void missingFileIsEmptyUnreadableIsAnError()
    {
        Result<MachineConfig> missing = MachineConfig::load(m_dir.filePath(u"none.conf"_s), u"workstation"_s);
        QVERIFY(missing);
        QVERIFY(missing->values().isEmpty());
        Result<MachineConfig> folder = MachineConfig::load(m_dir.path(), u"workstation"_s);
        QVERIFY(!folder);
        QVERIFY(folder.error().message().contains(QDir::toNativeSeparators(m_dir.path())));
    }

    void pathsFollowTheEnvironment()
    {
        qputenv("OW_MACHINE_CONFIG", "/tmp/test-machine.conf");
        qputenv("OW_SERVER_CONFIG", "/tmp/test-server.conf");
        QCOMPARE(MachineConfig::workstationPath(), u"/tmp/test-machine.conf"_s);
        QCOMPARE(MachineConfig::serverPath(), u"/tmp/test-server.conf"_s);
        qunsetenv("OW_MACHINE_CONFIG");
        qunsetenv("OW_SERVER_CONFIG");
#ifdef Q_OS_WIN
        QVERIFY(MachineConfig::workstationPath().endsWith(u"OneWindow/onewindow.ini"_s));
#else
        QCOMPARE(MachineConfig::workstationPath(), u"/etc/onewindow/onewindow.conf"_s);
        QCOMPARE(MachineConfig::serverPath(), u"/etc/onewindow/server.conf"_s);
#endif
    }

    void workstationPrecedence()
    {
        const QString machine = write(
            u"m1.conf"_s, "[workstation]\nhall=33030201\ncounter=7\nlang=en\nprint-without-dialog=true\n");
        const QString user = write(u"u1.ini"_s, "[workstation]\ncounter=9\n");
        Result<WorkstationConfig> config = WorkstationConfig::load({{u"lang"_s, u"zh_CN"_s}}, user, machine);
        QVERIFY(config);
        QCOMPARE(config->value(WorkstationConfig::kHall), u"33030201"_s); // machine
        QCOMPARE(config->value(WorkstationConfig::kCounter), u"9"_s); // user over machine
        QCOMPARE(config->value(WorkstationConfig::kLang), u"zh_CN"_s); // command line over machine
        QCOMPARE(config->value(WorkstationConfig::kLockMinutes), u"10"_s); // default
        QVERIFY(config->isOn(WorkstationConfig::kPrintWithoutDialog));
        // Hall and counter known and no server: nothing to ask at the first start.
        QVERIFY(config->isComplete(false));
    }

    void setupNeededUntilHallCounterAndServerAreSettled()
    {
        const QString user = m_dir.filePath(u"u2.ini"_s);
        Result<WorkstationConfig> empty = WorkstationConfig::load({}, user, m_dir.filePath(u"none"_s));
        QVERIFY(empty);
        QVERIFY(!empty->isComplete(false));
        QVERIFY(empty->isComplete(true)); // enrolled: the server gave hall and counter

        const QString serverOnly
            = write(u"m2.conf"_s, "[workstation]\nhall=33030201\ncounter=3\nserver=https://ow.example\n");
        Result<WorkstationConfig> noCode = WorkstationConfig::load({}, user, serverOnly);
        QVERIFY(noCode);
        QVERIFY(!noCode->isComplete(false)); // a server but no code: the setup asks for one
        Result<WorkstationConfig> alone
            = WorkstationConfig::load({{u"standalone"_s, u"true"_s}}, user, serverOnly);
        QVERIFY(alone);
        QVERIFY(alone->isComplete(false));

        // A hall or counter the case numbers cannot carry is asked for again.
        Result<WorkstationConfig> shortHall
            = WorkstationConfig::load({{u"hall"_s, u"330302"_s}, {u"counter"_s, u"1"_s}}, user, QString());
        QVERIFY(shortHall && !shortHall->isComplete(false));
        Result<WorkstationConfig> bigCounter = WorkstationConfig::load(
            {{u"hall"_s, u"33030201"_s}, {u"counter"_s, u"120"_s}}, user, QString());
        QVERIFY(bigCounter && !bigCounter->isComplete(false));
    }

    void enrolCodeIsUsedOnce()
    {
        const QString machine = write(u"m3.conf"_s,
            "[workstation]\nhall=33030201\ncounter=3\nserver=https://ow.example\nenrol-code=ABCD-1234\n");
        const QString user = m_dir.filePath(u"sub/u3.ini"_s);
        Result<WorkstationConfig> config = WorkstationConfig::load({}, user, machine);
        QVERIFY(config);
        QCOMPARE(config->pendingEnrolCode(), u"ABCD-1234"_s);
        QVERIFY(config->isComplete(false));
        QVERIFY(config->markEnrolCodeUsed(u"ABCD-1234"_s));
        QVERIFY(config->pendingEnrolCode().isEmpty());
        // Remembered for the next start, as a hash: the per-user file never holds the code.
        Result<WorkstationConfig> again = WorkstationConfig::load({}, user, machine);
        QVERIFY(again);
        QVERIFY(again->pendingEnrolCode().isEmpty());
        QFile file(user);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("ABCD-1234"));
        // IT writes a new code: it is used.
        write(u"m3.conf"_s,
            "[workstation]\nhall=33030201\ncounter=3\nserver=https://ow.example\nenrol-code=EFGH-5678\n");
        Result<WorkstationConfig> renewed = WorkstationConfig::load({}, user, machine);
        QVERIFY(renewed);
        QCOMPARE(renewed->pendingEnrolCode(), u"EFGH-5678"_s);
    }

    void savedUserValuesWinOverTheMachineFile()
    {
        const QString machine = write(u"m4.conf"_s, "[workstation]\nhall=33030201\ncounter=3\n");
        const QString user = m_dir.filePath(u"u4.ini"_s);
        Result<WorkstationConfig> config = WorkstationConfig::load({}, user, machine);
        QVERIFY(config);
        QVERIFY(config->saveUserValues({{u"counter"_s, u"12"_s}, {u"catalogue"_s, u"/srv/cat"_s}}));
        QCOMPARE(config->value(WorkstationConfig::kCounter), u"12"_s);
        Result<WorkstationConfig> reread = WorkstationConfig::load({{u"counter"_s, u"4"_s}}, user, machine);
        QVERIFY(reread);
        QCOMPARE(reread->value(WorkstationConfig::kCatalogue), u"/srv/cat"_s);
        QCOMPARE(reread->value(WorkstationConfig::kCounter), u"4"_s); // the command line still wins
        QCOMPARE(reread->layers().source(u"catalogue"_s), LayeredConfig::Source::User);
    }
};

QTEST_GUILESS_MAIN(TestConfiguration)
#include "tst_configuration.moc"
