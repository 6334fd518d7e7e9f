// The catalogue editor (docs/editor.md) on a synthetic catalogue of Lucheng's size (1,060 matters):
// opening the folder into the document, one edit re-linted as the editor does after each keystroke
// (loaded from the text in memory, the edited matter's file linted again), the whole catalogue
// linted from memory (opening, saving, an edit of the material library), and saving one edited file.
// Target: each under the 100 ms a person notices.

#include "BenchCatalogue.h"
#include "authoring/CatalogueDocument.h"
#include "authoring/LiveLint.h"

#include <benchmark/benchmark.h>

namespace {

using ow::authoring::CatalogueDocument;
using ow::authoring::LiveLint;
using ow::authoring::NodeRef;

std::unique_ptr<CatalogueDocument> openSynthetic(benchmark::State &state)
{
    const QString dir = ow::bench::syntheticCatalogueDir(int(state.range(0)));
    if (dir.isEmpty()) {
        state.SkipWithError("the synthetic catalogue could not be written");
        return nullptr;
    }
    auto opened = CatalogueDocument::open(dir);
    if (!opened) {
        state.SkipWithError("the synthetic catalogue could not be opened");
        return nullptr;
    }
    return std::move(*opened);
}

/// The matter in the middle of the matters' files, whose name the benchmarks change.
NodeRef middleMatter(const CatalogueDocument &document)
{
    QStringList matters;
    for (const QString &file : document.files())
        if (file.startsWith(QLatin1StringView("matters/")))
            matters.append(file);
    const QString file = matters.at(matters.size() / 2);
    return {file, document.nodes(file).first().where.line};
}

/// Renames the matter to the other of two names, so every edit changes the text (also the text a
/// previous run saved).
void renameMatter(CatalogueDocument &document, const NodeRef &matter)
{
    const bool renamed = document.node(matter)->value == QStringLiteral("改名的事项");
    const auto edit
        = document.setValue(matter, renamed ? QStringLiteral("事项") : QStringLiteral("改名的事项"));
    if (!edit || !document.apply(*edit))
        std::abort();
}

void BM_OpenDocument(benchmark::State &state)
{
    // The catalogue is generated before the clock starts.
    if (!openSynthetic(state))
        return;
    for (auto _ : state) {
        auto document = openSynthetic(state);
        benchmark::DoNotOptimize(document->files().size());
    }
}
BENCHMARK(BM_OpenDocument)->Arg(1060)->Unit(benchmark::kMillisecond);

void BM_RelintAfterEdit(benchmark::State &state)
{
    auto document = openSynthetic(state);
    if (!document)
        return;
    LiveLint lint(*document);
    lint.lintAll();
    const NodeRef matter = middleMatter(*document);
    for (auto _ : state) {
        renameMatter(*document, matter);
        lint.relint(matter.file);
        benchmark::DoNotOptimize(lint.problems().size());
    }
    state.counters["problems"] = double(lint.problems().size());
}
BENCHMARK(BM_RelintAfterEdit)->Arg(1060)->Unit(benchmark::kMillisecond);

void BM_LintAllFromMemory(benchmark::State &state)
{
    auto document = openSynthetic(state);
    if (!document)
        return;
    LiveLint lint(*document);
    for (auto _ : state) {
        lint.lintAll();
        benchmark::DoNotOptimize(lint.problems().size());
    }
    state.counters["problems"] = double(lint.problems().size());
}
BENCHMARK(BM_LintAllFromMemory)->Arg(1060)->Unit(benchmark::kMillisecond);

void BM_SaveOneEdit(benchmark::State &state)
{
    auto document = openSynthetic(state);
    if (!document)
        return;
    const NodeRef matter = middleMatter(*document);
    for (auto _ : state) {
        renameMatter(*document, matter);
        const auto saved = document->save();
        if (!saved || saved->written.size() != 1) {
            state.SkipWithError(
                saved ? "more or less than the edited file was saved" : qPrintable(saved.error().toString()));
            return;
        }
    }
}
BENCHMARK(BM_SaveOneEdit)->Arg(1060)->Unit(benchmark::kMillisecond);

void BM_PendingChanges(benchmark::State &state)
{
    auto document = openSynthetic(state);
    if (!document)
        return;
    renameMatter(*document, middleMatter(*document));
    for (auto _ : state)
        benchmark::DoNotOptimize(LiveLint::pendingChanges(*document).isEmpty());
}
BENCHMARK(BM_PendingChanges)->Arg(1060)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
