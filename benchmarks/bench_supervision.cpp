// Supervision's warnings for a hall of 100,000 cases (the scale for the supervisor's
// first screen): every rule over every case's events, as the server runs them for a day, and the
// clerks' and matters' figures over the same cases. Pure functions, no storage.

#include "core/WorkingCalendar.h"
#include "supervision/CaseWarnings.h"
#include "supervision/DayFigures.h"
#include "supervision/FollowUp.h"
#include "supervision/HallFigures.h"
#include "supervision/WarningBoard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <benchmark/benchmark.h>

using namespace ow;
using namespace ow::cases;
using namespace ow::supervision;
using namespace Qt::StringLiterals;

namespace {

struct HallData
{
    QList<Case> cases;
    QList<QList<CaseEvent>> events;
    WorkingCalendar calendar;
    CaseWarnings::ClerkNames names;
};

CaseEvent event(
    const Case &c, EventKind kind, QDate day, int hour, const QString &clerk, QJsonObject payload = {})
{
    CaseEvent e;
    e.id = c.number + u'-' + QString::number(int(kind)) + u'-' + QString::number(hour);
    e.caseNumber = c.number;
    e.kind = kind;
    e.time = QDateTime(day, QTime(hour, 0)).toUTC();
    e.clerk = clerk;
    e.payload = std::move(payload);
    return e;
}

/// 100,000 cases accepted over 2026's first half by 40 clerks for 400 matters, at every stage of
/// their life: a tenth late in review, a tenth waiting for a transfer, ratings on each, bad ones
/// on one in twenty.
const HallData &hall()
{
    static const HallData data = [] {
        HallData d;
        d.calendar = *WorkingCalendar::loadBuiltIn();
        for (int c = 0; c < 40; ++c)
            d.names.insert(QString::number(1001 + c), u"窗口%1号"_s.arg(c + 1));
        QDate day(2026, 1, 5);
        for (int i = 0; i < 100000; ++i) {
            if (i % 550 == 0)
                day = *d.calendar.addWorkingDays(day, 1);
            Case c;
            c.number = u"3303020126%1"_s.arg(i, 8, 10, QLatin1Char('0'));
            c.matterCode = u"M%1"_s.arg(i % 400);
            c.matterName = u"事项%1"_s.arg(i % 400);
            c.departmentId = u"d%1"_s.arg(i % 30);
            c.departmentName = u"部门%1"_s.arg(i % 30);
            c.promisedDays = 5 + i % 4 * 5;
            c.firstHandler = QString::number(1001 + i % 40);
            c.promisedDeadline = *d.calendar.addWorkingDays(day, c.promisedDays);
            QList<CaseEvent> log {event(c, EventKind::Created, day, 9, c.firstHandler),
                event(c, EventKind::Accepted, day, 10, c.firstHandler),
                event(c, EventKind::Note, day, 11, c.firstHandler,
                    QJsonObject {{u"evaluation"_s, i % 20 == 0 ? 2 : 5}})};
            if (i % 10 != 1) {
                log.append(event(c, EventKind::Transferred, day, 17, u"2001"_s));
                log.append(event(c, EventKind::InReview, *d.calendar.addWorkingDays(day, 1), 9, u"2001"_s));
            }
            if (i % 10 > 2 && i < 90000) {
                const QDate decided = *d.calendar.addWorkingDays(day, c.promisedDays - 2);
                log.append(event(c, EventKind::Approved, decided, 14, u"2001"_s));
                log.append(event(c, EventKind::ResultReady, decided, 15, u"2001"_s));
                log.append(
                    event(c, EventKind::PickedUp, *d.calendar.addWorkingDays(decided, 1), 10, u"3001"_s));
            }
            d.cases.append(c);
            d.events.append(log);
        }
        return d;
    }();
    return data;
}

void warningsFor100000Cases(benchmark::State &state)
{
    const HallData &d = hall();
    const SupervisionRules rules;
    const QDate today(2026, 7, 1);
    qsizetype warnings = 0;
    for (auto _ : state) {
        warnings = 0;
        for (qsizetype i = 0; i < d.cases.size(); ++i) {
            QList<Warning> list
                = CaseWarnings::of(d.cases.at(i), d.events.at(i), d.calendar, today, rules, d.names);
            for (const CaseEvent &e : d.events.at(i))
                if (const int level = FollowUp::ratingOf(e); level == 1 || level == 2)
                    if (Result<std::optional<FollowUp>> item
                        = FollowUp::fromRating(d.cases.at(i), e, d.calendar, rules);
                        item && *item)
                        list.append((*item)->warnings(d.calendar, rules, today));
            warnings += list.size();
            benchmark::DoNotOptimize(list);
        }
    }
    state.counters["cases"] = double(d.cases.size());
    state.counters["warnings"] = double(warnings);
    state.SetItemsProcessed(state.iterations() * d.cases.size());
}
BENCHMARK(warningsFor100000Cases)->Unit(benchmark::kMillisecond);

void figuresFor100000Cases(benchmark::State &state)
{
    const HallData &d = hall();
    for (auto _ : state) {
        HallFigures figures(d.names);
        for (qsizetype i = 0; i < d.cases.size(); ++i)
            figures.add(d.cases.at(i), d.events.at(i));
        benchmark::DoNotOptimize(figures.clerks());
        benchmark::DoNotOptimize(figures.matters());
    }
    state.SetItemsProcessed(state.iterations() * d.cases.size());
}
BENCHMARK(figuresFor100000Cases)->Unit(benchmark::kMillisecond);

/// The server's warnings answer for the 100,000 cases, as the desk receives it.
const QByteArray &warningsAnswer()
{
    static const QByteArray body = [] {
        const HallData &d = hall();
        const SupervisionRules rules;
        const QDate today(2026, 7, 1);
        QJsonArray rows;
        for (qsizetype i = 0; i < d.cases.size(); ++i)
            for (const Warning &w :
                CaseWarnings::of(d.cases.at(i), d.events.at(i), d.calendar, today, rules, d.names))
                rows.append(w.toJson());
        return QJsonDocument(QJsonObject {{u"hall"_s, u"33030201"_s}, {u"day"_s, today.toString(Qt::ISODate)},
                                 {u"warnings"_s, rows}})
            .toJson(QJsonDocument::Compact);
    }();
    return body;
}

/// The supervisor's desk's first screen from the server's answer for 100,000 cases: the body parsed
/// and the warnings grouped by department, red first (supervision::WarningBoard), as the desk does
/// before it fills its tree.
void deskFirstScreenFor100000Cases(benchmark::State &state)
{
    const QByteArray &body = warningsAnswer();
    qsizetype shown = 0;
    for (auto _ : state) {
        const WarningBoard board = WarningBoard::fromAnswer(QJsonDocument::fromJson(body).object());
        shown = board.red() + board.yellow();
        benchmark::DoNotOptimize(board.departments());
    }
    state.counters["warnings"] = double(shown);
    state.counters["answerMiB"] = double(body.size()) / (1024.0 * 1024.0);
}
BENCHMARK(deskFirstScreenFor100000Cases)->Unit(benchmark::kMillisecond);

/// The desk's 今日 on the server: one day's figures over the 100,000 cases.
void dayFiguresFor100000Cases(benchmark::State &state)
{
    const HallData &d = hall();
    for (auto _ : state) {
        DayFigures figures(QDate(2026, 3, 2));
        for (qsizetype i = 0; i < d.cases.size(); ++i)
            figures.add(d.cases.at(i), d.events.at(i));
        benchmark::DoNotOptimize(figures.toJson());
    }
    state.SetItemsProcessed(state.iterations() * d.cases.size());
}
BENCHMARK(dayFiguresFor100000Cases)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
