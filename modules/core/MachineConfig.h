#pragma once

#include "core/Result.h"

#include <QHash>
#include <QString>
#include <QStringList>

class QSettings;

namespace ow {

/// The machine-wide configuration file the installer writes and IT edits (INI, read only here):
/// `/etc/onewindow/onewindow.conf` (`%ProgramData%\OneWindow\onewindow.ini` on Windows) for the
/// workstation, `/etc/onewindow/server.conf` for the server. docs/deployment.md lists every key.
class MachineConfig
{
public:
    /// The workstation's file: $OW_MACHINE_CONFIG when set (tests, a second counter on one
    /// machine), else the platform's place above.
    static QString workstationPath();
    /// The server's file: $OW_SERVER_CONFIG when set, else `/etc/onewindow/server.conf`
    /// (`%ProgramData%\OneWindow\server.ini` on Windows).
    static QString serverPath();

    /// Reads the keys of `group` ("" for keys before any section). A missing file is an empty
    /// configuration (a counter set up by hand has none); an unreadable or malformed one is an error,
    /// since IT meant something by it. Empty values count as unset.
    static Result<MachineConfig> load(const QString &path, const QString &group);
    /// The non-empty values of `group` in `settings`, keys spelt with '-' ("data_dir" → "data-dir",
    /// so the server's systemd EnvironmentFile spelling and the command line's meet).
    static QHash<QString, QString> values(QSettings &settings, const QString &group);

    const QString &path() const { return m_path; }
    bool contains(const QString &key) const { return m_values.contains(key); }
    QString value(const QString &key) const { return m_values.value(key); }
    const QHash<QString, QString> &values() const { return m_values; }
    /// The values as command-line arguments for a parser whose later options win: `--key value` for
    /// each of `valueOptions` set here, `--flag` for each of `flagOptions` set to true/on/yes/1.
    QStringList arguments(const QStringList &valueOptions, const QStringList &flagOptions) const;

private:
    QString m_path;
    QHash<QString, QString> m_values;
};

} // namespace ow
