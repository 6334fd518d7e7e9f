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
    parser.addPositionalArgument(u"DIR"_s, QCoreApplication::translate("ow::cli", "the catalogue folder"));
    const QCommandLineOption server(
        u"server"_s, QCoreApplication::translate("ow::cli", "The server's address."), u"URL"_s);
    const QCommandLineOption key(u"key"_s,
        QCoreApplication::translate("ow::cli", "A publisher key from the server's administrator."), u"KEY"_s);
    parser.addOptions({server, key});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli catalogue publish"_s, arguments, 1))
        return *stop;
    const QUrl url(parser.value(server));
    if (!url.isValid() || url.host().isEmpty() || parser.value(key).isEmpty()) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "catalogue publish needs --server URL and --key KEY")
                        << '\n';
        return 2;
    }
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

} // namespace ow::cli
