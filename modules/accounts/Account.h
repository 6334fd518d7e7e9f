#pragma once

#include "accounts/Role.h"

#include <QDateTime>
#include <QString>

namespace ow::accounts {

/// A workstation user as stored, without the password hash (which never leaves AccountStore).
struct Account
{
    qint64 id = 0;
    QString login;        ///< what the clerk types at login; unique, compared case-insensitively
    QString displayName;  ///< the name printed as first handler on documents
    Role role = Role::IntakeClerk;
    bool active = true;   ///< a deactivated account cannot log in; rows are never deleted (audit)
    QDateTime created;
    QDateTime lastLogin;  ///< null before the first login
};

} // namespace ow::accounts
