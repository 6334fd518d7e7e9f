#pragma once

#include "core/Result.h"
#include "server/DeliveryOutbox.h"

class QSettings;

namespace ow::server {

/// The `[push]` group of `--push-settings FILE` (docs/deployment.md): how the server pushes cases to
/// department systems — its back-off, when a delivery is dead, how long attachment links last, and
/// the address departments reach the server at. Checked whole at start like the other settings files.
class PushSettingsFile
{
public:
    static Result<DeliveryPolicy> load(const QString &path);
    /// The reader of the group, for load() and tests.
    static Result<DeliveryPolicy> parse(const QSettings &settings);
    static QStringList keys();
};

} // namespace ow::server
