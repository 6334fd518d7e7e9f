#pragma once

#include "SyntheticMatterBuilder.h"

#include <QString>

namespace ow::synthgen {

/// Writes a generated matter in the catalogue's text format (docs/catalogue-format.md §6–§9).
class MatterText
{
public:
    static QString render(const MatterDraft &draft);
};

} // namespace ow::synthgen
