#pragma once

#include "core/LayeredConfig.h"
#include "core/Result.h"

#include <QHash>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

namespace ow::setup {

/// The workstation's configuration: every key of docs/deployment.md looked up command line >
/// per-user settings > machine-wide file > defaults, and the per-user state that the first-run
/// setup writes (the chosen hall, the enrolment code already used).
class WorkstationConfig
{
public:
    static constexpr QLatin1StringView kGroup {"workstation"};
    static constexpr QLatin1StringView kHall {"hall"};
    static constexpr QLatin1StringView kCounter {"counter"};
    static constexpr QLatin1StringView kServer {"server"};
    static constexpr QLatin1StringView kEnrolCode {"enrol-code"};
    static constexpr QLatin1StringView kStandalone {"standalone"};
    static constexpr QLatin1StringView kDataDir {"data-dir"};
    static constexpr QLatin1StringView kCatalogue {"catalogue"};
    static constexpr QLatin1StringView kLang {"lang"};
    static constexpr QLatin1StringView kDevices {"devices"};
    static constexpr QLatin1StringView kSettings {"settings"};
    static constexpr QLatin1StringView kPrintWithoutDialog {"print-without-dialog"};
    static constexpr QLatin1StringView kLockMinutes {"lock-minutes"};
    static constexpr QLatin1StringView kPracticeQuestions {"practice-questions"};
    static constexpr QLatin1StringView kPracticePassMark {"practice-pass-mark"};
    /// The data-sharing platform (docs/data-sharing.md): its base URL, this hall's app id and
    /// secret, and how many seconds a fetch may take.
    static constexpr QLatin1StringView kSharingEndpoint {"sharing-endpoint"};
    static constexpr QLatin1StringView kSharingAppId {"sharing-app-id"};
    static constexpr QLatin1StringView kSharingSecret {"sharing-secret"};
    static constexpr QLatin1StringView kSharingTimeout {"sharing-timeout"};

    /// Every key, in the order docs/deployment.md lists them.
    static QStringList keys();
    /// The person's own settings file: $OW_USER_CONFIG when set, else `onewindow/onewindow.ini`
    /// in the user's configuration folder (~/.config on Linux, %LOCALAPPDATA% on Windows).
    static QString userSettingsPath();

    /// Reads the layers. `commandLine` holds the options given (flags as "true"); a missing user
    /// or machine file is empty, an unreadable one an error.
    static Result<WorkstationConfig> load(
        const QHash<QString, QString> &commandLine, const QString &userPath, const QString &machinePath);

    const LayeredConfig &layers() const { return m_layers; }
    QString value(QLatin1StringView key) const { return m_layers.value(QString(key)); }
    bool isOn(QLatin1StringView key) const { return m_layers.isOn(QString(key)); }
    const QString &userPath() const { return m_userPath; }
    const QString &machinePath() const { return m_machinePath; }

    /// True when the hall (8 characters, docs/case-number.md) and counter (0–99) are known and well
    /// formed, and the server, if any, can be reached with an
    /// enrolment or a code: then the first-run setup is not needed. `enrolled` says whether the
    /// store already holds an enrolment.
    bool isComplete(bool enrolled) const;
    /// The enrolment code to use at this start: the configured one unless it was used already.
    QString pendingEnrolCode() const;
    /// Remembers in the per-user state that `code` was used, so it is not tried again.
    Result<void> markEnrolCodeUsed(const QString &code);
    /// Writes `values` to the per-user settings (empty values remove the key) and to the layer.
    Result<void> saveUserValues(const QHash<QString, QString> &values);

private:
    static QString fingerprint(const QString &code);

    LayeredConfig m_layers;
    QString m_userPath;
    QString m_machinePath;
    QString m_usedEnrolCode; ///< fingerprint of the code already used, from the per-user state
};

} // namespace ow::setup
