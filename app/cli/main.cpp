#include "cli/CliApplication.h"
#include "core/LibraryMessages.h"
#include "core/Translations.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <cstring>
#include <memory>

int main(int argc, char *argv[])
{
    // `document` and `supervision notice` draw with fonts, which need a QGuiApplication; it renders off
    // screen, so it also works on a server without a display. The other commands stay console-only.
    bool drawsDocuments = false;
    for (int i = 1; i < argc; ++i)
        drawsDocuments = drawsDocuments || std::strcmp(argv[i], "document") == 0
            || (std::strcmp(argv[i], "notice") == 0 && i > 1 && std::strcmp(argv[i - 1], "supervision") == 0);
    if (drawsDocuments && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app = drawsDocuments
        ? std::make_unique<QGuiApplication>(argc, argv)
        : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("onewindow-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OW_VERSION));
    ow::installTranslations(*app, ow::languageFromArguments(QCoreApplication::arguments()));
    ow::LibraryMessages::install();
    return ow::cli::CliApplication().run(QCoreApplication::arguments());
}
