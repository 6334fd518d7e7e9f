#include "cli/AccountCommand.h"

#include "accounts/AccountStore.h"
#include "accounts/PasswordHash.h"
#include "cases/CaseStore.h"
#include "cli/SubcommandParser.h"
#include "server/HallAccountRepository.h"
#include "server/ServerSchema.h"
#include "sync/AccountSync.h"
#include "sync/SyncClient.h"
#include "sync/SyncSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

namespace ow::cli {

using namespace ow::accounts;
using namespace Qt::StringLiterals;

namespace {

// What the audit rows of the workstation name as the clerk for a change made with this tool.
const QString kActor = u"onewindow-cli"_s;

QCommandLineOption dataDirOption()
{
    return QCommandLineOption(u"data-dir"_s,
        QCoreApplication::translate("ow::cli", "The workstation's data folder (default: %1).")
            .arg(QDir::toNativeSeparators(cases::CaseStore::defaultDataDirectory())),
        u"DIR"_s);
}

QCommandLineOption passwordStdinOption()
{
    return QCommandLineOption(u"password-stdin"_s,
        QCoreApplication::translate("ow::cli",
            "Read the new password from the first line of standard input instead of generating one."));
}

QList<QCommandLineOption> serverOptions()
{
    return {
        QCommandLineOption(u"database"_s,
            QCoreApplication::translate("ow::cli",
                "Work on the hall-wide accounts in the server's database (sqlite:PATH or postgresql://…)."),
            u"SPEC"_s),
        QCommandLineOption(u"server-data-dir"_s,
            QCoreApplication::translate(
                "ow::cli", "Work on the hall-wide accounts of the server whose data folder this is."),
            u"DIR"_s),
        QCommandLineOption(u"hall"_s,
            QCoreApplication::translate("ow::cli", "The hall whose accounts to change (with --database)."),
            u"HALL"_s)};
}

/// Where the accounts are: a workstation's own store, or the hall's accounts on the server.
class AccountTarget
{
public:
    virtual ~AccountTarget() = default;
    virtual Result<Account> add(
        const QString &login, const QString &name, const QList<Role> &roles, const QString &password)
        = 0;
    virtual Result<QList<Account>> list() const = 0;
    virtual Result<void> setActive(const QString &login, bool active) = 0;
    virtual Result<void> resetPassword(const QString &login, const QString &password) = 0;
    virtual Result<void> setRoles(const QString &login, const QList<Role> &roles) = 0;
    virtual Result<void> rename(const QString &login, const QString &name) = 0;
    virtual Result<void> unlock(const QString &login) = 0;
};

class LocalTarget : public AccountTarget
{
public:
    explicit LocalTarget(std::unique_ptr<AccountStore> store)
        : m_store(std::move(store))
    {
    }
    Result<Account> add(
        const QString &login, const QString &name, const QList<Role> &roles, const QString &password) override
    {
        return m_store->addAccount(login, name, roles, password);
    }
    Result<QList<Account>> list() const override { return m_store->accounts(); }
    Result<void> setActive(const QString &login, bool active) override
    {
        return m_store->setActive(login, active);
    }
    Result<void> resetPassword(const QString &login, const QString &password) override
    {
        return m_store->resetPassword(login, password);
    }
    Result<void> setRoles(const QString &login, const QList<Role> &roles) override
    {
        return m_store->setRoles(login, roles);
    }
    Result<void> rename(const QString &login, const QString &name) override
    {
        return m_store->rename(login, name);
    }
    Result<void> unlock(const QString &login) override { return m_store->unlock(login); }

private:
    std::unique_ptr<AccountStore> m_store;
};

Account accountOf(const server::HallAccount &hall)
{
    Account account;
    account.login = hall.login;
    account.displayName = hall.displayName;
    account.roles = rolesFromKeys(hall.roles).value_or(QList<Role>());
    account.role = primaryRole(account.roles);
    account.active = hall.active;
    account.mustChangePassword = hall.mustChangePassword;
    return account;
}

// The server keeps hash texts only: the password is checked against the rules and hashed here.
class ServerTarget : public AccountTarget
{
public:
    ServerTarget(std::unique_ptr<storage::Database> db, const QString &hall)
        : m_db(std::move(db))
        , m_repo(*m_db, Clock::system())
        , m_hall(hall)
    {
    }
    Result<Account> add(
        const QString &login, const QString &name, const QList<Role> &roles, const QString &password) override
    {
        Result<void> acceptable = AccountStore::checkPassword(password);
        if (!acceptable)
            return failWith(acceptable.error());
        Result<server::HallAccount> added
            = m_repo.add(m_hall, kActor, login, name, roleKeys(roles), PasswordHash::create(password));
        if (!added)
            return failWith(added.error());
        return accountOf(*added);
    }
    Result<QList<Account>> list() const override
    {
        Result<QList<server::HallAccount>> accounts = m_repo.accounts(m_hall);
        if (!accounts)
            return failWith(accounts.error());
        QList<Account> list;
        for (const server::HallAccount &account : *accounts)
            list.append(accountOf(account));
        return list;
    }
    Result<void> setActive(const QString &login, bool active) override
    {
        return m_repo.setActive(m_hall, kActor, login, active);
    }
    Result<void> resetPassword(const QString &login, const QString &password) override
    {
        Result<void> acceptable = AccountStore::checkPassword(password);
        if (!acceptable)
            return acceptable;
        return m_repo.resetPassword(m_hall, kActor, login, PasswordHash::create(password));
    }
    Result<void> setRoles(const QString &login, const QList<Role> &roles) override
    {
        return m_repo.setRoles(m_hall, kActor, login, roleKeys(roles));
    }
    Result<void> rename(const QString &login, const QString &name) override
    {
        return m_repo.rename(m_hall, kActor, login, name);
    }
    Result<void> unlock(const QString &) override
    {
        return fail(Error::Code::Unsupported,
            QCoreApplication::translate("ow::cli",
                "A lockout is kept by the workstation where the wrong passwords were typed; unlock it "
                "there (--data-dir), or reset the password here."));
    }

private:
    std::unique_ptr<storage::Database> m_db;
    server::HallAccountRepository m_repo;
    QString m_hall;
};

std::unique_ptr<AccountTarget> openTarget(Console &console, const QCommandLineParser &parser)
{
    QString spec = parser.value(u"database"_s);
    if (spec.isEmpty() && parser.isSet(u"server-data-dir"_s))
        spec = u"sqlite:"_s + QDir(parser.value(u"server-data-dir"_s)).absoluteFilePath(u"server.db"_s);
    if (!spec.isEmpty()) {
        if (parser.value(u"hall"_s).isEmpty()) {
            console.err() << QCoreApplication::translate(
                "ow::cli", "The server's accounts are per hall: give --hall HALL.")
                          << '\n';
            return nullptr;
        }
        Result<std::unique_ptr<storage::Database>> db = server::ServerSchema::open(spec);
        Result<void> migrated = db ? server::ServerSchema::migrate(**db) : Result<void>(failWith(db.error()));
        if (!migrated) {
            console.err() << migrated.error().toString() << '\n';
            return nullptr;
        }
        return std::make_unique<ServerTarget>(std::move(*db), parser.value(u"hall"_s));
    }
    const QString directory = parser.isSet(u"data-dir"_s) ? parser.value(u"data-dir"_s)
                                                          : cases::CaseStore::defaultDataDirectory();
    if (!QDir().mkpath(directory)) {
        console.err()
            << QCoreApplication::translate("ow::cli", "cannot create the data folder %1").arg(directory)
            << '\n';
        return nullptr;
    }
    Result<std::unique_ptr<AccountStore>> store
        = AccountStore::open(cases::CaseStore::databasePath(directory));
    if (!store) {
        console.err() << store.error().toString() << '\n';
        return nullptr;
    }
    (*store)->setActingClerk(kActor);
    (*store)->setCounter(kActor);
    return std::make_unique<LocalTarget>(std::move(*store));
}

QString stateLabel(const Account &account)
{
    if (!account.active)
        return QCoreApplication::translate("ow::cli", "disabled");
    if (account.mustChangePassword)
        return QCoreApplication::translate("ow::cli", "must change password");
    return QCoreApplication::translate("ow::cli", "enabled");
}

QString roleLabels(const QList<Role> &roles)
{
    QStringList labels;
    for (Role role : allRoles())
        if (roles.contains(role))
            labels.append(roleLabel(role));
    return labels.join(u"、"_s);
}

int report(Console &console, const Result<void> &done, const QString &success)
{
    if (!done) {
        console.err() << done.error().message() << '\n';
        return 1;
    }
    console.out() << success << '\n';
    return 0;
}

} // namespace

int AccountCommand::run(QStringList arguments)
{
    const QString usage = QCoreApplication::translate("ow::cli",
        "Usage: onewindow-cli account add|list|disable|enable|reset-password|roles|rename|unlock|pull ... "
        "(--help for each)\n");
    return runSubcommand(m_console, std::move(arguments), usage,
        QCoreApplication::translate("ow::cli", "unknown account command '%1'"),
        [this](const QString &sub, const QStringList &rest) -> std::optional<int> {
            if (sub == "add"_L1)
                return add(rest);
            if (sub == "list"_L1)
                return list(rest);
            if (sub == "disable"_L1)
                return setEnabled(rest, false);
            if (sub == "enable"_L1)
                return setEnabled(rest, true);
            if (sub == "reset-password"_L1)
                return resetPassword(rest);
            if (sub == "roles"_L1)
                return roles(rest);
            if (sub == "rename"_L1)
                return rename(rest);
            if (sub == "unlock"_L1)
                return unlock(rest);
            if (sub == "pull"_L1)
                return pull(rest);
            return std::nullopt;
        });
}

std::optional<QString> AccountCommand::newPassword(bool fromStdin, bool *generated)
{
    *generated = !fromStdin;
    if (!fromStdin)
        return AccountStore::generatePassword();
    QTextStream standardInput(stdin);
    QTextStream &in = m_input ? *m_input : standardInput;
    const QString line = in.readLine();
    if (line.isNull()) {
        m_console.err() << QCoreApplication::translate("ow::cli", "no password on standard input") << '\n';
        return std::nullopt;
    }
    return line;
}

void AccountCommand::printPassword(const QString &login, const QString &password)
{
    m_console.out() << QCoreApplication::translate(
        "ow::cli", "Initial password of %1 (shown only now; it must be changed at the first login): %2")
                           .arg(login, password)
                    << '\n';
}

int AccountCommand::add(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Add a clerk: STAFF_NUMBER is the 工号 typed at login. The password is generated and printed "
        "once unless --password-stdin is given; the clerk replaces it at the first login."));
    parser.addPositionalArgument(
        u"STAFF_NUMBER"_s, QCoreApplication::translate("ow::cli", "The staff number."));
    const QCommandLineOption name(u"name"_s,
        QCoreApplication::translate("ow::cli", "The clerk's name, as printed on documents."), u"NAME"_s);
    const QCommandLineOption rolesOption(u"roles"_s,
        QCoreApplication::translate(
            "ow::cli", "Roles separated by commas: intake, pickup, supervisor, admin, catalogue."),
        u"ROLES"_s);
    parser.addOptions(serverOptions());
    parser.addOptions({dataDirOption(), name, rolesOption, passwordStdinOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli account add"_s, arguments, 1))
        return *stop;
    const std::optional<QList<Role>> roles = rolesFromKeys(parser.value(rolesOption));
    if (!parser.isSet(name) || !roles || roles->isEmpty()) {
        m_console.err() << QCoreApplication::translate("ow::cli",
            "account add needs --name NAME and --roles with known roles (intake, pickup, supervisor, "
            "admin, catalogue); see --help")
                        << '\n';
        return 2;
    }
    std::unique_ptr<AccountTarget> store = openTarget(m_console, parser);
    if (!store)
        return 1;
    bool generated = false;
    const std::optional<QString> password = newPassword(parser.isSet(passwordStdinOption()), &generated);
    if (!password)
        return 2;
    const QString login = parser.positionalArguments().constFirst();
    Result<Account> added = store->add(login, parser.value(name), *roles, *password);
    if (!added) {
        m_console.err() << added.error().message() << '\n';
        return 1;
    }
    m_console.out() << QCoreApplication::translate("ow::cli", "Added %1 %2 (%3).")
                           .arg(added->login, added->displayName, roleLabels(added->roles))
                    << '\n';
    if (generated)
        printPassword(added->login, *password);
    return 0;
}

int AccountCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("ow::cli", "List the accounts: staff number, name, roles, state."));
    parser.addOptions(serverOptions());
    parser.addOptions({dataDirOption(), jsonOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli account list"_s, arguments, 0))
        return *stop;
    std::unique_ptr<AccountTarget> store = openTarget(m_console, parser);
    if (!store)
        return 1;
    Result<QList<Account>> accounts = store->list();
    if (!accounts) {
        m_console.err() << accounts.error().message() << '\n';
        return 1;
    }
    if (parser.isSet(jsonOption())) {
        QJsonArray rows;
        for (const Account &account : *accounts)
            rows.append(QJsonObject {{u"staffNumber"_s, account.login}, {u"name"_s, account.displayName},
                {u"roles"_s, roleKeys(account.roles)}, {u"enabled"_s, account.active},
                {u"mustChangePassword"_s, account.mustChangePassword},
                {u"locked"_s, account.lockedUntil.isValid()}});
        m_console.printJson(QJsonDocument(rows));
        return 0;
    }
    for (const Account &account : *accounts)
        m_console.out() << Console::padded(account.login, 10) << Console::padded(account.displayName, 12)
                        << Console::padded(roleLabels(account.roles), 30) << stateLabel(account) << '\n';
    return 0;
}

int AccountCommand::setEnabled(const QStringList &arguments, bool enabled)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(enabled
            ? QCoreApplication::translate("ow::cli", "Enable a disabled account again.")
            : QCoreApplication::translate(
                "ow::cli", "Disable an account: the clerk can no longer log in; the account is kept."));
    parser.addPositionalArgument(
        u"STAFF_NUMBER"_s, QCoreApplication::translate("ow::cli", "The staff number."));
    parser.addOptions(serverOptions());
    parser.addOption(dataDirOption());
    if (const std::optional<int> stop = parseSubcommand(m_console, parser,
            enabled ? u"onewindow-cli account enable"_s : u"onewindow-cli account disable"_s, arguments, 1))
        return *stop;
    std::unique_ptr<AccountTarget> store = openTarget(m_console, parser);
    if (!store)
        return 1;
    const QString login = parser.positionalArguments().constFirst();
    return report(m_console, store->setActive(login, enabled),
        enabled ? QCoreApplication::translate("ow::cli", "Enabled %1.").arg(login)
                : QCoreApplication::translate("ow::cli", "Disabled %1.").arg(login));
}

int AccountCommand::resetPassword(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Give an account a new password (generated and printed once, or --password-stdin); the clerk "
        "must replace it at the next login. Also lifts a lockout."));
    parser.addPositionalArgument(
        u"STAFF_NUMBER"_s, QCoreApplication::translate("ow::cli", "The staff number."));
    parser.addOptions(serverOptions());
    parser.addOptions({dataDirOption(), passwordStdinOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli account reset-password"_s, arguments, 1))
        return *stop;
    std::unique_ptr<AccountTarget> store = openTarget(m_console, parser);
    if (!store)
        return 1;
    bool generated = false;
    const std::optional<QString> password = newPassword(parser.isSet(passwordStdinOption()), &generated);
    if (!password)
        return 2;
    const QString login = parser.positionalArguments().constFirst();
    const int code = report(m_console, store->resetPassword(login, *password),
        QCoreApplication::translate("ow::cli", "Reset the password of %1.").arg(login));
    if (code == 0 && generated)
        printPassword(login, *password);
    return code;
}

int AccountCommand::roles(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Replace an account's roles (intake, pickup, supervisor, admin, catalogue; comma-separated)."));
    parser.addPositionalArgument(
        u"STAFF_NUMBER"_s, QCoreApplication::translate("ow::cli", "The staff number."));
    parser.addPositionalArgument(
        u"ROLES"_s, QCoreApplication::translate("ow::cli", "The roles, e.g. intake,pickup."));
    parser.addOptions(serverOptions());
    parser.addOption(dataDirOption());
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli account roles"_s, arguments, 2))
        return *stop;
    const std::optional<QList<Role>> roles = rolesFromKeys(parser.positionalArguments().at(1));
    if (!roles || roles->isEmpty()) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "unknown roles '%1': use intake, pickup, supervisor, admin, catalogue")
                               .arg(parser.positionalArguments().at(1))
                        << '\n';
        return 2;
    }
    std::unique_ptr<AccountTarget> store = openTarget(m_console, parser);
    if (!store)
        return 1;
    const QString login = parser.positionalArguments().constFirst();
    return report(m_console, store->setRoles(login, *roles),
        QCoreApplication::translate("ow::cli", "%1 now holds: %2.").arg(login, roleLabels(*roles)));
}

int AccountCommand::rename(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli", "Change the clerk's name."));
    parser.addPositionalArgument(
        u"STAFF_NUMBER"_s, QCoreApplication::translate("ow::cli", "The staff number."));
    parser.addPositionalArgument(u"NAME"_s, QCoreApplication::translate("ow::cli", "The new name."));
    parser.addOptions(serverOptions());
    parser.addOption(dataDirOption());
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli account rename"_s, arguments, 2))
        return *stop;
    std::unique_ptr<AccountTarget> store = openTarget(m_console, parser);
    if (!store)
        return 1;
    const QString login = parser.positionalArguments().constFirst();
    return report(m_console, store->rename(login, parser.positionalArguments().at(1)),
        QCoreApplication::translate("ow::cli", "Renamed %1.").arg(login));
}

int AccountCommand::unlock(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("ow::cli", "Lift a lockout after wrong passwords before its time."));
    parser.addPositionalArgument(
        u"STAFF_NUMBER"_s, QCoreApplication::translate("ow::cli", "The staff number."));
    parser.addOptions(serverOptions());
    parser.addOption(dataDirOption());
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli account unlock"_s, arguments, 1))
        return *stop;
    std::unique_ptr<AccountTarget> store = openTarget(m_console, parser);
    if (!store)
        return 1;
    const QString login = parser.positionalArguments().constFirst();
    return report(
        m_console, store->unlock(login), QCoreApplication::translate("ow::cli", "Unlocked %1.").arg(login));
}

int AccountCommand::pull(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Send the passwords clerks changed at this workstation to the server it is enrolled with, then "
        "fetch the hall's accounts and bring the local cache up to them (hashes only): new clerks can "
        "log in here, also offline afterwards, and clerks disabled on the server are refused. The "
        "background sync of the workstation does the same every round."));
    parser.addOption(dataDirOption());
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli account pull"_s, arguments, 0))
        return *stop;
    const QString directory = parser.isSet(u"data-dir"_s) ? parser.value(u"data-dir"_s)
                                                          : cases::CaseStore::defaultDataDirectory();
    Result<std::unique_ptr<cases::CaseStore>> cases
        = cases::CaseStore::open(directory, {}, cases::CaseStore::OpenMode::MustExist);
    if (!cases) {
        m_console.err() << cases.error().toString() << '\n';
        return 2;
    }
    Result<sync::SyncSettings> settings = sync::SyncSettings::read(**cases);
    if (!settings || !settings->isEnrolled()) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "This workstation is not enrolled with a server (onewindow-cli sync enrol).")
                        << '\n';
        return 2;
    }
    const QString counter = (*cases)->syncValue(QString(sync::SyncSettings::kCounter)).value_or(QString());
    cases->reset();
    Result<std::unique_ptr<AccountStore>> store
        = AccountStore::open(cases::CaseStore::databasePath(directory));
    if (!store) {
        m_console.err() << store.error().toString() << '\n';
        return 1;
    }
    (*store)->setCounter(counter);
    // The same step as every round of the background sync: passwords changed here go up first.
    sync::SyncClient client(QUrl(settings->server), settings->token);
    Result<sync::AccountSync::Report> done = sync::AccountSync(**store, client).run();
    if (!done) {
        m_console.err() << done.error().toString() << '\n';
        return 1;
    }
    const int changed = done->accountsChanged;
    m_console.out() << QCoreApplication::translate("ow::cli", "%n account(s) changed.", nullptr, changed)
                    << '\n';
    return 0;
}

} // namespace ow::cli
