#include "core/MachineConfig.h"
#include "core/Translations.h"
#include "server/ServerApp.h"
#include "server/ServerMessages.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

/// The options server.conf may set, with the command line's names ("data_dir" in the file is
/// read as data-dir).
const QStringList kValueOptions {QStringLiteral("listen"), QStringLiteral("data-dir"),
    QStringLiteral("database"), QStringLiteral("tls-cert"), QStringLiteral("tls-key"), QStringLiteral("lang"),
    QStringLiteral("clock-window"), QStringLiteral("max-event-age"), QStringLiteral("idle-timeout"),
    QStringLiteral("max-connections-per-address"), QStringLiteral("max-connections"),
    QStringLiteral("upload-expiry"), QStringLiteral("queue-settings"), QStringLiteral("supervision-settings"),
    QStringLiteral("sms-gateway"), QStringLiteral("sms-log"), QStringLiteral("sms-url"),
    QStringLiteral("sms-headers"), QStringLiteral("sms-body"), QStringLiteral("sms-id-key"),
    QStringLiteral("sms-retries"), QStringLiteral("time-zone")};
const QStringList kFlagOptions {QStringLiteral("trust-proxy")};

/// The arguments with the settings file's values put first, so the command line wins (the parser
/// keeps an option's last value): command line > /etc/onewindow/server.conf > defaults. `--config
/// FILE` names another file and is taken out.
ow::Result<QStringList> withConfigFile(QStringList arguments)
{
    QString path = ow::MachineConfig::serverPath();
    bool named = !qEnvironmentVariableIsEmpty("OW_SERVER_CONFIG");
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--config") && i + 1 < arguments.size()) {
            path = arguments.at(i + 1);
            named = true;
            arguments.remove(i, 2);
            break;
        }
        if (arguments.at(i).startsWith(QLatin1String("--config="))) {
            path = arguments.at(i).mid(9);
            named = true;
            arguments.remove(i);
            break;
        }
    }
    ow::Result<ow::MachineConfig> config = ow::MachineConfig::load(path, QString());
    if (!config) {
        if (named)
            return ow::Failure {config.error()};
        // The packaged file is readable by the service's group only: someone running the server by
        // hand on that machine is told, and goes on with the command line alone.
        QTextStream(stderr) << config.error().message() << Qt::endl;
        return arguments;
    }
    QStringList fromFile = config->arguments(kValueOptions, kFlagOptions);
    // OW_LANG beats the file's language, as it beats the default.
    if (!qEnvironmentVariableIsEmpty("OW_LANG") && fromFile.contains(QStringLiteral("--lang"))) {
        const qsizetype at = fromFile.indexOf(QStringLiteral("--lang"));
        fromFile.remove(at, 2);
    }
    for (qsizetype i = 0; i < fromFile.size(); ++i)
        arguments.insert(1 + i, fromFile.at(i));
    return arguments;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("onewindow-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OW_VERSION));

    ow::Result<QStringList> arguments = withConfigFile(QCoreApplication::arguments());
    if (!arguments) {
        QTextStream(stderr) << arguments.error().toString() << Qt::endl;
        return 2;
    }
    // The status page is read by applicants: Simplified Chinese unless --lang says otherwise.
    ow::installTranslations(app, ow::languageFromArguments(*arguments));

    bool help = false;
    ow::Result<ow::server::ServerOptions> options = ow::server::ServerOptions::parse(*arguments, &help);
    if (!options) {
        (help ? QTextStream(stdout) : QTextStream(stderr)) << options.error().message() << Qt::endl;
        return help ? 0 : 2;
    }
    // From here on the server answers requests: its own and Qt's messages go to stderr through a
    // writer thread, so a stalled stderr reader cannot hold up a request.
    ow::server::ServerMessages::install();
    ow::server::ServerApp server(*options);
    if (ow::Result<void> started = server.start(); !started) {
        QTextStream(stderr) << started.error().toString() << Qt::endl;
        return 1;
    }
    return app.exec();
}
