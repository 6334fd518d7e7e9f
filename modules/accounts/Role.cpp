#include "accounts/Role.h"

#include <QCoreApplication>

namespace ow::accounts {

QString roleKey(Role role)
{
    switch (role) {
    case Role::IntakeClerk:
        return QStringLiteral("intake");
    case Role::PickupClerk:
        return QStringLiteral("pickup");
    case Role::Supervisor:
        return QStringLiteral("supervisor");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return QString();
}

std::optional<Role> roleFromKey(const QString &key)
{
    for (Role role : {Role::IntakeClerk, Role::PickupClerk, Role::Supervisor, Role::Admin})
        if (roleKey(role) == key)
            return role;
    return std::nullopt;
}

QString roleLabel(Role role)
{
    switch (role) {
    case Role::IntakeClerk:
        return QCoreApplication::translate("ow::accounts", "Intake clerk");
    case Role::PickupClerk:
        return QCoreApplication::translate("ow::accounts", "Pickup clerk");
    case Role::Supervisor:
        return QCoreApplication::translate("ow::accounts", "Supervisor");
    case Role::Admin:
        return QCoreApplication::translate("ow::accounts", "Administrator");
    }
    return QString();
}

bool roleMayTakeIn(Role role)
{
    // Pickup clerks and supervisors get their own screens later; until then only these take cases in.
    return role == Role::IntakeClerk || role == Role::Admin;
}

} // namespace ow::accounts
