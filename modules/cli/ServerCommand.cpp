#include "cli/ServerCommand.h"

#include "cases/CaseJson.h"
#include "cli/SubcommandParser.h"
#include "core/Clock.h"
#include "server/CaseRepository.h"
#include "server/CounterClocks.h"
#include "server/CredentialStore.h"
#include "server/DeliveryOutbox.h"
#include "server/DepartmentEndpoints.h"
#include "server/ServerSchema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ow::cli {

using namespace ow::server;

namespace {

const QCommandLineOption &databaseOption()
{
    static const QCommandLineOption option(QStringLiteral("database"),
        QCoreApplication::translate(
            "ow::cli", "The server's database: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/NAME."),
        QStringLiteral("DB"));
    return option;
}

const QCommandLineOption &dataDirOption()
{
    static const QCommandLineOption option(QStringLiteral("data-dir"),
        QCoreApplication::translate(
            "ow::cli", "The server's data folder (its SQLite database, when --database is not given)."),
        QStringLiteral("DIR"));
    return option;
}

// The database named by --database or --data-dir; empty (and the error printed) when neither is.
QString databaseSpec(Console &console, const QCommandLineParser &parser)
{
    QString spec = parser.value(databaseOption());
    if (spec.isEmpty() && parser.isSet(dataDirOption()))
        spec = QStringLiteral("sqlite:")
            + QDir(parser.value(dataDirOption())).absoluteFilePath(QStringLiteral("server.db"));
    if (spec.isEmpty()) {
        console.err() << QCoreApplication::translate(
            "ow::cli", "Give the server's database with --database or --data-dir.")
                      << '\n';
    }
    return spec;
}

// Opens and migrates the server database named by --database or --data-dir; prints the error.
std::unique_ptr<storage::Database> openDatabase(Console &console, const QCommandLineParser &parser)
{
    const QString spec = databaseSpec(console, parser);
    if (spec.isEmpty())
        return nullptr;
    Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(spec);
    if (!db) {
        console.err() << db.error().toString() << '\n';
        return nullptr;
    }
    Result<void> migrated = ServerSchema::migrate(**db);
    if (!migrated) {
        console.err() << migrated.error().toString() << '\n';
        return nullptr;
    }
    return std::move(*db);
}

} // namespace

int ServerCommand::run(QStringList arguments)
{
    const QString usage = QCoreApplication::translate("ow::cli",
        "Usage: onewindow-cli server "
        "enrol-code|department-key|publisher-key|supervisor-key|revoke|list-credentials|conflicts|counters|"
        "department-endpoint|deliveries|check ... "
        "(--help for each)\n");
    return runSubcommand(m_console, std::move(arguments), usage,
        QCoreApplication::translate("ow::cli", "unknown server command '%1'"),
        [this](const QString &sub, const QStringList &rest) -> std::optional<int> {
            if (sub == QStringLiteral("enrol-code") || sub == QStringLiteral("department-key")
                || sub == QStringLiteral("publisher-key") || sub == QStringLiteral("supervisor-key"))
                return issue(sub, rest);
            if (sub == QStringLiteral("revoke") || sub == QStringLiteral("--revoke"))
                return revoke(rest);
            if (sub == QStringLiteral("list-credentials"))
                return list(rest);
            if (sub == QStringLiteral("conflicts"))
                return conflicts(rest);
            if (sub == QStringLiteral("counters"))
                return counters(rest);
            if (sub == QStringLiteral("department-endpoint"))
                return departmentEndpoint(rest);
            if (sub == QStringLiteral("deliveries"))
                return deliveries(rest);
            if (sub == QStringLiteral("check"))
                return check(rest);
            return std::nullopt;
        });
}

int ServerCommand::issue(const QString &sub, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption hall(QStringLiteral("hall"),
        QCoreApplication::translate("ow::cli", "Hall code the workstation numbers its cases with."),
        QStringLiteral("H"));
    const QCommandLineOption counter(QStringLiteral("counter"),
        QCoreApplication::translate("ow::cli", "Counter id ending in its number 1-99, e.g. W07."),
        QStringLiteral("C"));
    const QCommandLineOption department(QStringLiteral("department"),
        QCoreApplication::translate("ow::cli", "Department id, as the catalogue names it."),
        QStringLiteral("D"));
    const QCommandLineOption name(QStringLiteral("name"),
        QCoreApplication::translate("ow::cli", "Who publishes with the key."), QStringLiteral("N"));
    if (sub == QStringLiteral("enrol-code")) {
        parser.setApplicationDescription(QCoreApplication::translate(
            "ow::cli", "Issue a one-time enrol code (valid 24 hours) for a counter workstation."));
        parser.addOptions({hall, counter});
    } else if (sub == QStringLiteral("department-key")) {
        parser.setApplicationDescription(
            QCoreApplication::translate("ow::cli", "Issue a key for a department's system: its cases only."));
        parser.addOption(department);
    } else if (sub == QStringLiteral("supervisor-key")) {
        parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
            "Issue a key for a hall's supervisors: its warnings, follow-ups and figures "
            "(onewindow-cli supervision)."));
        parser.addOptions({hall,
            QCommandLineOption(QStringLiteral("name"),
                QCoreApplication::translate("ow::cli", "Who holds the key (a supervisor or their office)."),
                QStringLiteral("N"))});
    } else {
        parser.setApplicationDescription(
            QCoreApplication::translate("ow::cli", "Issue a key that may publish catalogues."));
        parser.addOption(name);
    }
    parser.addOptions({databaseOption(), dataDirOption(), jsonOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, QStringLiteral("onewindow-cli server ") + sub, arguments, 0))
        return *stop;
    const std::unique_ptr<storage::Database> db = openDatabase(m_console, parser);
    if (!db)
        return 2;
    CredentialStore store(*db, Clock());
    const Result<IssuedSecret> issued = sub == QStringLiteral("enrol-code")
        ? store.issueEnrolCode(parser.value(hall), parser.value(counter))
        : sub == QStringLiteral("department-key") ? store.issueDepartmentKey(parser.value(department))
        : sub == QStringLiteral("supervisor-key")
        ? store.issueSupervisorKey(parser.value(hall), parser.value(QStringLiteral("name")))
        : store.issuePublisherKey(parser.value(name));
    if (!issued) {
        m_console.err() << issued.error().toString() << '\n';
        return 2;
    }
    if (parser.isSet(jsonOption())) {
        QJsonObject object {{QStringLiteral("id"), issued->id}, {QStringLiteral("secret"), issued->secret}};
        if (issued->expires.isValid())
            object.insert(QStringLiteral("expires"), cases::CaseJson::timeText(issued->expires));
        m_console.printJson(QJsonDocument(object));
        return 0;
    }
    m_console.out() << QCoreApplication::translate("ow::cli", "id:     %1\n").arg(issued->id)
                    << QCoreApplication::translate("ow::cli", "secret: %1\n").arg(issued->secret);
    if (issued->expires.isValid())
        m_console.out() << QCoreApplication::translate("ow::cli", "valid until %1 (UTC), once\n")
                               .arg(issued->expires.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    m_console.out() << QCoreApplication::translate(
        "ow::cli", "The secret is shown only now: the server keeps only its hash.\n");
    return 0;
}

int ServerCommand::revoke(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Revoke a workstation token, department or publisher key, or an unused enrol code, by id."));
    parser.addPositionalArgument(
        QStringLiteral("ID"), QCoreApplication::translate("ow::cli", "The credential's id."));
    parser.addOptions({databaseOption(), dataDirOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, QStringLiteral("onewindow-cli server revoke"), arguments, 1))
        return *stop;
    const std::unique_ptr<storage::Database> db = openDatabase(m_console, parser);
    if (!db)
        return 2;
    const Result<void> revoked = CredentialStore(*db, Clock()).revoke(parser.positionalArguments().first());
    if (!revoked) {
        m_console.err() << revoked.error().toString() << '\n';
        return revoked.error().code() == Error::Code::NotFound ? 1 : 2;
    }
    m_console.out() << QCoreApplication::translate("ow::cli", "revoked %1\n")
                           .arg(Console::quote(parser.positionalArguments().first()));
    return 0;
}

int ServerCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ow::cli", "List the server's credentials: ids and bindings, never secrets."));
    parser.addOptions({databaseOption(), dataDirOption(), jsonOption()});
    if (const std::optional<int> stop = parseSubcommand(
            m_console, parser, QStringLiteral("onewindow-cli server list-credentials"), arguments, 0))
        return *stop;
    const std::unique_ptr<storage::Database> db = openDatabase(m_console, parser);
    if (!db)
        return 2;
    const Result<QList<Credential>> credentials = CredentialStore(*db, Clock()).list();
    if (!credentials) {
        m_console.err() << credentials.error().toString() << '\n';
        return 2;
    }
    QJsonArray array;
    for (const Credential &c : *credentials) {
        const QString binding = c.kind == Credential::Kind::Workstation
            ? c.hall + QLatin1Char('/') + c.counter
            : c.kind == Credential::Kind::Department ? c.department
                                                     : c.name;
        if (parser.isSet(jsonOption())) {
            array.append(QJsonObject {{QStringLiteral("id"), c.id}, {QStringLiteral("kind"), keyword(c.kind)},
                {QStringLiteral("binding"), binding}, {QStringLiteral("name"), c.name},
                {QStringLiteral("created"), cases::CaseJson::timeText(c.created)},
                {QStringLiteral("revoked"), cases::CaseJson::timeText(c.revoked)}});
            continue;
        }
        m_console.out() << QStringLiteral("%1  %2  %3  %4%5\n")
                               .arg(c.id, -38)
                               .arg(keyword(c.kind), -11)
                               .arg(binding, -20)
                               .arg(c.created.toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                               .arg(c.revoked.isValid() ? QCoreApplication::translate("ow::cli", "  revoked")
                                                        : QString());
    }
    if (parser.isSet(jsonOption()))
        m_console.printJson(QJsonDocument(array));
    return 0;
}

int ServerCommand::conflicts(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "List the cases of a hall that two counters decided differently (accepted at one, refused at "
        "another): a supervisor settles each one."));
    const QCommandLineOption hall(QStringLiteral("hall"),
        QCoreApplication::translate("ow::cli", "Hall code the workstation numbers its cases with."),
        QStringLiteral("H"));
    parser.addOptions({hall, databaseOption(), dataDirOption(), jsonOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, QStringLiteral("onewindow-cli server conflicts"), arguments, 0))
        return *stop;
    if (parser.value(hall).isEmpty()) {
        m_console.err() << QCoreApplication::translate("ow::cli", "--hall is required") << '\n';
        return 2;
    }
    const std::unique_ptr<storage::Database> db = openDatabase(m_console, parser);
    if (!db)
        return 2;
    const Result<QJsonArray> found = CaseRepository(*db, Clock()).conflicts(parser.value(hall));
    if (!found) {
        m_console.err() << found.error().toString() << '\n';
        return 2;
    }
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(*found));
        return 0;
    }
    if (found->isEmpty())
        m_console.out() << QCoreApplication::translate("ow::cli", "No conflicting decisions in hall %1.")
                               .arg(parser.value(hall))
                        << '\n';
    for (const QJsonValue &value : *found) {
        const QJsonObject conflict = value.toObject();
        m_console.out() << QCoreApplication::translate("ow::cli", "%1  %2, then %3 (detected %4)")
                               .arg(conflict.value(QStringLiteral("case")).toString(),
                                   conflict.value(QStringLiteral("first"))
                                       .toObject()
                                       .value(QStringLiteral("kind"))
                                       .toString(),
                                   conflict.value(QStringLiteral("second"))
                                       .toObject()
                                       .value(QStringLiteral("kind"))
                                       .toString(),
                                   conflict.value(QStringLiteral("detected")).toString())
                        << '\n';
    }
    return 0;
}

int ServerCommand::counters(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "List how far each workstation's clock was from the server's when it last sent events "
        "(positive: ahead). The server orders nothing by these clocks; a clock off by more than two "
        "minutes should be set right."));
    parser.addOptions({databaseOption(), dataDirOption(), jsonOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, QStringLiteral("onewindow-cli server counters"), arguments, 0))
        return *stop;
    const std::unique_ptr<storage::Database> db = openDatabase(m_console, parser);
    if (!db)
        return 2;
    const Result<QList<CounterClock>> clocks = CounterClocks(*db).list();
    if (!clocks) {
        m_console.err() << clocks.error().toString() << '\n';
        return 2;
    }
    QJsonArray array;
    for (const CounterClock &c : *clocks) {
        const bool off = qAbs(c.skewMs) > CounterClocks::kToleranceMs;
        if (parser.isSet(jsonOption())) {
            array.append(QJsonObject {{QStringLiteral("workstation"), c.credentialId},
                {QStringLiteral("hall"), c.hall}, {QStringLiteral("counter"), c.counter},
                {QStringLiteral("skewMs"), double(c.skewMs)}, {QStringLiteral("off"), off},
                {QStringLiteral("seen"), cases::CaseJson::timeText(c.seen)}});
            continue;
        }
        m_console.out()
            << QStringLiteral("%1  %2  %3  %4  %5%6\n")
                   .arg(c.hall, -8)
                   .arg(c.counter, -6)
                   .arg(c.credentialId, -38)
                   .arg(QCoreApplication::translate("ow::cli", "%1 s").arg(c.skewMs / 1000.0, 0, 'f', 1), 10)
                   .arg(c.seen.toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                   .arg(off ? QCoreApplication::translate("ow::cli", "  clock off") : QString());
    }
    if (parser.isSet(jsonOption()))
        m_console.printJson(QJsonDocument(array));
    return 0;
}

int ServerCommand::departmentEndpoint(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Register where a department's own system takes the server's pushes of its accepted and "
        "supplemented cases (signed; docs/sync-protocol.md). The signing secret prints once, at the "
        "first registration or with --new-secret. Without --url: the endpoints registered."));
    const QCommandLineOption department(QStringLiteral("department"),
        QCoreApplication::translate("ow::cli", "The department id of the catalogue."), QStringLiteral("D"));
    const QCommandLineOption url(QStringLiteral("url"),
        QCoreApplication::translate("ow::cli", "The endpoint's address (http or https)."),
        QStringLiteral("URL"));
    const QCommandLineOption disable(QStringLiteral("disable"),
        QCoreApplication::translate("ow::cli", "Pause the pushes (they queue and wait until --enable)."));
    const QCommandLineOption enable(
        QStringLiteral("enable"), QCoreApplication::translate("ow::cli", "Resume the pushes."));
    const QCommandLineOption renew(QStringLiteral("new-secret"),
        QCoreApplication::translate(
            "ow::cli", "Make a new signing secret (the old one stops working at once)."));
    parser.addOptions(
        {department, url, disable, enable, renew, databaseOption(), dataDirOption(), jsonOption()});
    if (const std::optional<int> stop = parseSubcommand(
            m_console, parser, QStringLiteral("onewindow-cli server department-endpoint"), arguments, 0))
        return *stop;
    const std::unique_ptr<storage::Database> db = openDatabase(m_console, parser);
    if (!db)
        return 2;
    DepartmentEndpoints endpoints(*db, Clock());
    const QString id = parser.value(department);
    if (parser.isSet(disable) || parser.isSet(enable)) {
        const Result<bool> changed = endpoints.setEnabled(id, parser.isSet(enable));
        if (!changed) {
            m_console.err() << changed.error().toString() << '\n';
            return 2;
        }
        if (!*changed) {
            m_console.err()
                << QCoreApplication::translate("ow::cli", "Department %1 has no endpoint.").arg(id) << '\n';
            return 1;
        }
        m_console.out() << (parser.isSet(enable)
                ? QCoreApplication::translate("ow::cli", "Pushes to %1 resumed.").arg(id)
                : QCoreApplication::translate("ow::cli", "Pushes to %1 paused.").arg(id))
                        << '\n';
        return 0;
    }
    if (parser.isSet(url)) {
        const Result<QString> secret = endpoints.setUrl(id, QUrl(parser.value(url)), parser.isSet(renew));
        if (!secret) {
            m_console.err() << secret.error().message() << '\n';
            return 2;
        }
        if (parser.isSet(jsonOption())) {
            m_console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("department"), id},
                {QStringLiteral("url"), parser.value(url)}, {QStringLiteral("secret"), *secret}}));
            return 0;
        }
        m_console.out() << QCoreApplication::translate("ow::cli", "Cases of %1 are pushed to %2.")
                               .arg(id, parser.value(url))
                        << '\n';
        if (!secret->isEmpty())
            m_console.out() << QCoreApplication::translate(
                "ow::cli", "Signing secret (shown once; give it to the department's system): %1")
                                   .arg(*secret)
                            << '\n';
        return 0;
    }
    const Result<QList<DepartmentEndpoint>> list = endpoints.list();
    if (!list) {
        m_console.err() << list.error().toString() << '\n';
        return 2;
    }
    QJsonArray array;
    for (const DepartmentEndpoint &endpoint : *list) {
        if (parser.isSet(jsonOption())) {
            array.append(QJsonObject {{QStringLiteral("department"), endpoint.department},
                {QStringLiteral("url"), endpoint.url.toString()},
                {QStringLiteral("enabled"), endpoint.enabled}});
            continue;
        }
        m_console.out() << QStringLiteral("%1  %2%3\n")
                               .arg(endpoint.department, -12)
                               .arg(endpoint.url.toString())
                               .arg(endpoint.enabled ? QString()
                                                     : QCoreApplication::translate("ow::cli", "  (paused)"));
    }
    if (parser.isSet(jsonOption()))
        m_console.printJson(QJsonDocument(array));
    return 0;
}

int ServerCommand::deliveries(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "List the pushes to department systems, newest first: pending, delivered or dead (never taken "
        "after the attempts or the age the server allows). --resend puts a dead one back in line."));
    const QCommandLineOption dead(
        QStringLiteral("dead"), QCoreApplication::translate("ow::cli", "Only the dead letters."));
    const QCommandLineOption resend(QStringLiteral("resend"),
        QCoreApplication::translate("ow::cli", "Send this dead delivery again."), QStringLiteral("ID"));
    parser.addOptions({dead, resend, databaseOption(), dataDirOption(), jsonOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, QStringLiteral("onewindow-cli server deliveries"), arguments, 0))
        return *stop;
    const std::unique_ptr<storage::Database> db = openDatabase(m_console, parser);
    if (!db)
        return 2;
    DeliveryOutbox outbox(*db, Clock());
    if (parser.isSet(resend)) {
        const Result<bool> resent = outbox.resend(parser.value(resend));
        if (!resent) {
            m_console.err() << resent.error().toString() << '\n';
            return 2;
        }
        if (!*resent) {
            m_console.err() << QCoreApplication::translate("ow::cli", "There is no dead delivery %1.")
                                   .arg(parser.value(resend))
                            << '\n';
            return 1;
        }
        m_console.out() << QCoreApplication::translate("ow::cli", "Delivery %1 is back in line.")
                               .arg(parser.value(resend))
                        << '\n';
        return 0;
    }
    const Result<QList<Delivery>> list = outbox.list(parser.isSet(dead));
    if (!list) {
        m_console.err() << list.error().toString() << '\n';
        return 2;
    }
    QJsonArray array;
    for (const Delivery &delivery : *list) {
        if (parser.isSet(jsonOption())) {
            array.append(delivery.summary());
            continue;
        }
        m_console.out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                               .arg(delivery.id, -36)
                               .arg(delivery.department, -8)
                               .arg(delivery.caseNumber)
                               .arg(delivery.kind, -20)
                               .arg(delivery.state, -9)
                               .arg(QCoreApplication::translate(
                                        "ow::cli", "%n attempt(s)", nullptr, delivery.attempts)
                                   + (delivery.lastError.isEmpty()
                                           ? QString()
                                           : QStringLiteral(": ") + delivery.lastError));
    }
    if (parser.isSet(jsonOption()))
        m_console.printJson(QJsonDocument(array));
    return 0;
}

int ServerCommand::check(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Check the server's database: every page and index of an SQLite file (PRAGMA integrity_check) "
        "and the schema version. Exits 0 when sound, 1 when damaged, 2 when it cannot be opened. Run "
        "it with the server stopped, or on a backup copy."));
    parser.addOptions({databaseOption(), dataDirOption(), jsonOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, QStringLiteral("onewindow-cli server check"), arguments, 0))
        return *stop;
    const QString spec = databaseSpec(m_console, parser);
    if (spec.isEmpty())
        return 2;
    // Never create the file being checked: a missing database is an answer, not a new database.
    if (spec.startsWith(QStringLiteral("sqlite:")) && !QFileInfo::exists(spec.mid(7))) {
        m_console.err() << QCoreApplication::translate("ow::cli", "There is no database at %1.")
                               .arg(QDir::toNativeSeparators(spec.mid(7)))
                        << '\n';
        return 2;
    }
    Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(spec, false);
    if (!db) {
        m_console.err() << db.error().toString() << '\n';
        return 2;
    }
    QStringList problems;
    Result<QStringList> pages = (*db)->integrityProblems(storage::Database::IntegrityCheck::Full);
    if (!pages)
        problems.append(pages.error().message());
    else
        problems.append(*pages);
    Result<int> version = ServerSchema::currentVersion(**db);
    if (!version)
        problems.append(version.error().message());
    else if (*version > ServerSchema::latestVersion())
        problems.append(
            QCoreApplication::translate("ow::cli", "schema version %1 is newer than this program knows (%2)")
                .arg(*version)
                .arg(ServerSchema::latestVersion()));
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("database"), (*db)->description()},
            {QStringLiteral("sound"), problems.isEmpty()},
            {QStringLiteral("schemaVersion"), version ? *version : -1},
            {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}}));
        return problems.isEmpty() ? 0 : 1;
    }
    if (problems.isEmpty()) {
        m_console.out() << QCoreApplication::translate("ow::cli", "%1: sound (schema version %2).")
                               .arg((*db)->description())
                               .arg(version ? *version : 0)
                        << '\n';
        return 0;
    }
    m_console.out() << QCoreApplication::translate(
        "ow::cli", "%1 is damaged. Restore it from a backup (docs/deployment.md, “Recovery”):")
                           .arg((*db)->description())
                    << '\n';
    for (const QString &problem : std::as_const(problems))
        m_console.out() << QStringLiteral("  ") << problem << '\n';
    return 1;
}

} // namespace ow::cli
