#include "cases/CaseDeadline.h"
#include "core/WorkingCalendar.h"

#include <QTest>

using namespace ow;
using namespace ow::cases;
using Level = DeadlineStatus::Level;

/// The case list and the case detail show the same working days left or overdue, on any day.
class TestCaseDeadline : public QObject
{
    Q_OBJECT

    WorkingCalendar m_calendar;

    static CaseEvent accepted(QDate day)
    {
        CaseEvent e;
        e.kind = EventKind::Accepted;
        e.time = QDateTime(day, QTime(12, 0)).toUTC(); // noon: the same day in any zone
        return e;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Result<WorkingCalendar> calendar = WorkingCalendar::loadBuiltIn();
        QVERIFY(calendar);
        m_calendar = std::move(*calendar);
    }

    void listAndDetailAgree_data()
    {
        QTest::addColumn<QDate>("today");
        QTest::addColumn<int>("daysLeft");
        // Accepted Monday 2026-03-02 with 5 working days: due Monday 2026-03-09.
        QTest::newRow("Wednesday before") << QDate(2026, 3, 4) << 3;
        QTest::newRow("Saturday before") << QDate(2026, 3, 7) << 1;
        QTest::newRow("due Monday") << QDate(2026, 3, 9) << 0;
        QTest::newRow("Tuesday after") << QDate(2026, 3, 10) << -1;
        QTest::newRow("Friday after") << QDate(2026, 3, 13) << -4;
        // The walk-through: on a weekend the list said one working day more than the detail.
        QTest::newRow("Saturday after") << QDate(2026, 3, 14) << -4;
        QTest::newRow("Sunday after") << QDate(2026, 3, 15) << -4;
        QTest::newRow("Monday after") << QDate(2026, 3, 16) << -5;
    }
    void listAndDetailAgree()
    {
        QFETCH(QDate, today);
        QFETCH(int, daysLeft);
        Case c;
        c.state = CaseState::InReview;
        c.promisedDays = 5;
        c.promisedDeadline = QDate(2026, 3, 9);
        const DeadlineStatus detail
            = CaseDeadline::ofCase(c, {accepted(QDate(2026, 3, 2))}, m_calendar, today);
        QCOMPARE(detail.due, c.promisedDeadline);
        CaseSummary row;
        row.state = c.state;
        row.promisedDeadline = c.promisedDeadline;
        const DeadlineStatus list = CaseDeadline::ofSummary(row, m_calendar, today);
        QCOMPARE(list.daysLeft, daysLeft);
        QCOMPARE(detail.daysLeft, daysLeft);
        QCOMPARE(list.level, detail.level);
        QCOMPARE(list.text(), detail.text());
    }

    void holidaysAddNothingEither()
    {
        // Due Thursday 2026-04-30; 1–5 May is the Labour Day holiday: still one day overdue on the 5th.
        const Result<int> left = CaseDeadline::daysLeft(m_calendar, QDate(2026, 4, 30), QDate(2026, 5, 5));
        QVERIFY(left);
        const Result<bool> mayFirstOff = m_calendar.isWorkingDay(QDate(2026, 5, 1));
        QVERIFY(mayFirstOff && !*mayFirstOff);
        const Result<int> working = m_calendar.workingDaysBetween(QDate(2026, 4, 30), QDate(2026, 5, 5));
        QCOMPARE(*left, -*working);
    }
};

QTEST_GUILESS_MAIN(TestCaseDeadline)
#include "tst_caseDeadline.moc"
