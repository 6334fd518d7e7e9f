#include "core/Deadline.h"
#include "core/WorkingCalendar.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <tuple>

using ow::Deadline;
using ow::WorkingCalendar;

namespace {

QDate d(const char *iso)
{
    return QDate::fromString(QLatin1String(iso), Qt::ISODate);
}

const char *kHeader2025 = "year 2025\nversion T-2025.1\nsource test notice\n";

} // namespace

/// The holiday calendar (2025 and 2026 State Council notices), working-day arithmetic across
/// holidays and swapped weekends, refusal outside the data, deadlines with paused clocks, and errors
/// in calendar files.
class TestWorkingCalendar : public QObject
{
    Q_OBJECT

    WorkingCalendar m_calendar;

    static void write(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
    {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto loaded = WorkingCalendar::loadBuiltIn();
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().toString()));
        m_calendar = std::move(*loaded);
    }

    void builtInYears()
    {
        QCOMPARE(m_calendar.years(), (QList<int> {2025, 2026}));
        QCOMPARE(m_calendar.version(), QStringLiteral("CN-2025.1+CN-2026.1"));
        QVERIFY(m_calendar.yearInfo(2025)->source.contains(QStringLiteral("国办发明电〔2024〕12号")));
        QVERIFY(m_calendar.yearInfo(2026)->source.contains(QStringLiteral("国办发明电〔2025〕7号")));
        QVERIFY(!m_calendar.yearInfo(2027).has_value());
    }

    void specialDayCounts()
    {
        // 2025: 元旦 1 + 春节 8 + 清明 3 + 劳动节 5 + 端午 3 + 国庆中秋 8 days off; 5 weekends worked.
        // 2026: 元旦 3 + 春节 9 + 清明 3 + 劳动节 5 + 端午 3 + 中秋 3 + 国庆 7; 6 weekends worked.
        for (const auto &[year, off, work] : {std::tuple {2025, 28, 5}, std::tuple {2026, 33, 6}}) {
            const QList<WorkingCalendar::Day> days = m_calendar.specialDays(year);
            const auto offDays
                = std::count_if(days.cbegin(), days.cend(), [](const WorkingCalendar::Day &day) {
                      return day.kind == WorkingCalendar::DayKind::Holiday;
                  });
            QCOMPARE(int(offDays), off);
            QCOMPARE(int(days.size() - offDays), work);
        }
        // Working days in each year, as published: 248 in both.
        QCOMPARE(*m_calendar.workingDaysBetween(d("2024-12-31"), d("2025-12-31")), 248);
        QCOMPARE(*m_calendar.workingDaysBetween(d("2025-12-31"), d("2026-12-31")), 248);
    }

    void isWorkingDay_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<bool>("working");
        QTest::addColumn<WorkingCalendar::DayKind>("kind");
        using K = WorkingCalendar::DayKind;
        QTest::newRow("New Year 2025") << d("2025-01-01") << false << K::Holiday;
        QTest::newRow("ordinary Monday") << d("2025-03-03") << true << K::Workday;
        QTest::newRow("ordinary Saturday") << d("2025-03-08") << false << K::Weekend;
        QTest::newRow("swapped Sunday before Spring Festival")
            << d("2025-01-26") << true << K::SwappedWorkday;
        QTest::newRow("Spring Festival eve 2025") << d("2025-01-28") << false << K::Holiday;
        QTest::newRow("swapped Saturday after Spring Festival")
            << d("2025-02-08") << true << K::SwappedWorkday;
        QTest::newRow("Dragon Boat Monday") << d("2025-06-02") << false << K::Holiday;
        QTest::newRow("National Day, Wednesday 8th") << d("2025-10-08") << false << K::Holiday;
        QTest::newRow("swapped Saturday 2025-10-11") << d("2025-10-11") << true << K::SwappedWorkday;
        QTest::newRow("Sunday 2025-10-12") << d("2025-10-12") << false << K::Weekend;
        QTest::newRow("swapped Sunday 2026-01-04") << d("2026-01-04") << true << K::SwappedWorkday;
        QTest::newRow("Spring Festival 2026 Monday 23rd") << d("2026-02-23") << false << K::Holiday;
        QTest::newRow("after Spring Festival 2026") << d("2026-02-24") << true << K::Workday;
        QTest::newRow("Mid-Autumn Friday 2026") << d("2026-09-25") << false << K::Holiday;
        QTest::newRow("swapped Saturday 2026-10-10") << d("2026-10-10") << true << K::SwappedWorkday;
    }
    void isWorkingDay()
    {
        QFETCH(QDate, date);
        QFETCH(bool, working);
        QFETCH(WorkingCalendar::DayKind, kind);
        QCOMPARE(*m_calendar.isWorkingDay(date), working);
        QCOMPARE(m_calendar.day(date)->kind, kind);
    }

    void dayNames()
    {
        QCOMPARE(m_calendar.day(d("2026-02-17"))->name, QStringLiteral("春节"));
        QCOMPARE(m_calendar.day(d("2026-02-14"))->name, QStringLiteral("春节调休上班"));
        QVERIFY(m_calendar.day(d("2026-03-02"))->name.isEmpty());
    }

    void addWorkingDays_data()
    {
        QTest::addColumn<QDate>("start");
        QTest::addColumn<int>("n");
        QTest::addColumn<QDate>("expected");
        QTest::newRow("over National Day 2025") << d("2025-09-30") << 1 << d("2025-10-09");
        QTest::newRow("onto the swapped Sunday") << d("2025-09-26") << 1 << d("2025-09-28");
        QTest::newRow("over Spring Festival 2025, both swapped days")
            << d("2025-01-20") << 10 << d("2025-02-08");
        QTest::newRow("20 days from 2025-09-15") << d("2025-09-15") << 20 << d("2025-10-17");
        QTest::newRow("into 2026, swapped 4 January") << d("2025-12-31") << 1 << d("2026-01-04");
        QTest::newRow("onto 2026-02-14") << d("2026-02-13") << 1 << d("2026-02-14");
        QTest::newRow("over Spring Festival 2026") << d("2026-02-14") << 1 << d("2026-02-24");
        QTest::newRow("20 days from 2026-02-01") << d("2026-02-01") << 20 << d("2026-03-05");
        QTest::newRow("start on a holiday") << d("2025-10-03") << 1 << d("2025-10-09");
        QTest::newRow("start on a weekend") << d("2025-03-08") << 1 << d("2025-03-10");
        QTest::newRow("zero") << d("2025-10-03") << 0 << d("2025-10-03");
        QTest::newRow("backwards over National Day") << d("2025-10-09") << -1 << d("2025-09-30");
        QTest::newRow("start year without data") << d("2024-12-31") << 1 << d("2025-01-02");
    }
    void addWorkingDays()
    {
        QFETCH(QDate, start);
        QFETCH(int, n);
        QFETCH(QDate, expected);
        const auto due = m_calendar.addWorkingDays(start, n);
        QVERIFY2(due.has_value(), qPrintable(due ? QString() : due.error().message()));
        QCOMPARE(*due, expected);
    }

    void refusesYearsWithoutData()
    {
        const auto into2027 = m_calendar.addWorkingDays(d("2026-12-25"), 10);
        QVERIFY(!into2027.has_value());
        QCOMPARE(into2027.error().code(), ow::Error::Code::Unsupported);
        QVERIFY2(into2027.error().message().contains(QStringLiteral("2027")),
            qPrintable(into2027.error().message()));
        QVERIFY(!m_calendar.isWorkingDay(d("2027-01-04")).has_value());
        QVERIFY(!m_calendar.addWorkingDays(d("2025-01-02"), -2).has_value()); // reaches 2024
        QVERIFY(!m_calendar.workingDaysBetween(d("2026-12-01"), d("2027-01-10")).has_value());
        QVERIFY(!WorkingCalendar().isWorkingDay(d("2025-03-03")).has_value());
        QVERIFY(!m_calendar.addWorkingDays(QDate(), 1).has_value());
    }

    void betweenIsTheInverseOfAdd()
    {
        QCOMPARE(*m_calendar.workingDaysBetween(d("2025-09-30"), d("2025-10-09")), 1);
        QCOMPARE(*m_calendar.workingDaysBetween(d("2025-10-09"), d("2025-09-30")), -1);
        QCOMPARE(*m_calendar.workingDaysBetween(d("2025-10-03"), d("2025-10-03")), 0);
        QCOMPARE(*m_calendar.workingDaysBetween(d("2025-10-01"), d("2025-10-08")), 0);
        for (QDate start = d("2025-01-01"); start <= d("2026-11-30"); start = start.addDays(3)) {
            for (int n : {1, 2, 5, 7, 20, -1, -3}) {
                const auto due = m_calendar.addWorkingDays(start, n);
                if (!due)
                    continue; // backwards out of 2025
                QVERIFY(*m_calendar.isWorkingDay(*due));
                QCOMPARE(*m_calendar.workingDaysBetween(start, *due), n);
            }
        }
    }

    void deadlineWithoutPause()
    {
        const Deadline deadline(d("2025-09-30"), 5);
        QCOMPARE(*deadline.dueDate(m_calendar), d("2025-10-14"));
        QCOMPARE(*deadline.remainingAt(m_calendar, d("2025-09-29")), 5);
        QCOMPARE(*deadline.remainingAt(m_calendar, d("2025-10-08")), 5);
        QCOMPARE(*deadline.remainingAt(m_calendar, d("2025-10-11")), 2);
        QCOMPARE(*deadline.remainingAt(m_calendar, d("2025-10-14")), 0);
        QCOMPARE(*deadline.remainingAt(m_calendar, d("2025-10-15")), -1);
    }

    void deadlinePausedForExpertReview()
    {
        // Art. 45: the two working days of expert review do not count.
        const Deadline deadline(
            d("2025-09-30"), 5, {{d("2025-10-09"), d("2025-10-10"), QStringLiteral("专家评审")}});
        QCOMPARE(*deadline.dueDate(m_calendar), d("2025-10-16"));
        QVERIFY(deadline.isPausedOn(d("2025-10-10")));
        QVERIFY(!deadline.isPausedOn(d("2025-10-11")));
        QCOMPARE(*deadline.remainingAt(m_calendar, d("2025-10-10")), 5);
        QCOMPARE(*deadline.remainingAt(m_calendar, d("2025-10-11")), 4);
        QCOMPARE(*deadline.remainingAt(m_calendar, d("2025-10-16")), 0);
        QCOMPARE(*deadline.remainingAt(m_calendar, d("2025-10-17")), -1);
    }

    void deadlineOverSpringFestival2026()
    {
        // A 7-working-day promise (环评报告表审批) accepted on Thursday 2026-02-12.
        const Deadline deadline(d("2026-02-12"), 7);
        QCOMPARE(*deadline.dueDate(m_calendar), d("2026-02-28"));
        QCOMPARE(*deadline.remainingAt(m_calendar, d("2026-02-23")), 5);
    }

    void deadlineStillPaused()
    {
        const Deadline open(d("2026-02-10"), 10, {{d("2026-02-12"), QDate(), QStringLiteral("检测")}});
        const auto due = open.dueDate(m_calendar);
        QVERIFY(!due.has_value());
        QVERIFY2(
            due.error().message().contains(QStringLiteral("2026-02-12")), qPrintable(due.error().message()));
        QVERIFY(open.isPausedOn(d("2026-12-31")));
        // Only 2026-02-11 ran before the pause.
        QCOMPARE(*open.remainingAt(m_calendar, d("2026-03-31")), 9);

        // A pause still open but starting after the time ran out does not matter.
        const Deadline late(d("2026-03-02"), 2, {{d("2026-03-20"), QDate(), QStringLiteral("听证")}});
        QCOMPARE(*late.dueDate(m_calendar), d("2026-03-04"));
    }

    void deadlineErrors()
    {
        QVERIFY(!Deadline(QDate(), 5).dueDate(m_calendar).has_value());
        QVERIFY(!Deadline(d("2025-03-03"), -1).dueDate(m_calendar).has_value());
        const Deadline backwards(d("2025-03-03"), 5, {{d("2025-03-10"), d("2025-03-05"), QString()}});
        QVERIFY(!backwards.dueDate(m_calendar).has_value());
        QVERIFY(!backwards.remainingAt(m_calendar, d("2025-03-20")).has_value());
        const auto into2027 = Deadline(d("2026-12-20"), 20).dueDate(m_calendar);
        QVERIFY(!into2027.has_value());
        QVERIFY(into2027.error().message().contains(QStringLiteral("2027")));
        QCOMPARE(*Deadline(d("2025-03-03"), 0).dueDate(m_calendar), d("2025-03-03"));
    }

    void malformedFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("reason");
        const QByteArray header(kHeader2025);
        QTest::newRow("no year") << QStringLiteral("2025.txt") << QByteArray("version 1\nsource s\n") << 0
                                 << QStringLiteral("'year' is missing");
        QTest::newRow("named for another year")
            << QStringLiteral("2026.txt") << header << 1 << QStringLiteral("named for 2026");
        QTest::newRow("no source") << QStringLiteral("2025.txt") << QByteArray("year 2025\nversion 1\n") << 0
                                   << QStringLiteral("'source' is missing");
        QTest::newRow("no version") << QStringLiteral("2025.txt") << QByteArray("year 2025\nsource s\n") << 0
                                    << QStringLiteral("'version' is missing");
        QTest::newRow("unknown header") << QStringLiteral("2025.txt") << header + "author me\n"
                                        << 4 << QStringLiteral("Unknown header 'author'");
        QTest::newRow("bad date") << QStringLiteral("2025.txt") << header + "2025-13-01 off X\n"
                                  << 4 << QStringLiteral("not a date");
        QTest::newRow("short date") << QStringLiteral("2025.txt") << header + "2025-1-1 off X\n"
                                    << 4 << QStringLiteral("YYYY-MM-DD");
        QTest::newRow("bad kind") << QStringLiteral("2025.txt") << header + "\n2025-10-01 holiday 国庆节\n"
                                  << 5 << QStringLiteral("not 'holiday'");
        QTest::newRow("no name") << QStringLiteral("2025.txt") << header + "2025-10-01 off\n"
                                 << 4 << QStringLiteral("no name");
        QTest::newRow("weekday worked") << QStringLiteral("2025.txt") << header + "2025-10-09 work 调休\n"
                                        << 4 << QStringLiteral("is a weekday");
        QTest::newRow("twice") << QStringLiteral("2025.txt")
                               << header + "2025-10-01 off A\n2025-10-01 off B\n"
                               << 5 << QStringLiteral("first on line 4");
        QTest::newRow("other year's date") << QStringLiteral("2025.txt") << header + "2026-01-01 off 元旦\n"
                                           << 4 << QStringLiteral("does not belong");
        QTest::newRow("header without value") << QStringLiteral("2025.txt") << header + "url\n"
                                              << 4 << QStringLiteral("has no value");
    }
    void malformedFiles()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        write(dir, name, text);
        const auto loaded = WorkingCalendar::load(dir.path());
        QVERIFY(!loaded.has_value());
        QCOMPARE(loaded.error().where().file, dir.filePath(name));
        QCOMPARE(loaded.error().where().line, line);
        QVERIFY2(loaded.error().message().contains(reason), qPrintable(loaded.error().message()));
    }

    void folders()
    {
        QVERIFY(!WorkingCalendar::load(QStringLiteral("/nonexistent/calendar")).has_value());
        QTemporaryDir empty;
        write(empty, QStringLiteral("README.md"), "not a year file");
        const auto none = WorkingCalendar::load(empty.path());
        QVERIFY(!none.has_value());
        QCOMPARE(none.error().code(), ow::Error::Code::NotFound);

        QTemporaryDir two;
        write(two, QStringLiteral("2025.txt"), QByteArray(kHeader2025) + "2025-10-01 off 国庆节\n");
        write(two, QStringLiteral("2024.txt"), "year 2024\nversion T-2024.3\nsource old notice\n");
        write(two, QStringLiteral("notes.txt"), "ignored");
        const auto loaded = WorkingCalendar::load(two.path());
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().toString()));
        QCOMPARE(loaded->version(), QStringLiteral("T-2024.3+T-2025.1"));
        QCOMPARE(*loaded->isWorkingDay(d("2025-10-01")), false);
        QCOMPARE(*loaded->isWorkingDay(d("2025-10-02")), true);
    }
};

QTEST_GUILESS_MAIN(TestWorkingCalendar)
#include "tst_workingCalendar.moc"
