#include "cases/SupplementWatch.h"

#include "cases/CaseLifecycle.h"
#include "storage/Rows.h"

#include <algorithm>

namespace ow::cases {

bool SupplementWatch::isOpen(CaseState state)
{
    return CaseLifecycle::rank(state) >= CaseLifecycle::rank(CaseState::Accepted)
        && CaseLifecycle::rank(state) < CaseLifecycle::rank(CaseState::Approved)
        && !CaseLifecycle::isClosed(state);
}

Result<QList<PendingSupplement>> SupplementWatch::pending(const CaseStore &store, const QString &firstHandler)
{
    // The few candidates first, without reading every case: a waived check is in the checks'
    // text, an open request is the state. Supplements::awaited then decides on the whole case.
    QString sql = QStringLiteral("SELECT number FROM cases WHERE (state = ? OR material_checks LIKE ?)");
    QVariantList values {keyword(CaseState::SupplementRequested),
        QStringLiteral("%\"status\":\"%1\"%").arg(keyword(MaterialCheck::Status::Waived))};
    if (!firstHandler.isEmpty()) {
        sql += QStringLiteral(" AND first_handler = ?");
        values.append(firstHandler);
    }
    Result<storage::Rows> rows = store.database().run(sql, values);
    if (!rows)
        return failWith(rows.error());
    QStringList numbers;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row)
        numbers.append(rows->value(0).toString());
    if (!row)
        return failWith(row.error());

    QList<PendingSupplement> result;
    for (const QString &number : std::as_const(numbers)) {
        Result<Case> c = store.findByNumber(number);
        if (!c)
            return failWith(c.error());
        if (!isOpen(c->state))
            continue; // not accepted, or decided: nothing handed in at the counter changes it
        Result<QList<CaseEvent>> events = store.events(number);
        if (!events)
            return failWith(events.error());
        PendingSupplement p {c->number, c->matterName, c->applicant.maskedSummary(), c->firstHandler,
            Supplements::awaited(*c, *events)};
        if (!p.awaited.isEmpty())
            result.append(p);
    }
    std::stable_sort(
        result.begin(), result.end(), [](const PendingSupplement &a, const PendingSupplement &b) {
            const QDate da = a.due();
            const QDate db = b.due();
            if (da.isValid() != db.isValid())
                return da.isValid();
            return da < db;
        });
    return result;
}

} // namespace ow::cases
