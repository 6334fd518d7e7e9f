#include "cases/CaseDeadline.h"
#include "cases/CaseStore.h"
#include "cases/PickupDesk.h"
#include "cases/QrToken.h"
#include "core/TrackingNumber.h"
#include "core/WorkingCalendar.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ow;
using namespace ow::cases;
using Level = DeadlineStatus::Level;

Q_DECLARE_METATYPE(ow::cases::CaseState)
Q_DECLARE_METATYPE(ow::cases::DeadlineStatus::Level)

/// The case screens' rules below the widgets: deadline colours, pauses, tracking numbers, scanned
/// links (what each role gets and the event summaries are in tst_caseScreenRoles).
class TestCaseScreenLogic : public QObject
{
    Q_OBJECT

    WorkingCalendar m_calendar;

    static CaseSummary summary(CaseState state, QDate deadline)
    {
        CaseSummary s;
        s.state = state;
        s.promisedDeadline = deadline;
        return s;
    }

    static CaseEvent event(EventKind kind, QDate day, QJsonObject payload = {})
    {
        CaseEvent e;
        e.kind = kind;
        // Noon local time: the same calendar day whatever the test machine's zone.
        e.time = QDateTime(day, QTime(12, 0)).toUTC();
        e.payload = std::move(payload);
        return e;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Result<WorkingCalendar> calendar = WorkingCalendar::loadBuiltIn();
        QVERIFY2(calendar, qPrintable(calendar ? QString() : calendar.error().toString()));
        m_calendar = std::move(*calendar);
    }

    void levelsByDaysLeft()
    {
        QCOMPARE(CaseDeadline::levelFor(5), Level::OnTrack);
        QCOMPARE(CaseDeadline::levelFor(3), Level::OnTrack);
        QCOMPARE(CaseDeadline::levelFor(2), Level::DueSoon);
        QCOMPARE(CaseDeadline::levelFor(0), Level::DueSoon);
        QCOMPARE(CaseDeadline::levelFor(-1), Level::Overdue);
    }

    void listRowColours_data()
    {
        QTest::addColumn<CaseState>("state");
        QTest::addColumn<QDate>("deadline");
        QTest::addColumn<Level>("level");
        QTest::addColumn<int>("daysLeft");
        // Today is Monday 2026-03-16.
        QTest::newRow("a week ahead") << CaseState::InReview << QDate(2026, 3, 25) << Level::OnTrack << 7;
        QTest::newRow("Wednesday: 2 working days")
            << CaseState::Transferred << QDate(2026, 3, 18) << Level::DueSoon << 2;
        QTest::newRow("today") << CaseState::Accepted << QDate(2026, 3, 16) << Level::DueSoon << 0;
        // Friday before: the weekend does not count, so one working day late.
        QTest::newRow("last Friday") << CaseState::InReview << QDate(2026, 3, 13) << Level::Overdue << -1;
        QTest::newRow("paused") << CaseState::SupplementRequested << QDate(2026, 3, 13) << Level::Paused
                                << -1;
        QTest::newRow("decided") << CaseState::Approved << QDate(2026, 3, 13) << Level::Decided << 0;
        QTest::newRow("ready") << CaseState::ResultReady << QDate(2026, 3, 13) << Level::Decided << 0;
        QTest::newRow("draft") << CaseState::Draft << QDate() << Level::None << 0;
        QTest::newRow("refused") << CaseState::Refused << QDate() << Level::None << 0;
    }
    void listRowColours()
    {
        QFETCH(CaseState, state);
        QFETCH(QDate, deadline);
        QFETCH(Level, level);
        QFETCH(int, daysLeft);
        const DeadlineStatus status
            = CaseDeadline::ofSummary(summary(state, deadline), m_calendar, QDate(2026, 3, 16));
        QCOMPARE(status.level, level);
        QCOMPARE(status.daysLeft, daysLeft);
    }

    void noCalendarIsSaidSo()
    {
        const DeadlineStatus status = CaseDeadline::ofSummary(
            summary(CaseState::InReview, QDate(2031, 3, 20)), m_calendar, QDate(2031, 3, 16));
        QCOMPARE(status.level, Level::Unknown);
        QVERIFY(!status.problem.isEmpty());
    }

    void supplementAndInspectionPauseTheClock()
    {
        const QList<CaseEvent> log {
            event(EventKind::Accepted, QDate(2026, 3, 16)),
            event(EventKind::SupplementRequested, QDate(2026, 3, 18)),
            event(EventKind::Supplemented, QDate(2026, 3, 20)),
            event(EventKind::Note, QDate(2026, 3, 23),
                {{u"clock"_s, u"pause"_s}, {u"reason"_s, u"专家评审"_s}}),
            event(EventKind::Note, QDate(2026, 3, 23),
                {{u"clock"_s, u"resume"_s}}), // same day: nothing left out
            event(EventKind::Note, QDate(2026, 3, 24),
                {{u"clock"_s, u"pause"_s}, {u"reason"_s, u"现场核查"_s}}),
        };
        const QList<Deadline::Pause> pauses = CaseDeadline::pauses(log);
        QCOMPARE(pauses.size(), 2);
        QCOMPARE(pauses.at(0).from, QDate(2026, 3, 19));
        QCOMPARE(pauses.at(0).to, QDate(2026, 3, 20));
        QCOMPARE(pauses.at(1).from, QDate(2026, 3, 25));
        QVERIFY(pauses.at(1).isOpen());
        QCOMPARE(pauses.at(1).reason, u"现场核查"_s);

        Case c;
        c.promisedDays = 7;
        c.state = CaseState::InReview;
        c.promisedDeadline = QDate(2026, 3, 25);
        // 7 working days from Monday 16th: 17, 18, (19, 20 paused), 23, 24, then paused from the 25th.
        const DeadlineStatus status = CaseDeadline::ofCase(c, log, m_calendar, QDate(2026, 3, 26));
        QCOMPARE(status.start, QDate(2026, 3, 16));
        QCOMPARE(status.level, Level::Paused);
        QCOMPARE(status.daysLeft, 3);
        QVERIFY(!status.due.isValid()); // known only when the clock resumes

        const DeadlineStatus running = CaseDeadline::ofCase(c, log.first(3), m_calendar, QDate(2026, 3, 26));
        QCOMPARE(running.level, Level::DueSoon);
        QCOMPARE(running.due, QDate(2026, 3, 27)); // two days later than promised at acceptance
        QCOMPARE(running.daysLeft, 1);
    }

    void deadlineWatchRunsOnItsIndex()
    {
        QTemporaryDir dir;
        Result<std::unique_ptr<CaseStore>> store = CaseStore::open(dir.path());
        QVERIFY(store);
        CaseFilter overdue;
        overdue.dueTo = QDate(2026, 3, 23);
        const QStringList plan = (*store)->explainList(overdue).value();
        QVERIFY2(plan.join(u' ').contains(u"cases_due"_s), qPrintable(plan.join(u" | "_s)));
        for (const QString &step : plan)
            if (step.startsWith(u"SCAN"_s) && step.contains(u"cases"_s))
                QVERIFY2(step.contains(u"INDEX"_s), qPrintable(plan.join(u" | "_s)));
    }

    void trackingNumbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("S10") << u"EA123456785CN"_s << u"EA123456785CN"_s;
        QTest::newRow("typed loosely") << u" ea 1234-56785 cn "_s << u"EA123456785CN"_s;
        QTest::newRow("full-width") << u"ＥＡ１２３４５６７８５ＣＮ"_s << u"EA123456785CN"_s;
        QTest::newRow("domestic") << u"1234567890123"_s << u"1234567890123"_s;
        QTest::newRow("empty") << u""_s << QString();
        QTest::newRow("short") << u"EA12345678CN"_s << QString();
        QTest::newRow("long digits") << u"12345678901234"_s << QString();
        QTest::newRow("digit prefix") << u"E1123456789CN"_s << QString();
        QTest::newRow("digit suffix") << u"EA123456789C1"_s << QString();
        QTest::newRow("letters") << u"ABCDEFGHIJKLM"_s << QString();
        // UPU S10 check digit: weights 8 6 4 2 3 5 9 7, 11 − sum mod 11, 10 → 0, 11 → 5.
        QTest::newRow("S10 wrong check digit") << u"EA123456789CN"_s << QString();
        QTest::newRow("S10 two digits swapped") << u"EA213456785CN"_s << QString();
        QTest::newRow("S10 check 10 is 0") << u"RR000000080CN"_s << u"RR000000080CN"_s;
        QTest::newRow("S10 check 11 is 5") << u"EE000000005CN"_s << u"EE000000005CN"_s;
        QTest::newRow("S10 check 11 written 0") << u"EE000000000CN"_s << QString();
    }
    void trackingNumbers()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const Result<QString> parsed = TrackingNumber::parse(text);
        QCOMPARE(parsed.has_value(), !expected.isEmpty());
        if (parsed)
            QCOMPARE(*parsed, expected);
        else
            QVERIFY(!parsed.error().message().isEmpty());
    }

    void s10CheckDigits()
    {
        QCOMPARE(TrackingNumber::s10CheckDigit(u"12345678"), 5);
        QCOMPARE(TrackingNumber::s10CheckDigit(u"00000008"), 0); // 11 − 56 mod 11 = 10 → 0
        QCOMPARE(TrackingNumber::s10CheckDigit(u"00000000"), 5); // 11 − 0 = 11 → 5
        QCOMPARE(TrackingNumber::s10CheckDigit(u"1234567"), -1);
        const Result<QString> wrong = TrackingNumber::parse(u"EA123456789CN");
        QVERIFY(!wrong);
        QVERIFY2(wrong.error().message().contains(u'5'), qPrintable(wrong.error().message()));
    }

    void scannedLinks()
    {
        const QString token = QrToken::generate();
        const auto tokenOf
            = [](const QString &code) { return PickupDesk::tokenFromLink(code).value_or(QString()); };
        QCOMPARE(tokenOf(QString(u"https://hall.example.gov.cn/s/"_s + token)), token);
        QCOMPARE(tokenOf(QString(u"http://10.1.2.3:8080/onewindow/s/"_s + token + u"/"_s)), token);
        QVERIFY(!PickupDesk::tokenFromLink(u"https://hall.example.gov.cn/s/not-a-token"_s));
        QVERIFY(!PickupDesk::tokenFromLink(QString(u"https://hall.example.gov.cn/x/"_s + token)));
        QVERIFY(!PickupDesk::tokenFromLink(u"33030201202603160700015"_s));
        QVERIFY(!PickupDesk::tokenFromLink(token));
    }
};

QTEST_GUILESS_MAIN(TestCaseScreenLogic)
#include "tst_caseScreenLogic.moc"
