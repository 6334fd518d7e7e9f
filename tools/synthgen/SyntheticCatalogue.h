#pragma once

#include "core/Result.h"

#include <QString>

namespace ow::synthgen {

/// Writes a realistic synthetic catalogue (docs/catalogue-format.md) for scale tests and benchmarks:
/// Lucheng's 1,060 matters over about 30 departments, ~3,000 shared materials, ~60 bundles.
/// The same options always give byte-identical files.
class SyntheticCatalogue
{
public:
    struct Options
    {
        int matters = 1060;
        quint64 seed = 1;
        bool overwrite = false; ///< replace a catalogue already in the folder
    };

    struct Summary
    {
        int departments = 0;
        int matters = 0;
        int questions = 0;
        int situations = 0; ///< summed over matters, as the generator counts them
        int maxSituations = 0;
        int materials = 0;
        int bundles = 0;
    };

    static Result<Summary> write(const QString &directory, const Options &options);
};

} // namespace ow::synthgen
