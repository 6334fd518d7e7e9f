#pragma once

// The large case stores the benchmarks measure against: built once through CaseStore::createDraft
// (real rows with JSON, masked applicant, search text, events, outbox and audit rows) with
// synchronous=OFF to save time, kept in the system temp folder and reused by later runs.

#include "cases/CaseStore.h"
#include "core/ManualClock.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <cstdio>
#include <functional>
#include <memory>

namespace ow::bench {

/// Stops the run: a benchmark without its data would measure nothing useful.
[[noreturn]] inline void exitWith(const Error &error)
{
    std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
    std::exit(1);
}

/// How to fill a benchmark store: `cases` drafts from `draft(n)`, created from `firstCreated` on
/// (315 s apart per clock read, the clock is read twice per case: about two years for 100,000), by
/// `clerks` clerks in turn; then `finishingSql` runs (spreading states, ANALYZE).
struct CaseStoreRecipe
{
    int cases = 0;
    QDateTime firstCreated;
    std::function<cases::Case(int n)> draft;
    int clerks = 1;
    QStringList finishingSql;
};

/// The store in `dir`, built from `recipe` first unless a previous run finished it. Name `dir` after
/// what it holds, so a new schema or generator builds a new one.
inline std::unique_ptr<cases::CaseStore> openBuiltCaseStore(
    const QString &dir, const cases::Workstation &workstation, const CaseStoreRecipe &recipe)
{
    using namespace Qt::StringLiterals;
    const QString complete = QDir(dir).filePath(u"complete"_s);
    if (!QFile::exists(complete)) {
        QDir(dir).removeRecursively();
        auto building = cases::CaseStore::open(dir, workstation);
        if (!building)
            exitWith(building.error());
        cases::CaseStore &s = **building;
        if (auto off = s.database().exec(u"PRAGMA synchronous=OFF"_s); !off)
            exitWith(off.error());
        // Cases created 315 s apart.
        s.setClock(ManualClock(recipe.firstCreated, 315 * 1000).clock());
        std::fprintf(stderr, "building %d cases in %s (once) ...\n", recipe.cases, qPrintable(dir));
        for (int n = 0; n < recipe.cases; ++n)
            if (auto created = s.createDraft(recipe.draft(n), u"clerk-%1"_s.arg(n % recipe.clerks)); !created)
                exitWith(created.error());
        for (const QString &sql : recipe.finishingSql)
            if (auto done = s.database().exec(sql); !done)
                exitWith(done.error());
        QFile marker(complete);
        if (!marker.open(QIODevice::WriteOnly))
            std::exit(1);
    }
    auto opened = cases::CaseStore::open(dir, workstation);
    if (!opened)
        exitWith(opened.error());
    return std::move(*opened);
}

} // namespace ow::bench
