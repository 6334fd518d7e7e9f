#pragma once

#include "core/Result.h"
#include "supervision/SupervisionRules.h"

namespace ow::server {

/// The hall's supervision settings file (`--supervision-settings`, docs/supervision.md): the
/// `[supervision]` group read by supervision::SupervisionRules::load, checked whole at start so a
/// typo stops the server at its file:line instead of warning by rules nobody meant.
class SupervisionSettingsFile
{
public:
    static Result<supervision::SupervisionRules> load(const QString &path);
    /// The keys of the `[supervision]` group.
    static const QStringList &keys();
};

} // namespace ow::server
