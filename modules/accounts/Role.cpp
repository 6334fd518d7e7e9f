#include "accounts/Role.h"

#include <QCoreApplication>
#include <QStringList>

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
    case Role::CatalogueEditor:
        return QStringLiteral("catalogue");
    case Role::DepartmentReceiver:
        return QStringLiteral("department");
    }
    return QString();
}

QList<Role> allRoles()
{
    return {Role::IntakeClerk, Role::PickupClerk, Role::Supervisor, Role::Admin, Role::CatalogueEditor,
        Role::DepartmentReceiver};
}

QString roleKeys(const QList<Role> &roles)
{
    QStringList keys;
    for (Role role : allRoles())
        if (roles.contains(role))
            keys.append(roleKey(role));
    return keys.join(QLatin1Char(','));
}

std::optional<QList<Role>> rolesFromKeys(const QString &keys)
{
    QList<Role> roles;
    for (const QString &key : keys.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const std::optional<Role> role = roleFromKey(key.trimmed());
        if (!role)
            return std::nullopt;
        if (!roles.contains(*role))
            roles.append(*role);
    }
    return roles;
}

Role primaryRole(const QList<Role> &roles)
{
    for (Role role : {Role::Admin, Role::Supervisor, Role::IntakeClerk, Role::PickupClerk,
             Role::DepartmentReceiver, Role::CatalogueEditor})
        if (roles.contains(role))
            return role;
    return Role::IntakeClerk;
}

std::optional<Role> roleFromKey(const QString &key)
{
    for (Role role : allRoles())
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
    case Role::CatalogueEditor:
        return QCoreApplication::translate("ow::accounts", "Catalogue editor");
    case Role::DepartmentReceiver:
        return QCoreApplication::translate("ow::accounts", "Department receiver");
    }
    return QString();
}

bool roleMayTakeIn(Role role)
{
    // Pickup clerks and supervisors get their own screens later; until then only these take cases in.
    return role == Role::IntakeClerk || role == Role::Admin;
}

} // namespace ow::accounts
