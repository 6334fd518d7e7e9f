#pragma once

#include "accounts/Role.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace ow::accounts {

/// A workstation user as stored, without the password hash (which never leaves AccountStore).
struct Account
{
    qint64 id = 0;
    QString login; ///< the staff number (工号) the clerk types at login; unique, case-insensitive
    QString displayName; ///< the name printed as first handler on documents
    Role role = Role::IntakeClerk; ///< the role that decides the screens: primaryRole(roles)
    QList<Role> roles; ///< every role the clerk holds (several allowed); always contains `role`
    bool active = true; ///< a deactivated account cannot log in; rows are never deleted (audit)
    bool mustChangePassword = false; ///< set by a password reset: the next login asks for a new one
    int failedAttempts = 0; ///< wrong passwords since the last good login or lockout
    QDateTime lockedUntil; ///< null, or the time a lockout after wrong passwords ends
    QDateTime created;
    QDateTime lastLogin; ///< null before the first login

    bool hasRole(Role wanted) const { return roles.contains(wanted); }
};

} // namespace ow::accounts
