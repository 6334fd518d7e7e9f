#include "server/SupervisionRepository.h"

#include "cases/CaseJson.h"
#include "server/ActivityRepository.h"
#include "server/ComplaintRepository.h"
#include "storage/Rows.h"
#include "storage/Transaction.h"
#include "supervision/CaseWarnings.h"

#include <QJsonDocument>
#include <QSet>

namespace ow::server {

using namespace Qt::StringLiterals;
using cases::CaseEvent;
using cases::CaseJson;
using supervision::FollowUp;
using supervision::Warning;

namespace {

QJsonObject objectFrom(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString timeOrEmpty(const QDateTime &time)
{
    return time.isValid() ? CaseJson::timeText(time) : QString();
}

} // namespace

SupervisionRepository::SupervisionRepository(
    const storage::Database &db, Clock clock, supervision::SupervisionRules rules)
    : m_db(db)
    , m_clock(std::move(clock))
    , m_rules(rules)
    , m_calendar(WorkingCalendar::loadBuiltIn())
{
}

template<typename Each> Result<void> SupervisionRepository::forEachCase(const QString &hall, Each each) const
{
    // The events first, grouped by case, then the cases: one result at a time on the connection
    // (PostgreSQL streams a result row by row and cannot interleave two), and no snapshot repeated
    // per event as a join would.
    QHash<QString, QList<CaseEvent>> events;
    {
        Result<storage::Rows> rows
            = m_db.run(u"SELECT case_number, body FROM events WHERE hall = ? ORDER BY seq"_s, {hall});
        if (!rows)
            return failWith(rows.error());
        Result<bool> row = false;
        while ((row = rows->fetch()) && *row) {
            Result<CaseEvent> e = CaseJson::eventFrom(objectFrom(rows->value(1).toString()));
            if (e)
                events[rows->value(0).toString()].append(std::move(*e));
        }
        if (!row)
            return failWith(row.error());
    }
    Result<storage::Rows> rows
        = m_db.run(u"SELECT number, snapshot, state FROM cases WHERE hall = ? ORDER BY number"_s, {hall});
    if (!rows)
        return failWith(rows.error());
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row) {
        const QString number = rows->value(0).toString();
        QJsonObject snapshot = objectFrom(rows->value(1).toString());
        snapshot.insert(u"state"_s, rows->value(2).toString());
        Result<cases::Case> c = CaseJson::caseFrom(snapshot);
        if (!c) {
            // The server checked every snapshot it took in; should one not read, the case still
            // counts by its number and events.
            c = cases::Case();
        }
        if (c->number.isEmpty())
            c->number = number;
        each(*c, events.value(number));
    }
    if (!row)
        return failWith(row.error());
    return {};
}

Result<QHash<QString, QString>> SupervisionRepository::clerkNames(const QString &hall) const
{
    Result<storage::Rows> rows
        = m_db.run(u"SELECT login, display_name FROM hall_accounts WHERE hall = ?"_s, {hall});
    if (!rows)
        return failWith(rows.error());
    QHash<QString, QString> names;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row)
        names.insert(rows->value(0).toString(), rows->value(1).toString());
    if (!row)
        return failWith(row.error());
    return names;
}

Result<QHash<QString, FollowUp>> SupervisionRepository::storedFollowUps(const QString &hall) const
{
    Result<storage::Rows> rows
        = m_db.run(u"SELECT id, case_number, clerk, rating, rated, contact_due, fix_due, contacted, "
                   u"contacted_by, agreed,"
                   " closed, closed_by, closing_note FROM supervision_followups WHERE hall = ?"_s,
            {hall});
    if (!rows)
        return failWith(rows.error());
    QHash<QString, FollowUp> items;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row) {
        FollowUp f;
        f.id = rows->value(0).toString();
        f.caseNumber = rows->value(1).toString();
        f.clerk = rows->value(2).toString();
        f.rating = rows->value(3).toInt();
        f.rated = CaseJson::timeFrom(rows->value(4).toString());
        f.contactDue = QDate::fromString(rows->value(5).toString(), Qt::ISODate);
        f.fixDue = QDate::fromString(rows->value(6).toString(), Qt::ISODate);
        f.contacted = CaseJson::timeFrom(rows->value(7).toString());
        f.contactedBy = rows->value(8).toString();
        f.agreed = rows->value(9).toString();
        f.closed = CaseJson::timeFrom(rows->value(10).toString());
        f.closedBy = rows->value(11).toString();
        f.closingNote = rows->value(12).toString();
        items.insert(f.id, f);
    }
    if (!row)
        return failWith(row.error());
    return items;
}

Result<SupervisionRepository::HallView> SupervisionRepository::compute(const QString &hall, QDate day) const
{
    if (!m_calendar)
        return failWith(m_calendar.error());
    Result<QHash<QString, QString>> names = clerkNames(hall);
    if (!names)
        return failWith(names.error());
    Result<QHash<QString, FollowUp>> stored = storedFollowUps(hall);
    if (!stored)
        return failWith(stored.error());
    HallView view;
    std::optional<Error> problem;
    Result<void> walked = forEachCase(hall, [&](const cases::Case &c, const QList<CaseEvent> &events) {
        view.warnings.append(supervision::CaseWarnings::of(c, events, *m_calendar, day, m_rules, *names));
        for (const CaseEvent &e : events) {
            const int level = FollowUp::ratingOf(e);
            if ((level != 1 && level != 2) || e.time.toLocalTime().date() > day)
                continue;
            FollowUp item;
            if (const auto found = stored->constFind(e.id); found != stored->cend()) {
                item = *found;
            } else {
                Result<std::optional<FollowUp>> opened = FollowUp::fromRating(c, e, *m_calendar, m_rules);
                if (!opened) {
                    problem = opened.error();
                    continue;
                }
                item = **opened;
            }
            item.matterName = c.matterName;
            item.departmentId = c.departmentId;
            item.departmentName = c.departmentName;
            item.clerkName = names->value(item.clerk, item.clerk);
            view.warnings.append(item.warnings(*m_calendar, m_rules, day));
            view.followUps.append(item);
        }
    });
    if (!walked)
        return failWith(walked.error());
    if (problem)
        return failWith(*problem);
    // A complaint still open after its deadline (as it stood at the end of the day).
    Result<QList<supervision::Complaint>> complaints = ComplaintRepository(m_db, m_clock).all(hall);
    if (!complaints)
        return failWith(complaints.error());
    for (const supervision::Complaint &c : std::as_const(*complaints))
        if (std::optional<Warning> w = c.warning(day))
            view.warnings.append(*w);
    return view;
}

Result<SupervisionRepository::HallView> SupervisionRepository::refresh(const QString &hall)
{
    Result<HallView> view = compute(hall, m_clock.today());
    if (!view)
        return view;
    if (Result<void> recorded = record(hall, *view); !recorded)
        return failWith(recorded.error());
    return view;
}

Result<void> SupervisionRepository::record(const QString &hall, const HallView &view)
{
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    if (Result<void> recorded = recordWarnings(hall, view.warnings); !recorded)
        return failWith(recorded.error());
    if (Result<void> recorded = recordFollowUps(hall, view.followUps); !recorded)
        return failWith(recorded.error());
    m_db.finishStatements();
    if (Result<void> committed = transaction.commit(); !committed)
        return failWith(committed.error());
    return {};
}

Result<QStringList> SupervisionRepository::halls() const
{
    // A hall's complaints are watched even before it has a case on the server.
    Result<storage::Rows> rows
        = m_db.run(u"SELECT hall FROM cases UNION SELECT hall FROM complaints ORDER BY hall"_s);
    if (!rows)
        return failWith(rows.error());
    QStringList list;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row)
        list.append(rows->value(0).toString());
    if (!row)
        return failWith(row.error());
    return list;
}

Result<void> SupervisionRepository::recordWarnings(const QString &hall, const QList<Warning> &warnings)
{
    const QString now = CaseJson::timeText(m_clock.nowUtc());
    QHash<QString, const Warning *> current;
    for (const Warning &w : warnings)
        current.insert(w.key(), &w);
    Result<storage::Rows> open = m_db.run(
        u"SELECT id, warning_key, colour FROM supervision_warnings WHERE hall = ? AND closed = ''"_s, {hall});
    if (!open)
        return failWith(open.error());
    QList<qint64> toClose;
    QSet<QString> stillOpen;
    Result<bool> row = false;
    while ((row = open->fetch()) && *row) {
        const QString key = open->value(1).toString();
        const Warning *w = current.value(key);
        if (w && supervision::keyword(w->colour) == open->value(2).toString())
            stillOpen.insert(key);
        else
            toClose.append(open->value(0).toLongLong()); // cleared, or changed colour
    }
    if (!row)
        return failWith(row.error());
    for (qint64 id : std::as_const(toClose))
        if (Result<storage::Rows> closed
            = m_db.run(u"UPDATE supervision_warnings SET closed = ? WHERE id = ?"_s, {now, id});
            !closed)
            return failWith(closed.error());
    for (const Warning &w : warnings) {
        if (stillOpen.contains(w.key()))
            continue;
        stillOpen.insert(w.key());
        Result<storage::Rows> inserted
            = m_db.run(u"INSERT INTO supervision_warnings (hall, warning_key, case_number, stage, rule, "
                       u"colour, department,"
                       " clerk, since, body, opened) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                {hall, w.key(), w.caseNumber, supervision::keyword(w.stage), supervision::keyword(w.rule),
                    supervision::keyword(w.colour), w.departmentId, w.clerk, w.since.toString(Qt::ISODate),
                    jsonText(w.toJson()), now});
        if (!inserted)
            return failWith(inserted.error());
    }
    return {};
}

Result<void> SupervisionRepository::recordFollowUps(const QString &hall, const QList<FollowUp> &items)
{
    Result<QHash<QString, FollowUp>> stored = storedFollowUps(hall);
    if (!stored)
        return failWith(stored.error());
    const QString now = CaseJson::timeText(m_clock.nowUtc());
    for (const FollowUp &f : items) {
        if (stored->contains(f.id))
            continue;
        Result<storage::Rows> inserted = m_db.run(
            u"INSERT INTO supervision_followups (id, hall, case_number, clerk, rating, rated, contact_due,"
            " fix_due, opened) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {f.id, hall, f.caseNumber, f.clerk, f.rating, timeOrEmpty(f.rated),
                f.contactDue.toString(Qt::ISODate), f.fixDue.toString(Qt::ISODate), now});
        if (!inserted)
            return failWith(inserted.error());
    }
    return {};
}

Result<QJsonArray> SupervisionRepository::history(const QString &hall, int limit) const
{
    Result<storage::Rows> rows = m_db.run(
        u"SELECT id, body, opened, closed FROM supervision_warnings WHERE hall = ? ORDER BY id DESC LIMIT ?"_s,
        {hall, limit});
    if (!rows)
        return failWith(rows.error());
    QJsonArray list;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row)
        list.append(QJsonObject {{u"id"_s, rows->value(0).toLongLong()},
            {u"warning"_s, objectFrom(rows->value(1).toString())}, {u"opened"_s, rows->value(2).toString()},
            {u"closed"_s, rows->value(3).toString()}});
    if (!row)
        return failWith(row.error());
    return list;
}

Result<SupervisionRepository::Outcome> SupervisionRepository::updateFollowUp(
    const QString &hall, const QString &id, const QString &sql, const QVariantList &values)
{
    // The item may have been rated since the last look: open what is new first.
    if (Result<HallView> refreshed = refresh(hall); !refreshed)
        return failWith(refreshed.error());
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<std::optional<QVariantList>> found = m_db.firstRow(
        u"SELECT closed, contacted FROM supervision_followups WHERE id = ? AND hall = ?"_s, {id, hall});
    if (!found)
        return failWith(found.error());
    if (!*found)
        return Outcome::NotFound;
    if (!(*found)->at(0).toString().isEmpty())
        return Outcome::AlreadyClosed;
    Result<storage::Rows> updated = m_db.run(sql, values);
    if (!updated)
        return failWith(updated.error());
    m_db.finishStatements();
    if (Result<void> committed = transaction.commit(); !committed)
        return failWith(committed.error());
    // The warnings of the item clear at once.
    if (Result<HallView> refreshed = refresh(hall); !refreshed)
        return failWith(refreshed.error());
    return Outcome::Done;
}

Result<SupervisionRepository::Outcome> SupervisionRepository::recordContact(
    const QString &hall, const QString &id, const QString &by, const QString &agreed)
{
    return updateFollowUp(hall, id,
        u"UPDATE supervision_followups SET contacted = ?, contacted_by = ?, agreed = ? WHERE id = ? AND hall = ?"_s,
        {CaseJson::timeText(m_clock.nowUtc()), by, agreed, id, hall});
}

Result<SupervisionRepository::Outcome> SupervisionRepository::close(
    const QString &hall, const QString &id, const QString &by, const QString &note)
{
    return updateFollowUp(hall, id,
        u"UPDATE supervision_followups SET closed = ?, closed_by = ?, closing_note = ? WHERE id = ? AND hall = ?"_s,
        {CaseJson::timeText(m_clock.nowUtc()), by, note, id, hall});
}

Result<supervision::HallFigures> SupervisionRepository::figures(
    const QString &hall, QDate from, QDate to) const
{
    Result<QHash<QString, QString>> names = clerkNames(hall);
    if (!names)
        return failWith(names.error());
    supervision::HallFigures figures(*names);
    Result<QHash<QString, QList<QDateTime>>> calls = ticketCalls(hall, from, to);
    if (!calls)
        return failWith(calls.error());
    figures.setTicketCalls(std::move(*calls));
    Result<void> walked = forEachCase(hall,
        [&](const cases::Case &c, const QList<CaseEvent> &events) { figures.add(c, events, from, to); });
    if (!walked)
        return failWith(walked.error());
    Result<QList<cases::ClerkActivity>> consultations
        = ActivityRepository(m_db, m_clock)
              .activities(hall, QString(cases::ClerkActivity::kConsultation), from, to);
    if (!consultations)
        return failWith(consultations.error());
    figures.addConsultations(*consultations);
    Result<QList<supervision::Complaint>> complaints = ComplaintRepository(m_db, m_clock).all(hall);
    if (!complaints)
        return failWith(complaints.error());
    figures.addComplaints(*complaints, from, to);
    return figures;
}

Result<QHash<QString, QList<QDateTime>>> SupervisionRepository::ticketCalls(
    const QString &hall, QDate from, QDate to) const
{
    QString sql = u"SELECT day, number, first_called, last_called FROM queue_tickets WHERE hall = ? AND "
                  "first_called <> ''"_s;
    QVariantList values {hall};
    if (from.isValid()) {
        sql += u" AND day >= ?"_s;
        values.append(from.toString(Qt::ISODate));
    }
    if (to.isValid()) {
        sql += u" AND day <= ?"_s;
        values.append(to.toString(Qt::ISODate));
    }
    Result<storage::Rows> rows = m_db.run(sql, values);
    if (!rows)
        return failWith(rows.error());
    QHash<QString, QList<QDateTime>> calls;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row) {
        const QString key = supervision::HallFigures::ticketKey(
            QDate::fromString(rows->value(0).toString(), Qt::ISODate), rows->value(1).toString());
        for (int column : {2, 3}) {
            const QDateTime at = QDateTime::fromString(rows->value(column).toString(), Qt::ISODateWithMs);
            if (at.isValid())
                calls[key].append(at);
        }
    }
    if (!row)
        return failWith(row.error());
    return calls;
}

Result<QList<supervision::ClerkPoints>> SupervisionRepository::points(
    const QString &hall, QDate month, const supervision::PointsRules &rules) const
{
    Result<storage::Rows> accounts
        = m_db.run(u"SELECT login, display_name, roles, active FROM hall_accounts WHERE hall = ?"_s, {hall});
    if (!accounts)
        return failWith(accounts.error());
    QHash<QString, QString> names;
    QStringList roster;
    Result<bool> row = false;
    while ((row = accounts->fetch()) && *row) {
        const QString login = accounts->value(0).toString();
        names.insert(login, accounts->value(1).toString());
        // The counter's clerks are ranked even in a month without a point; supervisors and
        // administrators only when they earned something.
        if (accounts->value(3).toInt() != 0
            && accounts->value(2).toString().split(u',').contains(u"intake"_s))
            roster.append(login);
    }
    if (!row)
        return failWith(row.error());
    supervision::PointsLedger ledger(rules, month, names, roster);
    Result<void> walked = forEachCase(
        hall, [&](const cases::Case &c, const QList<CaseEvent> &events) { ledger.addCase(c, events); });
    if (!walked)
        return failWith(walked.error());
    const ActivityRepository activities(m_db, m_clock);
    Result<QList<cases::ClerkActivity>> done = activities.activities(
        hall, {}, ledger.firstDay().addMonths(1 - rules.qualifiedMonths), ledger.lastDay());
    if (!done)
        return failWith(done.error());
    for (const cases::ClerkActivity &a : std::as_const(*done))
        ledger.addActivity(a);
    Result<QList<supervision::PointCorrection>> corrections = activities.corrections(hall, ledger.firstDay());
    if (!corrections)
        return failWith(corrections.error());
    for (const supervision::PointCorrection &c : std::as_const(*corrections))
        ledger.addCorrection(c);
    if (Result<void> added = addCatalogueItems(ledger); !added)
        return failWith(added.error());
    return ledger.ranking();
}

Result<void> SupervisionRepository::addCatalogueItems(supervision::PointsLedger &ledger) const
{
    // Read from the publication itself (its row names the submission, and the submission its
    // editor and review items), so no item can be earned without a publication, nor missed. A
    // rollback republishes an older version and earns nothing; each submission counts once.
    Result<storage::Rows> rows = m_db.run(
        u"SELECT p.submission, p.published, s.editor, i.item, i.title, i.matter FROM catalogue_publications p"
        " JOIN catalogue_submissions s ON s.id = p.submission"
        " JOIN catalogue_review_items i ON i.submission = p.submission"
        " WHERE p.submission <> 0 AND p.rollback = 0 ORDER BY p.id, i.position, i.item"_s);
    if (!rows)
        return failWith(rows.error());
    QHash<qint64, QString> publishedAt; // the first publication of each submission
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row) {
        const qint64 submission = rows->value(0).toLongLong();
        const QString published = publishedAt.value(submission, rows->value(1).toString());
        if (published != rows->value(1).toString())
            continue;
        publishedAt.insert(submission, published);
        supervision::CatalogueItemPublished item;
        item.submission = submission;
        item.published = CaseJson::timeFrom(published);
        item.editor = rows->value(2).toString().trimmed();
        item.item = rows->value(3).toString();
        item.title = rows->value(4).toString();
        item.matter = rows->value(5).toString();
        ledger.addCatalogueItem(item);
    }
    if (!row)
        return failWith(row.error());
    return {};
}

Result<supervision::DayFigures> SupervisionRepository::dayFigures(const QString &hall, QDate day) const
{
    supervision::DayFigures figures(day);
    Result<void> walked = forEachCase(
        hall, [&](const cases::Case &c, const QList<CaseEvent> &events) { figures.add(c, events); });
    if (!walked)
        return failWith(walked.error());
    return figures;
}

} // namespace ow::server
