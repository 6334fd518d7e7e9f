#pragma once

#include "cli/Console.h"

#include <QCommandLineParser>

namespace ow::cli {

/// `onewindow-cli validate id|uscc|phone VALUE`: checks a citizen ID number, a unified social credit
/// code or a phone number the way the counter does, and says why it is wrong.
class ValidateCommand
{
public:
    explicit ValidateCommand(Console &console)
        : m_console(console)
    {
    }

    int run(QStringList arguments);

private:
    int citizenId(const QString &value, bool json);
    int creditCode(const QString &value, bool json);
    int phone(const QString &value, bool json);
    /// Prints the verdict for an invalid value and returns exit code 1.
    int invalid(const QString &kind, const QString &reason, bool json);
    /// Prints "label: value" lines, aligned, then the warnings.
    void printFields(const QList<std::pair<QString, QString>> &fields, const QStringList &warnings);

    Console &m_console;
};

} // namespace ow::cli
