#pragma once

#include "accounts/AccountStore.h"
#include "core/Result.h"
#include "sync/SyncClient.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace ow::sync {

/// A clerk changing their own password at an enrolled counter (the forced change after a reset
/// too): the change goes to the hall's server at once, so every counter has it at its next round.
/// A hall administrator's change needs the server, which takes it only with the old password: with
/// the server away it is refused and nothing changes. Another clerk's change made offline is kept
/// here and sent by a later round (AccountSync), from the hash it replaces. A refusal by the server
/// changes nothing here either. The workstation's own accounts (not the hall's) change here only.
///
/// Three steps, so the blocking HTTP call can run off the thread of the account store: prepare()
/// and finish() on the store's thread, send() anywhere. run() does all three.
class OwnPasswordChange
{
public:
    enum class Outcome
    {
        Taken, ///< the server holds the new password
        Waiting, ///< the server could not be reached; a later sync round sends it
        Local ///< not an account of the hall: changed at this workstation only
    };

    /// Checks the new password (AccountStore::checkNewPassword) and reads what the server needs.
    /// `oldPassword` is the one the clerk has just logged in with.
    static Result<OwnPasswordChange> prepare(accounts::AccountStore &store, const QString &login,
        const QString &oldPassword, const QString &newPassword);
    /// Whether send() has anything to send (false for the workstation's own accounts).
    bool needsServer() const { return m_hall; }
    /// POST /accounts "change-password"; blocking, touches no store.
    void send(SyncClient &client);
    /// Writes the outcome of send() to the store, or says why nothing changed.
    Result<Outcome> finish(accounts::AccountStore &store);

    static Result<Outcome> run(accounts::AccountStore &store, SyncClient &client, const QString &login,
        const QString &oldPassword, const QString &newPassword);

private:
    OwnPasswordChange() = default;

    QString m_login;
    QString m_oldPassword;
    QString m_newPassword;
    QString m_previousHash;
    QString m_newHash;
    bool m_hall = false;
    bool m_administrator = false;
    bool m_sent = false;
    bool m_taken = false;
    HttpFailure m_failure;
    QString m_server;
};

} // namespace ow::sync
