// The check of supervision: ow-hallsim takes a simulated month of a hall (3 counters, 8
// clerks, a department desk) through the real sync protocol into the real onewindow-server on
// loopback, with planted late transfers, late reviews, silent departments, results never fetched
// and bad ratings never called back. Every planted warning is shown in its colour on its day, no
// case that was not planted is warned red, the warnings name the clerk from the hall's accounts;
// onewindow-cli supervision prints the figures, records a call-back and prints the 督办单. The
// clerks' points add up to the cases, ratings, consultations and practice the simulation planted,
// each clerk's items sum to the total, and a correction shows among them with its reason. On the
// queue's day each clerk's average time from call to receipt is the one the simulation planted.

#include "SyncTestSupport.h"
#include "core/WorkingCalendar.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
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
        // The month only: the queue's day (today) has cases of its own.
        const QJsonArray clerks = cli({u"clerks"_s, u"--to"_s, m_plan.value(u"lastDay"_s).toString()})
                                      .value(u"clerks"_s)
                                      .toArray();
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

    void callToReceiptAsPlanted()
    {
        // The queue's day: two tickets per clerk, issued, called and served through the queue API,
        // each case decided a planted number of minutes after its call.
        const QString day = m_plan.value(u"queueDay"_s).toString();
        QVERIFY(!day.isEmpty());
        QCOMPARE(m_plan.value(u"queueCases"_s).toInt(), 16);
        const QJsonObject planted = m_plan.value(u"callToReceipt"_s).toObject();
        QCOMPARE(planted.size(), 8);
        const QJsonArray clerks
            = cli({u"clerks"_s, u"--from"_s, day, u"--to"_s, day}).value(u"clerks"_s).toArray();
        QCOMPARE(clerks.size(), 8);
        for (const QJsonValue &v : clerks) {
            const QJsonObject clerk = v.toObject();
            const QJsonObject expected = planted.value(clerk.value(u"clerk"_s).toString()).toObject();
            QCOMPARE(clerk.value(u"cases"_s).toInt(), expected.value(u"tickets"_s).toInt());
            QVERIFY2(clerk.value(u"callToReceiptMinutes"_s).isDouble(),
                qPrintable(clerk.value(u"clerk"_s).toString()));
            // The server rounds to a tenth of a minute; the case's time is kept to the second.
            QVERIFY2(std::abs(clerk.value(u"callToReceiptMinutes"_s).toDouble()
                         - expected.value(u"averageMinutes"_s).toDouble())
                    < 0.051,
                qPrintable(u"%1: %2 against %3 planted"_s.arg(clerk.value(u"clerk"_s).toString())
                               .arg(clerk.value(u"callToReceiptMinutes"_s).toDouble())
                               .arg(expected.value(u"averageMinutes"_s).toDouble())));
        }
        // The month's cases came without tickets: nothing to count from.
        for (const QJsonValue &v :
            cli({u"clerks"_s, u"--to"_s, m_plan.value(u"lastDay"_s).toString()}).value(u"clerks"_s).toArray())
            QVERIFY(v.toObject().value(u"callToReceiptMinutes"_s).isNull());
    }

    void pointsAddUpToTheWork()
    {
        const QString month = m_plan.value(u"firstDay"_s).toString().left(7);
        const QJsonObject work = m_plan.value(u"clerkWork"_s).toObject();
        QCOMPARE(work.size(), 8);
        const QJsonObject ranking = cli({u"points"_s, u"--month"_s, month});
        const QJsonObject weights = ranking.value(u"weights"_s).toObject();
        const QJsonArray clerks = ranking.value(u"clerks"_s).toArray();
        QCOMPARE(clerks.size(), 8);
        int consultations = 0;
        int practices = 0;
        int previous = std::numeric_limits<int>::max();
        for (const QJsonValue &v : clerks) {
            const QJsonObject clerk = v.toObject();
            const QString staff = clerk.value(u"staffNumber"_s).toString();
            const QJsonObject did = work.value(staff).toObject();
            // Every point from what the simulation did, counted here with the server's weights.
            int expected = did.value(u"cases"_s).toInt() * weights.value(u"case_received"_s).toInt()
                + did.value(u"consultations"_s).toInt() * weights.value(u"consultation"_s).toInt()
                + did.value(u"practicePassed"_s).toInt() * weights.value(u"practice_passed"_s).toInt();
            int rated = 0;
            for (int level = 1; level <= 5; ++level) {
                const int n = did.value(u"ratings"_s).toArray().at(level - 1).toInt();
                expected += n * weights.value(u"rating_%1"_s.arg(level)).toInt();
                rated += n;
            }
            QCOMPARE(clerk.value(u"points"_s).toInt(), expected);
            QVERIFY(clerk.value(u"points"_s).toInt() <= previous);
            previous = clerk.value(u"points"_s).toInt();
            QVERIFY(clerk.value(u"name"_s).toString().startsWith(u"窗口"_s));
            QVERIFY(clerk.value(u"grade"_s).toInt() >= 1);
            consultations += did.value(u"consultations"_s).toInt();
            practices += did.value(u"practicePassed"_s).toInt() + did.value(u"practiceFailed"_s).toInt();

            // The drill-down: the items sum to the total, one per case, rating, consultation, pass.
            const QJsonObject items = cli({u"points"_s, u"--month"_s, month, u"--clerk"_s, staff});
            QMap<QString, int> kinds;
            int sum = 0;
            for (const QJsonValue &item : items.value(u"items"_s).toArray()) {
                ++kinds[item.toObject().value(u"kind"_s).toString()];
                sum += item.toObject().value(u"points"_s).toInt();
                QVERIFY(!item.toObject().value(u"event"_s).toString().isEmpty());
            }
            QCOMPARE(sum, clerk.value(u"points"_s).toInt());
            QCOMPARE(kinds.value(u"case-received"_s), did.value(u"cases"_s).toInt());
            QCOMPARE(kinds.value(u"rating"_s), rated);
            QCOMPARE(kinds.value(u"consultation"_s), did.value(u"consultations"_s).toInt());
            QCOMPARE(kinds.value(u"practice-passed"_s), did.value(u"practicePassed"_s).toInt());
        }
        QVERIFY(consultations > 0);
        QVERIFY(practices > 8);
        // The clerks' figures count the consultations the counters sent.
        for (const QJsonValue &v : cli({u"clerks"_s}).value(u"clerks"_s).toArray())
            QCOMPARE(v.toObject().value(u"consultations"_s).toInt(),
                work.value(v.toObject().value(u"clerk"_s).toString())
                    .toObject()
                    .value(u"consultations"_s)
                    .toInt());

        // A supervisor's correction: a row with its reason among the items, the total moved by it.
        const int before
            = cli({u"points"_s, u"--month"_s, month, u"--clerk"_s, u"1001"_s}).value(u"points"_s).toInt();
        const QJsonObject corrected = cli({u"correct-points"_s, u"--clerk"_s, u"1001"_s, u"--points"_s,
            u"-2"_s, u"--reason"_s, u"擅自离岗半日"_s, u"--by"_s, u"李主任"_s, u"--month"_s, month});
        QVERIFY(!corrected.value(u"id"_s).toString().isEmpty());
        const QJsonObject after = cli({u"points"_s, u"--month"_s, month, u"--clerk"_s, u"1001"_s});
        QCOMPARE(after.value(u"points"_s).toInt(), before - 2);
        const QJsonObject last = after.value(u"items"_s).toArray().last().toObject();
        QCOMPARE(last.value(u"kind"_s).toString(), u"correction"_s);
        QCOMPARE(last.value(u"reason"_s).toString(), u"擅自离岗半日"_s);
        QCOMPARE(last.value(u"by"_s).toString(), u"李主任"_s);
        // Without a reason nothing is sent.
        QCOMPARE(runCli({u"supervision"_s, u"correct-points"_s, u"--clerk"_s, u"1001"_s, u"--points"_s,
                     u"5"_s, u"--server"_s, m_server->url(), u"--key"_s, m_key}),
            2);
    }
};

QTEST_GUILESS_MAIN(TestHallSimulation)
#include "tst_hallSimulation.moc"
