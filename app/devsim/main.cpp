// onewindow-devsim: simulated counter hardware for demos and tests.
#include "core/Translations.h"
#include "idcard/IdCardSimulator.h"

#ifdef Q_OS_UNIX
#include "idcard/IdCardPtyServer.h"
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>
#include <cstdio>

using namespace ow::drivers::idcard;

namespace {

QString usage()
{
    return QCoreApplication::translate("ow::devsim",
        "Usage: onewindow-devsim [--lang zh_CN|en] DEVICE ...\n"
        "\n"
        "Devices:\n"
        "  idcard --pty [--card FILE] [--fault KIND]   an ID card reader on a pseudo-terminal\n"
        "\n"
        "Add --help after a device for its options.\n");
}

int runIdCard(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::devsim",
        "Simulate a second-generation ID card reader with a card on it. The path of the pseudo-terminal "
        "is printed on the first line; give it to the program under test as its serial port."));
    parser.addHelpOption();
    const QCommandLineOption pty(
        QStringLiteral("pty"), QCoreApplication::translate("ow::devsim", "Serve on a new pseudo-terminal."));
    const QCommandLineOption card(QStringLiteral("card"),
        QCoreApplication::translate("ow::devsim", "The card, as JSON (default: a fictional sample person)."),
        QStringLiteral("FILE"));
    const QCommandLineOption fault(QStringLiteral("fault"),
        QCoreApplication::translate("ow::devsim", "Misbehave: %1.")
            .arg(IdCardSimulator::faultNames().join(QStringLiteral(", "))),
        QStringLiteral("KIND"), QStringLiteral("none"));
    const QCommandLineOption faultCount(QStringLiteral("fault-count"),
        QCoreApplication::translate("ow::devsim", "Misbehave only N times (default: always)."),
        QStringLiteral("N"), QStringLiteral("-1"));
    const QCommandLineOption replaceEvery(QStringLiteral("replace-every"),
        QCoreApplication::translate("ow::devsim",
            "Lift the card and put it back every S seconds, so it is read again (0: never; default 10)."),
        QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
        QCoreApplication::translate("ow::devsim", "Print every request and reply in hex."));
    parser.addOptions({pty, card, fault, faultCount, replaceEvery, verbose});
    if (!parser.parse(QStringList {QStringLiteral("onewindow-devsim idcard")} + arguments)) {
        err << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    if (!parser.isSet(pty)) {
        err << QCoreApplication::translate("ow::devsim", "only --pty is supported; see --help") << '\n';
        return 2;
    }
    const std::optional<IdCardSimulator::Fault> kind = IdCardSimulator::faultFromName(parser.value(fault));
    bool countOk = false;
    const int times = parser.value(faultCount).toInt(&countOk);
    bool secondsOk = false;
    const double seconds = parser.value(replaceEvery).toDouble(&secondsOk);
    if (!kind) {
        err << QCoreApplication::translate("ow::devsim", "unknown fault '%1'; use one of: %2")
                   .arg(parser.value(fault), IdCardSimulator::faultNames().join(QStringLiteral(", ")))
            << '\n';
        return 2;
    }
    if (!countOk || !secondsOk || seconds < 0) {
        err << QCoreApplication::translate(
            "ow::devsim", "--fault-count and --replace-every take numbers; see --help")
            << '\n';
        return 2;
    }

    IdCardSimulator simulator;
    if (parser.isSet(card)) {
        const ow::Result<IdCardData> loaded = IdCardSimulator::loadCard(parser.value(card));
        if (!loaded) {
            err << loaded.error().toString() << '\n';
            return 2;
        }
        simulator.placeCard(*loaded);
    } else {
        simulator.placeCard(IdCardSimulator::sampleCard());
    }
    simulator.setFault(*kind, times);

#ifdef Q_OS_UNIX
    IdCardPtyServer server(simulator);
    const ow::Result<QString> path = server.open();
    if (!path) {
        err << path.error().message() << '\n';
        return 2;
    }
    out << *path << '\n';
    out.flush();
    if (parser.isSet(verbose))
        QObject::connect(&server, &IdCardPtyServer::exchanged, &server,
            [&err](const QByteArray &request, const QByteArray &reply) {
                err << "> " << request.toHex(' ').toUpper() << '\n'
                    << "< " << reply.toHex(' ').toUpper() << '\n';
                err.flush();
            });
    QTimer replace;
    if (seconds > 0) {
        QObject::connect(&replace, &QTimer::timeout, &replace, [&simulator] { simulator.liftAndReplace(); });
        replace.start(int(seconds * 1000));
    }
    return QCoreApplication::exec();
#else
    err << QCoreApplication::translate("ow::devsim", "pseudo-terminals are not available on this system")
        << '\n';
    return 2;
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("onewindow-devsim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OW_VERSION));
    ow::installTranslations(app, ow::languageFromArguments(QCoreApplication::arguments()));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QStringLiteral("--lang") && i + 1 < args.size()) {
            args.remove(i, 2);
            break;
        }
        if (args.at(i).startsWith(QStringLiteral("--lang="))) {
            args.remove(i);
            break;
        }
    }
    if (args.isEmpty() || args.first() == QStringLiteral("--help") || args.first() == QStringLiteral("-h")) {
        out << usage();
        return args.isEmpty() ? 2 : 0;
    }
    const QString device = args.takeFirst();
    if (device == QStringLiteral("idcard"))
        return runIdCard(args, out, err);
    err << QCoreApplication::translate("ow::devsim", "unknown device '%1'").arg(device) << '\n' << usage();
    return 2;
}
