// How `catalogue lint` and `catalogue paths` grow with the size of one matter: loading the folder and
// linting it, or loading it and writing every situation, for three shapes that once grew
// quadratically or worse (chained questions, questions each asked once the one before is answered,
// conditional requirement lines, a question with very many options). Each size doubles the one before, so
// near-linear growth shows as times that roughly double from row to row. The editor lints as the author
// types: a matter of the largest sizes below must still lint in well under a second.

#include "BenchLargeMatter.h"
#include "catalogue/Linter.h"
#include "catalogue/PathsReport.h"

#include <benchmark/benchmark.h>

namespace {

using ow::bench::LargeShape;

template<LargeShape shape> void BM_Lint(benchmark::State &state)
{
    const auto dir = ow::bench::largeMatterDir(shape, int(state.range(0)));
    if (!dir) {
        state.SkipWithError("could not write the catalogue");
        return;
    }
    ow::catalogue::LintReport report;
    for (auto _ : state) {
        const auto outcome = ow::catalogue::CatalogueLoader::load(dir->path());
        if (!outcome.catalogue) {
            state.SkipWithError("the catalogue did not load");
            return;
        }
        report = ow::catalogue::Linter(outcome.catalogue).run();
        benchmark::DoNotOptimize(report.diagnostics.size());
    }
    state.counters["situations"] = double(report.situations);
    state.counters["findings"] = double(report.diagnostics.size());
}

template<LargeShape shape> void BM_Paths(benchmark::State &state)
{
    const auto dir = ow::bench::largeMatterDir(shape, int(state.range(0)));
    if (!dir) {
        state.SkipWithError("could not write the catalogue");
        return;
    }
    qsizetype size = 0;
    for (auto _ : state) {
        const auto outcome = ow::catalogue::CatalogueLoader::load(dir->path());
        if (!outcome.catalogue) {
            state.SkipWithError("the catalogue did not load");
            return;
        }
        const ow::catalogue::SituationEngine engine(outcome.catalogue);
        size = ow::catalogue::PathsReport(engine).text().size();
        benchmark::DoNotOptimize(size);
    }
    state.counters["characters"] = double(size);
}

void BM_LintChainedQuestions(benchmark::State &state)
{
    BM_Lint<LargeShape::ChainedQuestions>(state);
}
void BM_PathsChainedQuestions(benchmark::State &state)
{
    BM_Paths<LargeShape::ChainedQuestions>(state);
}
void BM_LintAnsweredChain(benchmark::State &state)
{
    BM_Lint<LargeShape::AnsweredChain>(state);
}
void BM_PathsAnsweredChain(benchmark::State &state)
{
    BM_Paths<LargeShape::AnsweredChain>(state);
}
void BM_LintConditionalRequirements(benchmark::State &state)
{
    BM_Lint<LargeShape::ConditionalRequirements>(state);
}
void BM_PathsConditionalRequirements(benchmark::State &state)
{
    BM_Paths<LargeShape::ConditionalRequirements>(state);
}
void BM_LintManyOptions(benchmark::State &state)
{
    BM_Lint<LargeShape::ManyOptions>(state);
}
void BM_PathsManyOptions(benchmark::State &state)
{
    BM_Paths<LargeShape::ManyOptions>(state);
}

BENCHMARK(BM_LintChainedQuestions)->Arg(100)->Arg(200)->Arg(400)->Arg(800)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PathsChainedQuestions)->Arg(100)->Arg(200)->Arg(400)->Arg(800)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LintAnsweredChain)->Arg(100)->Arg(200)->Arg(400)->Arg(800)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PathsAnsweredChain)->Arg(100)->Arg(200)->Arg(400)->Arg(800)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LintConditionalRequirements)
    ->Arg(400)
    ->Arg(800)
    ->Arg(1600)
    ->Arg(3200)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PathsConditionalRequirements)
    ->Arg(400)
    ->Arg(800)
    ->Arg(1600)
    ->Arg(3200)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LintManyOptions)->Arg(4000)->Arg(8000)->Arg(16000)->Arg(32000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PathsManyOptions)->Arg(4000)->Arg(8000)->Arg(16000)->Arg(32000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
