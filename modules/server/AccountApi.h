#pragma once

#include "server/ApiMessage.h"
#include "server/CredentialStore.h"
#include "server/HallAccountRepository.h"

namespace ow::server {

/// GET and POST /api/v1/accounts (docs/sync-protocol.md, “Accounts”): a workstation pulls its hall's
/// accounts, and a hall administrator signed in at a workstation changes them. The counter's token
/// says which hall; the administrator's staff number and password in the body say who acts, and
/// the change is refused unless that account of the same hall is enabled, holds the hall
/// administrator role and the password matches its hash.
class AccountApi
{
public:
    AccountApi(const storage::Database &db, Clock clock);

    ApiReply list(const Credential &workstation) const;
    ApiReply change(const ApiRequest &request, const Credential &workstation);

private:
    HallAccountRepository m_accounts;
};

} // namespace ow::server
