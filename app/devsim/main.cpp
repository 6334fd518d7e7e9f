// onewindow-devsim: simulated counter hardware for demos and tests.
#include "SharingCommand.h"
#include "core/LibraryMessages.h"
#include "core/Translations.h"
#include "deptsim/DepartmentSimulator.h"
#include "evaluator/KeyMapping.h"
#include "idcard/IdCardSimulator.h"

#ifdef Q_OS_UNIX
#include "idcard/IdCardPtyServer.h"
#include "idcard/PseudoTerminal.h"

#include <QSocketNotifier>
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>
#include <cstdio>
#include <memory>

using namespace ow::drivers::idcard;

namespace {

QString usage()
{
    return QCoreApplication::translate("ow::devsim",
        "Usage: onewindow-devsim [--lang zh_CN|en] DEVICE ...\n"
        "\n"
        "Devices:\n"
        "  idcard --pty [--card FILE] [--fault KIND]   an ID card reader on a pseudo-terminal\n"
        "  evaluator --pty [--preset a|b] [--level N]   an evaluator pad pressing a key\n"
        "  scanner --pty [--code TEXT]                  a USB-CDC scanner sending a code\n"
        "  department --listen PORT --key KEY [--server URL --department-key KEY]\n"
        "                                               a department's system taking the server's pushes\n"
        "  sharing --listen PORT --app-id ID --secret S [--down-for S] [--delay MS]\n"
        "                                               the data-sharing platform answering for shared "
        "materials\n"
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

/// Serves `bytes` on a new pseudo-terminal after `delaySeconds`, and again every `delaySeconds` when
/// `repeat` is set, the way a person pressing a key pad or pulling a scanner's trigger would.
int sendOnPty(const QByteArray &bytes, double delaySeconds, bool repeat, bool verbose, QTextStream &out,
    QTextStream &err)
{
#ifdef Q_OS_UNIX
    PseudoTerminal pty;
    if (const ow::Result<void> opened = pty.open(); !opened) {
        err << opened.error().message() << '\n';
        return 2;
    }
    out << pty.slavePath() << '\n';
    out.flush();
    // What the host sends (an evaluator prompt) is read so the terminal never fills up.
    QSocketNotifier incoming(qintptr(pty.masterDescriptor()), QSocketNotifier::Read);
    QObject::connect(&incoming, &QSocketNotifier::activated, &incoming, [&pty, &err, verbose] {
        const QByteArray request = pty.readAvailable();
        if (verbose && !request.isEmpty()) {
            err << "> " << request.toHex(' ').toUpper() << '\n';
            err.flush();
        }
    });
    QTimer timer;
    timer.setSingleShot(!repeat);
    QObject::connect(&timer, &QTimer::timeout, &timer, [&pty, &err, bytes, verbose] {
        if (const ow::Result<void> sent = pty.writeAll(bytes); !sent)
            err << sent.error().message() << '\n';
        else if (verbose)
            err << "< " << bytes.toHex(' ').toUpper() << '\n';
        err.flush();
    });
    timer.start(int(delaySeconds * 1000));
    return QCoreApplication::exec();
#else
    Q_UNUSED(bytes);
    Q_UNUSED(delaySeconds);
    Q_UNUSED(repeat);
    Q_UNUSED(verbose);
    Q_UNUSED(out);
    err << QCoreApplication::translate("ow::devsim", "pseudo-terminals are not available on this system")
        << '\n';
    return 2;
#endif
}

/// Options every key-sending device shares: --pty, --delay, --repeat, --verbose.
struct SenderOptions
{
    QCommandLineOption pty {
        QStringLiteral("pty"), QCoreApplication::translate("ow::devsim", "Serve on a new pseudo-terminal.")};
    QCommandLineOption delay {QStringLiteral("delay"),
        QCoreApplication::translate("ow::devsim", "Send after S seconds (default 3)."), QStringLiteral("S"),
        QStringLiteral("3")};
    QCommandLineOption repeat {QStringLiteral("repeat"),
        QCoreApplication::translate("ow::devsim", "Send again every S seconds, not just once.")};
    QCommandLineOption verbose {QStringLiteral("verbose"),
        QCoreApplication::translate("ow::devsim", "Print the bytes sent and received in hex.")};

    QList<QCommandLineOption> all() const { return {pty, delay, repeat, verbose}; }
};

/// Parses `arguments` for `device`; returns an exit code when the program should stop here.
std::optional<int> parseSender(QCommandLineParser &parser, const SenderOptions &common, const QString &device,
    const QStringList &arguments, QTextStream &out, QTextStream &err, double &delaySeconds)
{
    parser.addHelpOption();
    parser.addOptions(common.all());
    if (!parser.parse(QStringList {QStringLiteral("onewindow-devsim ") + device} + arguments)) {
        err << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    if (!parser.isSet(common.pty)) {
        err << QCoreApplication::translate("ow::devsim", "only --pty is supported; see --help") << '\n';
        return 2;
    }
    bool ok = false;
    delaySeconds = parser.value(common.delay).toDouble(&ok);
    if (!ok || delaySeconds < 0) {
        err << QCoreApplication::translate("ow::devsim", "--delay takes a number of seconds; see --help")
            << '\n';
        return 2;
    }
    return std::nullopt;
}

int runEvaluator(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    using ow::drivers::evaluator::KeyMapping;
    using ow::drivers::evaluator::RatingLevel;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::devsim",
        "Simulate a serial evaluator pad on which the applicant presses a key. The path of the "
        "pseudo-terminal is printed on the first line; set it as evaluator/port."));
    const SenderOptions common;
    const QCommandLineOption preset(QStringLiteral("preset"),
        QCoreApplication::translate("ow::devsim", "The pad's key codes: a or b (default a)."),
        QStringLiteral("NAME"), QStringLiteral("a"));
    const QCommandLineOption level(QStringLiteral("level"),
        QCoreApplication::translate("ow::devsim", "The rating pressed, 1 to 5 (default 5, very satisfied)."),
        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption key(QStringLiteral("key"),
        QCoreApplication::translate(
            "ow::devsim", "Send this byte (hexadecimal) instead of the preset's key."),
        QStringLiteral("HEX"));
    parser.addOptions({preset, level, key});
    double delaySeconds = 0;
    if (const std::optional<int> stop
        = parseSender(parser, common, QStringLiteral("evaluator"), arguments, out, err, delaySeconds))
        return *stop;

    QByteArray bytes;
    if (parser.isSet(key)) {
        bool ok = false;
        const uint value = parser.value(key).toUInt(&ok, 16);
        if (!ok || value > 0xFF) {
            err << QCoreApplication::translate(
                "ow::devsim", "--key takes one byte in hexadecimal, such as 33")
                << '\n';
            return 2;
        }
        bytes.append(char(value));
    } else {
        const std::optional<KeyMapping::Preset> chosen = KeyMapping::presetFromName(parser.value(preset));
        bool ok = false;
        const int wanted = parser.value(level).toInt(&ok);
        if (!chosen || !ok || wanted < 1 || wanted > 5) {
            err << QCoreApplication::translate(
                "ow::devsim", "--preset takes a or b and --level 1 to 5; see --help")
                << '\n';
            return 2;
        }
        // Digits, as the pads are most often seen to send them; the key of the preset's own form.
        const KeyMapping mapping = KeyMapping::preset(*chosen);
        std::optional<quint8> byte;
        for (char digit = '0'; digit <= '9' && !byte; ++digit)
            if (mapping.levelFor(quint8(digit)) == RatingLevel(wanted))
                byte = quint8(digit);
        if (!byte) {
            err << QCoreApplication::translate("ow::devsim", "pads of preset %1 have no key for level %2")
                       .arg(parser.value(preset))
                       .arg(wanted)
                << '\n';
            return 2;
        }
        bytes.append(char(*byte));
    }
    return sendOnPty(
        bytes, delaySeconds, parser.isSet(common.repeat), parser.isSet(common.verbose), out, err);
}

int runScanner(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::devsim",
        "Simulate a scanner in USB-CDC (virtual COM) mode that reads a code. The path of the "
        "pseudo-terminal is printed on the first line; set it as scanner/port."));
    const SenderOptions common;
    const QCommandLineOption code(QStringLiteral("code"),
        QCoreApplication::translate("ow::devsim", "The code read (default: a sample case number)."),
        QStringLiteral("TEXT"), QStringLiteral("3303020120260315010001W"));
    parser.addOption(code);
    double delaySeconds = 0;
    if (const std::optional<int> stop
        = parseSender(parser, common, QStringLiteral("scanner"), arguments, out, err, delaySeconds))
        return *stop;
    return sendOnPty(parser.value(code).toUtf8() + '\r', delaySeconds, parser.isSet(common.repeat),
        parser.isSet(common.verbose), out, err);
}

void printLine(QTextStream &out, const QJsonObject &line)
{
    out << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n';
    out.flush();
}

int runDepartment(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    using ow::deptsim::DepartmentSimulator;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::devsim",
        "Simulate a department's business system: take the server's pushes on loopback, check their "
        "signatures, process each delivery once, and answer through the department API: in review "
        "after a delay, then the outcome; a withdrawn case (撤回) is answered no more. An approval "
        "uploads its result document (a PDF) and names it, and result-ready follows. Each line on "
        "standard output is a JSON event, the first {\"event\": \"listening\", \"port\": N}."));
    parser.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
        QCoreApplication::translate("ow::devsim", "The port to take pushes on (127.0.0.1; 0: any free one)."),
        QStringLiteral("PORT"));
    const QCommandLineOption key(QStringLiteral("key"),
        QCoreApplication::translate("ow::devsim",
            "The endpoint's signing secret, as onewindow-cli server department-endpoint printed it."),
        QStringLiteral("KEY"));
    const QCommandLineOption server(QStringLiteral("server"),
        QCoreApplication::translate(
            "ow::devsim", "The server to answer to (without it pushes are only taken)."),
        QStringLiteral("URL"));
    const QCommandLineOption departmentKey(QStringLiteral("department-key"),
        QCoreApplication::translate("ow::devsim", "The department's key for the department API."),
        QStringLiteral("KEY"));
    const QCommandLineOption reviewAfter(QStringLiteral("review-after"),
        QCoreApplication::translate("ow::devsim", "Seconds from a push to in review (default 0)."),
        QStringLiteral("S"), QStringLiteral("0"));
    const QCommandLineOption decideAfter(QStringLiteral("decide-after"),
        QCoreApplication::translate("ow::devsim", "Seconds from in review to the decision (default 0)."),
        QStringLiteral("S"), QStringLiteral("0"));
    const QCommandLineOption outcome(QStringLiteral("outcome"),
        QCoreApplication::translate(
            "ow::devsim", "approve (default), deny or supplement-then-approve (a supplement request first)."),
        QStringLiteral("OUTCOME"), QStringLiteral("approve"));
    const QCommandLineOption downFor(QStringLiteral("down-for"),
        QCoreApplication::translate(
            "ow::devsim", "Answer 503 for the first S seconds, to watch the retries."),
        QStringLiteral("S"), QStringLiteral("0"));
    const QCommandLineOption seen(QStringLiteral("seen-file"),
        QCoreApplication::translate("ow::devsim",
            "Where processed delivery ids are kept, so a restart does not process one again "
            "(default: deliveries-seen.txt in the current folder)."),
        QStringLiteral("FILE"), QStringLiteral("deliveries-seen.txt"));
    const QCommandLineOption resultPdf(QStringLiteral("result-pdf"),
        QCoreApplication::translate("ow::devsim",
            "The result document an approval uploads (default: a one-page 准予许可决定书 written for the "
            "case)."),
        QStringLiteral("FILE"));
    const QCommandLineOption readyAfter(QStringLiteral("ready-after"),
        QCoreApplication::translate("ow::devsim", "Seconds from the approval to result-ready (default 2)."),
        QStringLiteral("S"), QStringLiteral("2"));
    parser.addOptions({listen, key, server, departmentKey, reviewAfter, decideAfter, outcome, downFor, seen,
        resultPdf, readyAfter});
    if (!parser.parse(QStringList {QStringLiteral("onewindow-devsim department")} + arguments)) {
        err << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    bool portOk = false;
    const uint port = parser.value(listen).toUInt(&portOk);
    bool reviewOk = false;
    bool decideOk = false;
    bool downOk = false;
    const double review = parser.value(reviewAfter).toDouble(&reviewOk);
    const double decide = parser.value(decideAfter).toDouble(&decideOk);
    const double down = parser.value(downFor).toDouble(&downOk);
    bool readyOk = false;
    const double ready = parser.value(readyAfter).toDouble(&readyOk);
    const std::optional<DepartmentSimulator::Outcome> chosen
        = DepartmentSimulator::outcomeFrom(parser.value(outcome));
    const QUrl serverUrl(parser.value(server));
    if (!portOk || port > 65535 || parser.value(key).isEmpty() || !reviewOk || !decideOk || !downOk
        || review < 0 || decide < 0 || down < 0 || !readyOk || ready < 0 || !chosen
        || (parser.isSet(server) && (!serverUrl.isValid() || parser.value(departmentKey).isEmpty()))) {
        err << QCoreApplication::translate("ow::devsim",
            "department needs --listen PORT and --key KEY; --server URL needs --department-key KEY; "
            "delays are seconds; see --help")
            << '\n';
        return 2;
    }
    if (parser.isSet(resultPdf)) {
        // Told now rather than at the first approval, minutes into a demo.
        QFile pdf(parser.value(resultPdf));
        if (!pdf.open(QIODevice::ReadOnly) || !pdf.read(5).startsWith("%PDF-")) {
            err << QCoreApplication::translate("ow::devsim", "--result-pdf %1 is not a readable PDF file")
                       .arg(parser.value(resultPdf))
                << '\n';
            return 2;
        }
    }
    DepartmentSimulator::Settings settings;
    settings.secret = parser.value(key).toUtf8();
    settings.server = parser.isSet(server) ? serverUrl : QUrl();
    settings.departmentKey = parser.value(departmentKey);
    settings.reviewAfterMs = qint64(review * 1000);
    settings.decideAfterMs = qint64(decide * 1000);
    settings.downForMs = qint64(down * 1000);
    settings.outcome = *chosen;
    settings.seenFile = parser.value(seen);
    DepartmentSimulator simulator(settings, ow::Clock());
    simulator.setResult(parser.value(resultPdf), qint64(ready * 1000));
    if (ow::Result<void> opened = simulator.open(); !opened) {
        err << opened.error().message() << '\n';
        return 1;
    }
    QObject::connect(&simulator, &DepartmentSimulator::pushProcessed, &simulator,
        [&out](const QString &delivery, const QJsonObject &push) {
            QJsonArray links;
            for (const QJsonValue &attachment : push.value(QStringLiteral("attachments")).toArray())
                links.append(attachment.toObject().value(QStringLiteral("url")));
            printLine(out,
                {{QStringLiteral("event"), QStringLiteral("push")}, {QStringLiteral("delivery"), delivery},
                    {QStringLiteral("case"), push.value(QStringLiteral("number"))},
                    {QStringLiteral("kind"), push.value(QStringLiteral("kind"))},
                    {QStringLiteral("attachments"), links}});
        });
    QObject::connect(&simulator, &DepartmentSimulator::answered, &simulator,
        [&out](const QString &number, const QString &kind, const QString &state) {
            printLine(out,
                {{QStringLiteral("event"), QStringLiteral("answered")}, {QStringLiteral("case"), number},
                    {QStringLiteral("kind"), kind}, {QStringLiteral("state"), state}});
        });
    QObject::connect(&simulator, &DepartmentSimulator::problem, &simulator, [&err](const QString &message) {
        err << message << '\n' << Qt::flush;
    });
    ow::deptsim::PushReceiver receiver(
        [&simulator](const ow::deptsim::PushRequest &request) { return simulator.handle(request); });
    ow::Result<quint16> listening = receiver.listen(QHostAddress::LocalHost, quint16(port));
    if (!listening) {
        err << listening.error().message() << '\n';
        return 1;
    }
    printLine(
        out, {{QStringLiteral("event"), QStringLiteral("listening")}, {QStringLiteral("port"), *listening}});
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    // The sharing simulator draws its documents, which needs fonts: a GUI application without a screen.
    const bool drawing = asksForSharing(argc, argv);
    if (drawing && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> application = drawing
        ? std::unique_ptr<QCoreApplication>(std::make_unique<QGuiApplication>(argc, argv))
        : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("onewindow-devsim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OW_VERSION));
    ow::installTranslations(app, ow::languageFromArguments(QCoreApplication::arguments()));
    ow::LibraryMessages::install();

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
    if (device == QStringLiteral("evaluator"))
        return runEvaluator(args, out, err);
    if (device == QStringLiteral("scanner"))
        return runScanner(args, out, err);
    if (device == QStringLiteral("department"))
        return runDepartment(args, out, err);
    if (device == QStringLiteral("sharing"))
        return runSharing(args, out, err);
    err << QCoreApplication::translate("ow::devsim", "unknown device '%1'").arg(device) << '\n' << usage();
    return 2;
}
