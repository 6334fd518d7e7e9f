#include "setup/WorkstationConfig.h"

#include "core/MachineConfig.h"
#include "core/Sha256.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace ow::setup {

namespace {

constexpr QLatin1StringView kStateGroup {"state"};
constexpr QLatin1StringView kUsedEnrolCode {"used-enrol-code"};

Result<void> checkWritten(const QSettings &settings)
{
    if (settings.status() == QSettings::NoError)
        return {};
    return fail(Error::Code::Io,
        QCoreApplication::translate("ow::setup", "The settings file %1 cannot be written.")
            .arg(QDir::toNativeSeparators(settings.fileName())));
}

} // namespace

QStringList WorkstationConfig::keys()
{
    return {kHall, kCounter, kServer, kEnrolCode, kStandalone, kDataDir, kCatalogue, kLang, kDevices,
        kSettings, kPrintWithoutDialog, kLockMinutes, kPracticeQuestions, kPracticePassMark, kSharingEndpoint,
        kSharingAppId, kSharingSecret, kSharingTimeout};
}

QString WorkstationConfig::userSettingsPath()
{
    if (!qEnvironmentVariableIsEmpty("OW_USER_CONFIG"))
        return qEnvironmentVariable("OW_USER_CONFIG");
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("onewindow/onewindow.ini"));
}

Result<WorkstationConfig> WorkstationConfig::load(
    const QHash<QString, QString> &commandLine, const QString &userPath, const QString &machinePath)
{
    WorkstationConfig config;
    config.m_userPath = userPath;
    config.m_machinePath = machinePath;
    Result<MachineConfig> machine = MachineConfig::load(machinePath, kGroup);
    if (!machine)
        return Failure {machine.error()};
    Result<MachineConfig> user = MachineConfig::load(userPath, kGroup);
    if (!user)
        return Failure {user.error()};
    Result<MachineConfig> state = MachineConfig::load(userPath, kStateGroup);
    if (!state)
        return Failure {state.error()};
    config.m_usedEnrolCode = state->value(kUsedEnrolCode);
    config.m_layers.setLayer(LayeredConfig::Source::CommandLine, commandLine);
    config.m_layers.setLayer(LayeredConfig::Source::User, user->values());
    config.m_layers.setLayer(LayeredConfig::Source::Machine, machine->values());
    config.m_layers.setLayer(LayeredConfig::Source::Default,
        {{kLockMinutes, QStringLiteral("10")}, {kLang, QStringLiteral("zh_CN")},
            {kPracticeQuestions, QStringLiteral("10")}, {kPracticePassMark, QStringLiteral("80")},
            {kSharingTimeout, QStringLiteral("15")}});
    return config;
}

bool WorkstationConfig::isComplete(bool enrolled) const
{
    if (enrolled)
        return true;
    // A malformed hall or counter from a file would number every case wrongly: ask instead.
    static const QRegularExpression hall(QStringLiteral("^[0-9]{6}[0-9A-Z]{2}$"));
    bool counterOk = false;
    const int counter = value(kCounter).toInt(&counterOk);
    if (!hall.match(value(kHall)).hasMatch() || !counterOk || counter < 0 || counter > 99)
        return false;
    return isOn(kStandalone) || value(kServer).isEmpty() || !pendingEnrolCode().isEmpty();
}

QString WorkstationConfig::pendingEnrolCode() const
{
    const QString code = value(kEnrolCode);
    if (code.isEmpty() || fingerprint(code) == m_usedEnrolCode)
        return {};
    return code;
}

Result<void> WorkstationConfig::markEnrolCodeUsed(const QString &code)
{
    QDir().mkpath(QFileInfo(m_userPath).absolutePath());
    QSettings settings(m_userPath, QSettings::IniFormat);
    settings.setValue(QString(kStateGroup) + QLatin1Char('/') + kUsedEnrolCode, fingerprint(code));
    settings.sync();
    if (Result<void> written = checkWritten(settings); !written)
        return written;
    m_usedEnrolCode = fingerprint(code);
    return {};
}

Result<void> WorkstationConfig::saveUserValues(const QHash<QString, QString> &values)
{
    QDir().mkpath(QFileInfo(m_userPath).absolutePath());
    QSettings settings(m_userPath, QSettings::IniFormat);
    settings.beginGroup(kGroup);
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (it.value().isEmpty())
            settings.remove(it.key());
        else
            settings.setValue(it.key(), it.value());
        m_layers.set(LayeredConfig::Source::User, it.key(), it.value());
    }
    settings.endGroup();
    settings.sync();
    return checkWritten(settings);
}

QString WorkstationConfig::fingerprint(const QString &code)
{
    // Only a hash is kept: the per-user file is not the place for a secret, even a used one.
    return Sha256::hex(code.trimmed().toUtf8());
}

} // namespace ow::setup
