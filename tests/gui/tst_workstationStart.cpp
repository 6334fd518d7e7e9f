#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/// The workstation itself (the onewindow program, offscreen) refuses a hall settings file that
/// would break a document, at start, with the file and line, and starts nothing else: no enrolment,
/// no sync, no login, no case store.
class TestWorkstationStart : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }

    /// Starts the workstation with the settings file and returns what it wrote on stderr once it has
    /// said why it refuses (its message box then waits for a click nobody gives: it is killed).
    QString refusalOf(const QString &settings, const QString &dataDirectory)
    {
        QProcess workstation;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        environment.insert(u"OW_USER_CONFIG"_s, m_dir.filePath(u"user.ini"_s));
        environment.remove(u"OW_CATALOGUE"_s);
        workstation.setProcessEnvironment(environment);
        workstation.start(QStringLiteral(OW_WORKSTATION_PATH),
            {u"--lang"_s, u"zh_CN"_s, u"--machine-config"_s, m_dir.filePath(u"no-machine.ini"_s),
                u"--standalone"_s, u"--hall"_s, u"33030201"_s, u"--counter"_s, u"7"_s, u"--catalogue"_s,
                QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"), u"--data-dir"_s, dataDirectory,
                u"--settings"_s, settings});
        if (!workstation.waitForStarted())
            return u"not started"_s;
        QByteArray err;
        // Until the message is complete (its line ends) or the program ends by itself.
        const QByteArray name = QFileInfo(settings).fileName().toUtf8() + ':';
        for (int waited = 0; waited < 120 && (!err.contains(name) || !err.endsWith('\n')); ++waited) {
            if (workstation.state() == QProcess::NotRunning)
                break;
            workstation.waitForReadyRead(1000);
            err += workstation.readAllStandardError();
        }
        workstation.kill();
        workstation.waitForFinished();
        err += workstation.readAllStandardError();
        return QString::fromUtf8(err);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Over SSH there is no display: --help and --version still print and exit (they failed for want
    // of a platform plugin before QApplication read them).
    void helpNeedsNoScreen_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("says");
        QTest::newRow("help") << u"--help"_s << u"--data-dir"_s;
        QTest::newRow("version") << u"--version"_s << u"onewindow"_s;
    }
    void helpNeedsNoScreen()
    {
        QFETCH(QString, option);
        QFETCH(QString, says);
        QProcess workstation;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"QT_QPA_PLATFORM"_s);
        environment.remove(u"DISPLAY"_s);
        environment.remove(u"WAYLAND_DISPLAY"_s);
        workstation.setProcessEnvironment(environment);
        workstation.start(QStringLiteral(OW_WORKSTATION_PATH), {option});
        QVERIFY(workstation.waitForFinished(30000));
        QCOMPARE(workstation.exitStatus(), QProcess::NormalExit);
        QCOMPARE(workstation.exitCode(), 0);
        const QString out = QString::fromUtf8(workstation.readAllStandardOutput());
        QVERIFY2(out.contains(says), qPrintable(out + QString::fromUtf8(workstation.readAllStandardError())));
    }

    void badSettingsRefusedAtStart_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("says");
        QTest::newRow("time limit without its number")
            << QByteArray("[hall]\nname = 示例中心\n[common]\nworking-days = 个工作日\n") << 4 << u"%1"_s;
        // The receipt's promise with its placeholders removed would no longer state the time limit
        // or the deadline.
        QTest::newRow("placeholders removed") << QByteArray(
            "[hall]\nname = 示例中心\n\n[receipt]\npromise = 本事项为承诺件，将按时作出决定。\n")
                                              << 5 << u"%1"_s;
    }
    void badSettingsRefusedAtStart()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        QFETCH(QString, says);
        const QString settings
            = write(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-') + u".ini"_s, content);
        const QString data = m_dir.filePath(u"data-"_s + QString::number(line));
        const QString err = refusalOf(settings, data);
        const QString where = settings + u':' + QString::number(line) + u':';
        QVERIFY2(err.contains(where), qPrintable(err));
        QVERIFY2(err.contains(says), qPrintable(err));
        // Nothing else started: no data folder (case store, accounts, enrolment, devices), no sync.
        QVERIFY2(!QFileInfo::exists(data), qPrintable(QDir(data).entryList().join(u' ')));
    }

    void goodSettingsGoOnToTheLogin()
    {
        // The same start with a good file passes the check and creates the data folder (the login then
        // waits for a clerk): the test above would see it if the refusal came later.
        const QString settings = write(u"good.ini"_s, "[hall]\nname = 示例中心\n");
        const QString data = m_dir.filePath(u"data-good"_s);
        QProcess workstation;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        environment.insert(u"OW_USER_CONFIG"_s, m_dir.filePath(u"user.ini"_s));
        workstation.setProcessEnvironment(environment);
        workstation.start(QStringLiteral(OW_WORKSTATION_PATH),
            {u"--machine-config"_s, m_dir.filePath(u"no-machine.ini"_s), u"--standalone"_s, u"--hall"_s,
                u"33030201"_s, u"--counter"_s, u"7"_s, u"--catalogue"_s,
                QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"), u"--data-dir"_s, data,
                u"--settings"_s, settings});
        QVERIFY(workstation.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(data), 60000);
        workstation.kill();
        workstation.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestWorkstationStart)
#include "tst_workstationStart.moc"
