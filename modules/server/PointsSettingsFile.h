#pragma once

#include "core/Result.h"
#include "supervision/PointsRules.h"

namespace ow::server {

/// The `[points]` group of the hall's supervision settings file (`--supervision-settings`,
/// docs/supervision.md): the weights of clerks' points and the thresholds of their grades, read by
/// supervision::PointsRules::load and checked whole at start, so a typo stops the server at its
/// file:line.
class PointsSettingsFile
{
public:
    static Result<supervision::PointsRules> load(const QString &path);
};

} // namespace ow::server
