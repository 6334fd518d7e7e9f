#pragma once

#include "server/ApiMessage.h"
#include "server/CredentialStore.h"
#include "server/HallAccountRepository.h"
#include "server/RateLimiter.h"

namespace ow::server {

/// POST /api/v1/supervision/session (docs/supervision.md): a supervisor signs in at an enrolled
/// workstation with their hall account — the counter's token says which hall, the body's staff
/// number and password who — and gets a short-lived bearer that the supervision endpoints take like
/// the hall's supervisor key. The account must be enabled and hold the supervisor role; a wrong
/// password and a non-supervisor get the same 403, and failures are rate-limited per account and
/// per workstation, so a stolen counter token cannot guess passwords quickly.
class SupervisorSignIn
{
public:
    static constexpr int kFailuresPerMinute = 5;

    SupervisorSignIn(const storage::Database &db, Clock clock, int sessionHours);

    ApiReply signIn(const ApiRequest &request, const Credential &workstation);

private:
    CredentialStore m_credentials;
    HallAccountRepository m_accounts;
    Clock m_clock;
    int m_sessionHours;
    RateLimiter m_failures;
};

} // namespace ow::server
