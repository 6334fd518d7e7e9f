#include "cases/TransferDesk.h"

#include "cases/CaseJson.h"
#include "cases/CaseLifecycle.h"
#include "cases/CaseNumber.h"
#include "cases/PickupDesk.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace ow::cases {

namespace {

QString str(const char *text)
{
    return QString::fromLatin1(text);
}

QString listOf(const QJsonObject &payload)
{
    return payload.value(str("list")).toString();
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        if (item.isString())
            list.append(item.toString());
    return list;
}

// One transfer event as read back from the store.
struct Row
{
    QString caseNumber;
    EventKind kind = EventKind::Note;
    QDateTime time;
    QString clerk;
    QString counter;
    QJsonObject payload;
};

Result<QList<Row>> readRows(const storage::Database &db, const QString &sql, const QVariantList &values)
{
    Result<storage::Rows> rows = db.run(sql, values);
    if (!rows)
        return failWith(rows.error());
    QList<Row> list;
    for (;;) {
        Result<bool> more = rows->fetch();
        if (!more)
            return failWith(more.error());
        if (!*more)
            break;
        Row row;
        row.caseNumber = rows->value(0).toString();
        row.kind = eventKindFromKeyword(rows->value(1).toString()).value_or(EventKind::Note);
        row.time = CaseJson::timeFrom(rows->value(2).toString());
        row.clerk = rows->value(3).toString();
        row.counter = rows->value(4).toString();
        row.payload = QJsonDocument::fromJson(rows->value(5).toString().toUtf8()).object();
        list.append(row);
    }
    return list;
}

const QString kSelect
    = QStringLiteral("SELECT c.number, e.kind, e.time, e.clerk, e.counter, e.payload FROM case_events e"
                     " JOIN cases c ON c.id = e.case_id WHERE e.kind IN ('transfer-listed', "
                     "'transfer-flagged', 'transferred')");

// Folds the rows of one list into it, in recording order.
TransferList fold(const QString &id, const QList<Row> &rows)
{
    TransferList list;
    list.id = id;
    QString confirmationId;
    for (const Row &row : rows) {
        if (listOf(row.payload) != id)
            continue;
        if (row.kind == EventKind::TransferListed) {
            if (list.items.isEmpty() && !list.made.isValid()) {
                list.hall = id.left(CaseNumber::kHallLength);
                list.counter = row.counter;
                list.clerk = row.clerk;
                list.departmentId = row.payload.value(str("department")).toString();
                list.departmentName = row.payload.value(str("departmentName")).toString();
                list.day = QDate::fromString(row.payload.value(str("day")).toString(), Qt::ISODate);
                list.slot
                    = QTime::fromString(row.payload.value(str("slot")).toString(), QStringLiteral("HH:mm"));
            }
            list.made = row.time;
            TransferItem item;
            item.caseNumber = row.caseNumber;
            item.matterName = row.payload.value(str("matterName")).toString();
            item.applicantMasked = row.payload.value(str("applicant")).toString();
            const QJsonArray materials = row.payload.value(str("materials")).toArray();
            for (const QJsonValue &m : materials)
                item.materials.append(TransferMaterial::fromJson(m.toObject()));
            if (!list.findItem(item.caseNumber))
                list.items.append(item);
            continue;
        }
        // The first confirmation found is the list's; a second one made offline elsewhere is moot.
        const QString confirmation = row.payload.value(str("confirmation")).toString();
        if (list.confirmation && confirmationId != confirmation)
            continue;
        if (!list.confirmation) {
            confirmationId = confirmation;
            TransferConfirmation confirmation;
            confirmation.time = row.time;
            confirmation.receiver = row.clerk;
            confirmation.missing = strings(row.payload.value(str("missing")));
            confirmation.extra = strings(row.payload.value(str("extra")));
            list.confirmation = confirmation;
        }
        if (row.kind == EventKind::Transferred)
            list.confirmation->received.append(row.caseNumber);
    }
    return list;
}

} // namespace

TransferDesk::TransferDesk(CaseStore &store, QString clerk, Clock clock, TransferSlots slots)
    : m_store(store)
    , m_clerk(std::move(clerk))
    , m_clock(std::move(clock))
    , m_slots(std::move(slots))
{
}

Result<QString> TransferDesk::openListOf(const QString &caseNumber) const
{
    Result<QList<CaseEvent>> events = m_store.events(caseNumber);
    if (!events)
        return failWith(events.error());
    QString open;
    for (const CaseEvent &event : std::as_const(*events)) {
        if (event.kind == EventKind::TransferListed)
            open = listOf(event.payload);
        else if (event.kind == EventKind::Transferred
            || (event.kind == EventKind::TransferFlagged
                && event.payload.value(str("problem")).toString() == str("missing")))
            open.clear(); // handed over, or missing at the handover: it goes on the next list
    }
    return open;
}

Result<QList<Case>> TransferDesk::waitingCases(const QString &departmentId) const
{
    QString sql = QStringLiteral("SELECT number FROM cases WHERE state IN (?, ?, ?) AND counter = ?");
    QVariantList values {keyword(CaseState::Accepted), keyword(CaseState::AcceptedWithWaiver),
        keyword(CaseState::Supplemented), m_store.workstation().counter};
    if (!departmentId.isEmpty()) {
        sql += QStringLiteral(" AND department_id = ?");
        values.append(departmentId);
    }
    sql += QStringLiteral(" ORDER BY created, id");
    Result<storage::Rows> rows = m_store.database().run(sql, values);
    if (!rows)
        return failWith(rows.error());
    QStringList numbers;
    for (;;) {
        Result<bool> more = rows->fetch();
        if (!more)
            return failWith(more.error());
        if (!*more)
            break;
        numbers.append(rows->value(0).toString());
    }
    QList<Case> cases;
    for (const QString &number : std::as_const(numbers)) {
        Result<QString> open = openListOf(number);
        if (!open)
            return failWith(open.error());
        if (!open->isEmpty())
            continue;
        Result<Case> c = m_store.findByNumber(number);
        if (!c)
            return failWith(c.error());
        if (TransferMaterial::ofCase(*c).isEmpty())
            continue; // nothing on paper (all data-shared or electronic): nothing to hand over
        cases.append(*c);
    }
    return cases;
}

Result<QList<TransferDesk::Waiting>> TransferDesk::waiting() const
{
    Result<QList<Case>> cases = waitingCases({});
    if (!cases)
        return failWith(cases.error());
    QList<Waiting> list;
    for (const Case &c : std::as_const(*cases)) {
        auto it = std::find_if(
            list.begin(), list.end(), [&](const Waiting &w) { return w.departmentId == c.departmentId; });
        if (it == list.end()) {
            list.append(Waiting {c.departmentId, c.departmentName, 0});
            it = std::prev(list.end());
        }
        ++it->folders;
    }
    return list;
}

TransferList TransferDesk::skeleton(const QString &departmentId, const QString &departmentName) const
{
    const QDateTime now = m_clock.nowLocal();
    TransferList list;
    list.hall = m_store.workstation().hall;
    list.counter = m_store.workstation().counter;
    list.departmentId = departmentId;
    list.departmentName = departmentName;
    list.day = now.date();
    list.slot = m_slots.slotAt(departmentId, now.time());
    list.clerk = m_clerk;
    list.made = m_clock.nowUtc();
    list.id = TransferList::makeId(
        list.hall, list.day, m_store.workstation().counterNumber, list.slot, departmentId);
    return list;
}

Result<TransferList> TransferDesk::prepare(const QString &departmentId) const
{
    Result<QList<Case>> cases = waitingCases(departmentId);
    if (!cases)
        return failWith(cases.error());
    TransferList list
        = skeleton(departmentId, cases->isEmpty() ? QString() : cases->constFirst().departmentName);
    // A slot already handed over takes nothing more: late paper gets a handover of its own, now.
    Result<TransferList> earlier = find(list.id);
    if (earlier && earlier->isConfirmed()) {
        const QTime now = m_clock.nowLocal().time();
        list.slot = QTime(now.hour(), now.minute());
        list.id = TransferList::makeId(
            list.hall, list.day, m_store.workstation().counterNumber, list.slot, departmentId);
    } else if (earlier) {
        list.items = earlier->items;
    } else if (earlier.error().code() != Error::Code::NotFound) {
        return failWith(earlier.error());
    }
    for (const Case &c : std::as_const(*cases))
        list.items.append(
            TransferItem {c.number, c.matterName, c.applicant.maskedSummary(), TransferMaterial::ofCase(c)});
    return list;
}

Result<TransferList> TransferDesk::make(const QString &departmentId)
{
    Result<QList<Case>> cases = waitingCases(departmentId);
    if (!cases)
        return failWith(cases.error());
    if (cases->isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "No paper is waiting for department %1.")
                .arg(departmentId));
    Result<TransferList> planned = prepare(departmentId);
    if (!planned)
        return planned;
    QList<CaseEvent> events;
    for (const Case &c : std::as_const(*cases)) {
        QJsonArray materials;
        for (const TransferMaterial &m : TransferMaterial::ofCase(c))
            materials.append(m.toJson());
        CaseEvent event;
        event.caseNumber = c.number;
        event.kind = EventKind::TransferListed;
        event.clerk = m_clerk;
        event.payload = QJsonObject {{str("list"), planned->id}, {str("department"), c.departmentId},
            {str("departmentName"), c.departmentName}, {str("day"), planned->day.toString(Qt::ISODate)},
            {str("slot"), planned->slot.toString(QStringLiteral("HH:mm"))}, {str("matterName"), c.matterName},
            {str("applicant"), c.applicant.maskedSummary()}, {str("materials"), materials}};
        events.append(event);
    }
    Result<QList<CaseEvent>> recorded = m_store.appendEvents(events);
    if (!recorded)
        return failWith(recorded.error());
    return find(planned->id);
}

Result<TransferList> TransferDesk::find(const QString &idOrScan) const
{
    const std::optional<QString> id = TransferList::idFromScan(idOrScan);
    if (!id)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "“%1” is not the code of a transfer list.")
                .arg(idOrScan.trimmed().left(80)));
    // The id holds the list's day: its events are no older than the day before (time zones).
    const QDate day = QDate::fromString(id->mid(CaseNumber::kHallLength + 1, 8), QStringLiteral("yyyyMMdd"));
    const QDateTime since = QDateTime(day.addDays(-1), QTime(0, 0), Qt::UTC);
    QString pattern = *id;
    pattern.replace(u'%', u'_');
    Result<QList<Row>> rows = readRows(m_store.database(),
        QString(kSelect + QStringLiteral(" AND e.time >= ? AND e.payload LIKE ? ORDER BY e.seq")),
        {CaseJson::timeText(since), QString(u"%\"list\":\"" + pattern + u"\"%")});
    if (!rows)
        return failWith(rows.error());
    TransferList list = fold(*id, *rows);
    if (list.items.isEmpty())
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::cases", "No transfer list %1 is known here.").arg(*id));
    return list;
}

Result<QList<TransferList>> TransferDesk::listsBetween(const QDateTime &fromUtc, const QDateTime &toUtc) const
{
    Result<QList<Row>> rows = readRows(m_store.database(),
        QString(kSelect
            + QStringLiteral(
                " AND e.kind = 'transfer-listed' AND e.time >= ? AND e.time < ? ORDER BY e.seq")),
        {CaseJson::timeText(fromUtc), CaseJson::timeText(toUtc)});
    if (!rows)
        return failWith(rows.error());
    QStringList ids;
    for (const Row &row : std::as_const(*rows))
        if (const QString id = listOf(row.payload); !id.isEmpty() && !ids.contains(id))
            ids.append(id);
    QList<TransferList> lists;
    for (const QString &id : std::as_const(ids)) {
        Result<TransferList> list = find(id);
        if (!list)
            return failWith(list.error());
        lists.append(*list);
    }
    return lists;
}

Result<QList<TransferList>> TransferDesk::listsOn(const QDate &day) const
{
    Result<QList<TransferList>> lists = listsBetween(
        QDateTime(day.addDays(-1), QTime(0, 0), Qt::UTC), QDateTime(day.addDays(2), QTime(0, 0), Qt::UTC));
    if (!lists)
        return lists;
    QList<TransferList> onDay;
    for (const TransferList &list : std::as_const(*lists))
        if (list.day == day)
            onDay.append(list);
    return onDay;
}

Result<QList<TransferList>> TransferDesk::overdue(int days) const
{
    const QDateTime now = m_clock.nowUtc();
    Result<QList<TransferList>> lists = listsBetween(now.addDays(-std::max(1, days) - 1), now.addDays(1));
    if (!lists)
        return lists;
    QList<TransferList> late;
    for (const TransferList &list : std::as_const(*lists))
        if (!list.isConfirmed() && m_slots.isOverdue(list.day, m_clock.nowLocal()))
            late.append(list);
    return late;
}

QString TransferDesk::folderOf(const QString &scan) const
{
    const QString trimmed = scan.trimmed();
    if (const std::optional<QString> token = PickupDesk::tokenFromLink(trimmed)) {
        if (Result<Case> c = m_store.findByToken(*token))
            return c->number;
        return trimmed;
    }
    if (Result<CaseNumber> number = CaseNumber::parse(trimmed))
        return number->toString();
    return trimmed;
}

Result<TransferConfirmation> TransferDesk::confirm(const QString &idOrScan, const QStringList &scans)
{
    Result<TransferList> list = find(idOrScan);
    if (!list)
        return failWith(list.error());
    if (list->confirmation)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "Transfer list %1 was confirmed already, on %2 by %3.")
                .arg(list->id,
                    list->confirmation->time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                    list->confirmation->receiver));
    TransferCheck check(*list);
    for (const QString &scan : scans)
        if (!scan.trimmed().isEmpty())
            check.scan(folderOf(scan));

    const QJsonArray missing = QJsonArray::fromStringList(check.missing());
    const QJsonArray extra = QJsonArray::fromStringList(check.extra());
    // One id for the events of this confirmation: a second one made offline elsewhere is told apart.
    const QString confirmation = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QList<CaseEvent> events;
    const auto add = [&](const QString &number, EventKind kind, const QString &problem) -> Result<void> {
        Result<Case> c = m_store.findByNumber(number);
        if (!c) {
            if (c.error().code() == Error::Code::NotFound)
                return {}; // an extra label of a case this store does not hold: named in the payload
            return failWith(c.error());
        }
        // A case that moved on meanwhile (the department already reviews it) keeps its state.
        if (!CaseLifecycle::apply(c->state, kind))
            return {};
        CaseEvent event;
        event.caseNumber = number;
        event.kind = kind;
        event.clerk = m_clerk;
        event.payload = QJsonObject {{str("list"), list->id}, {str("confirmation"), confirmation},
            {str("missing"), missing}, {str("extra"), extra}};
        if (!problem.isEmpty())
            event.payload.insert(str("problem"), problem);
        events.append(event);
        return {};
    };
    for (const QString &number : check.received())
        if (Result<void> done = add(number, EventKind::Transferred, {}); !done)
            return failWith(done.error());
    for (const QString &number : check.missing())
        if (Result<void> done = add(number, EventKind::TransferFlagged, str("missing")); !done)
            return failWith(done.error());
    for (const QString &number : check.extra())
        if (Result<void> done = add(number, EventKind::TransferFlagged, str("extra")); !done)
            return failWith(done.error());
    if (events.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::cases", "None of the cases of transfer list %1 can be handed over any more.")
                .arg(list->id));
    Result<QList<CaseEvent>> recorded = m_store.appendEvents(events);
    if (!recorded)
        return failWith(recorded.error());
    Result<TransferList> confirmed = find(list->id);
    if (!confirmed)
        return failWith(confirmed.error());
    return *confirmed->confirmation;
}

} // namespace ow::cases
