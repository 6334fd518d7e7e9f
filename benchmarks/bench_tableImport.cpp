// How importing a department's material table grows with its rows: reading it as CSV and as XLSX, and
// planning it onto a matter of the demo catalogue (materials looked up by name, 所属情形 mapped, ids
// made, the matter's text extended). Each size doubles the one before, so near-linear growth shows as
// times that about double from row to row. The table's limit is 5,000 rows.

#include "catalogue/CatalogueLoader.h"
#include "tableimport/ImportPlanner.h"
#include "tableimport/ImportWriter.h"
#include "tableimport/MaterialTable.h"

#include <QStringList>
#include <benchmark/benchmark.h>
#include <zip.h>

namespace {

using namespace ow::tableimport;

const QStringList kSituations
    = {QStringLiteral("基本材料"), QStringLiteral("住宿场所"), QStringLiteral("沐浴场所、美容美发场所"),
        QStringLiteral("住宿场所；委托他人办理"), QStringLiteral("bath-area >= 150")};

/// Row i of the table: its own material (so every row creates one), a situation from the list.
QStringList row(int i)
{
    return {QString::number(i + 1), QStringLiteral("第%1号经营场所证明材料").arg(i + 1),
        kSituations.at(i % kSituations.size()), QStringLiteral("申请人自备"),
        QStringLiteral("原件纸质1\n加盖公章"), i % 3 == 0 ? QStringLiteral("是") : QStringLiteral("否"),
        QStringLiteral("审查点1:名称与申请表一致审查点2:在有效期内"), QStringLiteral("/"),
        QStringLiteral("/")};
}

const QStringList kHeader = {QStringLiteral("序号"), QStringLiteral("材料名称"), QStringLiteral("所属情形"),
    QStringLiteral("来源渠道"), QStringLiteral("形式审查要点"), QStringLiteral("是否容缺"),
    QStringLiteral("内容审查要点"), QStringLiteral("空表"), QStringLiteral("示例")};

QByteArray csvOf(int rows)
{
    QString text = kHeader.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (int i = 0; i < rows; ++i) {
        QStringList cells = row(i);
        for (QString &cell : cells)
            cell = QLatin1Char('"') + cell + QLatin1Char('"');
        text += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return text.toUtf8();
}

QByteArray xlsxOf(int rows)
{
    QByteArray sheet
        = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    for (int r = 0; r <= rows; ++r) {
        const QStringList cells = r == 0 ? kHeader : row(r - 1);
        sheet += "<row r=\"" + QByteArray::number(r + 1) + "\">";
        for (int c = 0; c < cells.size(); ++c)
            sheet += "<c t=\"inlineStr\"><is><t>" + cells.at(c).toHtmlEscaped().toUtf8() + "</t></is></c>";
        sheet += "</row>";
    }
    sheet += "</sheetData></worksheet>";
    const QByteArray workbook
        = "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
          "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t *archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    zip_source_keep(buffer);
    zip_file_add(archive, "xl/workbook.xml",
        zip_source_buffer(archive, workbook.constData(), zip_uint64_t(workbook.size()), 0), 0);
    zip_file_add(archive, "xl/worksheets/sheet1.xml",
        zip_source_buffer(archive, sheet.constData(), zip_uint64_t(sheet.size()), 0), 0);
    zip_close(archive);
    QByteArray bytes;
    if (zip_source_open(buffer) == 0) {
        zip_source_seek(buffer, 0, SEEK_END);
        bytes.resize(zip_source_tell(buffer));
        zip_source_seek(buffer, 0, SEEK_SET);
        zip_source_read(buffer, bytes.data(), zip_uint64_t(bytes.size()));
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    zip_error_fini(&error);
    return bytes;
}

void BM_ReadCsv(benchmark::State &state)
{
    const QByteArray bytes = csvOf(int(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(readTable(bytes)->rows.size());
}

void BM_ReadXlsx(benchmark::State &state)
{
    const QByteArray bytes = xlsxOf(int(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(readTable(bytes)->rows.size());
}

void BM_PlanImport(benchmark::State &state)
{
    const auto catalogue = ow::catalogue::CatalogueLoader::loadOrError(QStringLiteral(OW_DEMO_CATALOGUE));
    const ow::Result<MaterialTable> table = readTable(csvOf(int(state.range(0))));
    if (!catalogue || !table) {
        state.SkipWithError("no catalogue or table");
        return;
    }
    const ImportPlanner planner(*catalogue);
    for (auto _ : state) {
        const ow::Result<ImportPlan> plan
            = planner.plan(*table, QStringLiteral("330302-WJ-001"), QStringLiteral("bench.csv"));
        if (!plan || !plan->refused.isEmpty()) {
            state.SkipWithError("the table did not map");
            return;
        }
        benchmark::DoNotOptimize(plan->matterAfter.size());
    }
}

/// The plan checked as the command checks it before writing: the demo folder copied, the plan's files
/// written into the copy, loaded and linted (a dry run: the folder itself is not touched).
void BM_CheckImport(benchmark::State &state)
{
    const auto catalogue = ow::catalogue::CatalogueLoader::loadOrError(QStringLiteral(OW_DEMO_CATALOGUE));
    const ow::Result<MaterialTable> table = readTable(csvOf(int(state.range(0))));
    if (!catalogue || !table) {
        state.SkipWithError("no catalogue or table");
        return;
    }
    const ow::Result<ImportPlan> plan
        = ImportPlanner(*catalogue)
              .plan(*table, QStringLiteral("330302-WJ-001"), QStringLiteral("bench.csv"));
    if (!plan) {
        state.SkipWithError("the table did not map");
        return;
    }
    for (auto _ : state) {
        const ow::Result<ImportResult> result
            = ImportWriter::apply(*plan, QStringLiteral(OW_DEMO_CATALOGUE), false);
        if (!result || !result->errors.isEmpty()) {
            state.SkipWithError("the import did not lint");
            return;
        }
        benchmark::DoNotOptimize(result->warnings.size());
    }
}

} // namespace

BENCHMARK(BM_ReadCsv)->Arg(500)->Arg(1000)->Arg(2000)->Arg(4000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadXlsx)->Arg(500)->Arg(1000)->Arg(2000)->Arg(4000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PlanImport)->Arg(500)->Arg(1000)->Arg(2000)->Arg(4000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckImport)->Arg(500)->Arg(1000)->Arg(2000)->Arg(4000)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
