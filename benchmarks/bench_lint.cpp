// The linter over a whole synthetic catalogue of Lucheng's size (1,060 matters, ~3,000 materials):
// every situation of every matter enumerated and checked, as `onewindow-cli catalogue lint` does
// before a catalogue version is published. Target: under 5 s.

#include "BenchCatalogue.h"
#include "catalogue/Linter.h"

#include <benchmark/benchmark.h>

namespace {

void BM_LintCatalogue(benchmark::State &state)
{
    const ow::catalogue::CataloguePtr catalogue = ow::bench::syntheticCatalogue(int(state.range(0)));
    if (!catalogue) {
        state.SkipWithError("the synthetic catalogue could not be written or loaded");
        return;
    }
    ow::catalogue::LintReport report;
    for (auto _ : state) {
        report = ow::catalogue::Linter(catalogue).run();
        benchmark::DoNotOptimize(report.diagnostics.size());
    }
    state.counters["matters"] = double(report.matters);
    state.counters["situations"] = double(report.situations);
    state.counters["findings"] = double(report.diagnostics.size());
}
BENCHMARK(BM_LintCatalogue)->Arg(1060)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
