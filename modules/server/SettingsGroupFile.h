#pragma once

#include "core/Result.h"

#include <QHash>
#include <QSettings>
#include <QStringList>

namespace ow::server {

/// A settings file given to the server whose one INI group holds known keys (`--queue-settings`,
/// `--supervision-settings`), checked whole at start: an unreadable file, a key the group does not
/// take, or a value its rules refuse stops the server with the file and the line, instead of running
/// on settings nobody meant.
class SettingsGroupFile
{
public:
    /// What the file holds; the messages are translated by the caller, each in its own words.
    struct Group
    {
        QString name; ///< the INI group, e.g. "queue"
        QStringList keys; ///< the keys the group takes
        QString unreadable; ///< %1: the system's reason
        QString unknownKey; ///< %1: the key found, %2: the keys the group takes
        QString notIni;
    };

    /// Reads `path` with `parse` (the rules' own reader of a QSettings), pointing any refusal at
    /// the line of the key it names ("queue/max_calls …").
    template<typename Rules>
    static Result<Rules> load(
        const QString &path, const Group &group, Result<Rules> (*parse)(const QSettings &))
    {
        Result<QHash<QString, int>> lines = keyLines(path, group);
        if (!lines)
            return failWith(lines.error());
        QSettings settings(path, QSettings::IniFormat);
        if (settings.status() != QSettings::NoError)
            return fail(Error::Code::Parse, group.notIni, SourceLocation {path, 0, 0});
        Result<Rules> rules = parse(settings);
        if (rules)
            return rules;
        return failWith(located(rules.error(), path, group, *lines));
    }

private:
    /// Each key of the group with its line number; an error at the first key the group does not take.
    static Result<QHash<QString, int>> keyLines(const QString &path, const Group &group);
    /// `error` at the line of the first "group/key" its message names.
    static Error located(
        const Error &error, const QString &path, const Group &group, const QHash<QString, int> &lines);
};

} // namespace ow::server
