#pragma once

#include "accounts/Role.h"
#include "cases/CaseStore.h"
#include "catalogue/Catalogue.h"
#include "core/Clock.h"
#include "core/WorkingCalendar.h"
#include "documents/HallSettings.h"
#include "intake/IntakeEnvironment.h"
#include "sync/SyncSettings.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <memory>
#include <optional>

namespace ow::ui {

/// What the case screens share: the store, the holiday calendar the deadlines are counted with,
/// who is logged in (role and clerk id, for events and audit rows) and the clock that says "today";
/// for the documents they issue again (补打) or for a supplement, the hall's settings, the clerk's
/// name as printed and the catalogue.
struct CaseScreenContext
{
    cases::CaseStore *store = nullptr;
    WorkingCalendar calendar;
    accounts::Role role = accounts::Role::Supervisor;
    QString clerk;
    Clock clock;
    QString clerkName; ///< as printed on documents; the login when empty
    documents::HallSettings settings;
    catalogue::CataloguePtr catalogue; ///< may be null: the checklist then shows answer ids
    bool printWithoutDialog = false;
    /// The hall's clerks by staff number (case-folded, as logins compare) → name: clerks are shown
    /// to people by name, never by their login.
    QHash<QString, QString> clerkNames;
    /// The hall's server and this workstation's token (online pre-applications, the supervisor's
    /// desk); none when standalone.
    std::optional<sync::SyncSettings> hall;

    /// A clerk as shown on screen: the name, or the staff number of a clerk no account names.
    QString nameOfClerk(const QString &login) const { return clerkNames.value(login.toCaseFolded(), login); }

    /// Today at the hall, for deadlines.
    QDate today() const { return clock.today(); }
    /// The same workstation as the intake sees it (for a supplement and reprints).
    intake::IntakeEnvironment intakeEnvironment() const
    {
        intake::IntakeEnvironment environment;
        environment.store = store;
        environment.clerkId = clerk;
        environment.clerkName = clerkName.isEmpty() ? clerk : clerkName;
        environment.settings = settings;
        environment.calendar = std::make_shared<const WorkingCalendar>(calendar);
        environment.clock = clock;
        environment.printWithoutDialog = printWithoutDialog;
        return environment;
    }
};

} // namespace ow::ui
