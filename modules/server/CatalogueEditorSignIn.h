#pragma once

#include "server/ApiMessage.h"
#include "server/CredentialStore.h"
#include "server/HallAccountRepository.h"
#include "server/RateLimiter.h"

namespace ow::server {

/// POST /api/v1/catalogues/session (docs/sync-protocol.md, Catalogues): a catalogue editor signs in
/// from onewindow-editor with their hall account — staff number and password, and the hall when the
/// staff number is used in more than one — and gets a session bearer (a CatalogueEditor credential
/// named by the staff number) that locks matters, submits and withdraws the editor's own versions.
/// The sibling of the supervisor's sign-in (SupervisorSignIn), without a workstation: catalogue
/// staff work at their own desks. Unlike it, a right password without the role is told so, naming
/// the account, since only the account's holder learns it; failures are rate-limited per account
/// and per client address.
class CatalogueEditorSignIn
{
public:
    static constexpr int kFailuresPerMinute = 5;
    /// A working day: the editor signs in once in the morning.
    static constexpr int kSessionHours = 10;

    CatalogueEditorSignIn(const storage::Database &db, Clock clock);

    ApiReply signIn(const ApiRequest &request, const QString &client);

private:
    /// The halls whose accounts include this staff number.
    Result<QStringList> hallsOf(const QString &staffNumber) const;

    const storage::Database &m_db;
    CredentialStore m_credentials;
    HallAccountRepository m_accounts;
    Clock m_clock;
    RateLimiter m_failures;
};

} // namespace ow::server
