#pragma once

#include "accounts/Role.h"
#include "cases/CaseStore.h"
#include "core/Clock.h"
#include "core/WorkingCalendar.h"

#include <QDate>
#include <QString>

namespace ow::ui {

/// What the case screens share: the store, the holiday calendar the deadlines are counted with,
/// who is logged in (role and clerk id, for events and audit rows) and the clock that says "today".
struct CaseScreenContext
{
    cases::CaseStore *store = nullptr;
    WorkingCalendar calendar;
    accounts::Role role = accounts::Role::Supervisor;
    QString clerk;
    Clock clock;

    /// Today at the hall, for deadlines.
    QDate today() const { return clock.today(); }
};

} // namespace ow::ui
