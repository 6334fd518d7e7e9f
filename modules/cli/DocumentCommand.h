#pragma once

#include "cli/Console.h"
#include "documents/Document.h"
#include "documents/HallSettings.h"

#include <QCommandLineParser>
#include <optional>

namespace ow::cli {

/// `onewindow-cli document sample|render`: prints the counter's documents to PDF and receipt PNG,
/// for the demo case or for a case in the local database. Needs a QGuiApplication (fonts);
/// main() creates one for this command. `document check-settings FILE` checks a hall's settings
/// file as the workstation loads it.
class DocumentCommand
{
public:
    explicit DocumentCommand(Console &console)
        : m_console(console)
    {
    }

    int run(QStringList arguments);

private:
    int sample(const QStringList &arguments);
    int render(const QStringList &arguments);
    int checkSettings(const QStringList &arguments);

    /// Adds --settings and --help; prints help or a usage error and returns false when the command
    /// should stop (with `*exitCode` set).
    bool parse(QCommandLineParser &parser, const QString &name, const QStringList &arguments, int *exitCode);
    /// The built-in settings, or those of --settings FILE; prints the error and gives nothing on failure.
    std::optional<documents::HallSettings> settings(const QCommandLineParser &parser);
    /// --catalogue DIR, else $OW_CATALOGUE, else the installed or source-tree demo catalogue.
    static QString catalogueDirectory(const QCommandLineParser &parser);
    /// Writes `document` as FILE.pdf, or as a receipt raster when `path` ends in .png.
    bool write(const documents::Document &document, const QString &path, const QString &receiptWidth);

    Console &m_console;
};

} // namespace ow::cli
