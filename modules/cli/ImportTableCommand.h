#pragma once

#include "cli/Console.h"

namespace ow::tableimport {
struct ImportPlan;
struct ImportResult;
} // namespace ow::tableimport

namespace ow::cli {

/// `onewindow-cli catalogue import-table FILE --catalogue DIR --matter CODE`: a department's material
/// table (CSV or XLSX) imported into one matter of a catalogue folder, all or nothing; prints the plan
/// (materials created and reused, requirements added, rows refused with their reasons) and the lint.
class ImportTableCommand
{
public:
    explicit ImportTableCommand(Console &console)
        : m_console(console)
    {
    }

    int run(const QStringList &arguments);

private:
    void printText(const tableimport::ImportPlan &plan, const tableimport::ImportResult *result, bool dryRun);
    void printJson(const tableimport::ImportPlan &plan, const tableimport::ImportResult *result, bool dryRun,
        const QString &error);

    Console &m_console;
};

} // namespace ow::cli
