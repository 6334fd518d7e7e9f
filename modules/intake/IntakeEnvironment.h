#pragma once

#include "cases/CaseStore.h"
#include "core/Clock.h"
#include "core/WorkingCalendar.h"
#include "documents/HallSettings.h"

#include <QString>
#include <memory>

namespace ow::intake {

/// What the intake needs from the running workstation: the case store, the logged-in clerk, the
/// hall's document settings and the holiday calendar. Without a store the intake ends at the
/// printable checklist (nothing can be numbered or decided).
struct IntakeEnvironment
{
    cases::CaseStore *store = nullptr; ///< not owned; null: checklist only
    QString clerkId; ///< the login, recorded on events and audit rows
    QString clerkName; ///< as printed on documents
    documents::HallSettings settings;
    std::shared_ptr<const WorkingCalendar> calendar; ///< null: deadlines cannot be computed
    Clock clock;
    /// Print on the default printer without asking which (a hall setting for busy counters).
    bool printWithoutDialog = false;

    bool canStoreCases() const { return store != nullptr && !clerkId.isEmpty(); }
};

} // namespace ow::intake
