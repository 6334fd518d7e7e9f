#pragma once

#include "cli/Console.h"
#include "core/Result.h"

#include <QCommandLineOption>
#include <QJsonObject>
#include <QUrlQuery>

class QCommandLineParser;

namespace ow::cli {

/// `onewindow-cli queue issue|call|list|stats|appoint --server URL --key KEY`: the hall's queue on
/// onewindow-server for IT and scripts (docs/queue.md). The key is an enrolled workstation's token
/// of the hall, as for a kiosk or a booking system.
class QueueCommand
{
public:
    explicit QueueCommand(Console &console);

    int run(QStringList arguments);

private:
    int issue(const QStringList &arguments);
    int call(const QStringList &arguments);
    int list(const QStringList &arguments);
    int stats(const QStringList &arguments);
    int appoint(const QStringList &arguments);

    /// Adds --server, --key and --json; after parsing, checks them (exit 2 with a message).
    void addConnection(QCommandLineParser &parser);
    std::optional<int> checkConnection(const QCommandLineParser &parser, const QString &command);
    /// One request to /api/v1/queue/…; prints the server's refusal and gives nothing on failure.
    std::optional<QJsonObject> request(const QCommandLineParser &parser, const QByteArray &method,
        const QString &path, const QUrlQuery &query = {}, const QJsonObject &body = {});

    Console &m_console;
    const QCommandLineOption m_server;
    const QCommandLineOption m_key;
};

} // namespace ow::cli
