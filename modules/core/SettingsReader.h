#pragma once

#include "core/Result.h"

#include <QString>

class QSettings;

namespace ow {

/// Reads optional typed values from QSettings for the device settings groups, with one wording for
/// every bad value so the counter's IT staff see the same message whatever the device.
class SettingsReader
{
public:
    /// The failure for `key` holding `value`; `why` says what would be accepted.
    static Failure invalid(const QString &key, const QString &value, const QString &why);

    /// Reads a whole number in [low, high] into `target` when the key is set; an unset or empty
    /// key leaves `target` at its default.
    static Result<void> number(const QSettings &settings, const QString &key, int low, int high, int &target);

    /// Reads true/on/1 or false/off/0 (any case) into `target` when the key is set.
    static Result<void> onOff(const QSettings &settings, const QString &key, bool &target);
};

} // namespace ow
