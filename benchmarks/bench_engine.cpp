// SituationEngine on realistic matters:
//  - evaluate() after the clerk changes one answer: the work done on every click of the interview,
//    the checklist included. Target: median under 50 µs.
//  - situations() of every matter of a catalogue: what `onewindow-cli catalogue paths` does.

#include "BenchCatalogue.h"
#include "catalogue/SituationEngine.h"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <optional>

using namespace ow::catalogue;

namespace {

/// A matter and two complete answer sets that differ in the first question's answer.
struct AnswerChange
{
    CataloguePtr catalogue;
    const Matter *matter = nullptr;
    Answers before;
    Answers after;
};

std::optional<AnswerChange> answerChange(const CataloguePtr &catalogue, const Matter *matter)
{
    if (!catalogue || !matter || matter->questions.isEmpty())
        return std::nullopt;
    const QList<Situation> all = SituationEngine(catalogue).situations(*matter);
    if (all.isEmpty())
        return std::nullopt;
    const Answers before = all.at(all.size() / 2).answers;
    const Question &first = matter->questions.first();
    const Answer *current = before.find(first.id);
    if (!current)
        return std::nullopt;
    Answer other = *current;
    if (first.type == QuestionType::Number) {
        other = Answer::numeric(current->number + 1000);
    } else if (first.type == QuestionType::Multi) {
        QStringList options = current->options;
        const QString toggled = first.options.first().id;
        if (!options.removeOne(toggled))
            options.append(toggled);
        other = Answer::multi(options);
    } else {
        for (const Option &option : first.options)
            if (option.id != current->option)
                other = Answer::single(option.id);
    }
    Answers after = before;
    after.set(first.id, other);
    return AnswerChange {catalogue, matter, before, after};
}

/// The synthetic matter with the median number of situations among those with two or more
/// questions (`typical`), and the one with the most (`largest`).
QPair<const Matter *, const Matter *> syntheticPicks(const CataloguePtr &catalogue)
{
    if (!catalogue)
        return {};
    const SituationEngine engine(catalogue);
    QList<QPair<qsizetype, const Matter *>> sized;
    for (const Matter &m : catalogue->matters)
        if (m.questions.size() >= 2)
            sized.append({engine.situations(m).size(), &m});
    if (sized.isEmpty())
        return {};
    std::stable_sort(
        sized.begin(), sized.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return {sized.at(sized.size() / 2).second, sized.last().second};
}

const Matter *demoPick(const CataloguePtr &catalogue)
{
    // The demo matter with the most questions: a hand-written one like 公共场所卫生许可.
    if (!catalogue)
        return nullptr;
    const Matter *best = nullptr;
    for (const Matter &m : catalogue->matters)
        if (!best || m.questions.size() > best->questions.size())
            best = &m;
    return best;
}

void registerEvaluate(const char *name, std::optional<AnswerChange> change)
{
    benchmark::RegisterBenchmark(name,
        [change](benchmark::State &state) {
            if (!change) {
                state.SkipWithError("no such catalogue or matter (does the catalogue load without errors?)");
                return;
            }
            const SituationEngine engine(change->catalogue);
            bool flip = false;
            for (auto _ : state) {
                const Evaluation e = engine.evaluate(*change->matter, flip ? change->after : change->before);
                benchmark::DoNotOptimize(e.checklist.lines.size());
                flip = !flip;
            }
            state.SetLabel(change->matter->code.toStdString());
            state.counters["questions"] = double(change->matter->questions.size());
        })
        ->Unit(benchmark::kMicrosecond)
        ->Repetitions(5)
        ->ReportAggregatesOnly(true);
}

void registerSituations(const char *name, const CataloguePtr &catalogue)
{
    benchmark::RegisterBenchmark(name, [catalogue](benchmark::State &state) {
        if (!catalogue) {
            state.SkipWithError("the catalogue did not load without errors");
            return;
        }
        const SituationEngine engine(catalogue);
        qsizetype situations = 0;
        for (auto _ : state) {
            situations = 0;
            for (const Matter &m : catalogue->matters)
                situations += engine.situations(m).size();
            benchmark::DoNotOptimize(situations);
        }
        state.counters["matters"] = double(catalogue->matters.size());
        state.counters["situations"] = double(situations);
    })->Unit(benchmark::kMillisecond);
}

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;

    const CataloguePtr synthetic = ow::bench::syntheticCatalogue();
    const CataloguePtr demo = ow::bench::demoCatalogue();
    const auto [typical, largest] = syntheticPicks(synthetic);
    registerEvaluate("BM_EvaluateAfterAnswerChange/synthetic-typical", answerChange(synthetic, typical));
    registerEvaluate("BM_EvaluateAfterAnswerChange/synthetic-largest", answerChange(synthetic, largest));
    registerEvaluate("BM_EvaluateAfterAnswerChange/demo", answerChange(demo, demoPick(demo)));
    registerSituations("BM_CatalogueSituations/demo", demo);
    registerSituations("BM_CatalogueSituations/synthetic", synthetic);

    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
