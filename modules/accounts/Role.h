#pragma once

#include <QString>
#include <optional>

namespace ow::accounts {

/// What a workstation user is allowed to do; the role decides which screens open after login.
enum class Role
{
    IntakeClerk,  ///< 受理 counter: searches matters, registers applicants, accepts cases
    PickupClerk,  ///< 出件 counter: hands results back
    Supervisor,   ///< 窗口负责人: reviews, overrides, reports
    Admin         ///< manages accounts and settings; may also work the intake counter
};

/// The stored key of a role ("intake", "pickup", "supervisor", "admin").
QString roleKey(Role role);
/// The role of a stored key; nullopt for an unknown key.
std::optional<Role> roleFromKey(const QString &key);
/// The role's name for the clerk, translated.
QString roleLabel(Role role);
/// Whether the role works the intake screens (search, interview, registration, decision).
bool roleMayTakeIn(Role role);

} // namespace ow::accounts
