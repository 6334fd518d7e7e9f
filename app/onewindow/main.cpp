// The counter workstation: finds the catalogue, loads it, and opens the main window.
#include "accounts/AccountStore.h"
#include "cases/CaseStore.h"
#include "catalogue/CatalogueLoader.h"
#include "core/Translations.h"
#include "ui/CatalogueLocation.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/SessionGuard.h"
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
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
        QApplication::translate("main", "The folder of the case database (default: the application data folder)."),
        QApplication::translate("main", "folder"));
    const QCommandLineOption lockOption(QStringLiteral("lock-minutes"),
        QApplication::translate("main", "Lock the workstation after this many idle minutes; 0 never locks (default: 10)."),
        QApplication::translate("main", "minutes"), QStringLiteral("10"));
    parser.addOption(catalogueOption);
    parser.addOption(langOption);
    parser.addOption(dataDirOption);
    parser.addOption(lockOption);
    parser.process(app);

    const QString dataDirectory = parser.isSet(dataDirOption) ? parser.value(dataDirOption)
                                                              : ow::cases::CaseStore::defaultDataDirectory();
    ow::Result<std::unique_ptr<ow::accounts::AccountStore>> accounts
        = ow::accounts::AccountStore::open(ow::cases::CaseStore::databasePath(dataDirectory));
    if (!accounts) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "OneWindow"), accounts.error().message());
        return 1;
    }
    ow::ui::LoginDialog login(**accounts);
    if (login.exec() != QDialog::Accepted || !login.account())
        return 0;
    if (!ow::accounts::roleMayTakeIn(login.account()->role)) {
        QMessageBox::information(nullptr, QApplication::translate("main", "OneWindow"),
            QApplication::translate("main",
                "This workstation has no screens for the role %1 yet. Log in with an intake clerk's or the "
                "administrator's account.")
                .arg(ow::accounts::roleLabel(login.account()->role)));
        return 0;
    }

    const QString directory = ow::ui::CatalogueLocation::choose(
        ow::ui::CatalogueLocation::candidates(parser.value(catalogueOption),
            qEnvironmentVariable("OW_CATALOGUE"), QApplication::applicationDirPath()));
    ow::catalogue::CatalogueLoader::Outcome loaded = ow::catalogue::CatalogueLoader::load(directory);
    if (!loaded.catalogue) {
        explainLoadFailure(directory, loaded.diagnostics);
        return 1;
    }

    ow::ui::MainWindow window(loaded.catalogue);
    new ow::ui::SessionGuard(&window, **accounts, *login.account(), parser.value(lockOption).toInt());
    // Counter screens are often 1366×768: use all of a screen smaller than the window wants.
    const QSize room = window.screen()->availableGeometry().size();
    if (room.width() < window.width() || room.height() < window.height())
        window.showMaximized();
    else
        window.show();
    return app.exec();
}
