#include "sync/AccountSync.h"

#include "cases/CaseStore.h"
#include "sync/SyncProtocol.h"
#include "sync/SyncSettings.h"

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
        // Reset or disabled on the server since, the account gone there, or a hall administrator's
        // change (the server takes that only with the old password, which is never kept, so asking
        // again would be refused forever): the server's word stands, the pull below brings it back
        // here, and the refusal is audited and shown.
        if (failure.status == 403 || failure.status == 409 || failure.status == 404
            || failure.status == 422) {
            Result<void> done = m_accounts.dropPasswordChange(change.login);
            if (!done)
                return done;
            ++report.passwordsRefused;
            report.refusedLogins.append(change.login);
            continue;
        }
        return failWith(taken.error());
    }
    return {};
}

Result<AccountSync::Report> AccountSync::runFor(const QString &dataDirectory, SyncClient &client)
{
    Result<std::unique_ptr<cases::CaseStore>> cases
        = cases::CaseStore::open(dataDirectory, {}, cases::CaseStore::OpenMode::MustExist);
    if (!cases)
        return failWith(cases.error());
    const QString counter = (*cases)->syncValue(QString(SyncSettings::kCounter)).value_or(QString());
    cases->reset();
    Result<std::unique_ptr<accounts::AccountStore>> store
        = accounts::AccountStore::open(cases::CaseStore::databasePath(dataDirectory), client.clock());
    if (!store)
        return failWith(store.error());
    (*store)->setCounter(counter);
    return AccountSync(**store, client).run();
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

QStringList AccountSync::warnings(const accounts::AccountStore &accounts)
{
    const QStringList refused = accounts.refusedPasswordChanges().value_or(QStringList());
    if (refused.isEmpty())
        return {};
    return {QCoreApplication::translate("ow::sync",
        "The hall's server did not take the password changed at this counter for %1 (a hall "
        "administrator's password is changed only while the server is reachable, or it was reset on "
        "the server since): the password the server holds is valid again.")
                .arg(refused.join(u", "_s))};
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
