// The counter workstation: finds the catalogue, loads it, and opens the main window.
#include "accounts/AccountStore.h"
#include "cases/CaseStore.h"
#include "catalogue/CatalogueLoader.h"
#include "core/Translations.h"
#include "core/WorkingCalendar.h"
#include "devices/DeviceHub.h"
#include "documents/HallSettings.h"
#include "intake/IntakeEnvironment.h"
#include "sync/CatalogueUpdater.h"
#include "sync/SyncService.h"
#include "sync/SyncSettings.h"
#include "ui/CaseScreenContext.h"
#include "ui/CatalogueLocation.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/RoleScreens.h"
#include "ui/SessionGuard.h"
#include "ui/SyncStatusIndicator.h"
#include "ui/Theme.h"
#include "ui/WorkstationDevices.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>

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
        QApplication::translate(
            "main", "The folder of the case database (default: the application data folder)."),
        QApplication::translate("main", "folder"));
    const QCommandLineOption lockOption(QStringLiteral("lock-minutes"),
        QApplication::translate(
            "main", "Lock the workstation after this many idle minutes; 0 never locks (default: 10)."),
        QApplication::translate("main", "minutes"), QStringLiteral("10"));
    const QCommandLineOption hallOption(QStringLiteral("hall"),
        QApplication::translate("main", "The hall code that starts every case number (default: 33030201)."),
        QApplication::translate("main", "code"), QStringLiteral("33030201"));
    const QCommandLineOption counterOption(QStringLiteral("counter"),
        QApplication::translate("main", "This counter's number, 0–99 (default: 1)."),
        QApplication::translate("main", "number"), QStringLiteral("1"));
    const QCommandLineOption settingsOption(QStringLiteral("settings"),
        QApplication::translate("main", "The hall's settings file (name, seal, wording of the documents)."),
        QApplication::translate("main", "file"));
    const QCommandLineOption printOption(QStringLiteral("print-without-dialog"),
        QApplication::translate("main", "Print documents on the default printer without asking."));
    const QCommandLineOption devicesOption(QStringLiteral("devices"),
        QApplication::translate(
            "main", "The counter's device settings, an INI file (default: devices.ini in the data folder)."),
        QApplication::translate("main", "file"));
    parser.addOption(catalogueOption);
    parser.addOption(langOption);
    parser.addOption(dataDirOption);
    parser.addOption(lockOption);
    parser.addOption(hallOption);
    parser.addOption(counterOption);
    parser.addOption(settingsOption);
    parser.addOption(printOption);
    parser.addOption(devicesOption);
    parser.process(app);

    const QString dataDirectory = parser.isSet(dataDirOption) ? parser.value(dataDirOption)
                                                              : ow::cases::CaseStore::defaultDataDirectory();
    ow::Result<std::unique_ptr<ow::accounts::AccountStore>> accounts
        = ow::accounts::AccountStore::open(ow::cases::CaseStore::databasePath(dataDirectory));
    if (!accounts) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "OneWindow"), accounts.error().message());
        return 1;
    }
    ow::ui::LoginDialog login(**accounts);
    if (login.exec() != QDialog::Accepted || !login.account())
        return 0;
    if (ow::ui::RoleScreens::screensFor(login.account()->role).isEmpty()) {
        QMessageBox::information(nullptr, QApplication::translate("main", "OneWindow"),
            QApplication::translate("main", "This workstation has no screens for the role %1.")
                .arg(ow::accounts::roleLabel(login.account()->role)));
        return 0;
    }

    // The newest catalogue the sync installed wins over the bundled one, unless one is named.
    QString requestedCatalogue = parser.value(catalogueOption);
    if (requestedCatalogue.isEmpty() && qEnvironmentVariableIsEmpty("OW_CATALOGUE"))
        requestedCatalogue = ow::sync::CatalogueUpdater::latestLocalCatalogue(dataDirectory);
    const QString directory = ow::ui::CatalogueLocation::choose(ow::ui::CatalogueLocation::candidates(
        requestedCatalogue, qEnvironmentVariable("OW_CATALOGUE"), QApplication::applicationDirPath()));
    ow::catalogue::CatalogueLoader::Outcome loaded = ow::catalogue::CatalogueLoader::load(directory);
    if (!loaded.catalogue) {
        explainLoadFailure(directory, loaded.diagnostics);
        return 1;
    }

    // The intake needs the case store of this counter, the hall's document settings and the holiday
    // calendar; each failure is told to the clerk, since no case could be numbered or decided.
    bool counterOk = false;
    const int counterNumber = parser.value(counterOption).toInt(&counterOk);
    ow::cases::Workstation workstation {parser.value(hallOption),
        QStringLiteral("W%1").arg(counterNumber, 2, 10, QLatin1Char('0')), counterOk ? counterNumber : -1};
    // An enrolled workstation numbers its cases for the hall and counter the server gave it.
    ow::Result<std::optional<ow::sync::SyncSettings>> enrolment
        = ow::sync::SyncSettings::readFrom(dataDirectory);
    if (!enrolment) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "OneWindow"), enrolment.error().message());
        return 1;
    }
    if (*enrolment)
        workstation = (*enrolment)->workstation;
    ow::Result<std::unique_ptr<ow::cases::CaseStore>> store
        = ow::cases::CaseStore::open(dataDirectory, workstation);
    if (!store) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "OneWindow"), store.error().message());
        return 1;
    }
    ow::Result<ow::documents::HallSettings> settings = parser.isSet(settingsOption)
        ? ow::documents::HallSettings::load(parser.value(settingsOption))
        : ow::documents::HallSettings::builtIn();
    if (!settings) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "OneWindow"), settings.error().toString());
        return 1;
    }
    ow::Result<ow::WorkingCalendar> calendar = ow::WorkingCalendar::loadBuiltIn();
    if (!calendar) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "OneWindow"), calendar.error().toString());
        return 1;
    }
    ow::intake::IntakeEnvironment intake;
    intake.store = store->get();
    intake.clerkId = login.account()->login;
    intake.clerkName = login.account()->displayName;
    intake.settings = *settings;
    intake.calendar = std::make_shared<const ow::WorkingCalendar>(std::move(*calendar));
    intake.printWithoutDialog = parser.isSet(printOption);

    // Declared before the window: the devices and their panel keep using it until the window goes.
    QSettings deviceSettings(parser.isSet(devicesOption)
            ? parser.value(devicesOption)
            : QDir(dataDirectory).filePath(QStringLiteral("devices.ini")),
        QSettings::IniFormat);
    ow::ui::MainWindow window(loaded.catalogue, intake);

    auto *hub = new ow::devices::DeviceHub(&window);
    const ow::Result<void> applied = hub->applyFrom(deviceSettings);
    window.attachDevices(
        new ow::ui::WorkstationDevices(*hub, &deviceSettings, settings->hallName(), &window));
    ow::ui::CaseScreenContext caseScreens;
    caseScreens.store = store->get();
    caseScreens.calendar = *intake.calendar;
    caseScreens.role = login.account()->role;
    caseScreens.clerk = login.account()->login;
    window.addCaseScreens(caseScreens);
    if (!applied) // a bad key is named; the devices stay off until the panel fixes it
        window.statusBar()->showMessage(applied.error().message(), 30000);

    ow::Result<std::unique_ptr<ow::sync::SyncService>> sync
        = ow::sync::SyncService::startIfEnrolled(dataDirectory);
    if (!sync)
        window.statusBar()->showMessage(sync.error().message(), 30000);
    else if (ow::sync::SyncService *service = sync->get()) {
        auto *indicator = new ow::ui::SyncStatusIndicator(&window);
        window.statusBar()->addPermanentWidget(indicator);
        QObject::connect(service->worker(), &ow::sync::SyncWorker::statusChanged, indicator,
            &ow::ui::SyncStatusIndicator::setStatus);
        QObject::connect(&window, &ow::ui::MainWindow::caseSaved, service, &ow::sync::SyncService::wake);
    }
    new ow::ui::SessionGuard(&window, **accounts, *login.account(), parser.value(lockOption).toInt());
    // Counter screens are often 1366×768: use all of a screen smaller than the window wants.
    const QSize room = window.screen()->availableGeometry().size();
    if (room.width() < window.width() || room.height() < window.height())
        window.showMaximized();
    else
        window.show();
    // The login dialog had the keyboard; without a window manager (a kiosk session, Xvfb) nothing
    // hands it to the window, and its shortcuts (F2, F4, F5…) only work in the active window.
    window.raise();
    window.activateWindow();
    return app.exec();
}
