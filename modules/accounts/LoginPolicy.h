#pragma once

namespace ow::accounts {

/// How many wrong passwords lock an account, and for how long. The hall may change both (machine
/// configuration); the defaults follow the rule: five wrong passwords lock for five minutes.
struct LoginPolicy
{
    int maxFailedAttempts = 5;
    int lockoutMinutes = 5;
};

} // namespace ow::accounts
