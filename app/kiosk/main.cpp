// The kiosk (取号机): loads the catalogue for the matter search, finds the queue server and the
// kiosk's credential, starts the devices and opens the full-screen window.

#include "catalogue/CatalogueLoader.h"
#include "catalogue/MatterSearch.h"
#include "core/HelpWithoutScreen.h"
#include "core/Translations.h"
#include "devices/DeviceHub.h"
#include "kiosk/KioskFlow.h"
#include "kiosk/TicketIssuer.h"
#include "kioskui/KioskWindow.h"
#include "sync/CatalogueUpdater.h"
#include "sync/SyncSettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <cstdio>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "onewindow-kiosk: %s\n", qUtf8Printable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    ow::helpWithoutScreen(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("onewindow-kiosk"));
    QApplication::setApplicationVersion(QStringLiteral(OW_VERSION));
    ow::installTranslations(app, ow::languageFromArguments(QApplication::arguments()));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("kiosk",
        "OneWindow kiosk (取号机): the visitor chooses the matter, may swipe the ID card and type a mobile "
        "number, and takes a printed ticket.\n\nThe kiosk's credential is an enrolled workstation's: enrol "
        "its data folder once (onewindow-cli server enrol-code --counter K01, then onewindow-cli sync enrol "
        "--data-dir DIR) and start with --data-dir DIR, or give --server URL --key KEY."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
        QApplication::translate(
            "kiosk", "An enrolled data folder: the server, the key and the hall come from it."),
        QStringLiteral("DIR"));
    const QCommandLineOption server(QStringLiteral("server"),
        QApplication::translate("kiosk", "The queue server's address."), QStringLiteral("URL"));
    const QCommandLineOption key(QStringLiteral("key"),
        QApplication::translate("kiosk", "The token of an enrolled workstation of the hall."),
        QStringLiteral("KEY"));
    const QCommandLineOption hall(QStringLiteral("hall"),
        QApplication::translate(
            "kiosk", "The hall code, for the ticket's follow-the-queue page (default: the enrolment's)."),
        QStringLiteral("CODE"));
    const QCommandLineOption hallName(QStringLiteral("hall-name"),
        QApplication::translate("kiosk", "The hall's name, on the screen and the ticket."),
        QStringLiteral("NAME"));
    const QCommandLineOption catalogue(QStringLiteral("catalogue"),
        QApplication::translate("kiosk",
            "The catalogue folder (default: $OW_CATALOGUE, else the newest synced one in --data-dir)."),
        QStringLiteral("DIR"));
    const QCommandLineOption devices(QStringLiteral("devices"),
        QApplication::translate("kiosk",
            "The kiosk's device settings, an INI file like the workstation's (default: devices.ini in "
            "--data-dir); the ID card reader and the receipt printer are used, simulators included."),
        QStringLiteral("FILE"));
    const QCommandLineOption windowed(QStringLiteral("windowed"),
        QApplication::translate("kiosk", "A window instead of full screen (demos)."));
    const QCommandLineOption lang(QStringLiteral("lang"),
        QApplication::translate("kiosk", "The language: zh_CN (default) or en."), QStringLiteral("LANG"));
    parser.addOptions({dataDir, server, key, hall, hallName, catalogue, devices, windowed, lang});
    parser.process(app);

    QUrl serverUrl(parser.value(server));
    QString token = parser.value(key);
    QString hallCode = parser.value(hall);
    if (parser.isSet(dataDir)) {
        ow::Result<std::optional<ow::sync::SyncSettings>> enrolment
            = ow::sync::SyncSettings::readFrom(parser.value(dataDir));
        if (!enrolment)
            return fail(enrolment.error().message());
        if (!*enrolment)
            return fail(QApplication::translate(
                "kiosk", "%1 is not enrolled with a server (onewindow-cli sync enrol).")
                            .arg(parser.value(dataDir)));
        if (serverUrl.isEmpty())
            serverUrl = QUrl((*enrolment)->server);
        if (token.isEmpty())
            token = (*enrolment)->token;
        if (hallCode.isEmpty())
            hallCode = (*enrolment)->workstation.hall;
    }
    if (!serverUrl.isValid() || serverUrl.host().isEmpty() || token.isEmpty())
        return fail(QApplication::translate(
            "kiosk", "The kiosk needs --data-dir DIR, or --server URL and --key KEY."));

    QString catalogueDir = parser.value(catalogue);
    if (catalogueDir.isEmpty())
        catalogueDir = qEnvironmentVariable("OW_CATALOGUE");
    if (catalogueDir.isEmpty() && parser.isSet(dataDir))
        catalogueDir = ow::sync::CatalogueUpdater::latestLocalCatalogue(parser.value(dataDir));
    if (catalogueDir.isEmpty())
        return fail(
            QApplication::translate("kiosk", "No catalogue: give --catalogue DIR or set OW_CATALOGUE."));
    ow::catalogue::CatalogueLoader::Outcome loaded = ow::catalogue::CatalogueLoader::load(catalogueDir);
    if (!loaded.catalogue)
        return fail(QApplication::translate("kiosk",
            "The catalogue in %1 could not be loaded (onewindow-cli "
            "catalogue lint %1 says why).")
                        .arg(catalogueDir));
    const ow::catalogue::MatterSearch search(loaded.catalogue);

    QString devicesFile = parser.value(devices);
    if (devicesFile.isEmpty() && parser.isSet(dataDir))
        devicesFile = QDir(parser.value(dataDir)).filePath(QStringLiteral("devices.ini"));
    ow::devices::DeviceHub hub;
    if (!devicesFile.isEmpty() && QFileInfo::exists(devicesFile)) {
        const QSettings settings(devicesFile, QSettings::IniFormat);
        if (ow::Result<void> applied = hub.applyFrom(settings); !applied)
            return fail(applied.error().message());
    }

    ow::kiosk::TicketIssuer issuer(serverUrl, token);
    ow::kiosk::KioskFlow flow(issuer);
    flow.setCardStep(hub.status(ow::devices::DeviceKind::IdCard).state != ow::devices::DeviceState::Off);
    ow::kioskui::KioskWindow::Options options;
    options.hallName = parser.value(hallName);
    options.hall = hallCode;
    options.server = serverUrl;
    ow::kioskui::KioskWindow window(flow, search, &hub, options);
    if (parser.isSet(windowed)) {
        window.resize(1366, 768);
        window.show();
    } else {
        window.showFullScreen();
    }
    return QApplication::exec();
}
