// The counter workstation: finds the catalogue, loads it, and opens the main window.
#include "accounts/AccountStore.h"
#include "cases/CaseStore.h"
#include "catalogue/CatalogueLoader.h"
#include "core/HelpWithoutScreen.h"
#include "core/LibraryMessages.h"
#include "core/MachineConfig.h"
#include "core/Translations.h"
#include "core/WorkingCalendar.h"
#include "devices/DeviceHub.h"
#include "documents/HallSettings.h"
#include "intake/IntakeEnvironment.h"
#include "setup/HallSetup.h"
#include "setup/WorkstationConfig.h"
#include "setup/WorkstationEnrolment.h"
#include "sharing/HttpDataSharingPlatform.h"
#include "sync/CatalogueUpdater.h"
#include "sync/QueueService.h"
#include "sync/SyncService.h"
#include "sync/SyncSettings.h"
#include "ui/AccountsDialog.h"
#include "ui/CaseScreenContext.h"
#include "ui/CaseScreens.h"
#include "ui/CatalogueLocation.h"
#include "ui/IntakeFlow.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/QueueBar.h"
#include "ui/RoleScreens.h"
#include "ui/ScanFailuresDialog.h"
#include "ui/SessionGuard.h"
#include "ui/SetupDialog.h"
#include "ui/SyncStatusIndicator.h"
#include "ui/Theme.h"
#include "ui/WorkstationDevices.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <cstdio>

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

/// Enrols with the code IT preset in the machine-wide file, showing that it waits for the server.
/// True when enrolled; otherwise `*why` says what went wrong and the setup dialog will ask.
bool enrolWithPresetCode(ow::setup::WorkstationConfig &config, const QString &dataDirectory, QString *why)
{
    const QString code = config.pendingEnrolCode();
    QProgressDialog progress(QApplication::translate("main", "Enrolling this workstation with %1…")
                                 .arg(config.value(ow::setup::WorkstationConfig::kServer)),
        QString(), 0, 0);
    progress.setWindowTitle(QApplication::translate("main", "OneWindow"));
    progress.setMinimumDuration(0);
    progress.show();
    ow::setup::WorkstationEnrolment enrolment;
    QEventLoop wait;
    bool enrolled = false;
    QObject::connect(
        &enrolment, &ow::setup::WorkstationEnrolment::finished, &wait, [&](bool ok, const QString &message) {
            enrolled = ok;
            *why = message;
            wait.quit();
        });
    enrolment.start(dataDirectory, config.value(ow::setup::WorkstationConfig::kServer), code);
    wait.exec();
    // A refused code is not tried at every start; a server that could not be reached is.
    if (enrolled || enrolment.outcome().error().code() != ow::Error::Code::Io)
        (void)config.markEnrolCodeUsed(code);
    return enrolled;
}

} // namespace

int main(int argc, char *argv[])
{
    ow::helpWithoutScreen(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("onewindow"));
    QApplication::setApplicationVersion(QStringLiteral(OW_VERSION));
    const QString language = ow::languageFromArguments(QApplication::arguments());
    ow::installTranslations(app, language);
    // Without Qt's own translations its dialogs and standard buttons (Cancel, the file dialog) stay
    // English in the Chinese workstation: say which package brings them.
    if (language != QStringLiteral("en") && !ow::hasQtTranslations(language))
        std::fprintf(stderr, "%s\n",
            qUtf8Printable(QApplication::translate("main",
                "Qt's own translations for %1 are not installed (Debian package qt6-translations-l10n): "
                "Qt's dialogs and standard buttons will be in English.")
                               .arg(language)));
    ow::LibraryMessages::install();
    ow::ui::Theme::apply(app);

    using Config = ow::setup::WorkstationConfig;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main",
            "OneWindow counter workstation.\n\nEvery option can also be set in the per-user settings or "
            "the machine-wide file (%1), under [workstation] with the option's name; the command line "
            "wins, then the per-user settings, then the machine-wide file.")
            .arg(QDir::toNativeSeparators(ow::MachineConfig::workstationPath())));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption catalogueOption(QString(Config::kCatalogue),
        QApplication::translate("main",
            "The catalogue folder (default: $OW_CATALOGUE, else the newest synced catalogue, else the "
            "setup asks)."),
        QApplication::translate("main", "folder"));
    const QCommandLineOption langOption(QString(Config::kLang),
        QApplication::translate("main", "Language: zh_CN (default) or en."),
        QApplication::translate("main", "language"));
    const QCommandLineOption dataDirOption(QString(Config::kDataDir),
        QApplication::translate(
            "main", "The folder of the case database (default: the application data folder)."),
        QApplication::translate("main", "folder"));
    const QCommandLineOption lockOption(QString(Config::kLockMinutes),
        QApplication::translate(
            "main", "Lock the workstation after this many idle minutes; 0 never locks (default: 10)."),
        QApplication::translate("main", "minutes"));
    const QCommandLineOption hallOption(QString(Config::kHall),
        QApplication::translate("main",
            "The hall code that starts every case number: the county's 6-digit GB/T 2260 code and a "
            "2-character hall number, e.g. 33030201."),
        QApplication::translate("main", "code"));
    const QCommandLineOption counterOption(QString(Config::kCounter),
        QApplication::translate("main", "This counter's number, 0–99."),
        QApplication::translate("main", "number"));
    const QCommandLineOption serverOption(QString(Config::kServer),
        QApplication::translate("main", "The hall's onewindow-server, e.g. https://onewindow.example:8443."),
        QApplication::translate("main", "URL"));
    const QCommandLineOption enrolCodeOption(QString(Config::kEnrolCode),
        QApplication::translate("main", "A one-time enrolment code, used once at the first start."),
        QApplication::translate("main", "code"));
    const QCommandLineOption standaloneOption(QString(Config::kStandalone),
        QApplication::translate("main", "Work without a server (no enrolment)."));
    const QCommandLineOption settingsOption(QString(Config::kSettings),
        QApplication::translate("main", "The hall's settings file (name, seal, wording of the documents)."),
        QApplication::translate("main", "file"));
    const QCommandLineOption printOption(QString(Config::kPrintWithoutDialog),
        QApplication::translate("main", "Print documents on the default printer without asking."));
    const QCommandLineOption devicesOption(QString(Config::kDevices),
        QApplication::translate(
            "main", "The counter's device settings, an INI file (default: devices.ini in the data folder)."),
        QApplication::translate("main", "file"));
    const QCommandLineOption practiceQuestionsOption(QString(Config::kPracticeQuestions),
        QApplication::translate(
            "main", "Questions in a practice quiz (Help → Practice…), 1–50 (default: 10)."),
        QApplication::translate("main", "number"));
    const QCommandLineOption practicePassMarkOption(QString(Config::kPracticePassMark),
        QApplication::translate(
            "main", "The pass mark of a practice quiz, in percent of the score (default: 80)."),
        QApplication::translate("main", "percent"));
    const QCommandLineOption machineConfigOption(QStringLiteral("machine-config"),
        QApplication::translate(
            "main", "Read the machine-wide settings from this file (default: $OW_MACHINE_CONFIG, else %1).")
            .arg(QDir::toNativeSeparators(ow::MachineConfig::workstationPath())),
        QApplication::translate("main", "file"));
    const QCommandLineOption setupOption(QStringLiteral("setup"),
        QApplication::translate("main", "Show the hall setup even when this workstation is set up."));
    const QList<QCommandLineOption> configured {catalogueOption, langOption, dataDirOption, lockOption,
        hallOption, counterOption, serverOption, enrolCodeOption, standaloneOption, settingsOption,
        printOption, devicesOption, practiceQuestionsOption, practicePassMarkOption};
    parser.addOptions(configured);
    parser.addOption(machineConfigOption);
    parser.addOption(setupOption);
    parser.process(app);

    // Command line > per-user settings > machine-wide file > defaults (docs/deployment.md).
    QHash<QString, QString> given;
    for (const QCommandLineOption &option : configured)
        if (parser.isSet(option))
            given.insert(option.names().constFirst(),
                option.valueName().isEmpty() ? QStringLiteral("true") : parser.value(option));
    ow::Result<Config> loadedConfig = Config::load(given, Config::userSettingsPath(),
        parser.isSet(machineConfigOption) ? parser.value(machineConfigOption)
                                          : ow::MachineConfig::workstationPath());
    if (!loadedConfig) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "OneWindow"), loadedConfig.error().message());
        return 1;
    }
    Config &config = *loadedConfig;
    // --lang and OW_LANG chose the language above; a language from the files is installed now.
    if (!parser.isSet(langOption) && qEnvironmentVariableIsEmpty("OW_LANG")
        && config.value(Config::kLang) != language)
        ow::installTranslations(app, config.value(Config::kLang));

    // The hall's settings are checked before anything starts (enrolment, sync, login, the case
    // store): a file that would print a receipt without its time limit is refused now, with its
    // file:line, not at the first print — on stderr for the service logs as well as on screen.
    ow::Result<ow::documents::HallSettings> settings = !config.value(Config::kSettings).isEmpty()
        ? ow::documents::HallSettings::load(config.value(Config::kSettings))
        : ow::documents::HallSettings::builtIn();
    if (!settings) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(settings.error().toString()));
        std::fflush(stderr);
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "OneWindow"), settings.error().toString());
        return 1;
    }

    const QString dataDirectory = config.value(Config::kDataDir).isEmpty()
        ? ow::cases::CaseStore::defaultDataDirectory()
        : config.value(Config::kDataDir);
    ow::Result<std::optional<ow::sync::SyncSettings>> enrolment
        = ow::sync::SyncSettings::readFrom(dataDirectory);
    if (!enrolment) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "OneWindow"), enrolment.error().message());
        return 1;
    }
    // Declared before the window: the devices and their panel keep using it until the window goes.
    QSettings deviceSettings(config.value(Config::kDevices).isEmpty()
            ? QDir(dataDirectory).filePath(QStringLiteral("devices.ini"))
            : config.value(Config::kDevices),
        QSettings::IniFormat);

    // First start: an enrolment code preset by IT is used once; then the setup dialog asks for
    // whatever the command line and the files leave open.
    QString enrolmentProblem;
    const bool standalone = config.isOn(Config::kStandalone);
    if (!*enrolment && !standalone && !config.value(Config::kServer).isEmpty()
        && !config.pendingEnrolCode().isEmpty()) {
        if (enrolWithPresetCode(config, dataDirectory, &enrolmentProblem)) {
            enrolment = ow::sync::SyncSettings::readFrom(dataDirectory);
            if (!enrolment) {
                QMessageBox::critical(
                    nullptr, QApplication::translate("main", "OneWindow"), enrolment.error().message());
                return 1;
            }
        }
    }
    QString directory = ow::ui::CatalogueLocation::atStartup(config.value(Config::kCatalogue),
        qEnvironmentVariable("OW_CATALOGUE"),
        ow::sync::CatalogueUpdater::latestLocalCatalogue(dataDirectory));
    if (parser.isSet(setupOption) || !enrolmentProblem.isEmpty() || !config.isComplete(enrolment->has_value())
        || directory.isEmpty()) {
        ow::devices::DeviceHub checkHub;
        (void)checkHub.applyFrom(deviceSettings); // a bad key shows as the device's state
        ow::setup::HallSetup hallSetup(config, dataDirectory);
        ow::ui::SetupDialog setupDialog(hallSetup,
            ow::ui::CatalogueLocation::demoCatalogue(QApplication::applicationDirPath()), &checkHub);
        if (!enrolmentProblem.isEmpty())
            setupDialog.enrolmentLabel()->setText(enrolmentProblem);
        if (setupDialog.exec() != QDialog::Accepted)
            return 0;
        directory = hallSetup.catalogue();
        enrolment = ow::sync::SyncSettings::readFrom(dataDirectory);
        if (!enrolment) {
            QMessageBox::critical(
                nullptr, QApplication::translate("main", "OneWindow"), enrolment.error().message());
            return 1;
        }
    }

    ow::Result<std::unique_ptr<ow::accounts::AccountStore>> accounts
        = ow::accounts::AccountStore::open(ow::cases::CaseStore::databasePath(dataDirectory));
    if (!accounts) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "OneWindow"), accounts.error().message());
        return 1;
    }
    (*accounts)->setCounter(enrolment->has_value() ? (*enrolment)->workstation.counter : QString());
    // An enrolled workstation syncs from the start, also while the login waits: the hall's accounts
    // arrive before the first clerk signs in.
    ow::Result<std::unique_ptr<ow::sync::SyncService>> sync
        = ow::sync::SyncService::startIfEnrolled(dataDirectory);
    ow::ui::LoginDialog login(**accounts, *enrolment);
    // An enrolled counter without accounts yet waits for the hall's: the dialog opens the log-in
    // once a round brings them, and meanwhile says whether the server answers.
    if (sync && *sync) {
        QObject::connect((*sync)->worker(), &ow::sync::SyncWorker::accountsChanged, &login,
            &ow::ui::LoginDialog::refreshAccounts);
        QObject::connect((*sync)->worker(), &ow::sync::SyncWorker::statusChanged, &login,
            [&login](
                bool online, qint64, qint64, const QString &error) { login.showSyncStatus(online, error); });
        login.refreshAccounts(); // a round may have brought them before the connection was made
    }
    if (login.exec() != QDialog::Accepted || !login.account())
        return 0;
    std::optional<ow::accounts::Account> clerk = login.account();
    auto hasScreens = [](const ow::accounts::Account &account) {
        if (!ow::ui::RoleScreens::screensFor(account.role).isEmpty())
            return true;
        QMessageBox::information(nullptr, QApplication::translate("main", "OneWindow"),
            QApplication::translate("main", "This workstation has no screens for the role %1.")
                .arg(ow::accounts::roleLabel(account.role)));
        return false;
    };
    if (!hasScreens(*clerk))
        return 0;

    ow::catalogue::CatalogueLoader::Outcome loaded = ow::catalogue::CatalogueLoader::load(directory);
    if (!loaded.catalogue) {
        explainLoadFailure(directory, loaded.diagnostics);
        return 1;
    }

    // The intake needs the case store of this counter, the hall's document settings and the holiday
    // calendar; each failure is told to the clerk, since no case could be numbered or decided.
    bool counterOk = false;
    const int counterNumber = config.value(Config::kCounter).toInt(&counterOk);
    ow::cases::Workstation workstation {config.value(Config::kHall),
        QStringLiteral("W%1").arg(counterNumber, 2, 10, QLatin1Char('0')), counterOk ? counterNumber : -1};
    // An enrolled workstation numbers its cases for the hall and counter the server gave it.
    if (*enrolment)
        workstation = (*enrolment)->workstation;
    ow::Result<std::unique_ptr<ow::cases::CaseStore>> store
        = ow::cases::CaseStore::open(dataDirectory, workstation);
    if (!store) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "OneWindow"), store.error().message());
        return 1;
    }
    ow::Result<ow::WorkingCalendar> calendar = ow::WorkingCalendar::loadBuiltIn();
    if (!calendar) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "OneWindow"), calendar.error().toString());
        return 1;
    }
    const auto sharedCalendar = std::make_shared<const ow::WorkingCalendar>(std::move(*calendar));
    // One window per signed-in clerk; "Switch user" on the lock screen ends this loop's window and
    // opens the next clerk's.
    int exitCode = 0;
    while (clerk) {
        ow::intake::IntakeEnvironment intake;
        intake.store = store->get();
        intake.clerkId = clerk->login;
        intake.clerkName = clerk->displayName;
        intake.settings = *settings;
        intake.calendar = sharedCalendar;
        intake.printWithoutDialog = config.isOn(Config::kPrintWithoutDialog);

        ow::ui::MainWindow window(loaded.catalogue, intake);
        window.setPracticeSettings(ow::catalogue::PracticeSettings::fromConfig(
            config.value(Config::kPracticeQuestions), config.value(Config::kPracticePassMark)));
        // Data-shared materials are fetched from the platform the settings name; without an endpoint
        // F7 says so and the clerk takes the paper.
        auto *sharing = new ow::sharing::HttpDataSharingPlatform(
            ow::sharing::HttpDataSharingPlatform::Settings::fromConfig(config.value(Config::kSharingEndpoint),
                config.value(Config::kSharingAppId), config.value(Config::kSharingSecret),
                config.value(Config::kSharingTimeout)),
            ow::Clock::system(), &window);
        if (auto *flow = window.findChild<ow::ui::IntakeFlow *>())
            flow->setDataSharing(sharing);

        auto *hub = new ow::devices::DeviceHub(&window);
        const ow::Result<void> applied = hub->applyFrom(deviceSettings);
        window.attachDevices(
            new ow::ui::WorkstationDevices(*hub, &deviceSettings, settings->hallName(), &window));
        ow::ui::CaseScreenContext caseScreens;
        caseScreens.store = store->get();
        caseScreens.calendar = *intake.calendar;
        caseScreens.role = clerk->role;
        caseScreens.clerk = clerk->login;
        caseScreens.hall = *enrolment; // online pre-applications come from the hall's server
        if (const auto hall = (*accounts)->accounts())
            for (const ow::accounts::Account &account : *hall)
                caseScreens.clerkNames.insert(account.login.toCaseFolded(), account.displayName);
        window.addCaseScreens(caseScreens);
        // The hall's queue for the clerks who take cases in: an enrolled counter calls tickets from
        // the hall's server; a standalone one says it has no queue and takes walk-ins.
        if (window.caseScreens() && window.caseScreens()->mayTakeIn()) {
            auto *queueBar = new ow::ui::QueueBar(&window);
            window.attachQueue(queueBar);
            // The bar names the clerk at the counter as the case screens do, never by the login.
            queueBar->setClerkName([names = caseScreens.clerkNames](const QString &login) {
                return names.value(login.toCaseFolded(), login);
            });
            queueBar->setService(
                ow::sync::QueueService::forHall(*enrolment, clerk->login, &window).release());
        }
        // Only the hall administrator manages the clerks; others do not see the entry at all.
        if (clerk->hasRole(ow::accounts::Role::Admin))
            if (auto *tools = window.findChild<QMenu *>(QStringLiteral("toolsMenu")))
                ow::ui::AccountsDialog::addMenuEntry(tools, **accounts, clerk->login, *enrolment, &window);
        if (!applied) // a bad key is named; the devices stay off until the panel fixes it
            window.statusBar()->showMessage(applied.error().message(), 30000);

        if (!sync)
            window.statusBar()->showMessage(sync.error().message(), 30000);
        else if (ow::sync::SyncService *service = sync->get()) {
            auto *indicator = new ow::ui::SyncStatusIndicator(&window);
            window.statusBar()->addPermanentWidget(indicator);
            QObject::connect(service->worker(), &ow::sync::SyncWorker::statusChanged, indicator,
                &ow::ui::SyncStatusIndicator::setStatus);
            // The warning's details: the scans set aside, to read again or give up.
            ow::cases::CaseStore *caseStore = store->get();
            QObject::connect(indicator, &ow::ui::SyncStatusIndicator::detailsRequested, &window,
                [&window, caseStore, service] {
                    auto *dialog = new ow::ui::ScanFailuresDialog(*caseStore, ow::Clock::system(), &window);
                    dialog->setAttribute(Qt::WA_DeleteOnClose);
                    QObject::connect(
                        dialog, &ow::ui::ScanFailuresDialog::decided, service, &ow::sync::SyncService::wake);
                    dialog->open();
                });
            QObject::connect(&window, &ow::ui::MainWindow::caseSaved, service, &ow::sync::SyncService::wake);
            // Results decided at the departments arrive by sync: the pickup counter's list follows.
            if (ow::ui::CaseScreens *screens = window.caseScreens())
                QObject::connect(service->worker(), &ow::sync::SyncWorker::eventsReceived, screens,
                    &ow::ui::CaseScreens::refreshAfterSync);
        }
        auto *guard = new ow::ui::SessionGuard(
            &window, **accounts, *clerk, config.value(Config::kLockMinutes).toInt());
        // Switch user: this clerk's open intake is kept as their draft, then the next clerk's window
        // replaces this one (their name on the documents, their role's screens).
        std::optional<ow::accounts::Account> next;
        guard->setKeepOpenWork([&window] { return window.keepOpenIntake(); });
        guard->setHall(*enrolment);
        QObject::connect(guard, &ow::ui::SessionGuard::switchRequested, &app,
            [&next](const ow::accounts::Account &account) {
                next = account;
                QApplication::exit(0);
            });
        if (sync && *sync)
            QObject::connect((*sync)->worker(), &ow::sync::SyncWorker::accountsChanged, guard,
                &ow::ui::SessionGuard::checkAccount);
        // A locked counter is paused, so the hall's dispatcher sends nobody to an empty counter.
        if (ow::ui::QueueBar *bar = window.queueBar())
            QObject::connect(
                guard, &ow::ui::SessionGuard::lockedChanged, bar, &ow::ui::QueueBar::workstationLocked);
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
        // An intake left open when the counter crashed or quit is offered back to its clerk.
        window.offerDraftResume();
        exitCode = app.exec();
        // The clerk leaves: the counter is paused for the next clerk, or closed when the program quits.
        if (ow::ui::QueueBar *bar = window.queueBar())
            bar->leaveCounter(next.has_value());
        clerk = std::move(next);
        if (clerk && !hasScreens(*clerk))
            return 0;
    }
    return exitCode;
}
