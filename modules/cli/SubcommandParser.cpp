#include "cli/SubcommandParser.h"

#include "core/InputExcerpt.h"

#include <QCoreApplication>

namespace ow::cli {

std::optional<int> parseSubcommand(Console &console, QCommandLineParser &parser, const QString &commandLine,
    const QStringList &arguments, int positionalCount)
{
    const QCommandLineOption help(QStringList {QStringLiteral("h"), QStringLiteral("help")},
        QCoreApplication::translate("ow::cli", "Show this help."));
    parser.addOption(help);
    if (!parser.parse(QStringList {commandLine} + arguments)) {
        // The parser quotes a wrong option whole: a short excerpt is enough to see which.
        console.err() << InputExcerpt::bounded(parser.errorText(), 3 * InputExcerpt::kWidth) << '\n';
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

const QCommandLineOption &jsonOption()
{
    static const QCommandLineOption option(
        QStringLiteral("json"), QCoreApplication::translate("ow::cli", "Print machine-readable JSON."));
    return option;
}

int runSubcommand(Console &console, QStringList arguments, const QString &usage, const QString &unknown,
    const std::function<std::optional<int>(const QString &sub, const QStringList &rest)> &dispatch)
{
    if (arguments.isEmpty()) {
        console.err() << usage;
        return 2;
    }
    const QString sub = arguments.takeFirst();
    if (sub == QStringLiteral("--help") || sub == QStringLiteral("-h")) {
        console.out() << usage;
        return 0;
    }
    if (const std::optional<int> exitCode = dispatch(sub, arguments))
        return *exitCode;
    console.err() << unknown.arg(Console::quote(sub)) << '\n' << usage;
    return 2;
}

} // namespace ow::cli
