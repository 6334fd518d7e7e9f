#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace ow::accounts {

/// What a workstation user is allowed to do; the role decides which screens open after login.
enum class Role
{
    IntakeClerk, ///< 受理 counter: searches matters, registers applicants, accepts cases
    PickupClerk, ///< 出件 counter: hands results back
    Supervisor, ///< 窗口负责人: reviews, overrides, reports
    Admin, ///< hall administrator: manages accounts and settings; may also work the intake counter
    CatalogueEditor, ///< edits and submits the catalogue; no counter screens of its own
    DepartmentReceiver ///< a department's clerk who receives the counter's paper (材料交接)
};

/// Every role, in the order screens and lists show them.
QList<Role> allRoles();
/// The stored keys of roles joined by commas ("intake,supervisor"), in allRoles() order.
QString roleKeys(const QList<Role> &roles);
/// The roles of a comma-separated key list; nullopt when any key is unknown.
std::optional<QList<Role>> rolesFromKeys(const QString &keys);
/// The role that decides a clerk's screens when several are held: administrator first, then
/// supervisor, intake, pickup, department receiver, catalogue editor.
Role primaryRole(const QList<Role> &roles);

/// The stored key of a role ("intake", "pickup", "supervisor", "admin", "catalogue", "department").
QString roleKey(Role role);
/// The role of a stored key; nullopt for an unknown key.
std::optional<Role> roleFromKey(const QString &key);
/// The role's name for the clerk, translated.
QString roleLabel(Role role);
/// Whether the role works the intake screens (search, interview, registration, decision).
bool roleMayTakeIn(Role role);

} // namespace ow::accounts
