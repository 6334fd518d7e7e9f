#include "cli/SubcommandParser.h"

#include <QCoreApplication>

namespace ow::cli {

std::optional<int> parseSubcommand(Console &console, QCommandLineParser &parser, const QString &commandLine,
    const QStringList &arguments, int positionalCount)
{
    const QCommandLineOption help(QStringList {QStringLiteral("h"), QStringLiteral("help")},
        QCoreApplication::translate("ow::cli", "Show this help."));
    parser.addOption(help);
    if (!parser.parse(QStringList {commandLine} + arguments)) {
        console.err() << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(help)) {
        console.out() << parser.helpText();
        return 0;
    }
    if (positionalCount >= 0 && parser.positionalArguments().size() != positionalCount) {
        console.err() << QCoreApplication::translate(
            "ow::cli", "expected %n argument(s); see --help", nullptr, positionalCount)
                      << '\n';
        return 2;
    }
    return std::nullopt;
}

} // namespace ow::cli
