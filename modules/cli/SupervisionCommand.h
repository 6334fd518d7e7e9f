#pragma once

#include "cli/Console.h"

#include <QCommandLineOption>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

class QCommandLineParser;

namespace ow::cli {

/// `onewindow-cli supervision warnings|clerks|matters|followup|notice|points|correct-points --server URL
/// --key KEY`: what
/// the supervising office (电子监察) sees of a hall on onewindow-server, for scripts and for
/// supervisors without a workstation (docs/supervision.md). The key is a supervisor key of the hall
/// (`onewindow-cli server supervisor-key`).
class SupervisionCommand
{
public:
    explicit SupervisionCommand(Console &console);

    int run(QStringList arguments);

    // The connection every supervision command takes (PointsCommand too).
    void addConnection(QCommandLineParser &parser);
    std::optional<int> checkConnection(const QCommandLineParser &parser, const QString &command);
    /// One request to /api/v1/supervision/…; prints the server's refusal and gives nothing on failure.
    std::optional<QJsonObject> request(const QCommandLineParser &parser, const QByteArray &method,
        const QString &path, const QUrlQuery &query = {}, const QJsonObject &body = {});

private:
    int warnings(const QStringList &arguments);
    int figures(const QString &what, const QStringList &arguments);
    /// The clerks' figures as a table (the desk's 人员 columns).
    void printClerks(const QJsonArray &clerks);
    int followUp(const QStringList &arguments);
    int notice(const QStringList &arguments);

    Console &m_console;
    const QCommandLineOption m_server;
    const QCommandLineOption m_key;
};

} // namespace ow::cli
