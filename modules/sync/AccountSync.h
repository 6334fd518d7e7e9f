#pragma once

#include "accounts/AccountStore.h"
#include "core/Result.h"
#include "sync/SyncClient.h"

#include <QJsonObject>
#include <QStringList>

namespace ow::sync {

/// The hall's accounts between a workstation and its server (docs/sync-protocol.md, “Accounts”):
/// each round sends the passwords clerks changed at this counter (hashes only) and then brings the
/// cache of the hall's accounts up to the server's list, so a clerk added on the server logs in
/// here, also offline afterwards, and a disabled one is refused. The sync worker runs it every
/// round; `onewindow-cli account pull` and the enrolment run it once.
class AccountSync
{
public:
    struct Report
    {
        int passwordsSent = 0;
        /// reset on the server since, the account disabled there, or a hall administrator's change
        /// (taken only online, with the old password: OwnPasswordChange)
        int passwordsRefused = 0;
        QStringList refusedLogins; ///< whose changes those were
        int accountsChanged = 0; ///< accounts of the cache the pull changed
    };

    AccountSync(accounts::AccountStore &accounts, SyncClient &client)
        : m_accounts(accounts)
        , m_client(client)
    {
    }

    /// Sends, then pulls. Stops at the first failure that is not about one account.
    Result<Report> run();
    /// run() on the account store of an enrolled data folder (its case database), as the enrolment
    /// does right after it, so the hall's clerks can log in before the first sync round.
    static Result<Report> runFor(const QString &dataDirectory, SyncClient &client);
    /// Sends each password changed here that the server has not taken yet.
    Result<void> sendPasswords(Report &report);
    /// GET /accounts and AccountStore::applyHallAccounts.
    Result<void> pull(Report &report);
    /// What the clerk should know about the accounts although the sync works: password changes the
    /// server refused (AccountStore::refusedPasswordChanges), whose old password is valid again.
    static QStringList warnings(const accounts::AccountStore &accounts);

    /// One change by a hall administrator signed in at this counter (POST /accounts, actions "add",
    /// "rename", "roles", "disable", "enable", "reset-password"), with the administrator's own staff
    /// number and password; the account as the server then holds it goes into the cache at once.
    /// A server that cannot be reached changes nothing, here or there.
    static Result<QJsonObject> sendChange(
        SyncClient &client, const QString &adminLogin, const QString &adminPassword, QJsonObject change);

private:
    accounts::AccountStore &m_accounts;
    SyncClient &m_client;
};

} // namespace ow::sync
