#include "setup/HallSetup.h"

#include "core/AdministrativeDivisions.h"
#include "setup/WorkstationEnrolment.h"
#include "sync/CatalogueUpdater.h"
#include "sync/SyncSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace ow::setup {

namespace {

QList<Division> named(const QStringList &codes)
{
    const AdministrativeDivisions &table = AdministrativeDivisions::builtIn();
    QList<Division> result;
    result.reserve(codes.size());
    for (const QString &code : codes)
        result.append({code, table.name(code)});
    return result;
}

} // namespace

HallSetup::HallSetup(WorkstationConfig &config, QString dataDirectory, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_dataDirectory(std::move(dataDirectory))
    , m_enrolment(new WorkstationEnrolment(this))
{
    const QString hall = config.value(WorkstationConfig::kHall);
    if (hall.size() == 8) {
        m_division = hall.left(6);
        m_suffix = hall.mid(6);
    }
    bool ok = false;
    const int counter = config.value(WorkstationConfig::kCounter).toInt(&ok);
    if (ok)
        m_counter = counter;
    m_server = config.value(WorkstationConfig::kServer);
    m_enrolCode = config.pendingEnrolCode();
    if (!m_server.isEmpty() && !config.isOn(WorkstationConfig::kStandalone))
        m_connection = Connection::Server;
    if (Result<std::optional<sync::SyncSettings>> enrolled = sync::SyncSettings::readFrom(m_dataDirectory);
        enrolled && *enrolled) {
        m_enrolled = true;
        m_connection = Connection::Server;
        m_server = (*enrolled)->server;
    }
    m_synced = sync::CatalogueUpdater::latestLocalCatalogue(m_dataDirectory);
    m_folder = config.value(WorkstationConfig::kCatalogue);
    if (m_folder.isEmpty() && !m_synced.isEmpty())
        m_catalogueSource = CatalogueSource::Synced;
    connect(
        m_enrolment, &WorkstationEnrolment::finished, this, [this](bool enrolled, const QString &message) {
            if (enrolled) {
                const sync::Enrolment &given = *m_enrolment->outcome();
                m_enrolled = true;
                if (given.hall.size() == 8) {
                    m_division = given.hall.left(6);
                    m_suffix = given.hall.mid(6);
                }
                m_counter = given.counterNumber;
                // A code is good once: the server has marked it used.
                if (m_enrolCode == m_config.value(WorkstationConfig::kEnrolCode))
                    (void)m_config.markEnrolCodeUsed(m_enrolCode);
                m_synced = sync::CatalogueUpdater::latestLocalCatalogue(m_dataDirectory);
                if (!m_synced.isEmpty() && m_folder.isEmpty())
                    m_catalogueSource = CatalogueSource::Synced;
            }
            Q_EMIT enrolmentFinished(enrolled, message);
            touch();
        });
}

HallSetup::~HallSetup() = default;

QList<Division> HallSetup::provinces()
{
    return named(AdministrativeDivisions::builtIn().provinces());
}

QList<Division> HallSetup::divisionsUnder(const QString &code)
{
    return named(AdministrativeDivisions::builtIn().children(code));
}

QString HallSetup::divisionName(const QString &code)
{
    return AdministrativeDivisions::builtIn().fullName(code);
}

QStringList HallSetup::divisionPath(const QString &code)
{
    const AdministrativeDivisions &table = AdministrativeDivisions::builtIn();
    QStringList path;
    for (QString at = code; table.isKnown(at); at = table.parent(at))
        path.prepend(at);
    return path;
}

void HallSetup::setDivision(const QString &code)
{
    m_division = code;
    touch();
}

void HallSetup::setHallSuffix(const QString &suffix)
{
    m_suffix = suffix.trimmed().toUpper();
    touch();
}

void HallSetup::setCounter(int counter)
{
    m_counter = counter;
    touch();
}

void HallSetup::setConnection(Connection connection)
{
    m_connection = connection;
    touch();
}

void HallSetup::setServer(const QString &server)
{
    m_server = server.trimmed();
    touch();
}

void HallSetup::setEnrolCode(const QString &code)
{
    m_enrolCode = code.trimmed();
    touch();
}

bool HallSetup::isEnrolling() const
{
    return m_enrolment->isRunning();
}

void HallSetup::enrol()
{
    m_enrolment->start(m_dataDirectory, m_server, m_enrolCode);
    touch();
}

void HallSetup::setCatalogueSource(CatalogueSource source)
{
    m_catalogueSource = source;
    touch();
}

void HallSetup::setCatalogueFolder(const QString &folder)
{
    m_folder = folder;
    m_catalogueSource = CatalogueSource::Folder;
    touch();
}

QString HallSetup::catalogue() const
{
    return m_catalogueSource == CatalogueSource::Synced ? m_synced : m_folder;
}

QString HallSetup::problem() const
{
    const AdministrativeDivisions &table = AdministrativeDivisions::builtIn();
    if (!m_enrolled) {
        // A hall sits in a county, or in a city without counties (东莞, 中山…).
        if (!table.isKnown(m_division) || table.isAbolished(m_division)
            || AdministrativeDivisions::level(m_division) == AdministrativeDivisions::Level::Province
            || !table.children(m_division).isEmpty())
            return QCoreApplication::translate("ow::setup", "Choose the county or district of the hall.");
        static const QRegularExpression suffix(QStringLiteral("^[0-9A-Z]{2}$"));
        if (!suffix.match(m_suffix).hasMatch())
            return QCoreApplication::translate(
                "ow::setup", "The hall number is two characters, digits or capital letters (01, 02, A1…).");
        if (m_counter < 0 || m_counter > 99)
            return QCoreApplication::translate("ow::setup", "The counter number is 0 to 99.");
        if (m_connection == Connection::Server)
            return QCoreApplication::translate(
                "ow::setup", "Enrol with the server first, or choose \"standalone\".");
    }
    if (catalogue().isEmpty())
        return m_catalogueSource == CatalogueSource::Synced
            ? QCoreApplication::translate(
                "ow::setup", "No catalogue has been synced yet; choose a catalogue folder.")
            : QCoreApplication::translate("ow::setup", "Choose the catalogue folder.");
    if (!QFileInfo(catalogue()).isDir())
        return QCoreApplication::translate("ow::setup", "The catalogue folder %1 does not exist.")
            .arg(QDir::toNativeSeparators(catalogue()));
    return {};
}

Result<void> HallSetup::save()
{
    const bool standalone = !m_enrolled && m_connection == Connection::Standalone;
    return m_config.saveUserValues({{QString(WorkstationConfig::kHall), hallCode()},
        {QString(WorkstationConfig::kCounter), QString::number(m_counter)},
        {QString(WorkstationConfig::kServer), standalone ? QString() : m_server},
        {QString(WorkstationConfig::kStandalone), standalone ? QStringLiteral("true") : QString()},
        // Empty: start on the newest synced catalogue, whichever it is by then.
        {QString(WorkstationConfig::kCatalogue),
            m_catalogueSource == CatalogueSource::Folder ? m_folder : QString()}});
}

void HallSetup::touch()
{
    Q_EMIT changed();
}

} // namespace ow::setup
