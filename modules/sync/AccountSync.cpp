#include "sync/AccountSync.h"

#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace ow::sync {

using namespace Qt::StringLiterals;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

Result<AccountSync::Report> AccountSync::run()
{
    Report report;
    Result<void> done = sendPasswords(report);
    if (done)
        done = pull(report);
    if (!done)
        return failWith(done.error());
    return report;
}

Result<void> AccountSync::sendPasswords(Report &report)
{
    Result<QList<accounts::AccountStore::PendingPassword>> pending = m_accounts.pendingPasswordChanges();
    if (!pending)
        return failWith(pending.error());
    for (const accounts::AccountStore::PendingPassword &change : *pending) {
        Result<QJsonObject> taken = m_client.call("POST", protocol::kAccounts, {},
            compact({{u"action"_s, u"change-password"_s}, {u"staffNumber"_s, change.login},
                {u"previousHash"_s, change.previousHash}, {u"passwordHash"_s, change.passwordHash}}));
        if (taken) {
            Result<void> done = m_accounts.confirmPasswordSent(change.login, change.passwordHash);
            if (!done)
                return done;
            ++report.passwordsSent;
            continue;
        }
        const HttpFailure &failure = m_client.lastFailure();
        // A hall administrator's change needs the old password, which is not kept: it waits here
        // (the administrator changes it again while the server is reachable, or on the server).
        if (failure.status == 403) {
            ++report.passwordsWaiting;
            continue;
        }
        // Reset or disabled on the server since, or the account is gone there: the server's word
        // stands, and the pull below brings it.
        if (failure.status == 409 || failure.status == 404 || failure.status == 422) {
            Result<void> done = m_accounts.dropPasswordChange(change.login);
            if (!done)
                return done;
            ++report.passwordsRefused;
            continue;
        }
        return failWith(taken.error());
    }
    return {};
}

Result<void> AccountSync::pull(Report &report)
{
    Result<QJsonObject> reply = m_client.call("GET", protocol::kAccounts);
    if (!reply)
        return failWith(reply.error());
    Result<int> changed = m_accounts.applyHallAccounts(reply->value(u"accounts"_s).toArray());
    if (!changed)
        return failWith(changed.error());
    report.accountsChanged += *changed;
    return {};
}

Result<QJsonObject> AccountSync::sendChange(
    SyncClient &client, const QString &adminLogin, const QString &adminPassword, QJsonObject change)
{
    change.insert(u"admin"_s, QJsonObject {{u"staffNumber"_s, adminLogin}, {u"password"_s, adminPassword}});
    Result<QJsonObject> reply = client.call("POST", protocol::kAccounts, {}, compact(change));
    if (reply)
        return reply;
    if (client.lastFailure().status == 0)
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::sync",
                "The hall's server %1 cannot be reached (%2). Nothing was changed: the hall's accounts "
                "are changed only on the server. Try again when it is back, or change the account on "
                "the server with onewindow-cli account.")
                .arg(client.server().toString(), client.lastFailure().message));
    return reply;
}

} // namespace ow::sync
