#pragma once

#include "server/ApiMessage.h"
#include "server/CredentialStore.h"
#include "server/HallAccountRepository.h"

namespace ow::server {

/// GET and POST /api/v1/accounts (docs/sync-protocol.md, “Accounts”): a workstation pulls its hall's
/// accounts, and a hall administrator signed in at a workstation changes them. The counter's token
/// says which hall; the administrator's staff number and password in the body say who acts, and
/// the change is refused unless that account of the same hall is enabled, holds the hall
/// administrator role and the password matches its hash. A clerk's own new password comes from the
/// counter's sync with the hash it replaces (see changeOwnPassword).
class AccountApi
{
public:
    AccountApi(const storage::Database &db, Clock clock);

    ApiReply list(const Credential &workstation) const;
    ApiReply change(const ApiRequest &request, const Credential &workstation);

private:
    /// `"action": "change-password"`: a clerk's own new password, sent by the sync of the counter
    /// where it was changed (docs/sync-protocol.md).
    ApiReply changeOwnPassword(const QJsonObject &body, const Credential &workstation);

    HallAccountRepository m_accounts;
};

} // namespace ow::server
