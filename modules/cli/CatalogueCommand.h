#pragma once

#include "catalogue/Catalogue.h"
#include "cli/Console.h"

#include <QCommandLineParser>

namespace ow::cli {

/// `onewindow-cli catalogue lint|paths|diff|walk|search|quiz`: tools for catalogue staff, and a
/// practice quiz for clerks (QuizCommand).
class CatalogueCommand
{
public:
    explicit CatalogueCommand(Console &console)
        : m_console(console)
    {
    }

    int run(QStringList arguments);

private:
    int lint(const QStringList &arguments);
    int paths(const QStringList &arguments);
    int diff(const QStringList &arguments);
    int walk(const QStringList &arguments);
    int search(const QStringList &arguments);

    /// Sets up a parser with --json and --help; prints help or a usage error and returns false when
    /// the command should stop (with `*exitCode` set).
    bool parse(QCommandLineParser &parser, const QString &name, const QStringList &arguments,
        int positionalCount, int *exitCode);
    /// Loads a catalogue, printing every loader error on failure.
    catalogue::CataloguePtr load(const QString &directory);

    Console &m_console;
};

} // namespace ow::cli
