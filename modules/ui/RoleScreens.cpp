#include "ui/RoleScreens.h"

namespace ow::ui {

using accounts::Role;

QList<RoleScreens::Screen> RoleScreens::screensFor(Role role)
{
    switch (role) {
    case Role::IntakeClerk:
        // Their own cases and drafts after the counter: reprints, supplements, drafts resumed.
        return {Screen::Intake, Screen::CaseList, Screen::CaseDetail, Screen::Transfer};
    case Role::PickupClerk:
        return {Screen::Pickup, Screen::CaseList, Screen::CaseDetail, Screen::Transfer};
    case Role::Supervisor:
        // The lists not confirmed by the end of the day are theirs to chase.
        return {Screen::CaseList, Screen::CaseDetail, Screen::Transfer, Screen::SupervisorDesk};
    case Role::Admin:
        return {Screen::Intake, Screen::Pickup, Screen::CaseList, Screen::CaseDetail, Screen::Transfer};
    case Role::DepartmentReceiver:
        // At the counter only to take the paper over.
        return {Screen::Transfer};
    case Role::CatalogueEditor:
        // Catalogue editors work in onewindow-editor; at a counter they only read cases.
        return {Screen::CaseList, Screen::CaseDetail};
    }
    return {};
}

bool RoleScreens::mayOpen(Role role, Screen screen)
{
    return screensFor(role).contains(screen);
}

bool RoleScreens::mayRecordEvents(Role role)
{
    return role != Role::Supervisor && role != Role::CatalogueEditor;
}

bool RoleScreens::mayHandOver(Role role)
{
    return role == Role::IntakeClerk || role == Role::PickupClerk || role == Role::Admin;
}

bool RoleScreens::mayReceive(Role role)
{
    return role == Role::DepartmentReceiver || role == Role::Admin;
}

bool RoleScreens::seesPersonalData(Role role)
{
    return role == Role::IntakeClerk || role == Role::PickupClerk;
}

bool RoleScreens::mayReadAuditLog(Role role)
{
    return role == Role::Supervisor || role == Role::Admin;
}

bool RoleScreens::mayPreReview(Role role)
{
    // The integrated counter's clerks do the hall's pre-review between applicants, as they know the
    // checklists; supervisors stand in and oversee.
    return role == Role::IntakeClerk || role == Role::Supervisor || role == Role::Admin;
}

} // namespace ow::ui
