#include "server/ComplaintRepository.h"

#include "cases/CaseJson.h"
#include "core/WorkingCalendar.h"
#include "storage/Rows.h"
#include "storage/Transaction.h"

#include <QHash>

namespace ow::server {

using namespace Qt::StringLiterals;
using cases::CaseJson;
using supervision::Complaint;
using supervision::ComplaintAction;
using supervision::ComplaintPerson;
using supervision::ComplaintState;

namespace {

const QString kColumns
    = u"seq, id, number, channel, received, complainant_name, complainant_mobile, content,"
      " case_number, clerk, clerk_name, matter, matter_name, recorded_by, recorded_by_name,"
      " deadline, state, assignee, assignee_name, reply, replied, closed, result"_s;

Complaint complaintFrom(const storage::Rows &rows)
{
    Complaint c;
    c.id = rows.value(1).toString();
    c.number = rows.value(2).toString();
    c.channel = supervision::complaintChannelFromKeyword(rows.value(3).toString())
                    .value_or(supervision::ComplaintChannel::Window);
    c.receivedAt = CaseJson::timeFrom(rows.value(4).toString());
    c.complainantName = rows.value(5).toString();
    c.complainantMobile = rows.value(6).toString();
    c.content = rows.value(7).toString();
    c.caseNumber = rows.value(8).toString();
    c.clerk = {rows.value(9).toString(), rows.value(10).toString()};
    c.matterCode = rows.value(11).toString();
    c.matterName = rows.value(12).toString();
    c.recordedBy = {rows.value(13).toString(), rows.value(14).toString()};
    c.deadline = QDate::fromString(rows.value(15).toString(), Qt::ISODate);
    c.state = supervision::complaintStateFromKeyword(rows.value(16).toString())
                  .value_or(ComplaintState::Received);
    c.assignee = {rows.value(17).toString(), rows.value(18).toString()};
    c.reply = rows.value(19).toString();
    c.repliedAt = CaseJson::timeFrom(rows.value(20).toString());
    c.closedAt = CaseJson::timeFrom(rows.value(21).toString());
    c.result = supervision::complaintResultFromKeyword(rows.value(22).toString());
    return c;
}

QString personNote(const ComplaintPerson &person)
{
    return person.name.isEmpty() ? person.staffNumber : person.name + u" ("_s + person.staffNumber + u')';
}

} // namespace

ComplaintRepository::ComplaintRepository(const storage::Database &db, Clock clock, int deadlineDays)
    : m_db(db)
    , m_clock(std::move(clock))
    , m_deadlineDays(deadlineDays)
{
}

Result<ComplaintRepository::Stored> ComplaintRepository::store(
    const QString &hall, const QString &source, Complaint &complaint)
{
    Result<WorkingCalendar> calendar = WorkingCalendar::loadBuiltIn();
    if (!calendar)
        return failWith(calendar.error());
    Result<QDate> deadline = Complaint::deadlineFor(complaint.receivedAt, *calendar, m_deadlineDays);
    if (!deadline)
        return failWith(deadline.error());
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<std::optional<QVariantList>> known
        = m_db.firstRow(u"SELECT hall, number, deadline FROM complaints WHERE id = ?"_s, {complaint.id});
    if (!known)
        return failWith(known.error());
    if (*known) {
        if ((**known).at(0).toString() != hall)
            return Stored::OtherHall;
        complaint.number = (**known).at(1).toString();
        complaint.deadline = QDate::fromString((**known).at(2).toString(), Qt::ISODate);
        return Stored::Duplicate;
    }
    // The number is of the day the complaint was received, so one recorded offline and sent later
    // still reads as that day's; writers are serialised (the server's write lock), so the next
    // sequence of the day cannot be taken twice.
    const QString day = complaint.receivedAt.toLocalTime().date().toString(u"yyyyMMdd"_s);
    Result<QVariant> last = m_db.scalar(
        u"SELECT MAX(day_seq) FROM complaints WHERE hall = ? AND number_day = ?"_s, {hall, day});
    if (!last)
        return failWith(last.error());
    const int seq = last->isNull() ? 1 : last->toInt() + 1;
    complaint.number = u"TS"_s + day + QString::number(seq).rightJustified(3, u'0');
    complaint.deadline = *deadline;
    complaint.state = ComplaintState::Received;
    const QString now = CaseJson::timeText(m_clock.nowUtc());
    Result<storage::Rows> inserted = m_db.run(
        u"INSERT INTO complaints (id, hall, number, number_day, day_seq, channel, received, complainant_name,"
        " complainant_mobile, content, case_number, clerk, clerk_name, matter, matter_name, recorded_by,"
        " recorded_by_name, deadline, state, source, created)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {complaint.id, hall, complaint.number, day, seq, supervision::keyword(complaint.channel),
            CaseJson::timeText(complaint.receivedAt), complaint.complainantName, complaint.complainantMobile,
            complaint.content, complaint.caseNumber, complaint.clerk.staffNumber, complaint.clerk.name,
            complaint.matterCode, complaint.matterName, complaint.recordedBy.staffNumber,
            complaint.recordedBy.name, complaint.deadline.toString(Qt::ISODate),
            supervision::keyword(ComplaintState::Received), source, now});
    if (!inserted)
        return failWith(inserted.error());
    if (Result<void> step = addStep(
            complaint.id, u"recorded"_s, complaint.recordedBy, supervision::keyword(complaint.channel), now);
        !step)
        return failWith(step.error());
    m_db.finishStatements();
    if (Result<void> committed = transaction.commit(); !committed)
        return failWith(committed.error());
    return Stored::Stored;
}

Result<void> ComplaintRepository::addStep(const QString &id, const QString &action, const ComplaintPerson &by,
    const QString &note, const QString &at)
{
    Result<storage::Rows> inserted
        = m_db.run(u"INSERT INTO complaint_history (complaint_id, at, action, by_staff, by_name, note)"
                   " VALUES (?, ?, ?, ?, ?, ?)"_s,
            {id, at, action, by.staffNumber, by.name, note});
    if (!inserted)
        return failWith(inserted.error());
    return {};
}

Result<QList<Complaint>> ComplaintRepository::select(
    const QString &condition, const QVariantList &values) const
{
    Result<storage::Rows> rows
        = m_db.run(u"SELECT "_s + kColumns + u" FROM complaints WHERE "_s + condition, values);
    if (!rows)
        return failWith(rows.error());
    QList<Complaint> list;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row)
        list.append(complaintFrom(*rows));
    if (!row)
        return failWith(row.error());
    return list;
}

Result<void> ComplaintRepository::addHistory(QList<Complaint> &complaints) const
{
    if (complaints.isEmpty())
        return {};
    QHash<QString, qsizetype> index;
    QStringList marks;
    QVariantList ids;
    for (qsizetype i = 0; i < complaints.size(); ++i) {
        index.insert(complaints.at(i).id, i);
        marks.append(u"?"_s);
        ids.append(complaints.at(i).id);
    }
    Result<storage::Rows> rows
        = m_db.run(u"SELECT complaint_id, at, action, by_staff, by_name, note FROM complaint_history"
                   " WHERE complaint_id IN ("_s
                + marks.join(u", "_s) + u") ORDER BY id"_s,
            ids);
    if (!rows)
        return failWith(rows.error());
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row) {
        const qsizetype i = index.value(rows->value(0).toString(), -1);
        if (i < 0)
            continue;
        complaints[i].history.append(
            {CaseJson::timeFrom(rows->value(1).toString()), rows->value(2).toString(),
                {rows->value(3).toString(), rows->value(4).toString()}, rows->value(5).toString()});
    }
    if (!row)
        return failWith(row.error());
    return {};
}

Result<std::optional<Complaint>> ComplaintRepository::find(const QString &hall, const QString &id) const
{
    Result<QList<Complaint>> found = select(u"hall = ? AND id = ?"_s, {hall, id});
    if (!found)
        return failWith(found.error());
    if (found->isEmpty())
        return std::optional<Complaint>();
    if (Result<void> added = addHistory(*found); !added)
        return failWith(added.error());
    return std::optional<Complaint>(found->constFirst());
}

Result<ComplaintRepository::Page> ComplaintRepository::list(
    const QString &hall, Filter filter, qint64 after, int limit) const
{
    QString condition = u"hall = ? AND seq > ?"_s;
    QVariantList values {hall, after};
    switch (filter) {
    case Filter::Open:
        condition += u" AND state <> 'closed'"_s;
        break;
    case Filter::Overdue:
        // Dates are ISO text, so they compare as text in both dialects.
        condition += u" AND state <> 'closed' AND deadline < ?"_s;
        values.append(m_clock.today().toString(Qt::ISODate));
        break;
    case Filter::Closed:
        condition += u" AND state = 'closed'"_s;
        break;
    case Filter::All:
        break;
    }
    // One row more than asked tells whether there is a next page.
    Result<storage::Rows> rows = m_db.run(
        u"SELECT "_s + kColumns + u" FROM complaints WHERE "_s + condition + u" ORDER BY seq LIMIT ?"_s,
        values + QVariantList {limit + 1});
    if (!rows)
        return failWith(rows.error());
    Page page;
    qint64 lastSeq = 0;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row) {
        if (page.complaints.size() == limit) {
            page.next = lastSeq;
            break;
        }
        lastSeq = rows->value(0).toLongLong();
        page.complaints.append(complaintFrom(*rows));
    }
    if (!row)
        return failWith(row.error());
    m_db.finishStatements();
    if (Result<void> added = addHistory(page.complaints); !added)
        return failWith(added.error());
    return page;
}

Result<QList<Complaint>> ComplaintRepository::all(const QString &hall) const
{
    return select(u"hall = ? ORDER BY seq"_s, {hall});
}

Result<ComplaintRepository::Outcome> ComplaintRepository::act(const QString &hall, const QString &id,
    ComplaintAction action, const ComplaintPerson &by, const ComplaintPerson &assignee, const QString &text,
    std::optional<supervision::ComplaintResult> result)
{
    Outcome outcome;
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<QList<Complaint>> found = select(u"hall = ? AND id = ?"_s, {hall, id});
    if (!found)
        return failWith(found.error());
    if (found->isEmpty()) {
        m_db.finishStatements();
        outcome.status = Outcome::Status::NotFound;
        return outcome;
    }
    outcome.complaint = found->constFirst();
    const std::optional<ComplaintState> next = Complaint::after(outcome.complaint.state, action);
    if (!next) {
        m_db.finishStatements();
        outcome.status = Outcome::Status::WrongState;
        return outcome;
    }
    const QString now = CaseJson::timeText(m_clock.nowUtc());
    QString sql;
    QVariantList values {supervision::keyword(*next)};
    QString step;
    QString note;
    switch (action) {
    case ComplaintAction::Assign:
        sql = u"UPDATE complaints SET state = ?, assignee = ?, assignee_name = ?"_s;
        values << assignee.staffNumber << assignee.name;
        step = u"assigned"_s;
        note = personNote(assignee);
        break;
    case ComplaintAction::Reply:
        sql = u"UPDATE complaints SET state = ?, reply = ?, replied = ?"_s;
        values << text << now;
        step = u"replied"_s;
        note = text;
        break;
    case ComplaintAction::Close:
        sql = u"UPDATE complaints SET state = ?, result = ?, closed = ?"_s;
        values << (result ? supervision::keyword(*result) : QString()) << now;
        step = u"closed"_s;
        note = result ? supervision::keyword(*result) : QString();
        break;
    }
    values << hall << id;
    if (Result<storage::Rows> updated = m_db.run(sql + u" WHERE hall = ? AND id = ?"_s, values); !updated)
        return failWith(updated.error());
    if (Result<void> added = addStep(id, step, by, note, now); !added)
        return failWith(added.error());
    m_db.finishStatements();
    if (Result<void> committed = transaction.commit(); !committed)
        return failWith(committed.error());
    Result<std::optional<Complaint>> after = find(hall, id);
    if (!after)
        return failWith(after.error());
    if (*after)
        outcome.complaint = **after;
    return outcome;
}

} // namespace ow::server
