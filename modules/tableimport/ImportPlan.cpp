#include "tableimport/ImportPlan.h"

namespace ow::tableimport {

int ImportPlan::createdCount() const
{
    return int(std::count_if(materials.cbegin(), materials.cend(),
        [](const PlannedMaterial &material) { return material.created; }));
}

} // namespace ow::tableimport
