#include "core/LibraryMessages.h"
#include "core/Translations.h"
#include "server/ServerApp.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("onewindow-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OW_VERSION));
    // The status page is read by applicants: Simplified Chinese unless --lang says otherwise.
    ow::installTranslations(app, ow::languageFromArguments(QCoreApplication::arguments()));
    ow::LibraryMessages::install();

    bool help = false;
    ow::Result<ow::server::ServerOptions> options
        = ow::server::ServerOptions::parse(QCoreApplication::arguments(), &help);
    if (!options) {
        (help ? QTextStream(stdout) : QTextStream(stderr)) << options.error().message() << Qt::endl;
        return help ? 0 : 2;
    }
    ow::server::ServerApp server(*options);
    if (ow::Result<void> started = server.start(); !started) {
        QTextStream(stderr) << started.error().toString() << Qt::endl;
        return 1;
    }
    return app.exec();
}
