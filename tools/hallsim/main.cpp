// ow-hallsim: a simulated month of a service hall against a real onewindow-server (HallSimulation):
// three counters, eight clerks, a department desk, planted delays and bad ratings. Prints the
// plan — every planted warning with its day and colour — as JSON, for the checks of the supervision.

#include "HallSimulation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A simulated month of a hall synced to onewindow-server: cases, stages, ratings and late "
        "departments for 3 counters and 8 clerks. Prints the planted warnings as JSON."));
    parser.addHelpOption();
    const QCommandLineOption server(
        QStringLiteral("server"), QStringLiteral("The server's address."), QStringLiteral("URL"));
    const QCommandLineOption codes(QStringLiteral("codes"),
        QStringLiteral(
            "Four enrol codes of the hall, comma-separated: counters 1–3, then the department desk "
            "(onewindow-cli server enrol-code)."),
        QStringLiteral("CODES"));
    const QCommandLineOption folder(QStringLiteral("folder"),
        QStringLiteral("Where the four workstation stores are made."), QStringLiteral("DIR"));
    const QCommandLineOption month(QStringLiteral("month"),
        QStringLiteral("The month simulated, YYYY-MM; in the past, within the holiday calendar's years."),
        QStringLiteral("MONTH"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Varies the matters (default 1)."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption perDay(QStringLiteral("cases-per-clerk"),
        QStringLiteral("Cases each clerk takes in a day (default 1)."), QStringLiteral("N"),
        QStringLiteral("1"));
    parser.addOptions({server, codes, folder, month, seed, perDay});
    parser.process(app);

    ow::hallsim::HallSimulation::Options options;
    options.server = parser.value(server);
    options.enrolCodes = parser.value(codes).split(QLatin1Char(','), Qt::SkipEmptyParts);
    options.folder = parser.value(folder);
    options.month = QDate::fromString(parser.value(month) + QStringLiteral("-01"), Qt::ISODate);
    options.seed = parser.value(seed).toUInt();
    options.casesPerClerkAndDay = std::max(1, parser.value(perDay).toInt());
    QTextStream err(stderr);
    if (options.server.isEmpty() || options.folder.isEmpty() || !options.month.isValid()) {
        err << "ow-hallsim needs --server URL, --codes C1,C2,C3,C4, --folder DIR and --month YYYY-MM\n";
        return 2;
    }
    const ow::Result<ow::hallsim::HallSimulation::Plan> plan = ow::hallsim::HallSimulation::run(options);
    if (!plan) {
        err << plan.error().toString() << '\n';
        return 1;
    }
    QTextStream(stdout) << QJsonDocument(plan->toJson()).toJson(QJsonDocument::Indented);
    return 0;
}
