#include "SharingCommand.h"

#include "core/Clock.h"
#include "deptsim/PushReceiver.h"
#include "sharing/SharingSimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <cstring>

int runSharing(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    using ow::sharing::SharingSimulator;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::devsim",
        "Simulate the data-sharing platform (数据共享) on loopback: check each request's app id and "
        "signature, and answer with the demo's shared materials — the business licence (a PDF) by "
        "credit code, the household register and the marriage certificate (PNG) by citizen ID number; "
        "no record (404) for a key that is not valid. Each line on standard output is a JSON event, the "
        "first {\"event\": \"listening\", \"port\": N}."));
    parser.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
        QCoreApplication::translate("ow::devsim", "The port to answer on (127.0.0.1; 0: any free one)."),
        QStringLiteral("PORT"));
    const QCommandLineOption appId(QStringLiteral("app-id"),
        QCoreApplication::translate("ow::devsim", "The app id the workstation sends (sharing-app-id)."),
        QStringLiteral("ID"));
    const QCommandLineOption secret(QStringLiteral("secret"),
        QCoreApplication::translate("ow::devsim", "The secret requests are signed with (sharing-secret)."),
        QStringLiteral("S"));
    const QCommandLineOption downFor(QStringLiteral("down-for"),
        QCoreApplication::translate("ow::devsim", "Answer 503 for the first S seconds."), QStringLiteral("S"),
        QStringLiteral("0"));
    const QCommandLineOption delay(QStringLiteral("delay"),
        QCoreApplication::translate("ow::devsim", "Wait MS milliseconds before each answer (default 0)."),
        QStringLiteral("MS"), QStringLiteral("0"));
    parser.addOptions({listen, appId, secret, downFor, delay});
    if (!parser.parse(QStringList {QStringLiteral("onewindow-devsim sharing")} + arguments)) {
        err << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    bool portOk = false;
    bool downOk = false;
    bool delayOk = false;
    const uint port = parser.value(listen).toUInt(&portOk);
    const double down = parser.value(downFor).toDouble(&downOk);
    const int delayMs = parser.value(delay).toInt(&delayOk);
    if (!portOk || port > 65535 || parser.value(appId).isEmpty() || parser.value(secret).isEmpty() || !downOk
        || down < 0 || !delayOk || delayMs < 0) {
        err << QCoreApplication::translate("ow::devsim",
            "sharing needs --listen PORT, --app-id ID and --secret S; --down-for takes seconds and --delay "
            "milliseconds; see --help")
            << '\n';
        return 2;
    }
    SharingSimulator simulator(
        {parser.value(appId), parser.value(secret).toUtf8(), qint64(down * 1000)}, ow::Clock());
    QObject::connect(&simulator, &SharingSimulator::answered, &simulator,
        [&out](const QString &material, const QString &maskedKey, int status) {
            out << QJsonDocument(QJsonObject {{QStringLiteral("event"), QStringLiteral("answered")},
                                     {QStringLiteral("material"), material},
                                     {QStringLiteral("key"), maskedKey}, {QStringLiteral("status"), status}})
                       .toJson(QJsonDocument::Compact)
                << '\n'
                << Qt::flush;
        });
    ow::deptsim::PushReceiver receiver([&simulator, delayMs](const ow::deptsim::PushRequest &request) {
        // A slow platform, to watch the workstation's progress and timeout: the simulator answers
        // one request at a time, so holding this one back is all a delay needs.
        if (delayMs > 0)
            QThread::msleep(ulong(delayMs));
        const SharingSimulator::Answer answer = simulator.handle(
            request.method, request.path, [&request](const QByteArray &name) { return request.header(name); },
            request.body);
        return ow::deptsim::PushAnswer {answer.status, answer.body};
    });
    ow::Result<quint16> listening = receiver.listen(QHostAddress::LocalHost, quint16(port));
    if (!listening) {
        err << listening.error().message() << '\n';
        return 1;
    }
    out << QJsonDocument(QJsonObject {{QStringLiteral("event"), QStringLiteral("listening")},
                             {QStringLiteral("port"), *listening}})
               .toJson(QJsonDocument::Compact)
        << '\n'
        << Qt::flush;
    return QCoreApplication::exec();
}

bool asksForSharing(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "sharing") == 0)
            return true;
    return false;
}
