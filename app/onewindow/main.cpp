// The counter workstation: finds the catalogue, loads it, and opens the main window.
#include "catalogue/CatalogueLoader.h"
#include "core/Translations.h"
#include "ui/CatalogueLocation.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QScreen>

namespace {

/// Tells the clerk why the workstation cannot start, with the loader's first findings.
void explainLoadFailure(const QString &directory, const ow::catalogue::Diagnostics &diagnostics)
{
    QStringList errors;
    for (const ow::catalogue::Diagnostic &diagnostic : diagnostics)
        if (diagnostic.severity == ow::catalogue::Diagnostic::Severity::Error)
            errors.append(diagnostic.toString());
    constexpr int kShown = 5;
    QString first = errors.mid(0, kShown).join(QLatin1Char('\n'));
    if (errors.size() > kShown)
        first += QLatin1Char('\n')
            + QApplication::translate(
                "main", "… and %1 more (see the details, or run onewindow-cli catalogue lint).")
                  .arg(errors.size() - kShown);
    QMessageBox box(QMessageBox::Critical, QApplication::translate("main", "OneWindow"),
        QApplication::translate("main", "The catalogue in %1 could not be loaded.")
            .arg(QDir::toNativeSeparators(directory)));
    box.setInformativeText(QApplication::translate(
        "main", "%1\n\nStart with --catalogue FOLDER or set OW_CATALOGUE to a catalogue folder.")
                               .arg(first));
    if (errors.size() > kShown)
        box.setDetailedText(errors.join(QLatin1Char('\n')));
    box.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("onewindow"));
    QApplication::setApplicationVersion(QStringLiteral(OW_VERSION));
    ow::installTranslations(app, ow::languageFromArguments(QApplication::arguments()));
    ow::ui::Theme::apply(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "OneWindow counter workstation."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption catalogueOption(QStringLiteral("catalogue"),
        QApplication::translate(
            "main", "The catalogue folder (default: $OW_CATALOGUE, else the demo catalogue)."),
        QApplication::translate("main", "folder"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QApplication::translate("main", "Language: zh_CN (default) or en."),
        QApplication::translate("main", "language"));
    parser.addOption(catalogueOption);
    parser.addOption(langOption);
    parser.process(app);

    const QString directory = ow::ui::CatalogueLocation::choose(
        ow::ui::CatalogueLocation::candidates(parser.value(catalogueOption),
            qEnvironmentVariable("OW_CATALOGUE"), QApplication::applicationDirPath()));
    ow::catalogue::CatalogueLoader::Outcome loaded = ow::catalogue::CatalogueLoader::load(directory);
    if (!loaded.catalogue) {
        explainLoadFailure(directory, loaded.diagnostics);
        return 1;
    }

    ow::ui::MainWindow window(loaded.catalogue);
    // Counter screens are often 1366×768: use all of a screen smaller than the window wants.
    const QSize room = window.screen()->availableGeometry().size();
    if (room.width() < window.width() || room.height() < window.height())
        window.showMaximized();
    else
        window.show();
    return app.exec();
}
