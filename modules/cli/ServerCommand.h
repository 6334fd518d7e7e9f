#pragma once

#include "cli/Console.h"

#include <QCommandLineParser>
#include <QStringList>

namespace ow::cli {

/// `onewindow-cli server …`: the administrator's side of the central server's credentials. Works on
/// the server's database directly (the same --database the server takes), prints each secret once
/// and never again; `list-credentials` shows ids and bindings, no secrets; `check` reads the whole
/// database file for damage.
class ServerCommand
{
public:
    explicit ServerCommand(Console &console)
        : m_console(console)
    {
    }

    int run(QStringList arguments);

private:
    int issue(const QString &sub, const QStringList &arguments);
    int revoke(const QStringList &arguments);
    int list(const QStringList &arguments);
    int conflicts(const QStringList &arguments);
    /// Each workstation's clock skew as the server last saw it.
    int counters(const QStringList &arguments);
    /// Where a department's system takes the server's pushes; its signing secret, printed once.
    int departmentEndpoint(const QStringList &arguments);
    /// The pushes to department systems, the dead letters, and their re-sending.
    int deliveries(const QStringList &arguments);
    int check(const QStringList &arguments);

    Console &m_console;
};

} // namespace ow::cli
