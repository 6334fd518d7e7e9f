#pragma once

#include "cases/CaseStore.h"
#include "cli/Console.h"

#include <QCommandLineParser>
#include <memory>

namespace ow::cli {

/// `onewindow-cli case list|show|check-store` and `onewindow-cli audit verify`: inspect the local
/// case database. Personal data is always printed masked; nothing is written except pending
/// migrations.
class CaseCommand
{
public:
    explicit CaseCommand(Console &console)
        : m_console(console)
    {
    }

    /// `case list|show|check-store ...`
    int run(QStringList arguments);
    /// `audit verify ...`
    int runAudit(QStringList arguments);

private:
    int list(const QStringList &arguments);
    int show(const QStringList &arguments);
    /// The scan folder against what cases and drafts cite (DraftStore::check); findings exit 1.
    int checkStore(const QStringList &arguments);
    int verifyAudit(const QStringList &arguments);

    /// Adds --data-dir, --json and --help; prints help or a usage error and returns false when the
    /// command should stop (with `*exitCode` set).
    bool parse(QCommandLineParser &parser, const QString &name, const QStringList &arguments,
        int positionalCount, int *exitCode);
    /// Opens the store in --data-dir (or the default folder); prints the error and returns null.
    std::unique_ptr<cases::CaseStore> open(const QCommandLineParser &parser);

    Console &m_console;
};

} // namespace ow::cli
