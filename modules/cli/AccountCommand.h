#pragma once

#include "cli/Console.h"

#include <QStringList>
#include <QTextStream>

namespace ow::accounts {
class AccountStore;
}

namespace ow::cli {

/// `onewindow-cli account …`: the hall administrator's account tools, for a workstation's own
/// accounts (--data-dir, a standalone workstation) or for a hall's accounts in the server's
/// database (--server-data-dir or --database, with --hall), which every enrolled workstation of the
/// hall then pulls. Passwords never come from the command line:
/// --password-stdin reads one line from standard input, otherwise a password is generated and
/// printed once; either way the clerk must replace it at the first login.
class AccountCommand
{
public:
    /// `input` is where --password-stdin reads (standard input when null; tests pass a string).
    explicit AccountCommand(Console &console, QTextStream *input = nullptr)
        : m_console(console)
        , m_input(input)
    {
    }

    int run(QStringList arguments);

private:
    int add(const QStringList &arguments);
    int list(const QStringList &arguments);
    int setEnabled(const QStringList &arguments, bool enabled);
    int resetPassword(const QStringList &arguments);
    int roles(const QStringList &arguments);
    int rename(const QStringList &arguments);
    int unlock(const QStringList &arguments);
    int pull(const QStringList &arguments);
    /// The new password from --password-stdin, or a generated one (then `generated` is set).
    std::optional<QString> newPassword(bool fromStdin, bool *generated);
    void printPassword(const QString &login, const QString &password);

    Console &m_console;
    QTextStream *m_input;
};

} // namespace ow::cli
