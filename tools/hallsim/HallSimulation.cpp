#include "HallSimulation.h"

#include "cases/CaseStore.h"
#include "cases/ClerkActivityLog.h"
#include "core/ManualClock.h"
#include "core/WorkingCalendar.h"
#include "setup/WorkstationEnrolment.h"
#include "sync/QueueClient.h"
#include "sync/SyncClient.h"
#include "sync/SyncRound.h"
#include "sync/SyncSettings.h"

#include <QDir>
#include <QJsonArray>
#include <algorithm>
#include <functional>
#include <map>

namespace ow::hallsim {

using namespace Qt::StringLiterals;
using cases::CaseEvent;
using cases::EventKind;

namespace {

constexpr int kClerks = 8;
constexpr int kCounters = 3;
constexpr int kDesk = kCounters; ///< the department desk's store: transfers, reviews, results, pickups
constexpr int kIntakeDays = 15; ///< cases are taken in on the month's first working days only

struct Matter
{
    const char16_t *code;
    const char16_t *name;
    const char16_t *department;
    const char16_t *departmentName;
    int promisedDays;
};

const Matter kMatters[] = {
    {u"330302-WJ-001", u"公共场所卫生许可（新发证）", u"wj", u"区卫生健康局", 10},
    {u"330302-JT-001", u"道路普通货物运输经营许可", u"jt", u"区交通运输局", 7},
    {u"330302-SC-002", u"食品经营许可", u"sc", u"区市场监督管理局", 5},
    {u"330302-HB-001", u"建设项目环境影响报告表审批", u"hb", u"区生态环境局", 15},
};

enum class Plant
{
    None,
    LateReview, ///< the department decides two working days after the promised deadline
    LateTransfer, ///< the transfer list is confirmed two working days after it was made
    SilentDepartment, ///< no status from the department for four working days
    NeverFetched, ///< the result is ready and nobody fetches it
};

struct SimCase
{
    int index = 0;
    int counter = 0;
    QString clerk;
    const Matter *matter = nullptr;
    Plant plant = Plant::None;
    int rating = 0;
    QDate accepted;
    QDate transferred;
    QDate inReview;
    QDate approved; ///< the result is ready the same afternoon
    QDate pickedUp; ///< null: never fetched
    QString number;
};

struct Station
{
    QString folder;
    QString counter; ///< as the server knows it, e.g. "W01"
    std::unique_ptr<cases::CaseStore> store;
    std::unique_ptr<sync::SyncClient> client;
    ManualClock clock;
};

QDateTime at(QDate day, int hour, int minute = 0)
{
    return QDateTime(day, QTime(hour, minute)).toUTC();
}

} // namespace

QJsonObject HallSimulation::Expectation::toJson() const
{
    return QJsonObject {{u"case"_s, caseNumber}, {u"day"_s, day.toString(Qt::ISODate)}, {u"stage"_s, stage},
        {u"rule"_s, rule}, {u"colour"_s, colour}};
}

QJsonObject HallSimulation::Plan::toJson() const
{
    QJsonArray list;
    for (const Expectation &e : expected)
        list.append(e.toJson());
    return QJsonObject {{u"firstDay"_s, firstDay.toString(Qt::ISODate)},
        {u"lastDay"_s, lastDay.toString(Qt::ISODate)}, {u"cases"_s, cases},
        {u"clerks"_s, QJsonArray::fromStringList(clerks)},
        {u"planted"_s, QJsonArray::fromStringList(plantedCases)}, {u"expected"_s, list},
        {u"clerkWork"_s, clerkWork}, {u"queueDay"_s, queueDay.toString(Qt::ISODate)},
        {u"queueCases"_s, queueCases}, {u"callToReceipt"_s, callToReceipt}};
}

Result<HallSimulation::Plan> HallSimulation::run(const Options &options)
{
    if (options.enrolCodes.size() != kCounters + 1)
        return fail(Error::Code::Invalid,
            u"ow-hallsim needs four enrol codes: three intake counters, then the department desk"_s);
    Result<WorkingCalendar> calendar = WorkingCalendar::loadBuiltIn();
    if (!calendar)
        return failWith(calendar.error());
    const auto add = [&](QDate day, int n) { return calendar->addWorkingDays(day, n); };

    // The stations, each an enrolled store with its own clock, set to each action's time.
    std::vector<std::unique_ptr<Station>> stations;
    for (int i = 0; i <= kCounters; ++i) {
        auto station = std::make_unique<Station>();
        station->folder
            = QDir(options.folder).filePath(i < kCounters ? u"counter-%1"_s.arg(i + 1) : u"desk"_s);
        QDir().mkpath(station->folder);
        Result<setup::WorkstationEnrolment::Enrolled> enrolled = setup::WorkstationEnrolment::enrol(
            station->folder, options.server, options.enrolCodes.at(i), u"hallsim-%1"_s.arg(i + 1));
        if (!enrolled)
            return failWith(enrolled.error());
        Result<std::optional<sync::SyncSettings>> settings = sync::SyncSettings::readFrom(station->folder);
        if (!settings || !*settings)
            return fail(Error::Code::Internal, u"the enrolment of %1 was not kept"_s.arg(station->folder));
        Result<std::unique_ptr<cases::CaseStore>> store
            = cases::CaseStore::open(station->folder, (*settings)->workstation);
        if (!store)
            return failWith(store.error());
        station->store = std::move(*store);
        station->store->setClock(station->clock.clock());
        station->client = std::make_unique<sync::SyncClient>(QUrl((*settings)->server), (*settings)->token);
        station->counter = (*settings)->workstation.counter;
        stations.push_back(std::move(station));
    }
    const auto syncStation = [&](Station &s) -> Result<void> {
        sync::SyncRound round(*s.store, *s.client);
        Result<sync::RoundReport> report = round.run();
        if (!report)
            return failWith(report.error());
        if (report->eventsRejected > 0 || report->activitiesRefused > 0)
            return fail(Error::Code::Invalid,
                u"the server rejected %1 event(s) and %2 activities of %3"_s.arg(report->eventsRejected)
                    .arg(report->activitiesRefused)
                    .arg(s.folder));
        return {};
    };

    // The month's cases and their days, planted ones included.
    Plan plan;
    const QDate first(options.month.year(), options.month.month(), 1);
    QList<QDate> intakeDays;
    for (QDate d = first; d.month() == first.month() && intakeDays.size() < kIntakeDays; d = d.addDays(1)) {
        Result<bool> working = calendar->isWorkingDay(d);
        if (!working)
            return failWith(working.error());
        if (*working)
            intakeDays.append(d);
    }
    for (int c = 0; c < kClerks; ++c)
        plan.clerks.append(QString::number(1001 + c));
    QList<SimCase> simCases;
    int index = 0;
    for (QDate day : std::as_const(intakeDays))
        for (int c = 0; c < kClerks * options.casesPerClerkAndDay; ++c, ++index) {
            SimCase s;
            s.index = index;
            s.counter = index % kCounters;
            s.clerk = plan.clerks.at(index % kClerks);
            const quint32 mix = quint32(index) * 2654435761u + options.seed;
            s.matter = &kMatters[mix % std::size(kMatters)];
            switch (index % 10) {
            case 3:
                s.plant = Plant::LateReview;
                break;
            case 5:
                s.plant = Plant::LateTransfer;
                break;
            case 7:
                s.plant = Plant::SilentDepartment;
                s.matter = &kMatters[0]; // ten days: the review may start late and still end in time
                break;
            case 9:
                s.plant = Plant::NeverFetched;
                break;
            default:
                break;
            }
            // Bad ratings (1, 2) on every eighth case, never called back; the others 3 to 5.
            s.rating = index % 8 == 4 ? 1 + int(mix % 2) : 3 + int(mix % 3);
            const int days = s.matter->promisedDays;
            s.accepted = day;
            s.transferred = s.plant == Plant::LateTransfer ? *add(day, 2) : day;
            s.inReview = s.plant == Plant::SilentDepartment ? *add(day, 4)
                : s.plant == Plant::LateTransfer            ? *add(day, 2)
                                                            : *add(day, 1);
            s.approved = s.plant == Plant::LateReview ? *add(day, days + 2) : *add(day, days - 2);
            if (s.plant != Plant::NeverFetched)
                s.pickedUp = *add(s.approved, 1);
            simCases.append(s);
        }

    // What each clerk did, for the points: cases taken in, ratings by level, consultations, practice.
    struct Work
    {
        int cases = 0;
        int ratings[5] = {0, 0, 0, 0, 0};
        int consultations = 0;
        int practicePassed = 0;
        int practiceFailed = 0;
    };
    QHash<QString, Work> work;
    for (const SimCase &s : std::as_const(simCases)) {
        ++work[s.clerk].cases;
        ++work[s.clerk].ratings[s.rating - 1];
    }
    // Consultations and practice (月考), recorded at the clerk's counter that day and sent with its
    // sync: a consultation on every third intake day per clerk, practice on the second and the
    // sixth intake day, the second passed by every other clerk only.
    const auto recordActivities = [&](int dayIndex, QDate day) -> Result<void> {
        for (int c = 0; c < kClerks; ++c) {
            const QString clerk = plan.clerks.at(c);
            Station &station = *stations.at(std::size_t(c % kCounters));
            cases::ClerkActivityLog log(*station.store, station.clock.clock());
            const Matter &matter = kMatters[(c + dayIndex) % std::size(kMatters)];
            cases::ClerkActivity a;
            a.staffNumber = clerk;
            a.clerkName = u"窗口%1号"_s.arg(c + 1);
            a.matter = QString::fromUtf16(matter.code);
            if ((dayIndex + c) % 3 == 0) {
                a.id = u"hallsim-consultation-%1-%2"_s.arg(day.toString(u"yyyyMMdd"_s), clerk);
                a.kind = QString(cases::ClerkActivity::kConsultation);
                a.at = at(day, 14, c);
                a.detail = {{u"answers"_s, QJsonObject()}, {u"checklistPrinted"_s, true}};
                if (Result<void> done = log.record(a); !done)
                    return done;
                ++work[clerk].consultations;
            }
            if (dayIndex == 1 || dayIndex == 5) {
                const bool passed = dayIndex == 1 || c % 2 == 0;
                a.id = u"hallsim-practice-%1-%2"_s.arg(day.toString(u"yyyyMMdd"_s), clerk);
                a.kind = QString(cases::ClerkActivity::kPractice);
                a.at = at(day, 15, c);
                a.detail = {{u"situation"_s, u"hallsim"_s}, {u"score"_s, passed ? 9 : 4}, {u"maxScore"_s, 10},
                    {u"passed"_s, passed}, {u"missed"_s, QJsonArray()}};
                if (Result<void> done = log.record(a); !done)
                    return done;
                ++(passed ? work[clerk].practicePassed : work[clerk].practiceFailed);
            }
        }
        return {};
    };

    // The day-by-day run: the counters take cases in and sync, then the desk pulls, acts, syncs.
    QDate last = first;
    for (const SimCase &s : std::as_const(simCases))
        last = std::max({last, s.approved, s.pickedUp.isValid() ? s.pickedUp : s.approved});
    plan.firstDay = intakeDays.first();
    plan.lastDay = last;
    for (QDate day = plan.firstDay; day <= last; day = day.addDays(1)) {
        if (!*calendar->isWorkingDay(day))
            continue;
        int minute = 0;
        for (SimCase &s : simCases) {
            if (s.accepted != day)
                continue;
            Station &station = *stations.at(std::size_t(s.counter));
            station.clock.set(at(day, 9, minute++ % 60));
            cases::Case draft;
            draft.matterCode = QString::fromUtf16(s.matter->code);
            draft.matterName = QString::fromUtf16(s.matter->name);
            draft.departmentId = QString::fromUtf16(s.matter->department);
            draft.departmentName = QString::fromUtf16(s.matter->departmentName);
            draft.caseType = catalogue::MatterKind::Promised;
            draft.promisedDays = s.matter->promisedDays;
            draft.catalogueId = u"hallsim"_s;
            draft.catalogueVersion = u"2026.1"_s;
            draft.applicant.kind = cases::ApplicantKind::Person;
            draft.applicant.name = u"申请人%1"_s.arg(s.index + 1);
            draft.applicant.idNumber = u"11010519491231002X"_s;
            draft.applicant.contactName = draft.applicant.name;
            draft.applicant.contactMobile = u"13812345678"_s;
            Result<cases::Case> created = station.store->createDraft(draft, s.clerk);
            if (!created)
                return failWith(created.error());
            s.number = created->number;
            station.clock.set(at(day, 10, s.index % 60));
            created->promisedDeadline = *add(day, s.matter->promisedDays);
            created->calendarVersion = calendar->version();
            CaseEvent accept;
            accept.kind = EventKind::Accepted;
            accept.clerk = s.clerk;
            if (Result<CaseEvent> saved = station.store->save(*created, accept); !saved)
                return failWith(saved.error());
            station.clock.set(at(day, 11, s.index % 60));
            CaseEvent rating;
            rating.kind = EventKind::Note;
            rating.clerk = s.clerk;
            rating.payload = {{u"evaluation"_s, s.rating}};
            if (s.rating <= 2)
                rating.payload.insert(u"followUp"_s, true);
            if (Result<CaseEvent> rated = station.store->appendEvent(s.number, rating); !rated)
                return failWith(rated.error());
            station.clock.set(at(day, 16, s.index % 60));
            CaseEvent listed;
            listed.kind = EventKind::TransferListed;
            listed.clerk = s.clerk;
            listed.payload
                = {{u"list"_s, u"OWTL-%1-%2"_s.arg(day.toString(u"yyyyMMdd"_s), draft.departmentId)},
                    {u"department"_s, draft.departmentId}, {u"slot"_s, u"16:30"_s}};
            if (Result<CaseEvent> done = station.store->appendEvent(s.number, listed); !done)
                return failWith(done.error());
        }
        if (const qsizetype dayIndex = intakeDays.indexOf(day); dayIndex >= 0)
            if (Result<void> recorded = recordActivities(int(dayIndex), day); !recorded)
                return failWith(recorded.error());
        for (int i = 0; i < kCounters; ++i)
            if (Result<void> synced = syncStation(*stations.at(std::size_t(i))); !synced)
                return failWith(synced.error());

        Station &desk = *stations.at(kDesk);
        if (Result<void> pulled = syncStation(desk); !pulled)
            return failWith(pulled.error());
        std::multimap<QDateTime, std::pair<QString, CaseEvent>> actions;
        const auto schedule = [&](const SimCase &s, QDate when, int hour, int minute, EventKind kind) {
            if (when != day)
                return;
            CaseEvent e;
            e.kind = kind;
            e.clerk = u"2%1"_s.arg(QString::fromUtf16(s.matter->department));
            actions.emplace(at(day, hour, minute), std::pair(s.number, e));
        };
        for (const SimCase &s : std::as_const(simCases)) {
            schedule(
                s, s.transferred, s.transferred == s.accepted ? 17 : 8, s.index % 60, EventKind::Transferred);
            schedule(s, s.inReview, 9, 30, EventKind::InReview);
            schedule(s, s.approved, 14, s.index % 60, EventKind::Approved);
            schedule(s, s.approved, 15, s.index % 60, EventKind::ResultReady);
            schedule(s, s.pickedUp, 10, s.index % 60, EventKind::PickedUp);
        }
        for (const auto &[when, action] : actions) {
            desk.clock.set(when);
            if (Result<CaseEvent> done = desk.store->appendEvent(action.first, action.second); !done)
                return failWith(done.error());
        }
        if (Result<void> pushed = syncStation(desk); !pushed)
            return failWith(pushed.error());
    }

    // The queue's day: the server's today, since the queue dates its tickets and calls itself.
    // Each clerk, at the counter of the clerk's number, takes in two cases from tickets issued,
    // called and served through the queue API, decided 3 + c and 5 + 2c minutes after the call.
    for (int c = 0; c < kClerks; ++c) {
        const QString clerk = plan.clerks.at(c);
        Station &station = *stations.at(std::size_t(c % kCounters));
        sync::QueueClient queue(*station.client, station.counter);
        if (Result<void> opened = queue.setCounter(u"open"_s, clerk); !opened)
            return failWith(opened.error());
        double minutesSum = 0;
        for (const int minutes : {3 + c, 5 + 2 * c}) {
            // A walk-in unsure of the matter (导服): the hall's queue needs no catalogue for it.
            Result<QJsonObject> issued = station.client->call("POST", u"/queue/tickets"_s, {}, "{}");
            if (!issued)
                return failWith(issued.error());
            Result<std::optional<sync::QueueTicket>> called = queue.callNext(clerk);
            if (!called)
                return failWith(called.error());
            if (!*called || (*called)->id != issued->value(u"id"_s).toInteger())
                return fail(Error::Code::Internal, u"the queue did not call the ticket just issued"_s);
            const sync::QueueTicket &ticket = **called;
            if (Result<sync::QueueTicket> served = queue.act(ticket.id, u"serve"_s); !served)
                return failWith(served.error());
            Result<QJsonObject> stored = station.client->call("GET", u"/queue/tickets/%1"_s.arg(ticket.id));
            if (!stored)
                return failWith(stored.error());
            const QDateTime calledAt
                = QDateTime::fromString(stored->value(u"lastCalled"_s).toString(), Qt::ISODateWithMs);
            if (!calledAt.isValid())
                return fail(
                    Error::Code::Internal, u"the queue gave no call time for %1"_s.arg(ticket.number));
            plan.queueDay = calledAt.toLocalTime().date();
            const Matter &matter = kMatters[c % std::size(kMatters)];
            station.clock.set(calledAt.addSecs(30));
            cases::Case draft;
            draft.matterCode = QString::fromUtf16(matter.code);
            draft.matterName = QString::fromUtf16(matter.name);
            draft.departmentId = QString::fromUtf16(matter.department);
            draft.departmentName = QString::fromUtf16(matter.departmentName);
            draft.caseType = catalogue::MatterKind::Promised;
            draft.promisedDays = matter.promisedDays;
            draft.catalogueId = u"hallsim"_s;
            draft.catalogueVersion = u"2026.1"_s;
            draft.ticket = ticket.number;
            draft.applicant.kind = cases::ApplicantKind::Person;
            draft.applicant.name = u"取号人%1"_s.arg(ticket.number);
            draft.applicant.idNumber = u"11010519491231002X"_s;
            draft.applicant.contactName = draft.applicant.name;
            draft.applicant.contactMobile = u"13812345678"_s;
            Result<cases::Case> created = station.store->createDraft(draft, clerk);
            if (!created)
                return failWith(created.error());
            station.clock.set(calledAt.addSecs(60 * minutes));
            Result<QDate> due = add(plan.queueDay, matter.promisedDays);
            if (!due)
                return failWith(due.error());
            created->promisedDeadline = *due;
            created->calendarVersion = calendar->version();
            CaseEvent accept;
            accept.kind = EventKind::Accepted;
            accept.clerk = clerk;
            if (Result<CaseEvent> saved = station.store->save(*created, accept); !saved)
                return failWith(saved.error());
            if (Result<sync::QueueTicket> done = queue.act(ticket.id, u"done"_s); !done)
                return failWith(done.error());
            minutesSum += minutes;
            ++plan.queueCases;
        }
        if (Result<void> closed = queue.setCounter(u"closed"_s, clerk); !closed)
            return failWith(closed.error());
        plan.callToReceipt.insert(
            clerk, QJsonObject {{u"tickets"_s, 2}, {u"averageMinutes"_s, minutesSum / 2}});
    }
    for (int i = 0; i < kCounters; ++i)
        if (Result<void> synced = syncStation(*stations.at(std::size_t(i))); !synced)
            return failWith(synced.error());

    // What the supervision must show, and on which day.
    const auto expect
        = [&](const SimCase &s, QDate day, const char *stage, const char *rule, const char *colour) {
              plan.expected.append(Expectation {s.number, day, QString::fromLatin1(stage),
                  QString::fromLatin1(rule), QString::fromLatin1(colour)});
          };
    for (const SimCase &s : std::as_const(simCases)) {
        const int days = s.matter->promisedDays;
        switch (s.plant) {
        case Plant::LateReview:
            expect(s, *add(s.accepted, days), "case", "case-deadline", "yellow");
            expect(s, *add(s.accepted, days), "review", "stage-deadline", "red");
            expect(s, *add(s.accepted, days + 1), "case", "case-deadline", "red");
            expect(s, *add(s.accepted, days + 1), "review", "stage-deadline", "red");
            break;
        case Plant::LateTransfer:
            expect(s, *add(s.accepted, 1), "transfer", "transfer-unconfirmed", "red");
            expect(s, *add(s.accepted, 1), "transfer", "stage-deadline", "red");
            break;
        case Plant::SilentDepartment:
            expect(s, *add(s.accepted, 3), "review", "department-silent", "red");
            break;
        case Plant::NeverFetched:
            expect(s, *add(s.approved, 4), "pickup", "stage-deadline", "yellow");
            expect(s, *add(s.approved, 6), "pickup", "stage-deadline", "red");
            break;
        case Plant::None:
            break;
        }
        if (s.rating <= 2) {
            expect(s, s.accepted, "follow-up", "follow-up-contact", "yellow");
            expect(s, *add(s.accepted, 2), "follow-up", "follow-up-contact", "red");
        }
        if (s.plant != Plant::None || s.rating <= 2)
            plan.plantedCases.append(s.number);
    }
    plan.cases = int(simCases.size());
    for (auto it = work.cbegin(); it != work.cend(); ++it) {
        QJsonArray ratings;
        for (int n : it->ratings)
            ratings.append(n);
        plan.clerkWork.insert(it.key(),
            QJsonObject {{u"cases"_s, it->cases}, {u"ratings"_s, ratings},
                {u"consultations"_s, it->consultations}, {u"practicePassed"_s, it->practicePassed},
                {u"practiceFailed"_s, it->practiceFailed}});
    }
    for (const Expectation &e : std::as_const(plan.expected))
        plan.lastDay = std::max(plan.lastDay, e.day);
    return plan;
}

} // namespace ow::hallsim
