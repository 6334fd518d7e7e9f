#include "core/MachineConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace ow {

namespace {

/// %ProgramData%\OneWindow on Windows, /etc/onewindow elsewhere.
QString machineFolder()
{
#ifdef Q_OS_WIN
    const QString programData = qEnvironmentVariable("ProgramData", QStringLiteral("C:/ProgramData"));
    return QDir(programData).filePath(QStringLiteral("OneWindow"));
#else
    return QStringLiteral("/etc/onewindow");
#endif
}

} // namespace

QString MachineConfig::workstationPath()
{
    if (!qEnvironmentVariableIsEmpty("OW_MACHINE_CONFIG"))
        return qEnvironmentVariable("OW_MACHINE_CONFIG");
#ifdef Q_OS_WIN
    return QDir(machineFolder()).filePath(QStringLiteral("onewindow.ini"));
#else
    return QDir(machineFolder()).filePath(QStringLiteral("onewindow.conf"));
#endif
}

QString MachineConfig::serverPath()
{
    if (!qEnvironmentVariableIsEmpty("OW_SERVER_CONFIG"))
        return qEnvironmentVariable("OW_SERVER_CONFIG");
#ifdef Q_OS_WIN
    return QDir(machineFolder()).filePath(QStringLiteral("server.ini"));
#else
    return QDir(machineFolder()).filePath(QStringLiteral("server.conf"));
#endif
}

Result<MachineConfig> MachineConfig::load(const QString &path, const QString &group)
{
    MachineConfig config;
    config.m_path = path;
    const QFileInfo file(path);
    if (!file.exists())
        return config;
    if (!file.isFile() || !file.isReadable())
        return fail(Error::Code::Io,
            QCoreApplication::translate(
                "ow::MachineConfig", "The configuration file %1 cannot be read; check its permissions.")
                .arg(QDir::toNativeSeparators(path)));
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return fail(Error::Code::Parse,
            QCoreApplication::translate(
                "ow::MachineConfig", "The configuration file %1 is not a valid INI file.")
                .arg(QDir::toNativeSeparators(path)));
    config.m_values = values(settings, group);
    return config;
}

QHash<QString, QString> MachineConfig::values(QSettings &settings, const QString &group)
{
    QHash<QString, QString> result;
    if (!group.isEmpty())
        settings.beginGroup(group);
    const QStringList keys = settings.childKeys();
    for (const QString &key : keys) {
        // QSettings knows only ';' comments; the server's file is also a systemd EnvironmentFile,
        // whose comments start with '#'.
        if (key.startsWith(QLatin1Char('#')))
            continue;
        const QVariant raw = settings.value(key);
        // QSettings splits an unquoted value at commas; IT wrote one value, so put it back together.
        const QString value
            = (raw.typeId() == QMetaType::QStringList ? raw.toStringList().join(QLatin1Char(','))
                                                      : raw.toString())
                  .trimmed();
        if (!value.isEmpty())
            result.insert(QString(key).replace(QLatin1Char('_'), QLatin1Char('-')), value);
    }
    if (!group.isEmpty())
        settings.endGroup();
    return result;
}

QStringList MachineConfig::arguments(const QStringList &valueOptions, const QStringList &flagOptions) const
{
    QStringList result;
    for (const QString &option : valueOptions)
        if (m_values.contains(option))
            result << QStringLiteral("--") + option << m_values.value(option);
    for (const QString &flag : flagOptions) {
        const QString text = m_values.value(flag).toLower();
        if (text == QLatin1String("true") || text == QLatin1String("on") || text == QLatin1String("yes")
            || text == QLatin1String("1"))
            result << QStringLiteral("--") + flag;
    }
    return result;
}

} // namespace ow
