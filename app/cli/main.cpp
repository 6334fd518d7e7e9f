#include "cli/CliApplication.h"
#include "core/Translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("onewindow-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OW_VERSION));
    ow::installTranslations(app, ow::languageFromArguments(QCoreApplication::arguments()));
    return ow::cli::CliApplication().run(QCoreApplication::arguments());
}
