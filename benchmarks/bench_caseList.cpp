// The case list screens at a county hall's scale: how long a supervisor waits for the case list to
// open, for a filter to apply (as-you-type text, state, the overdue and due-soon watches) and for
// the next page while scrolling, with 100,000 cases stored.
//
// The store is built once through CaseStore::createDraft (real rows with JSON, masked applicant,
// search text, events, outbox and audit rows; synchronous=OFF while building), over two years of
// creation times; then SQL spreads the states over the lifecycle and gives the accepted cases a
// promised deadline a week or two after creation. It is kept in the system temp folder
// (onewindow-bench-caselist-*) and reused by later runs; delete it to rebuild.

#include "BenchCaseStore.h"
#include "cases/CaseSchema.h"
#include "cases/CaseStore.h"
#include "ui/CaseListModel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <benchmark/benchmark.h>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace ow;
using namespace ow::cases;
using namespace ow::ui;

namespace {

constexpr int kCases = 100000;
constexpr int kGeneratorVersion = 1; ///< bump when the generated data changes

const QStringList kMatterNames {u"公共场所卫生许可（新发证）"_s, u"普通货物运输经营许可"_s,
    u"个体工商户设立登记"_s, u"食品经营许可"_s, u"建设项目环境影响报告表审批"_s, u"印刷经营许可"_s,
    u"药品零售企业许可"_s, u"烟草专卖零售许可"_s, u"人防工程竣工验收备案"_s, u"民办学校设立审批"_s,
    u"排水许可"_s};
const QStringList kFamilyNames {
    u"周"_s, u"吴"_s, u"郑"_s, u"王"_s, u"冯"_s, u"陈"_s, u"褚"_s, u"卫"_s, u"蒋"_s};

Case generated(int n)
{
    Case c;
    const int matter = n % int(kMatterNames.size());
    c.matterCode = u"330302-B-%1"_s.arg(matter, 3, 10, QLatin1Char('0'));
    c.matterName = kMatterNames.at(matter);
    c.departmentId = u"dept-%1"_s.arg(matter % 6);
    c.departmentName = u"区行政审批局"_s;
    c.promisedDays = 5 + n % 10;
    c.catalogueId = u"lucheng"_s;
    c.catalogueVersion = u"2026.3.1"_s;
    c.answers.set(u"kind"_s, catalogue::Answer::single(u"new"_s));
    c.situationKey = u"kind=new"_s;
    for (int i = 0; i < 5; ++i) {
        c.checklist.append(
            QJsonObject {{u"material"_s, u"mat-%1"_s.arg(i)}, {u"name"_s, u"申请材料%1"_s.arg(i)},
                {u"form"_s, u"copy"_s}, {u"copies"_s, 1}, {u"waivable"_s, false}});
        MaterialCheck check;
        check.materialId = u"mat-%1"_s.arg(i);
        check.status = MaterialCheck::Status::Received;
        check.copies = 1;
        c.materialChecks.append(check);
    }
    c.applicant.name = kFamilyNames.at(n % kFamilyNames.size()) + u"晓明"_s;
    c.applicant.idNumber = u"360426199101010071"_s;
    c.applicant.contactName = c.applicant.name;
    c.applicant.contactMobile = u"13912345678"_s;
    c.applicant.address = u"浙江省温州市鹿城区松台街道%1号"_s.arg(n % 500);
    return c;
}

/// The 100,000-case store, built on first use.
CaseStore &store()
{
    static std::unique_ptr<CaseStore> opened = [] {
        const QString dir = QDir::temp().filePath(u"onewindow-bench-caselist-%1-schema%2-v%3"_s.arg(kCases)
                                                      .arg(CaseSchema::latestVersion())
                                                      .arg(kGeneratorVersion));
        bench::CaseStoreRecipe recipe;
        recipe.cases = kCases;
        recipe.firstCreated = QDateTime(QDate(2025, 1, 2), QTime(1, 0), Qt::UTC);
        recipe.draft = generated;
        recipe.clerks = 9;
        // Mostly closed, some at the department, a few waiting at the pickup counter.
        const QString spread
            = u"UPDATE cases SET state = CASE"
              " WHEN id % 50 < 28 THEN 'picked-up' WHEN id % 50 < 33 THEN 'mailed'"
              " WHEN id % 50 < 35 THEN 'refused' WHEN id % 50 < 37 THEN 'correction-notice'"
              " WHEN id % 50 < 41 THEN 'in-review' WHEN id % 50 < 43 THEN 'transferred'"
              " WHEN id % 50 < 45 THEN 'result-ready' WHEN id % 50 < 46 THEN 'supplement-requested'"
              " WHEN id % 50 < 48 THEN 'accepted' ELSE 'draft' END"_s;
        const QString deadlines = u"UPDATE cases SET promised_deadline ="
                                  " date(substr(created, 1, 10), '+' || (7 + id % 8) || ' days')"
                                  " WHERE state NOT IN ('draft', 'correction-notice', 'refused')"_s;
        recipe.finishingSql = {spread, deadlines, u"ANALYZE"_s};
        return bench::openBuiltCaseStore(dir, Workstation {u"33030201"_s, u"W02"_s, 2}, recipe);
    }();
    return *opened;
}

CaseScreenContext context()
{
    static const WorkingCalendar calendar = [] {
        auto loaded = WorkingCalendar::loadBuiltIn();
        if (!loaded)
            bench::exitWith(loaded.error());
        return *loaded;
    }();
    CaseScreenContext c;
    c.store = &store();
    c.calendar = calendar;
    c.clerk = u"supervisor-1"_s;
    // Mid-June 2026: the open cases of the last weeks are on track, the older ones overdue.
    c.clock = Clock::fixed(QDateTime(QDate(2026, 6, 15), QTime(10, 0)));
    return c;
}

/// A fresh model showing `filter`: what opening the list, or changing a filter, costs.
void runFilter(benchmark::State &state, const CaseFilter &filter,
    CaseListModel::DeadlineWatch watch = CaseListModel::DeadlineWatch::All)
{
    CaseListModel model(context());
    for (auto _ : state) {
        model.setFilter(filter, watch);
        if (!model.lastError().isEmpty()) {
            state.SkipWithError(qPrintable(model.lastError()));
            break;
        }
        benchmark::DoNotOptimize(model.rowCount());
    }
    state.counters["matches"] = double(model.total());
    state.counters["rows"] = double(model.rowCount());
}

CaseFilter text(const QString &t)
{
    CaseFilter f;
    f.text = t;
    return f;
}

void BM_OpenCaseList(benchmark::State &state)
{
    // Model and first page together: what a supervisor waits for when the screen opens.
    const CaseScreenContext c = context();
    qint64 total = 0;
    for (auto _ : state) {
        CaseListModel model(c);
        model.setFilter({});
        total = model.total();
        benchmark::DoNotOptimize(model.rowCount());
    }
    state.counters["matches"] = double(total);
}
BENCHMARK(BM_OpenCaseList)->Unit(benchmark::kMillisecond);

void BM_FilterState(benchmark::State &state)
{
    CaseFilter f;
    f.state = CaseState::InReview;
    runFilter(state, f);
}
BENCHMARK(BM_FilterState)->Unit(benchmark::kMillisecond);

void BM_FilterTextMatter(benchmark::State &state)
{
    runFilter(state, text(u"运输"_s));
}
BENCHMARK(BM_FilterTextMatter)->Unit(benchmark::kMillisecond);

void BM_FilterTextCaseNumber(benchmark::State &state)
{
    runFilter(state, text(u"3303020120260601"_s));
}
BENCHMARK(BM_FilterTextCaseNumber)->Unit(benchmark::kMillisecond);

void BM_FilterOverdue(benchmark::State &state)
{
    runFilter(state, {}, CaseListModel::DeadlineWatch::Overdue);
}
BENCHMARK(BM_FilterOverdue)->Unit(benchmark::kMillisecond);

void BM_FilterDueSoon(benchmark::State &state)
{
    runFilter(state, {}, CaseListModel::DeadlineWatch::DueSoon);
}
BENCHMARK(BM_FilterDueSoon)->Unit(benchmark::kMillisecond);

void BM_ScrollTenPages(benchmark::State &state)
{
    // Scrolling down 1,000 rows: nine fetchMore calls after the first page.
    CaseListModel model(context());
    for (auto _ : state) {
        model.setFilter({});
        for (int page = 1; page < 10; ++page)
            model.fetchMore({});
        benchmark::DoNotOptimize(model.rowCount());
    }
    state.counters["rows"] = double(model.rowCount());
}
BENCHMARK(BM_ScrollTenPages)->Unit(benchmark::kMillisecond);

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
