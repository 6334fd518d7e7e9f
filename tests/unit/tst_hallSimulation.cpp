// The check of supervision: ow-hallsim takes a simulated month of a hall (3 counters, 8
// clerks, a department desk) through the real sync protocol into the real onewindow-server on
// loopback, with planted late transfers, late reviews, silent departments, results never fetched
// and bad ratings never called back. Every planted warning is shown in its colour on its day, no
// case that was not planted is warned red, the warnings name the clerk from the hall's accounts;
// onewindow-cli supervision prints the figures, records a call-back and prints the 督办单.

#include "SyncTestSupport.h"
#include "core/WorkingCalendar.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

class TestHallSimulation : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QString m_key;
    QJsonObject m_plan;

    QJsonObject cli(const QStringList &arguments)
    {
        QString output;
        const int code = runCli(QStringList {u"supervision"_s} + arguments
                + QStringList {u"--server"_s, m_server->url(), u"--key"_s, m_key, u"--json"_s},
            &output);
        // Qt may say something on stderr (merged here) before the JSON.
        const qsizetype start = output.indexOf(u'{');
        const QString json = output.mid(start, output.lastIndexOf(u'}') - start + 1);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
        if (code != 0 || error.error != QJsonParseError::NoError)
            qWarning("onewindow-cli supervision %s (exit %d, %s): %s", qPrintable(arguments.join(u' ')), code,
                qPrintable(error.errorString()), qPrintable(output));
        return document.object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A month three months back: in the past (the server takes no event from the future) and,
        // where the holiday calendar still has the year, counted with it.
        const QDate month = QDate::currentDate().addMonths(-3);
        Result<WorkingCalendar> calendar = WorkingCalendar::loadBuiltIn();
        QVERIFY(calendar);
        if (!calendar->hasYear(month.year()) || !calendar->hasYear(month.addMonths(2).year()))
            QSKIP("the built-in holiday calendar has no data for the simulated months");

        const QString hall = cases::testing::workstation().hall;
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server"_s));
        QVERIFY(m_server->start());
        const QStringList codes {m_server->enrolCode(hall, u"W01"_s), m_server->enrolCode(hall, u"W02"_s),
            m_server->enrolCode(hall, u"W03"_s), m_server->enrolCode(hall, u"W08"_s)};
        // The hall's clerks, so warnings name them.
        for (int clerk = 1001; clerk <= 1008; ++clerk) {
            QString output;
            QCOMPARE(runCli({u"account"_s, u"add"_s, QString::number(clerk), u"--name"_s,
                                u"窗口%1号"_s.arg(clerk - 1000), u"--roles"_s, u"intake"_s,
                                u"--server-data-dir"_s, m_dir.filePath(u"server"_s), u"--hall"_s, hall},
                         &output),
                0);
        }
        QString output;
        QCOMPARE(runCli({u"server"_s, u"supervisor-key"_s, u"--data-dir"_s, m_dir.filePath(u"server"_s),
                            u"--hall"_s, hall, u"--name"_s, u"电子监察室"_s, u"--json"_s},
                     &output),
            0);
        m_key = QJsonDocument::fromJson(output.toUtf8()).object().value(u"secret"_s).toString();
        QVERIFY(!m_key.isEmpty());

        QProcess sim;
        sim.setProcessChannelMode(QProcess::SeparateChannels);
        sim.start(QStringLiteral(OW_HALLSIM_PATH),
            {u"--server"_s, m_server->url(), u"--codes"_s, codes.join(u','), u"--folder"_s,
                m_dir.filePath(u"stations"_s), u"--month"_s, month.toString(u"yyyy-MM"_s)});
        QVERIFY(sim.waitForFinished(540000));
        QVERIFY2(sim.exitCode() == 0, sim.readAllStandardError().constData());
        m_plan = QJsonDocument::fromJson(sim.readAllStandardOutput()).object();
        QCOMPARE(m_plan.value(u"cases"_s).toInt(), 15 * 8);
        QVERIFY(m_plan.value(u"expected"_s).toArray().size() > 40);
    }

    void everyPlantedWarningOnItsDay()
    {
        QMap<QString, QList<QJsonObject>> byDay;
        for (const QJsonValue &v : m_plan.value(u"expected"_s).toArray())
            byDay[v.toObject().value(u"day"_s).toString()].append(v.toObject());
        QSet<QString> planted;
        for (const QJsonValue &v : m_plan.value(u"planted"_s).toArray())
            planted.insert(v.toString());
        QSet<QString> rules;
        for (auto it = byDay.cbegin(); it != byDay.cend(); ++it) {
            const QJsonObject answer = cli({u"warnings"_s, u"--day"_s, it.key()});
            QCOMPARE(answer.value(u"day"_s).toString(), it.key());
            QSet<QString> shown;
            for (const QJsonValue &v : answer.value(u"warnings"_s).toArray()) {
                const QJsonObject w = v.toObject();
                shown.insert(
                    u"%1/%2/%3/%4"_s.arg(w.value(u"case"_s).toString(), w.value(u"stage"_s).toString(),
                        w.value(u"rule"_s).toString(), w.value(u"colour"_s).toString()));
                // Nothing that was not planted is late.
                if (w.value(u"colour"_s).toString() == u"red"_s)
                    QVERIFY2(planted.contains(w.value(u"case"_s).toString()),
                        qPrintable(u"%1 red on %2 (%3) was not planted"_s.arg(
                            w.value(u"case"_s).toString(), it.key(), w.value(u"rule"_s).toString())));
                if (w.value(u"stage"_s).toString() == u"follow-up"_s)
                    QVERIFY(w.value(u"clerkName"_s).toString().startsWith(u"窗口"_s));
                QVERIFY(!w.value(u"matter"_s).toString().isEmpty());
                QVERIFY(!w.value(u"departmentName"_s).toString().isEmpty());
            }
            for (const QJsonObject &e : it.value()) {
                const QString key
                    = u"%1/%2/%3/%4"_s.arg(e.value(u"case"_s).toString(), e.value(u"stage"_s).toString(),
                        e.value(u"rule"_s).toString(), e.value(u"colour"_s).toString());
                QVERIFY2(shown.contains(key), qPrintable(u"not warned on %1: %2"_s.arg(it.key(), key)));
                rules.insert(e.value(u"rule"_s).toString() + u'/' + e.value(u"colour"_s).toString());
            }
        }
        // Every kind of planted warning was checked, in both colours where it has two.
        for (const QString &rule : {u"case-deadline/yellow"_s, u"case-deadline/red"_s,
                 u"stage-deadline/red"_s, u"stage-deadline/yellow"_s, u"transfer-unconfirmed/red"_s,
                 u"department-silent/red"_s, u"follow-up-contact/yellow"_s, u"follow-up-contact/red"_s})
            QVERIFY2(rules.contains(rule), qPrintable(rule));
    }

    void figuresFollowUpsAndNotices()
    {
        const QJsonArray clerks = cli({u"clerks"_s}).value(u"clerks"_s).toArray();
        QCOMPARE(clerks.size(), 8);
        int cases = 0;
        for (const QJsonValue &v : clerks) {
            cases += v.toObject().value(u"cases"_s).toInt();
            QVERIFY(v.toObject().value(u"clerkName"_s).toString().startsWith(u"窗口"_s));
            QCOMPARE(v.toObject().value(u"notRatedShare"_s).toDouble(), 0.0);
        }
        QCOMPARE(cases, m_plan.value(u"cases"_s).toInt());
        const QJsonArray matters = cli({u"matters"_s}).value(u"matters"_s).toArray();
        QCOMPARE(matters.size(), 4);
        QCOMPARE(matters.first().toObject().value(u"frequency"_s).toString(), u"high"_s);

        // A bad rating not called back is open; calling back records who and what was agreed.
        const QJsonArray items = cli({u"followup"_s, u"--open"_s}).value(u"followUps"_s).toArray();
        QCOMPARE(items.size(), 15);
        const QString id = items.first().toObject().value(u"id"_s).toString();
        QVERIFY(!cli(
            {u"followup"_s, u"contact"_s, id, u"--by"_s, u"李主任"_s, u"--agreed"_s, u"三日内上门致歉"_s})
                     .isEmpty());
        bool found = false;
        for (const QJsonValue &v : cli({u"followup"_s}).value(u"followUps"_s).toArray())
            if (v.toObject().value(u"id"_s).toString() == id) {
                found = true;
                QCOMPARE(v.toObject().value(u"contactedBy"_s).toString(), u"李主任"_s);
                QCOMPARE(v.toObject().value(u"agreed"_s).toString(), u"三日内上门致歉"_s);
            }
        QVERIFY(found);

        // The 督办单 of each department warned on a day with red warnings.
        const QString day = m_plan.value(u"expected"_s).toArray().at(1).toObject().value(u"day"_s).toString();
        const QString out = m_dir.filePath(u"notices"_s);
        const QJsonArray notices
            = cli({u"notice"_s, u"--day"_s, day, u"--out"_s, out}).value(u"notices"_s).toArray();
        QVERIFY(!notices.isEmpty());
        for (const QJsonValue &v : notices) {
            QFile pdf(v.toObject().value(u"file"_s).toString());
            QVERIFY(pdf.open(QIODevice::ReadOnly));
            QVERIFY(pdf.read(5) == "%PDF-");
        }
    }
};

QTEST_GUILESS_MAIN(TestHallSimulation)
#include "tst_hallSimulation.moc"
