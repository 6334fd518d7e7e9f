#include "cli/PublishCommand.h"

#include "catalogue/CatalogueLoader.h"
#include "catalogue/Linter.h"
#include "cli/SubcommandParser.h"
#include "sync/CataloguePackage.h"
#include "sync/SyncClient.h"
#include "sync/SyncProtocol.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>

namespace ow::cli {

using namespace ow::catalogue;
using namespace Qt::StringLiterals;

int PublishCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Publish a catalogue folder to the central server, which makes it the current version for every "
        "counter. The catalogue is linted here first; errors stop the publication."));
    parser.addPositionalArgument(u"DIR"_s,
        QCoreApplication::translate("ow::cli", "the catalogue folder (none with --submission)"), u"[DIR]"_s);
    const QCommandLineOption server(
        u"server"_s, QCoreApplication::translate("ow::cli", "The server's address."), u"URL"_s);
    const QCommandLineOption key(u"key"_s,
        QCoreApplication::translate("ow::cli", "A publisher key from the server's administrator."), u"KEY"_s);
    const QCommandLineOption submission(u"submission"_s,
        QCoreApplication::translate("ow::cli",
            "Publish an accepted submission instead (reviewed 高, walked, signed off), effective on its "
            "day."),
        u"ID"_s);
    const QCommandLineOption effective(u"effective"_s,
        QCoreApplication::translate("ow::cli", "With --submission: another day it takes effect, YYYY-MM-DD."),
        u"DATE"_s);
    parser.addOptions({server, key, submission, effective});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli catalogue publish"_s, arguments, -1))
        return *stop;
    if (parser.positionalArguments().size() != (parser.isSet(submission) ? 0 : 1)) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "catalogue publish takes DIR, or --submission ID without DIR")
                        << '\n';
        return 2;
    }
    const QUrl url(parser.value(server));
    if (!url.isValid() || url.host().isEmpty() || parser.value(key).isEmpty()) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "catalogue publish needs --server URL and --key KEY")
                        << '\n';
        return 2;
    }
    if (parser.isSet(submission))
        return publishSubmission(url, parser.value(key), parser.value(submission), parser.value(effective));
    const QString directory = parser.positionalArguments().constFirst();
    const CatalogueLoader::Outcome outcome = CatalogueLoader::load(directory);
    Diagnostics diagnostics = outcome.diagnostics;
    if (outcome.catalogue)
        diagnostics += Linter(outcome.catalogue).run().diagnostics;
    if (!outcome.catalogue || hasErrors(diagnostics)) {
        for (const Diagnostic &d : std::as_const(diagnostics))
            if (d.severity == Diagnostic::Severity::Error)
                m_console.err() << d.toString() << '\n';
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "The catalogue has errors; nothing was published.")
                        << '\n';
        return 1;
    }
    Result<sync::CataloguePackage> package
        = sync::CataloguePackage::fromDirectory(directory, outcome.catalogue->id, outcome.catalogue->version);
    if (!package) {
        m_console.err() << package.error().toString() << '\n';
        return 1;
    }
    sync::SyncClient client(url, parser.value(key));
    client.setTimeout(120000);
    Result<QJsonObject> answer = client.call("POST", sync::protocol::kCatalogues, {},
        QJsonDocument(package->toJson()).toJson(QJsonDocument::Compact));
    if (!answer) {
        m_console.err() << answer.error().toString() << '\n';
        for (const QJsonValue &line : client.lastFailure().body.value("diagnostics"_L1).toArray())
            m_console.err() << line.toString() << '\n';
        return 1;
    }
    m_console.out() << (client.lastStatus() == 201
            ? QCoreApplication::translate("ow::cli", "Published %1 version %2; it is now current.")
            : QCoreApplication::translate("ow::cli", "%1 version %2 was already published."))
                           .arg(package->id, package->version)
                    << '\n';
    return 0;
}

int PublishCommand::publishSubmission(
    const QUrl &url, const QString &key, const QString &id, const QString &effective)
{
    sync::SyncClient client(url, key);
    client.setTimeout(120000);
    QJsonObject body;
    if (!effective.isEmpty())
        body.insert(u"effective"_s, effective);
    Result<QJsonObject> answer = client.call("POST", u"/catalogues/submissions/%1/publish"_s.arg(id), {},
        QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!answer) {
        m_console.err() << answer.error().toString() << '\n';
        return 1;
    }
    Result<QJsonObject> publications = client.call("GET", u"/catalogues/publications"_s);
    QString day = answer->value("effective"_L1).toString();
    if (publications)
        for (const QJsonValue &p : publications->value("publications"_L1).toArray())
            if (p.toObject().value("submission"_L1).toInteger() == answer->value("id"_L1).toInteger())
                day = p.toObject().value("effective"_L1).toString();
    m_console.out() << QCoreApplication::translate(
        "ow::cli", "Published version %1; counters use it from %2.")
                           .arg(answer->value("version"_L1).toString(), day)
                    << '\n';
    return 0;
}

} // namespace ow::cli
