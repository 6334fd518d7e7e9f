#include "server/QueueRepository.h"

#include "queue/CallOrder.h"
#include "queue/Dispatch.h"
#include "queue/TicketLifecycle.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QUuid>

namespace ow::server {

using namespace ow::queue;
using namespace Qt::StringLiterals;

namespace {

const QString kColumns
    = u"id, hall, number, area, matter, bundle, mobile, id_card, priority, appointment, "
      "window_start, window_end, state, call_count, counter, called_by, clerk, "
      "transferred_from, issued, first_called, last_called, serving_since, finished, ahead, "
      "expected_wait, reason"_s;
const QString kActive = u"state IN ('issued', 'called', 'serving', 'parked')"_s;

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QVariant &value)
{
    const QString text = value.toString();
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

Ticket ticketFrom(const storage::Rows &rows)
{
    Ticket t;
    t.id = rows.value(0).toLongLong();
    t.hall = rows.value(1).toString();
    t.number = rows.value(2).toString();
    t.area = rows.value(3).toString();
    t.matter = rows.value(4).toString();
    t.bundle = rows.value(5).toString();
    t.mobile = rows.value(6).toString();
    t.idCard = QJsonDocument::fromJson(rows.value(7).toString().toUtf8()).object();
    t.priority = priorityFromKeyword(rows.value(8).toString()).value_or(PriorityClass::WalkIn);
    t.appointment = rows.value(9).toString();
    t.windowStart = timeFrom(rows.value(10));
    t.windowEnd = timeFrom(rows.value(11));
    t.state = ticketStateFromKeyword(rows.value(12).toString()).value_or(TicketState::Issued);
    t.callCount = rows.value(13).toInt();
    t.counter = rows.value(14).toString();
    t.calledBy = rows.value(15).toString();
    t.clerk = rows.value(16).toString();
    t.transferredFrom = rows.value(17).toLongLong();
    t.issued = timeFrom(rows.value(18));
    t.firstCalled = timeFrom(rows.value(19));
    t.lastCalled = timeFrom(rows.value(20));
    t.servingSince = timeFrom(rows.value(21));
    t.finished = timeFrom(rows.value(22));
    t.ahead = rows.value(23).toInt();
    t.expectedWaitMinutes = rows.value(24).toInt();
    t.reason = rows.value(25).toString();
    return t;
}

QueueCounter counterFrom(const storage::Rows &rows)
{
    QueueCounter c;
    c.hall = rows.value(0).toString();
    c.id = rows.value(1).toString();
    c.state = counterStateFromKeyword(rows.value(2).toString()).value_or(CounterState::Closed);
    c.clerk = rows.value(3).toString();
    c.areas = rows.value(4).toString().split(u',', Qt::SkipEmptyParts);
    c.matters = rows.value(5).toString().split(u',', Qt::SkipEmptyParts);
    c.since = timeFrom(rows.value(6));
    return c;
}

// SQLite will not commit while a statement is still between its rows (a row read by
// INSERT … RETURNING, a single row looked up): every kept statement is finished first.
Result<void> commit(storage::Transaction &transaction, const storage::Database &db)
{
    db.finishStatements();
    return transaction.commit();
}

Failure refused(const QString &message)
{
    return fail(Error::Code::Invalid, message);
}

} // namespace

QueueRepository::QueueRepository(const storage::Database &db, QueueRules rules, Clock clock)
    : m_db(db)
    , m_rules(std::move(rules))
    , m_clock(std::move(clock))
{
}

Result<QList<Ticket>> QueueRepository::select(const QString &where, const QVariantList &values) const
{
    Result<storage::Rows> rows = m_db.run(
        u"SELECT "_s + kColumns + u" FROM queue_tickets WHERE "_s + where + u" ORDER BY id"_s, values);
    if (!rows)
        return failWith(rows.error());
    QList<Ticket> list;
    while (true) {
        Result<bool> more = rows->fetch();
        if (!more)
            return failWith(more.error());
        if (!*more)
            break;
        list.append(ticketFrom(*rows));
    }
    return list;
}

Result<std::optional<QueueCounter>> QueueRepository::counterRow(
    const QString &hall, const QString &counter) const
{
    Result<storage::Rows> rows = m_db.run(u"SELECT hall, counter, state, clerk, areas, matters, since FROM "
                                          "queue_counters WHERE hall = ? AND counter = ?"_s,
        {hall, counter});
    if (!rows)
        return failWith(rows.error());
    Result<bool> found = rows->fetch();
    if (!found)
        return failWith(found.error());
    if (!*found)
        return std::optional<QueueCounter>();
    return std::optional<QueueCounter>(counterFrom(*rows));
}

Result<QList<QueueCounter>> QueueRepository::counters(const QString &hall) const
{
    Result<storage::Rows> rows = m_db.run(u"SELECT hall, counter, state, clerk, areas, matters, since FROM "
                                          "queue_counters WHERE hall = ? ORDER BY counter"_s,
        {hall});
    if (!rows)
        return failWith(rows.error());
    QList<QueueCounter> list;
    while (true) {
        Result<bool> more = rows->fetch();
        if (!more)
            return failWith(more.error());
        if (!*more)
            break;
        list.append(counterFrom(*rows));
    }
    return list;
}

Result<QueueCounter> QueueRepository::setCounter(const QString &hall, const QString &counter,
    CounterState state, const QString &clerk, const QStringList &areas, const QStringList &matters)
{
    if (state == CounterState::Open && clerk.trimmed().isEmpty())
        return refused(
            QCoreApplication::translate("ow::server", "Counter %1 opens with the clerk logged in there.")
                .arg(counter));
    for (const QString &area : areas)
        if (!m_rules.areas.contains(area))
            return fail(Error::Code::Parse,
                QCoreApplication::translate("ow::server", "There is no service area “%1” in this hall.")
                    .arg(area));
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<std::optional<QueueCounter>> existing = counterRow(hall, counter);
    if (!existing)
        return failWith(existing.error());
    QueueCounter row = existing->value_or(QueueCounter {});
    if (state != CounterState::Open && (!*existing || row.state == CounterState::Closed)
        && state == CounterState::Paused)
        return refused(QCoreApplication::translate("ow::server", "Counter %1 is closed; it cannot be paused.")
                           .arg(counter));
    row.hall = hall;
    row.id = counter;
    row.state = state;
    if (state == CounterState::Open) {
        row.clerk = clerk.trimmed();
        row.areas = areas;
        row.matters = matters;
    } else if (state == CounterState::Closed) {
        row.clerk.clear();
    }
    row.since = m_clock.nowUtc();
    Result<storage::Rows> saved = m_db.run(
        u"INSERT INTO queue_counters (hall, counter, state, clerk, areas, matters, since) VALUES (?, ?, ?, "
        u"?, ?, "
        "?, ?) ON CONFLICT (hall, counter) DO UPDATE SET state = excluded.state, clerk = excluded.clerk, "
        "areas = excluded.areas, matters = excluded.matters, since = excluded.since"_s,
        {hall, counter, keyword(state), row.clerk, row.areas.join(u','), row.matters.join(u','),
            timeText(row.since)});
    if (!saved)
        return failWith(saved.error());
    if (state == CounterState::Closed) {
        // Nobody waits for a closed counter: its line goes back to the hall.
        Result<storage::Rows> released = m_db.run(
            u"UPDATE queue_tickets SET counter = '' WHERE hall = ? AND counter = ? AND state = 'issued'"_s,
            {hall, counter});
        if (!released)
            return failWith(released.error());
    }
    if (Result<void> committed = commit(transaction, m_db); !committed)
        return failWith(committed.error());
    return row;
}

Result<Ticket> QueueRepository::insertTicket(const QString &hall, Ticket ticket, bool newNumber)
{
    const QDateTime now = m_clock.nowUtc();
    const QString day = dayOf(ticket.issued.isValid() ? ticket.issued : now).toString(Qt::ISODate);
    int seq = 0;
    if (newNumber) {
        Result<QVariant> last
            = m_db.scalar(u"SELECT MAX(seq) FROM queue_tickets WHERE hall = ? AND day = ? AND "
                          "area = ? AND transferred_from = 0"_s,
                {hall, day, ticket.area});
        if (!last)
            return failWith(last.error());
        seq = last->toInt() + 1;
        ticket.number = ticket.area + u"%1"_s.arg(seq, m_rules.numberDigits, 10, QLatin1Char('0'));
    } else {
        seq = ticket.number.mid(ticket.area.size()).toInt();
    }
    ticket.hall = hall;
    Result<storage::Rows> inserted = m_db.run(
        u"INSERT INTO queue_tickets (hall, day, area, seq, number, matter, bundle, mobile, id_card, "
        u"priority, "
        "appointment, window_start, window_end, state, call_count, counter, transferred_from, issued, ahead, "
        "expected_wait, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?) "
        "RETURNING id"_s,
        {hall, day, ticket.area, seq, ticket.number, ticket.matter, ticket.bundle, ticket.mobile,
            ticket.idCard.isEmpty()
                ? QString()
                : QString::fromUtf8(QJsonDocument(ticket.idCard).toJson(QJsonDocument::Compact)),
            keyword(ticket.priority), ticket.appointment, timeText(ticket.windowStart),
            timeText(ticket.windowEnd), keyword(ticket.state), ticket.counter, ticket.transferredFrom,
            timeText(ticket.issued), ticket.ahead, ticket.expectedWaitMinutes, ticket.reason});
    if (!inserted)
        return failWith(inserted.error());
    Result<bool> row = inserted->fetch();
    if (!row)
        return failWith(row.error());
    if (!*row)
        return fail(Error::Code::Internal, u"INSERT … RETURNING gave no id"_s);
    ticket.id = inserted->value(0).toLongLong();
    return ticket;
}

Result<Ticket> QueueRepository::issue(const QString &hall, const Ticket &request)
{
    if (!m_rules.areas.contains(request.area))
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::server", "There is no service area “%1” in this hall.")
                .arg(request.area));
    Result<ServiceTimes> times = serviceTimes(hall);
    if (!times)
        return failWith(times.error());
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<Ticket> stored = issueLocked(hall, request, *times);
    if (!stored)
        return stored;
    if (Result<void> committed = commit(transaction, m_db); !committed)
        return failWith(committed.error());
    return stored;
}

Result<void> QueueRepository::closeEarlierDays(const QString &hall)
{
    // A ticket still waiting, called, served or parked when the hall's day ended will not be served:
    // it leaves the line as a no-show at the day change and stays in its day's history and figures.
    const QDate today = dayOf(m_clock.nowUtc());
    const QDateTime dayChange = QDateTime(today, QTime(0, 0)).toUTC();
    Result<storage::Rows> closed = m_db.run(
        u"UPDATE queue_tickets SET state = 'no-show', finished = ? WHERE hall = ? AND day < ? AND "_s
            + kActive,
        {timeText(dayChange), hall, today.toString(Qt::ISODate)});
    if (!closed)
        return failWith(closed.error());
    return {};
}

Result<Ticket> QueueRepository::issueLocked(
    const QString &hall, const Ticket &request, const ServiceTimes &times)
{
    if (Result<void> closed = closeEarlierDays(hall); !closed)
        return failWith(closed.error());
    Result<QList<QueueCounter>> counterList = counters(hall);
    if (!counterList)
        return failWith(counterList.error());
    Result<QList<Ticket>> active = select(u"hall = ? AND "_s + kActive, {hall});
    if (!active)
        return failWith(active.error());
    Ticket ticket = request;
    const QDateTime now = m_clock.nowUtc();
    ticket.issued = now;
    ticket.state = TicketState::Issued;
    ticket.id = std::numeric_limits<qint64>::max(); // after every ticket issued before it
    const Dispatch::Decision decision = Dispatch::choose(ticket, *counterList, *active, times, m_rules, now);
    ticket.counter = decision.counter;
    ticket.ahead = decision.ahead;
    ticket.expectedWaitMinutes = decision.expectedWaitMinutes;
    ticket.reason = decision.reason;
    Result<Ticket> stored = insertTicket(hall, ticket, true);
    if (!stored)
        return stored;
    if (Result<void> sms = queueSms(*stored, SmsKind::Issued, decision.ahead, decision.expectedWaitMinutes);
        !sms)
        return failWith(sms.error());
    if (Result<void> reminded = remindNext(hall); !reminded)
        return failWith(reminded.error());
    return stored;
}

Result<void> QueueRepository::remindNext(const QString &hall)
{
    Result<QList<QueueCounter>> counterList = counters(hall);
    if (!counterList)
        return failWith(counterList.error());
    Result<QList<Ticket>> waiting = select(u"hall = ? AND state = 'issued'"_s, {hall});
    if (!waiting)
        return failWith(waiting.error());
    const QDateTime now = m_clock.nowUtc();
    for (const QueueCounter &counter : std::as_const(*counterList)) {
        if (counter.state == CounterState::Closed)
            continue;
        const QList<Ticket> line = CallOrder::lineOf(counter, *waiting, now, m_rules);
        for (int ahead = 0; ahead < std::min<qsizetype>(2, line.size()); ++ahead) {
            Ticket next = line.at(ahead);
            next.counter = counter.id;
            // The key of queue_sms keeps it to one message a ticket, however often it stands here.
            if (Result<void> sms = queueSms(next, SmsKind::Next, ahead, 0); !sms)
                return failWith(sms.error());
        }
    }
    return {};
}

Result<void> QueueRepository::saveTicket(const Ticket &t, TicketState expected)
{
    // The state it was read in is the guard: a row changed by anyone else in between is not overwritten.
    Result<storage::Rows> saved = m_db.run(
        u"UPDATE queue_tickets SET state = ?, call_count = ?, counter = ?, called_by = ?, clerk = ?, "
        "first_called = ?, last_called = ?, serving_since = ?, finished = ? WHERE id = ? AND state = ?"_s,
        {keyword(t.state), t.callCount, t.counter, t.calledBy, t.clerk, timeText(t.firstCalled),
            timeText(t.lastCalled), timeText(t.servingSince), timeText(t.finished), t.id, keyword(expected)});
    if (!saved)
        return failWith(saved.error());
    if (saved->numRowsAffected() != 1)
        return fail(Error::Code::Internal,
            u"ticket %1 changed under a write transaction (expected state %2)"_s.arg(t.id).arg(
                keyword(expected)));
    return {};
}

Result<void> QueueRepository::logCall(const Ticket &ticket)
{
    Result<storage::Rows> logged = m_db.run(
        u"INSERT INTO queue_calls (hall, ticket_id, number, counter, call_count, time) VALUES (?, ?, ?, ?, ?, ?)"_s,
        {ticket.hall, ticket.id, ticket.number, ticket.calledBy, ticket.callCount,
            timeText(ticket.lastCalled)});
    if (!logged)
        return failWith(logged.error());
    return {};
}

Result<void> QueueRepository::queueSms(const Ticket &ticket, SmsKind kind, int ahead, int minutes)
{
    if (ticket.mobile.isEmpty())
        return {};
    const QString counter = kind == SmsKind::Called ? ticket.calledBy : ticket.counter;
    QueueCounter named;
    named.id = counter;
    const QString text = m_rules.renderSms(kind, {ticket.number, named.number(), ahead, minutes});
    const QString now = timeText(m_clock.nowUtc());
    // One message of each kind per ticket: the key refuses a second, whoever queues it.
    Result<storage::Rows> queued = m_db.run(
        u"INSERT INTO queue_sms (ticket_id, kind, hall, text, state, attempts, next_attempt, created, "
        "updated) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (ticket_id, kind) DO NOTHING"_s,
        {ticket.transferredFrom != 0 ? ticket.transferredFrom : ticket.id, keyword(kind), ticket.hall, text,
            now, now, now});
    if (!queued)
        return failWith(queued.error());
    return {};
}

Result<QueueRepository::Called> QueueRepository::callNext(
    const QString &hall, const QString &counter, const QString &clerk)
{
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<std::optional<QueueCounter>> row = counterRow(hall, counter);
    if (!row)
        return failWith(row.error());
    if (!*row || (*row)->state == CounterState::Closed)
        return refused(QCoreApplication::translate(
            "ow::server", "Counter %1 is closed: a clerk logs in there and opens it before calling.")
                           .arg(counter));
    const QueueCounter &here = **row;
    if (here.state == CounterState::Paused)
        return refused(QCoreApplication::translate("ow::server", "Counter %1 is paused; resume it to call.")
                           .arg(counter));
    if (!clerk.isEmpty() && clerk != here.clerk)
        return refused(QCoreApplication::translate("ow::server", "Clerk %1 is not logged in at counter %2.")
                           .arg(clerk, counter));
    if (Result<void> closed = closeEarlierDays(hall); !closed)
        return failWith(closed.error());
    Result<QList<Ticket>> active = select(u"hall = ? AND "_s + kActive, {hall});
    if (!active)
        return failWith(active.error());
    const QDateTime now = m_clock.nowUtc();
    Called result;
    QList<Ticket> waiting;
    for (Ticket &ticket : *active) {
        if (ticket.calledBy == counter && ticket.state == TicketState::Serving) {
            if (Result<void> done = TicketLifecycle::finish(ticket, counter, now); !done)
                return failWith(done.error());
            if (Result<void> saved = saveTicket(ticket, TicketState::Serving); !saved)
                return failWith(saved.error());
            result.finished.append(ticket.id);
        } else if (ticket.calledBy == counter && ticket.state == TicketState::Called) {
            if (ticket.callCount < m_rules.maxCalls)
                return refused(QCoreApplication::translate("ow::server",
                    "Ticket %1 is still called at counter %2: start its service, call it again, park it or "
                    "mark it as a no-show first.")
                                   .arg(ticket.number, counter));
            if (Result<void> gone = TicketLifecycle::noShow(ticket, counter, now); !gone)
                return failWith(gone.error());
            if (Result<void> saved = saveTicket(ticket, TicketState::Called); !saved)
                return failWith(saved.error());
            result.finished.append(ticket.id);
        } else if (ticket.state == TicketState::Issued) {
            waiting.append(ticket);
        }
    }
    const std::optional<CallOrder::Choice> choice = CallOrder::next(here, waiting, now, m_rules);
    if (choice) {
        auto it = std::find_if(
            waiting.begin(), waiting.end(), [&](const Ticket &t) { return t.id == choice->ticketId; });
        Ticket ticket = *it;
        waiting.erase(it);
        if (Result<void> called = TicketLifecycle::call(ticket, counter, here.clerk, now); !called)
            return failWith(called.error());
        if (Result<void> saved = saveTicket(ticket, TicketState::Issued); !saved)
            return failWith(saved.error());
        if (Result<void> logged = logCall(ticket); !logged)
            return failWith(logged.error());
        if (Result<void> sms = queueSms(ticket, SmsKind::Called, 0, 0); !sms)
            return failWith(sms.error());
        result.ticket = ticket;
        result.stolen = choice->stolen;
        if (Result<void> reminded = remindNext(hall); !reminded)
            return failWith(reminded.error());
    }
    if (Result<void> committed = commit(transaction, m_db); !committed)
        return failWith(committed.error());
    return result;
}

Result<Ticket> QueueRepository::act(const QString &hall, qint64 ticketId, Action action,
    const QString &counter, const QString &toArea, const QString &toCounter)
{
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<QList<Ticket>> found = select(u"hall = ? AND id = ?"_s, {hall, ticketId});
    if (!found)
        return failWith(found.error());
    if (found->isEmpty())
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::server", "There is no ticket %1 in this hall.").arg(ticketId));
    Ticket ticket = found->constFirst();
    const TicketState before = ticket.state;
    const QDateTime now = m_clock.nowUtc();
    if (action == Action::Recall || action == Action::Resume) {
        // A call is heard in the hall: only from an open counter with its clerk.
        Result<std::optional<QueueCounter>> row = counterRow(hall, counter);
        if (!row)
            return failWith(row.error());
        if (!*row || (*row)->state != CounterState::Open)
            return refused(QCoreApplication::translate("ow::server", "Counter %1 is not open.").arg(counter));
    }
    Result<void> moved;
    std::optional<Ticket> continuation;
    switch (action) {
    case Action::Recall:
        moved = TicketLifecycle::recall(ticket, counter, now, m_rules);
        break;
    case Action::Resume:
        if (ticket.state != TicketState::Parked)
            return refused(
                QCoreApplication::translate("ow::server", "Ticket %1 is not parked.").arg(ticket.number));
        moved = TicketLifecycle::call(ticket, counter, ticket.clerk, now);
        break;
    case Action::Serve:
        moved = TicketLifecycle::serve(ticket, counter, now);
        break;
    case Action::Finish:
        moved = TicketLifecycle::finish(ticket, counter, now);
        break;
    case Action::NoShow:
        moved = TicketLifecycle::noShow(ticket, counter, now);
        break;
    case Action::Park:
        moved = TicketLifecycle::park(ticket, counter, now);
        break;
    case Action::Transfer: {
        const QString area = toArea.isEmpty() ? ticket.area : toArea;
        if (!m_rules.areas.contains(area))
            return fail(Error::Code::Parse,
                QCoreApplication::translate("ow::server", "There is no service area “%1” in this hall.")
                    .arg(area));
        if (!toCounter.isEmpty()) {
            Result<std::optional<QueueCounter>> target = counterRow(hall, toCounter);
            if (!target)
                return failWith(target.error());
            if (!*target)
                return fail(Error::Code::NotFound,
                    QCoreApplication::translate("ow::server", "There is no counter %1 in this hall.")
                        .arg(toCounter));
        }
        Result<Ticket> next = TicketLifecycle::transfer(ticket, counter, area, toCounter, now);
        if (!next)
            return failWith(next.error());
        continuation = *next;
        break;
    }
    }
    if (!moved)
        return failWith(moved.error());
    if (Result<void> saved = saveTicket(ticket, before); !saved)
        return failWith(saved.error());
    if (action == Action::Recall || action == Action::Resume)
        if (Result<void> logged = logCall(ticket); !logged)
            return failWith(logged.error());
    Ticket answer = ticket;
    if (continuation) {
        Result<Ticket> stored = insertTicket(hall, *continuation, false);
        if (!stored)
            return stored;
        answer = *stored;
        if (Result<void> reminded = remindNext(hall); !reminded)
            return failWith(reminded.error());
    }
    if (Result<void> committed = commit(transaction, m_db); !committed)
        return failWith(committed.error());
    return answer;
}

Result<std::optional<Ticket>> QueueRepository::ticket(const QString &hall, qint64 id) const
{
    Result<QList<Ticket>> found = select(u"hall = ? AND id = ?"_s, {hall, id});
    if (!found)
        return failWith(found.error());
    if (found->isEmpty())
        return std::optional<Ticket>();
    return std::optional<Ticket>(found->constFirst());
}

Result<QList<Ticket>> QueueRepository::tickets(const QString &hall, const QDate &day, bool activeOnly) const
{
    // Tickets of earlier days left active (no call or ticket since the day changed) are no line of
    // `day`'s: the next change closes them.
    if (activeOnly)
        return select(u"hall = ? AND day = ? AND "_s + kActive, {hall, day.toString(Qt::ISODate)});
    return select(u"hall = ? AND day = ?"_s, {hall, day.toString(Qt::ISODate)});
}

Result<QList<QJsonObject>> QueueRepository::calls(const QString &hall, qint64 after, int limit) const
{
    Result<storage::Rows> rows = m_db.run(u"SELECT id, ticket_id, number, counter, call_count, time FROM "
                                          "queue_calls WHERE hall = ? AND id > ? ORDER BY id LIMIT ?"_s,
        {hall, after, limit});
    if (!rows)
        return failWith(rows.error());
    return callRows(*rows);
}

Result<QList<QJsonObject>> QueueRepository::latestCalls(
    const QString &hall, const QDateTime &since, int limit) const
{
    Result<storage::Rows> rows
        = m_db.run(u"SELECT id, ticket_id, number, counter, call_count, time FROM "
                   "queue_calls WHERE hall = ? AND time >= ? ORDER BY id DESC LIMIT ?"_s,
            {hall, timeText(since), limit});
    if (!rows)
        return failWith(rows.error());
    return callRows(*rows);
}

Result<QList<QJsonObject>> QueueRepository::callRows(storage::Rows &rows)
{
    QList<QJsonObject> list;
    while (true) {
        Result<bool> more = rows.fetch();
        if (!more)
            return failWith(more.error());
        if (!*more)
            break;
        QueueCounter counter;
        counter.id = rows.value(3).toString();
        list.append(QJsonObject {{u"id"_s, rows.value(0).toDouble()}, {u"ticket"_s, rows.value(1).toDouble()},
            {u"number"_s, rows.value(2).toString()}, {u"counter"_s, counter.id},
            {u"counterNumber"_s, counter.number()}, {u"callCount"_s, rows.value(4).toInt()},
            {u"time"_s, rows.value(5).toString()}});
    }
    return list;
}

Result<ServiceTimes> QueueRepository::serviceTimes(const QString &hall) const
{
    const QString since = timeText(m_clock.nowUtc().addDays(-m_rules.historyDays));
    Result<storage::Rows> rows
        = m_db.run(u"SELECT matter, serving_since, finished FROM queue_tickets WHERE hall = ? "
                   "AND state = 'done' AND finished >= ?"_s,
            {hall, since});
    if (!rows)
        return failWith(rows.error());
    ServiceTimes times(m_rules.defaultServiceMinutes, m_rules.minimumSamples);
    while (true) {
        Result<bool> more = rows->fetch();
        if (!more)
            return failWith(more.error());
        if (!*more)
            break;
        const QDateTime start = timeFrom(rows->value(1));
        const QDateTime end = timeFrom(rows->value(2));
        if (start.isValid() && end.isValid())
            times.addSample(rows->value(0).toString(), double(start.msecsTo(end)) / 60000.0);
    }
    times.update();
    return times;
}

QJsonObject QueueRepository::Appointment::toJson() const
{
    return QJsonObject {{u"id"_s, id}, {u"matter"_s, matter}, {u"reference"_s, reference},
        {u"from"_s, timeText(from)}, {u"to"_s, timeText(to)}, {u"state"_s, state},
        {u"ticket"_s, ticketId != 0 ? QJsonValue(double(ticketId)) : QJsonValue()}};
}

Result<QueueRepository::Appointment> QueueRepository::book(const QString &hall, Appointment appointment)
{
    if (!appointment.from.isValid() || !appointment.to.isValid() || appointment.to <= appointment.from
        || appointment.from.secsTo(appointment.to) > 12 * 3600)
        return fail(Error::Code::Parse,
            QCoreApplication::translate(
                "ow::server", "An appointment needs a window “from” before “to”, within one day."));
    if (appointment.to < m_clock.nowUtc())
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::server", "The appointment's window is over."));
    appointment.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    appointment.state = u"booked"_s;
    Result<storage::Rows> stored
        = m_db.run(u"INSERT INTO queue_appointments (id, hall, day, matter, mobile, reference, window_start, "
                   "window_end, state, ticket_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'booked', 0, ?)"_s,
            {appointment.id, hall, dayOf(appointment.from).toString(Qt::ISODate), appointment.matter,
                appointment.mobile, appointment.reference, timeText(appointment.from),
                timeText(appointment.to), timeText(m_clock.nowUtc())});
    if (!stored)
        return failWith(stored.error());
    return appointment;
}

Result<QList<QueueRepository::Appointment>> QueueRepository::appointments(
    const QString &hall, const QDate &day) const
{
    Result<storage::Rows> rows
        = m_db.run(u"SELECT id, matter, mobile, reference, window_start, window_end, state, "
                   "ticket_id FROM queue_appointments WHERE hall = ? AND day = ? ORDER BY "
                   "window_start, id"_s,
            {hall, day.toString(Qt::ISODate)});
    if (!rows)
        return failWith(rows.error());
    QList<Appointment> list;
    while (true) {
        Result<bool> more = rows->fetch();
        if (!more)
            return failWith(more.error());
        if (!*more)
            break;
        list.append(Appointment {rows->value(0).toString(), rows->value(1).toString(),
            rows->value(2).toString(), rows->value(3).toString(), timeFrom(rows->value(4)),
            timeFrom(rows->value(5)), rows->value(6).toString(), rows->value(7).toLongLong()});
    }
    return list;
}

Result<Ticket> QueueRepository::arrive(const QString &hall, const QString &appointmentId)
{
    Result<ServiceTimes> times = serviceTimes(hall);
    if (!times)
        return failWith(times.error());
    // Read, issue and link under one write lock: two arrivals at once (the kiosk and a counter, or
    // a double tap) would otherwise both find the appointment without a ticket and issue two.
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<storage::Rows> rows = m_db.run(u"SELECT matter, mobile, window_start, window_end, ticket_id FROM "
                                          "queue_appointments WHERE hall = ? AND id = ?"_s,
        {hall, appointmentId});
    if (!rows)
        return failWith(rows.error());
    Result<bool> found = rows->fetch();
    if (!found)
        return failWith(found.error());
    if (!*found) {
        m_db.finishStatements();
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::server", "There is no appointment %1 in this hall.")
                .arg(appointmentId));
    }
    Ticket request;
    request.area = m_rules.areas.constFirst();
    request.matter = rows->value(0).toString();
    request.mobile = rows->value(1).toString();
    request.windowStart = timeFrom(rows->value(2));
    request.windowEnd = timeFrom(rows->value(3));
    request.priority = PriorityClass::Appointment;
    request.appointment = appointmentId;
    const qint64 existing = rows->value(4).toLongLong();
    m_db.finishStatements();
    if (existing != 0) {
        Result<std::optional<Ticket>> earlier = ticket(hall, existing);
        if (!earlier)
            return failWith(earlier.error());
        if (*earlier) {
            if (Result<void> committed = commit(transaction, m_db); !committed) // nothing was written
                return failWith(committed.error());
            return **earlier;
        }
    }
    Result<Ticket> issued = issueLocked(hall, request, *times);
    if (!issued)
        return issued;
    // The ticket and its link are one change: a ticket without the link would be issued again.
    Result<storage::Rows> linked = m_db.run(
        u"UPDATE queue_appointments SET state = 'arrived', ticket_id = ? WHERE hall = ? AND id = ? AND ticket_id = 0"_s,
        {issued->id, hall, appointmentId});
    if (!linked)
        return failWith(linked.error());
    if (Result<void> committed = commit(transaction, m_db); !committed)
        return failWith(committed.error());
    return issued;
}

} // namespace ow::server
