#include "sync/OwnPasswordChange.h"

#include "accounts/PasswordHash.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace ow::sync {

using namespace Qt::StringLiterals;

Result<OwnPasswordChange> OwnPasswordChange::prepare(accounts::AccountStore &store, const QString &login,
    const QString &oldPassword, const QString &newPassword)
{
    Result<accounts::Account> account = store.account(login);
    if (!account)
        return failWith(account.error());
    Result<void> acceptable = store.checkNewPassword(account->login, newPassword);
    if (!acceptable)
        return failWith(acceptable.error());
    Result<QString> previous = store.hallHash(account->login);
    if (!previous)
        return failWith(previous.error());
    OwnPasswordChange change;
    change.m_login = account->login;
    change.m_oldPassword = oldPassword;
    change.m_newPassword = newPassword;
    change.m_previousHash = *previous;
    change.m_hall = !previous->isEmpty();
    change.m_administrator = account->hasRole(accounts::Role::Admin);
    if (change.m_hall)
        change.m_newHash = accounts::PasswordHash::create(newPassword);
    return change;
}

void OwnPasswordChange::send(SyncClient &client)
{
    if (!m_hall)
        return;
    QJsonObject body {{u"action"_s, u"change-password"_s}, {u"staffNumber"_s, m_login},
        {u"previousHash"_s, m_previousHash}, {u"passwordHash"_s, m_newHash}};
    // Only an administrator's change needs the old password; a clerk's is not sent where it is not
    // needed.
    if (m_administrator)
        body.insert(u"password"_s, m_oldPassword);
    m_server = client.server().toString();
    m_taken = bool(
        client.call("POST", protocol::kAccounts, {}, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    m_failure = client.lastFailure();
    m_sent = true;
}

Result<OwnPasswordChange::Outcome> OwnPasswordChange::finish(accounts::AccountStore &store)
{
    if (!m_hall) {
        Result<void> done = store.changePassword(m_login, m_newPassword);
        if (!done)
            return failWith(done.error());
        return Outcome::Local;
    }
    if (m_sent && m_taken) {
        Result<void> done = store.takeServerPassword(m_login, m_newHash);
        if (!done)
            return failWith(done.error());
        return Outcome::Taken;
    }
    if (!m_sent || m_failure.retryable()) {
        // Kept here only where the server takes it later without the clerk: never an administrator's.
        if (m_administrator)
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::sync",
                    "A hall administrator's password can be changed only while the hall's server is "
                    "reachable, and the server %1 cannot be reached now (%2). Nothing was changed: try "
                    "again when the server is back.")
                    .arg(m_server, m_failure.message));
        Result<void> done = store.changePassword(m_login, m_newPassword);
        if (!done)
            return failWith(done.error());
        return Outcome::Waiting;
    }
    return fail(Error::Code::Invalid,
        QCoreApplication::translate(
            "ow::sync", "The hall's server refused the new password: %1 Nothing was changed.")
            .arg(m_failure.message));
}

Result<OwnPasswordChange::Outcome> OwnPasswordChange::run(accounts::AccountStore &store, SyncClient &client,
    const QString &login, const QString &oldPassword, const QString &newPassword)
{
    Result<OwnPasswordChange> change = prepare(store, login, oldPassword, newPassword);
    if (!change)
        return failWith(change.error());
    change->send(client);
    return change->finish(store);
}

} // namespace ow::sync
