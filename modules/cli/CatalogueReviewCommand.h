#pragma once

#include "cli/Console.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QUrlQuery>
#include <optional>

namespace ow::cli {

/// The catalogue's review and acceptance on the central server (docs/catalogue-review.md):
/// `onewindow-cli catalogue submit|submission|withdraw|review|pending-walks|accept-walk|sign-off|
/// rollback|lock|publications|faq-proposals`; publishing a submission is `catalogue publish --submission ID`
/// (PublishCommand).
class CatalogueReviewCommand
{
public:
    explicit CatalogueReviewCommand(Console &console);

    static bool handles(const QString &subcommand);
    /// `arguments` starts with the subcommand.
    int run(const QStringList &arguments);

private:
    int submit(const QStringList &arguments);
    int submission(const QStringList &arguments);
    int review(const QStringList &arguments);
    int pendingWalks(const QStringList &arguments);
    int acceptWalk(const QStringList &arguments);
    int signOff(const QStringList &arguments);
    int withdraw(const QStringList &arguments);
    int rollback(const QStringList &arguments);
    int lock(const QStringList &arguments);
    int publications(const QStringList &arguments);
    /// The frequent questions recorded at the hall's counters, proposed as FAQ entries.
    int faqProposals(const QStringList &arguments);

    void addConnection(QCommandLineParser &parser);
    /// Parses, then checks --server and --key; the exit code to stop with, or nothing to go on.
    std::optional<int> parse(
        QCommandLineParser &parser, const QString &name, const QStringList &arguments, int positionalCount);
    /// One call; prints the server's refusal (and any lint diagnostics) and gives nothing on failure.
    std::optional<QJsonObject> request(const QCommandLineParser &parser, const QByteArray &method,
        const QString &path, const QByteArray &body = {}, const QUrlQuery &query = {});
    /// Prints a submission's state as text, or as JSON with --json.
    void printStatus(const QCommandLineParser &parser, const QJsonObject &status);

    Console &m_console;
    QCommandLineOption m_server;
    QCommandLineOption m_key;
};

} // namespace ow::cli
