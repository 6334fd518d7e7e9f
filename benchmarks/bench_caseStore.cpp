// The local case store at a busy hall's scale: how long a clerk waits for a durable save, and how
// quickly the case list answers with 100,000 cases stored (about two years of one county hall).
//
// The 100,000-case database is built once through CaseStore::createDraft (real rows: JSON,
// masked applicant, search text, event, outbox and audit rows) with synchronous=OFF to save time,
// then its states are spread by SQL over the lifecycle; it is kept in the system temp folder
// (onewindow-bench-cases-*) and reused by later runs.

#include "BenchCaseStore.h"
#include "cases/CaseSchema.h"
#include "cases/CaseStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace ow::cases;

namespace {

constexpr int kStoredCases = 100000;
constexpr int kDataVersion = 2; ///< bump when makeDraft() or the state spread changes

const QStringList kMatters {u"公共场所卫生许可（新发证）"_s, u"普通货物运输经营许可"_s,
    u"个体工商户设立登记"_s, u"食品经营许可"_s, u"建设项目环境影响报告表审批"_s, u"印刷经营许可"_s,
    u"药品零售企业许可"_s, u"烟草专卖零售许可"_s, u"人防工程竣工验收备案"_s,
    u"公众聚集场所投入使用营业前消防安全检查"_s};
const QStringList kSurnames {u"张"_s, u"王"_s, u"李"_s, u"赵"_s, u"陈"_s, u"刘"_s, u"杨"_s, u"黄"_s};

Workstation workstation()
{
    return Workstation {u"33030201"_s, u"W01"_s, 1};
}

Case makeDraft(int n)
{
    Case c;
    c.matterCode = u"330302-M-%1"_s.arg(n % kMatters.size(), 3, 10, QLatin1Char('0'));
    c.matterName = kMatters.at(n % kMatters.size());
    c.departmentId = u"d%1"_s.arg(n % 7);
    c.departmentName = u"区某某局"_s;
    c.promisedDays = 7;
    c.catalogueId = u"lucheng"_s;
    c.catalogueVersion = u"2026.3.1"_s;
    c.answers.set(u"place"_s, ow::catalogue::Answer::single(u"hotel"_s));
    c.situationKey = u"place=hotel"_s;
    for (int i = 0; i < 6; ++i)
        c.checklist.append(QJsonObject {{u"material"_s, u"m%1"_s.arg(i)}, {u"name"_s, u"材料名称%1"_s.arg(i)},
            {u"form"_s, u"original"_s}, {u"copies"_s, 1}, {u"waivable"_s, i == 5}});
    c.applicant.name = kSurnames.at(n % kSurnames.size()) + u"某某"_s;
    c.applicant.idNumber = u"11010519491231002X"_s;
    c.applicant.contactName = c.applicant.name;
    c.applicant.contactMobile = u"13812345678"_s;
    c.applicant.address = u"浙江省温州市鹿城区五马街%1号"_s.arg(n % 300);
    for (int i = 0; i < 6; ++i) {
        MaterialCheck check;
        check.materialId = u"m%1"_s.arg(i);
        check.status = MaterialCheck::Status::Received;
        check.copies = 1;
        check.pointsTicked = {u"p1"_s, u"p2"_s};
        c.materialChecks.append(check);
    }
    return c;
}

CaseEvent note()
{
    CaseEvent e;
    e.kind = EventKind::Note;
    e.clerk = u"clerk-1"_s;
    e.payload = QJsonObject {{u"text"_s, u"已电话告知申请人"_s}};
    return e;
}

/// The shared 100,000-case store, built on first use.
CaseStore &bigStore()
{
    static std::unique_ptr<CaseStore> store = [] {
        const QString dir
            = QDir::temp().filePath(u"onewindow-bench-cases-%1-schema%2-data%3"_s.arg(kStoredCases)
                                        .arg(CaseSchema::latestVersion())
                                        .arg(kDataVersion));
        ow::bench::CaseStoreRecipe recipe;
        recipe.cases = kStoredCases;
        recipe.firstCreated = QDateTime(QDate(2025, 1, 2), QTime(0, 30), Qt::UTC);
        recipe.draft = makeDraft;
        recipe.clerks = 12;
        // Spread the states as a hall's history looks: most cases closed, a few open.
        recipe.finishingSql
            = {u"UPDATE cases SET state = CASE"
               " WHEN id % 100 < 60 THEN 'picked-up' WHEN id % 100 < 70 THEN 'mailed'"
               " WHEN id % 100 < 75 THEN 'refused' WHEN id % 100 < 80 THEN 'correction-notice'"
               " WHEN id % 100 < 88 THEN 'in-review' WHEN id % 100 < 92 THEN 'result-ready'"
               " WHEN id % 100 < 95 THEN 'supplement-requested' WHEN id % 100 < 98 THEN 'accepted'"
               " ELSE 'draft' END"_s,
                u"ANALYZE"_s};
        return ow::bench::openBuiltCaseStore(dir, workstation(), recipe);
    }();
    return *store;
}

/// A fresh, empty store with the production settings (synchronous=FULL).
struct FreshStore
{
    QTemporaryDir dir;
    std::unique_ptr<CaseStore> store;
    FreshStore()
    {
        auto opened = CaseStore::open(dir.path(), workstation());
        if (!opened)
            ow::bench::exitWith(opened.error());
        store = std::move(*opened);
    }
};

void BM_CreateDraft(benchmark::State &state)
{
    FreshStore fresh;
    int n = 0;
    for (auto _ : state) {
        auto created = fresh.store->createDraft(makeDraft(n++), u"clerk-1"_s);
        if (!created)
            state.SkipWithError(qPrintable(created.error().toString()));
    }
}
BENCHMARK(BM_CreateDraft)->Unit(benchmark::kMillisecond);

void BM_SaveAccepted(benchmark::State &state)
{
    FreshStore fresh;
    int n = 0;
    CaseEvent accepted;
    accepted.kind = EventKind::Accepted;
    accepted.clerk = u"clerk-1"_s;
    for (auto _ : state) {
        state.PauseTiming();
        Case c = fresh.store->createDraft(makeDraft(n++), u"clerk-1"_s).value();
        c.promisedDeadline = QDate(2026, 4, 1);
        state.ResumeTiming();
        auto saved = fresh.store->save(c, accepted);
        if (!saved)
            state.SkipWithError(qPrintable(saved.error().toString()));
    }
}
BENCHMARK(BM_SaveAccepted)->Unit(benchmark::kMillisecond);

void BM_AppendNote(benchmark::State &state)
{
    FreshStore fresh;
    QString number;
    int n = 0;
    for (auto _ : state) {
        if (n++ % 20 == 0) { // a case collects about 20 events in its life
            state.PauseTiming();
            number = fresh.store->createDraft(makeDraft(n), u"clerk-1"_s)->number;
            state.ResumeTiming();
        }
        auto appended = fresh.store->appendEvent(number, note());
        if (!appended)
            state.SkipWithError(qPrintable(appended.error().toString()));
    }
}
BENCHMARK(BM_AppendNote)->Unit(benchmark::kMillisecond);

void runList(benchmark::State &state, const CaseFilter &filter)
{
    CaseStore &store = bigStore();
    qint64 total = 0;
    for (auto _ : state) {
        auto page = store.list(filter);
        if (!page) {
            state.SkipWithError(qPrintable(page.error().toString()));
            break;
        }
        total = page->total;
        benchmark::DoNotOptimize(page->items.data());
    }
    state.counters["matches"] = double(total);
}

CaseFilter filter(
    std::optional<CaseState> state, QDate from = {}, QDate to = {}, QString text = {}, int offset = 0)
{
    CaseFilter f;
    f.state = state;
    f.from = from;
    f.to = to;
    f.text = std::move(text);
    f.offset = offset;
    return f;
}

void BM_ListNewest(benchmark::State &state)
{
    runList(state, filter({}));
}
void BM_ListByState(benchmark::State &state)
{
    runList(state, filter(CaseState::InReview));
}
void BM_ListOneMonth(benchmark::State &state)
{
    runList(state, filter({}, QDate(2025, 6, 1), QDate(2025, 6, 30)));
}
void BM_ListTextMatter(benchmark::State &state)
{
    runList(state, filter({}, {}, {}, u"运输"_s));
}
void BM_ListTextApplicant(benchmark::State &state)
{
    runList(state, filter({}, {}, {}, u"黄*"_s));
}
void BM_ListTextRare(benchmark::State &state)
{
    runList(state, filter({}, {}, {}, u"330302012025060"_s));
}
void BM_ListStateAndText(benchmark::State &state)
{
    runList(state, filter(CaseState::InReview, {}, {}, u"印刷"_s));
}
void BM_ListDeepPage(benchmark::State &state)
{
    runList(state, filter({}, {}, {}, {}, 50000));
}
BENCHMARK(BM_ListNewest)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ListByState)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ListOneMonth)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ListTextMatter)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ListTextApplicant)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ListTextRare)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ListStateAndText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ListDeepPage)->Unit(benchmark::kMillisecond);

void BM_FindByNumber(benchmark::State &state)
{
    CaseStore &store = bigStore();
    const auto page = store.list(filter({}, {}, {}, {}, 40000));
    const QString number = page->items.first().number;
    for (auto _ : state) {
        auto found = store.findByNumber(number);
        benchmark::DoNotOptimize(found);
    }
}
BENCHMARK(BM_FindByNumber)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // the SQL driver is a plugin
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
