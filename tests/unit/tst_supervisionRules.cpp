// The supervision rules without a server: every warning of a case and of each stage in the right
// colour on the right day, the bad-rating follow-up's two deadlines, and the clerks' and matters'
// figures. Days are those of the built-in 2026 calendar (March 2026 has no holiday).

#include "core/WorkingCalendar.h"
#include "supervision/CaseWarnings.h"
#include "supervision/Complaint.h"
#include "supervision/FollowUp.h"
#include "supervision/HallFigures.h"
#include "supervision/SupervisionRules.h"

#include <QJsonArray>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::supervision;
using namespace Qt::StringLiterals;

namespace {

const QDate kMonday(2026, 3, 2);

CaseEvent makeEvent(EventKind kind, QDate day, const QString &clerk = u"1001"_s, QJsonObject payload = {})
{
    static int serial = 0;
    CaseEvent e;
    e.id = u"e%1"_s.arg(++serial);
    e.caseNumber = u"330302012603020001"_s;
    e.kind = kind;
    // Noon: the same day in any zone the test runs in.
    e.time = QDateTime(day, QTime(12, 0)).toUTC();
    e.clerk = clerk;
    e.payload = std::move(payload);
    return e;
}

Case promised(int days)
{
    Case c;
    c.number = u"330302012603020001"_s;
    c.matterCode = u"330302-WJ-001"_s;
    c.matterName = u"公共场所卫生许可"_s;
    c.departmentId = u"wj"_s;
    c.departmentName = u"卫生健康局"_s;
    c.promisedDays = days;
    c.firstHandler = u"1001"_s;
    return c;
}

QList<CaseEvent> acceptedOn(QDate day)
{
    return {makeEvent(EventKind::Created, day), makeEvent(EventKind::Accepted, day)};
}

/// "stage/rule/colour@since" of every warning, sorted, for compact comparisons.
QStringList summary(const QList<Warning> &warnings)
{
    QStringList list;
    for (const Warning &w : warnings)
        list.append(u"%1/%2/%3@%4"_s.arg(
            keyword(w.stage), keyword(w.rule), keyword(w.colour), w.since.toString(u"MM-dd"_s)));
    list.sort();
    return list;
}

} // namespace

class TestSupervisionRules : public QObject
{
    Q_OBJECT

    WorkingCalendar m_calendar;
    SupervisionRules m_rules;
    CaseWarnings::ClerkNames m_names {{u"1001"_s, u"张三"_s}, {u"1002"_s, u"李四"_s}};

    QStringList on(const Case &c, const QList<CaseEvent> &events, QDate day) const
    {
        return summary(CaseWarnings::of(c, events, m_calendar, day, m_rules, m_names));
    }

private Q_SLOTS:
    void initTestCase()
    {
        Result<WorkingCalendar> calendar = WorkingCalendar::loadBuiltIn();
        QVERIFY(calendar);
        m_calendar = std::move(*calendar);
    }

    void reviewLateBeforeTheCase()
    {
        // Accepted Monday 2 March for 5 working days (due Monday 9 March), transferred and in
        // review the same week: the review's own time (5 − 1 result day) ends Friday 6 March.
        Case c = promised(5);
        QList<CaseEvent> events = acceptedOn(kMonday);
        events.append(makeEvent(EventKind::Transferred, kMonday, u"2001"_s));
        events.append(makeEvent(EventKind::InReview, kMonday.addDays(1), u"2001"_s));
        QCOMPARE(on(c, events, kMonday.addDays(2)), QStringList());
        // Thursday: the review has one working day left.
        QCOMPARE(on(c, events, kMonday.addDays(3)), QStringList {u"review/stage-deadline/yellow@03-05"_s});
        // Friday: the case has one day left (yellow), the review is due today.
        QCOMPARE(on(c, events, kMonday.addDays(4)),
            (QStringList {u"case/case-deadline/yellow@03-06"_s, u"review/stage-deadline/yellow@03-05"_s}));
        // Monday 9: the review is late (red since Saturday), the whole case is due today.
        QCOMPARE(on(c, events, kMonday.addDays(7)),
            (QStringList {u"case/case-deadline/yellow@03-06"_s, u"review/stage-deadline/red@03-07"_s}));
        // Tuesday 10: both red.
        QCOMPARE(on(c, events, kMonday.addDays(8)),
            (QStringList {u"case/case-deadline/red@03-10"_s, u"review/stage-deadline/red@03-07"_s}));
        // Approved and at the pickup counter: the case and the review clear themselves.
        events.append(makeEvent(EventKind::Approved, kMonday.addDays(8), u"2001"_s));
        events.append(makeEvent(EventKind::ResultReady, kMonday.addDays(8), u"3001"_s));
        QCOMPARE(on(c, events, kMonday.addDays(8)), QStringList());
        // Not picked up within 5 working days: the pickup stage turns yellow, then red.
        QCOMPARE(on(c, events, kMonday.addDays(14)), QStringList {u"pickup/stage-deadline/yellow@03-16"_s});
        QCOMPARE(on(c, events, kMonday.addDays(16)), QStringList {u"pickup/stage-deadline/red@03-18"_s});
    }

    void aWarningNamesCaseDepartmentClerkAndSince()
    {
        Case c = promised(5);
        const QList<Warning> list
            = CaseWarnings::of(c, acceptedOn(kMonday), m_calendar, kMonday.addDays(1), m_rules, m_names);
        QCOMPARE(list.size(), 1);
        const Warning &w = list.first();
        QCOMPARE(w.caseNumber, c.number);
        QCOMPARE(w.matterName, c.matterName);
        QCOMPARE(w.stage, Stage::Transfer);
        QCOMPARE(w.colour, Colour::Red);
        QCOMPARE(w.departmentName, c.departmentName);
        QCOMPARE(w.clerk, u"1001"_s);
        QCOMPARE(w.clerkName, u"张三"_s);
        QCOMPARE(w.since, kMonday.addDays(1));
        QCOMPARE(Warning::fromJson(w.toJson()), std::optional<Warning>(w));
    }

    void transferSameDay()
    {
        Case c = promised(10);
        const QList<CaseEvent> events = acceptedOn(kMonday);
        // Accepted today: nothing yet (the same day leaves no time to warn within).
        QCOMPARE(on(c, events, kMonday), QStringList());
        QCOMPARE(on(c, events, kMonday.addDays(1)), QStringList {u"transfer/stage-deadline/red@03-03"_s});
    }

    void transferListNotConfirmedThatDay()
    {
        Case c = promised(10);
        QList<CaseEvent> events = acceptedOn(kMonday);
        events.append(makeEvent(EventKind::TransferListed, kMonday, u"1001"_s,
            QJsonObject {{u"list"_s, u"OWTL-1"_s}, {u"department"_s, u"wj"_s}}));
        QCOMPARE(on(c, events, kMonday), QStringList());
        QCOMPARE(on(c, events, kMonday.addDays(1)),
            (QStringList {
                u"transfer/stage-deadline/red@03-03"_s, u"transfer/transfer-unconfirmed/red@03-03"_s}));
        // Confirmed the next day: both clear.
        events.append(makeEvent(EventKind::Transferred, kMonday.addDays(1), u"2001"_s));
        QCOMPARE(on(c, events, kMonday.addDays(1)), QStringList());
    }

    void noticesWithoutReasons()
    {
        Case c = promised(5);
        QList<CaseEvent> refused {
            makeEvent(EventKind::Created, kMonday), makeEvent(EventKind::Refused, kMonday)};
        QCOMPARE(on(c, refused, kMonday), QStringList {u"intake/no-reasons/red@03-02"_s});
        refused.last().payload.insert(u"reasons"_s, QJsonArray {u"不属于本机关职权范围"_s});
        QCOMPARE(on(c, refused, kMonday), QStringList());

        QList<CaseEvent> notice {
            makeEvent(EventKind::Created, kMonday), makeEvent(EventKind::CorrectionNotice, kMonday)};
        QCOMPARE(on(c, notice, kMonday), QStringList {u"intake/no-reasons/red@03-02"_s});
        notice.last().payload.insert(u"items"_s, QJsonArray {u"缺营业执照"_s});
        QCOMPARE(on(c, notice, kMonday), QStringList());
    }

    void departmentSilent()
    {
        Case c = promised(20);
        QList<CaseEvent> events = acceptedOn(kMonday);
        events.append(makeEvent(EventKind::Transferred, kMonday, u"2001"_s));
        // Two working days of silence are allowed (Tuesday, Wednesday).
        QCOMPARE(on(c, events, kMonday.addDays(2)), QStringList());
        QCOMPARE(on(c, events, kMonday.addDays(3)), QStringList {u"review/department-silent/red@03-05"_s});
        events.append(makeEvent(EventKind::InReview, kMonday.addDays(3), u"2001"_s));
        QCOMPARE(on(c, events, kMonday.addDays(3)), QStringList());
    }

    void supplementPastItsDate()
    {
        Case c = promised(20);
        MaterialCheck waived;
        waived.materialId = u"licence"_s;
        waived.status = MaterialCheck::Status::Waived;
        waived.supplementDeadline = kMonday.addDays(2);
        c.materialChecks = {waived};
        QList<CaseEvent> events {makeEvent(EventKind::Created, kMonday),
            makeEvent(EventKind::AcceptedWithWaiver, kMonday),
            makeEvent(EventKind::Transferred, kMonday, u"2001"_s),
            makeEvent(EventKind::InReview, kMonday, u"2001"_s)};
        QCOMPARE(on(c, events, kMonday.addDays(2)), QStringList());
        QCOMPARE(on(c, events, kMonday.addDays(3)), QStringList {u"intake/supplement-overdue/red@03-05"_s});
        c.materialChecks.first().status = MaterialCheck::Status::Supplemented;
        QCOMPARE(on(c, events, kMonday.addDays(3)), QStringList());
    }

    void withdrawnCaseIsNotWarned()
    {
        // 撤回: late in review with a waived material overdue, then withdrawn — closed, nothing to warn.
        Case c = promised(3);
        MaterialCheck waived;
        waived.materialId = u"licence"_s;
        waived.status = MaterialCheck::Status::Waived;
        waived.supplementDeadline = kMonday.addDays(1);
        c.materialChecks = {waived};
        QList<CaseEvent> events {makeEvent(EventKind::Created, kMonday),
            makeEvent(EventKind::AcceptedWithWaiver, kMonday),
            makeEvent(EventKind::Transferred, kMonday, u"2001"_s),
            makeEvent(EventKind::InReview, kMonday, u"2001"_s)};
        QVERIFY(!on(c, events, kMonday.addDays(8)).isEmpty());
        events.append(makeEvent(EventKind::Withdrawn, kMonday.addDays(8), u"1001"_s,
            QJsonObject {{u"reason"_s, u"不再办理"_s}, {u"requestedBy"_s, u"applicant"_s},
                {u"requester"_s, u"张三"_s}}));
        QCOMPARE(on(c, events, kMonday.addDays(8)), QStringList());
    }

    void pausedReviewIsNotWarned()
    {
        Case c = promised(3);
        QList<CaseEvent> events = acceptedOn(kMonday);
        events.append(makeEvent(EventKind::Transferred, kMonday, u"2001"_s));
        events.append(makeEvent(EventKind::SupplementRequested, kMonday, u"2001"_s,
            QJsonObject {{u"materials"_s,
                QJsonArray {QJsonObject {
                    {u"id"_s, u"plan"_s}, {u"name"_s, u"平面图"_s}, {u"deadline"_s, u"2026-03-20"_s}}}}}));
        QCOMPARE(on(c, events, kMonday.addDays(8)), QStringList());
    }

    void eventsAfterTheDayDoNotCount()
    {
        Case c = promised(10);
        QList<CaseEvent> events = acceptedOn(kMonday);
        events.append(makeEvent(EventKind::Transferred, kMonday.addDays(2), u"2001"_s));
        // On Tuesday the transfer of Wednesday had not happened.
        QCOMPARE(on(c, events, kMonday.addDays(1)), QStringList {u"transfer/stage-deadline/red@03-03"_s});
        QCOMPARE(on(c, events, kMonday.addDays(2)), QStringList());
    }

    void badRatingFollowUp()
    {
        Case c = promised(5);
        const CaseEvent rating = makeEvent(
            EventKind::Note, kMonday, u"1002"_s, QJsonObject {{u"evaluation"_s, 2}, {u"followUp"_s, true}});
        Result<std::optional<FollowUp>> opened = FollowUp::fromRating(c, rating, m_calendar, m_rules);
        QVERIFY(opened && *opened);
        FollowUp item = **opened;
        QCOMPARE(item.contactDue, kMonday.addDays(1));
        QCOMPARE(item.fixDue, QDate(2026, 3, 23)); // 15 working days after Monday 2 March
        QCOMPARE(item.clerk, u"1002"_s);
        const auto at = [&](QDate day) { return summary(item.warnings(m_calendar, m_rules, day)); };
        QCOMPARE(at(kMonday), QStringList {u"follow-up/follow-up-contact/yellow@03-02"_s});
        QCOMPARE(at(kMonday.addDays(2)), QStringList {u"follow-up/follow-up-contact/red@03-04"_s});
        // Called back on Tuesday: only the fix remains, yellow on its last day, red after.
        item.contacted = QDateTime(kMonday.addDays(1), QTime(10, 0)).toUTC();
        QCOMPARE(at(kMonday.addDays(2)), QStringList());
        QCOMPARE(at(QDate(2026, 3, 20)), QStringList {u"follow-up/follow-up-fix/yellow@03-20"_s});
        QCOMPARE(at(QDate(2026, 3, 24)), QStringList {u"follow-up/follow-up-fix/red@03-24"_s});
        item.closed = QDateTime(QDate(2026, 3, 24), QTime(10, 0)).toUTC();
        QCOMPARE(at(QDate(2026, 3, 24)), QStringList());
        // A good rating opens nothing.
        const CaseEvent good
            = makeEvent(EventKind::Note, kMonday, u"1002"_s, QJsonObject {{u"evaluation"_s, 4}});
        Result<std::optional<FollowUp>> none = FollowUp::fromRating(c, good, m_calendar, m_rules);
        QVERIFY(none && !*none);
    }

    void settings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.ini"_s);
        {
            QSettings s(path, QSettings::IniFormat);
            s.setValue(u"supervision/yellow_days"_s, 2);
            s.setValue(u"supervision/followup_fix_days"_s, 7);
        }
        QSettings good(path, QSettings::IniFormat);
        Result<SupervisionRules> rules = SupervisionRules::load(good);
        QVERIFY(rules);
        QCOMPARE(rules->yellowDays, 2);
        QCOMPARE(rules->followUpFixDays, 7);
        QCOMPARE(rules->followUpContactDays, 1);
        {
            QSettings s(path, QSettings::IniFormat);
            s.setValue(u"supervision/department_silent_days"_s, u"soon"_s);
        }
        QSettings bad(path, QSettings::IniFormat);
        Result<SupervisionRules> refused = SupervisionRules::load(bad);
        QVERIFY(!refused);
        QVERIFY(refused.error().message().contains(u"department_silent_days"_s));
    }

    void complaintDaysSetting()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.ini"_s);
        {
            QSettings s(path, QSettings::IniFormat);
            s.setValue(u"supervision/complaint_days"_s, 10);
        }
        QSettings good(path, QSettings::IniFormat);
        QCOMPARE(SupervisionRules::load(good)->complaintDays, 10);
        QCOMPARE(SupervisionRules().complaintDays, 5);
        {
            QSettings s(path, QSettings::IniFormat);
            s.setValue(u"supervision/complaint_days"_s, 0);
        }
        QSettings bad(path, QSettings::IniFormat);
        Result<SupervisionRules> refused = SupervisionRules::load(bad);
        QVERIFY(!refused);
        QVERIFY(refused.error().message().contains(u"complaint_days"_s));
    }

    void complaintSteps()
    {
        using S = ComplaintState;
        using A = ComplaintAction;
        QVERIFY(Complaint::after(S::Received, A::Assign) == S::Assigned);
        QVERIFY(Complaint::after(S::Assigned, A::Assign) == S::Assigned);
        QVERIFY(Complaint::after(S::Received, A::Reply) == S::Replied);
        QVERIFY(Complaint::after(S::Assigned, A::Reply) == S::Replied);
        QVERIFY(Complaint::after(S::Replied, A::Close) == S::Closed);
        for (const auto &[from, action] : {std::pair {S::Received, A::Close},
                 std::pair {S::Assigned, A::Close}, std::pair {S::Replied, A::Assign},
                 std::pair {S::Replied, A::Reply}, std::pair {S::Closed, A::Assign},
                 std::pair {S::Closed, A::Reply}, std::pair {S::Closed, A::Close}})
            QVERIFY2(
                !Complaint::after(from, action), qPrintable(keyword(from) + u" then "_s + keyword(action)));
    }

    void complaintOverdueTheDayAfterItsDeadline()
    {
        Complaint c;
        c.number = u"TS20260302001"_s;
        c.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(10, 0));
        c.clerk = {u"1001"_s, u"张三"_s};
        c.assignee = {u"1002"_s, u"李四"_s};
        Result<QDate> deadline = Complaint::deadlineFor(c.receivedAt, m_calendar, 5);
        QVERIFY(deadline);
        c.deadline = *deadline;
        QCOMPARE(c.deadline, QDate(2026, 3, 9));
        QVERIFY(!c.openOn(QDate(2026, 3, 1)));
        QVERIFY(!c.warning(QDate(2026, 3, 9))); // due today: not late yet
        const std::optional<Warning> w = c.warning(QDate(2026, 3, 12));
        QVERIFY(w);
        QVERIFY(w->rule == Rule::ComplaintOverdue);
        QVERIFY(w->colour == Colour::Red);
        QCOMPARE(w->since, QDate(2026, 3, 10));
        QCOMPARE(w->clerkName, u"李四"_s);
        QCOMPARE(w->key(), u"TS20260302001/complaint-overdue/complaint"_s);
        QVERIFY(w->detail.contains(u"TS20260302001"_s) && w->detail.contains(u"张三"_s));
        QVERIFY2(w->detail.contains(u"3 day"_s), qPrintable(w->detail));
        QVERIFY(Warning::fromJson(w->toJson()) == w);
        // Closed on its deadline: on time, and no warning from that day on; a past day still shows it.
        c.state = ComplaintState::Closed;
        c.closedAt = QDateTime(QDate(2026, 3, 9), QTime(16, 0));
        QVERIFY(c.closedOnTime());
        QVERIFY(!c.warning(QDate(2026, 3, 12)));
        c.closedAt = QDateTime(QDate(2026, 3, 11), QTime(16, 0));
        QVERIFY(!c.closedOnTime());
        QVERIFY(c.warning(QDate(2026, 3, 10)));
    }

    void clerkAndMatterFigures()
    {
        HallFigures figures(m_names);
        // 101 matters: the one with the fewest cases ranks 101st, the first middle-frequency one.
        for (int m = 0; m < 101; ++m) {
            Case c = promised(5);
            c.matterCode = u"M%1"_s.arg(m, 3, 10, QLatin1Char('0'));
            for (int n = 0; n < 102 - m; ++n) {
                QList<CaseEvent> events = acceptedOn(kMonday);
                if (m == 0 && n < 10)
                    events.last().kind = EventKind::CorrectionNotice;
                if (m == 0 && n >= 10 && n < 15)
                    events.last().kind = EventKind::Refused;
                if (m == 0 && n < 50)
                    events.append(
                        makeEvent(EventKind::Note, kMonday, u"1001"_s, QJsonObject {{u"evaluation"_s, 5}}));
                figures.add(c, events);
            }
        }
        const QList<MatterFigures> matters = figures.matters();
        QCOMPARE(matters.size(), 101);
        QCOMPARE(matters.first().matterCode, u"M000"_s);
        QCOMPARE(matters.first().cases, 102);
        QCOMPARE(matters.at(99).frequency, MatterFigures::Frequency::High);
        QCOMPARE(matters.at(100).frequency, MatterFigures::Frequency::Middle);
        QCOMPARE(matters.at(100).rank, 101);

        const QList<ClerkFigures> clerks = figures.clerks();
        QCOMPARE(clerks.size(), 1);
        const ClerkFigures &zhang = clerks.first();
        QCOMPARE(zhang.clerkName, u"张三"_s);
        int total = 0;
        for (int m = 0; m < 101; ++m)
            total += 102 - m;
        QCOMPARE(zhang.cases, total);
        QCOMPARE(zhang.correctionNotices, 10);
        QCOMPARE(zhang.refusals, 5);
        QCOMPARE(zhang.ratings[4], 50);
        QCOMPARE(zhang.rated, 50);
        QCOMPARE(zhang.notRatedShare(), double(total - 50) / total);
        QVERIFY(zhang.toJson().value(u"consultations"_s).isNull());
        QVERIFY(zhang.toJson().value(u"recordedQuestions"_s).isNull());

        // Consultations count with and without a recorded question; the recorded ones apart too.
        cases::ClerkActivity checklist;
        checklist.kind = QString(cases::ClerkActivity::kConsultation);
        checklist.staffNumber = u"1001"_s;
        checklist.detail = QJsonObject {{u"checklistPrinted"_s, true}};
        cases::ClerkActivity asked = checklist;
        asked.detail = QJsonObject {{u"question"_s, u"可以代办吗？"_s}, {u"answer"_s, u"可以。"_s}};
        figures.addConsultations({checklist, asked, asked});
        const ClerkFigures counted = figures.clerks().first();
        QCOMPARE(counted.consultations, 3);
        QCOMPARE(counted.recordedQuestions, 2);
        QCOMPARE(counted.toJson().value(u"recordedQuestions"_s).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSupervisionRules)
#include "tst_supervisionRules.moc"
