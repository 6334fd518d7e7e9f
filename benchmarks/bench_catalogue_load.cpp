// CatalogueLoader::load of a synthetic catalogue of Lucheng's size (1,060 matters, ~3,000 materials,
// ~60 bundles) — what the workstation does at start and whenever a new catalogue version arrives.
// Target: under 300 ms for 1,060 matters. The 3,000-matter case shows how loading scales.

#include "BenchCatalogue.h"

#include <benchmark/benchmark.h>

namespace {

void BM_LoadCatalogue(benchmark::State &state)
{
    const int matters = int(state.range(0));
    const QString dir = ow::bench::syntheticCatalogueDir(matters);
    if (dir.isEmpty()) {
        state.SkipWithError("could not write the synthetic catalogue");
        return;
    }
    qsizetype materials = 0;
    for (auto _ : state) {
        const auto outcome = ow::catalogue::CatalogueLoader::load(dir);
        if (!outcome.catalogue) {
            state.SkipWithError("the synthetic catalogue did not load");
            return;
        }
        materials = outcome.catalogue->materials.size();
        benchmark::DoNotOptimize(outcome.catalogue.get());
    }
    state.counters["matters"] = double(matters);
    state.counters["materials"] = double(materials);
}
BENCHMARK(BM_LoadCatalogue)->Arg(1060)->Arg(3000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
