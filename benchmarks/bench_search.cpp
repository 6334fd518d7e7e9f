// Matter search as a clerk types: every prefix of a query is searched, as the search box does on
// each keystroke, over a synthetic catalogue the size of a county hall's (1,060 matters).

#include "catalogue/MatterSearch.h"
#include "catalogue/Pinyin.h"

#include <QStringList>
#include <benchmark/benchmark.h>

using namespace Qt::StringLiterals;
using namespace ow::catalogue;

namespace {

constexpr int MatterCount = 1060;

/// What a department grants, in the words of real catalogues; each is combined with the actions below.
struct Department
{
    QString code;
    QStringList subjects;
};

QList<Department> departments()
{
    return {
        {u"WJ"_s,
            {u"公共场所卫生"_s, u"医疗机构执业"_s, u"放射诊疗"_s, u"母婴保健技术服务"_s,
                u"生活饮用水供水单位卫生"_s, u"护士执业"_s, u"医师执业"_s}},
        {u"SC"_s,
            {u"食品经营"_s, u"食品生产"_s, u"药品零售"_s, u"第二类医疗器械经营"_s, u"特种设备使用"_s,
                u"个体工商户"_s, u"有限责任公司"_s, u"农民专业合作社"_s, u"计量标准器具"_s}},
        {u"JT"_s,
            {u"普通货物运输经营"_s, u"道路旅客运输经营"_s, u"机动车维修经营"_s, u"巡游出租汽车经营"_s,
                u"机动车驾驶员培训"_s, u"长途客运班线"_s}},
        {u"WH"_s,
            {u"印刷经营"_s, u"出版物零售"_s, u"娱乐场所经营"_s, u"营业性演出"_s, u"互联网上网服务营业场所"_s,
                u"旅行社设立"_s, u"高危险性体育项目经营"_s}},
        {u"ZJ"_s,
            {u"建筑工程施工"_s, u"房屋建筑工程竣工验收"_s, u"商品房预售"_s, u"燃气经营"_s,
                u"城市建筑垃圾处置"_s, u"物业服务企业"_s}},
        {u"HB"_s, {u"建设项目环境影响报告表"_s, u"排污"_s, u"危险废物经营"_s, u"辐射安全"_s}},
        {u"GA"_s,
            {u"居民身份证"_s, u"户口迁移"_s, u"居住证"_s, u"机动车登记"_s, u"剧毒化学品购买"_s,
                u"旅馆业特种行业"_s, u"重庆籍人员暂住"_s}},
        {u"RS"_s, {u"社会保险登记"_s, u"失业保险金申领"_s, u"职业技能等级认定"_s, u"劳务派遣经营"_s}},
        {u"MZ"_s, {u"社会团体成立"_s, u"民办非企业单位成立"_s, u"养老机构"_s, u"殡葬服务"_s}},
        {u"JY"_s, {u"民办学校办学"_s, u"教师资格认定"_s, u"校外培训机构"_s}},
        {u"RF"_s, {u"人防工程竣工验收"_s, u"人防工程平时使用"_s, u"防空地下室易地建设"_s}},
        {u"ZR"_s, {u"不动产首次登记"_s, u"不动产转移登记"_s, u"建设用地规划"_s, u"乡村建设规划"_s}},
        {u"SL"_s, {u"取水"_s, u"河道管理范围内建设项目"_s, u"水土保持方案"_s}},
        {u"NY"_s, {u"农药经营"_s, u"兽药经营"_s, u"农作物种子生产经营"_s, u"动物防疫条件"_s, u"渔业捕捞"_s}},
        {u"SW"_s, {u"发票领用"_s, u"增值税一般纳税人"_s, u"跨区域涉税事项"_s}},
        {u"XF"_s, {u"公众聚集场所投入使用营业前消防安全检查"_s, u"建设工程消防验收"_s}},
        {u"YC"_s, {u"烟草专卖零售"_s}},
        {u"YJ"_s, {u"危险化学品经营"_s, u"烟花爆竹经营（零售）"_s, u"重点用能单位节能"_s}},
        {u"JR"_s, {u"银行业金融机构"_s, u"小额贷款公司"_s}},
    };
}

const QStringList &actions()
{
    static const QStringList list {
        u"许可（新发证）"_s,
        u"许可（延续）"_s,
        u"许可（变更）"_s,
        u"许可（注销）"_s,
        u"许可（补证）"_s,
        u"设立登记"_s,
        u"变更登记"_s,
        u"注销登记"_s,
        u"备案"_s,
        u"审批"_s,
        u"核准"_s,
        u"年度报告"_s,
        u"证核发"_s,
        u"证换发"_s,
    };
    return list;
}

/// 1,060 matters: every subject with every action, cut to size; frequency classes spread as in a
/// real catalogue (top 100 high, the next 300 middle).
CataloguePtr syntheticCatalogue()
{
    auto catalogue = std::make_shared<Catalogue>();
    catalogue->id = u"bench"_s;
    int serial = 0;
    for (qsizetype round = 0; serial < MatterCount && round < actions().size(); ++round) {
        for (const Department &department : departments()) {
            for (qsizetype s = 0; s < department.subjects.size() && serial < MatterCount; ++s) {
                const qsizetype a = (s + round) % actions().size(); // each subject meets each action once
                Matter matter;
                matter.code = u"330302-%1-%2"_s.arg(department.code).arg(serial, 4, 10, QLatin1Char('0'));
                matter.name = department.subjects.at(s) + actions().at(a);
                matter.departmentId = department.code.toLower();
                const int rank = (serial * 37) % MatterCount; // a fixed shuffle of the volume ranking
                matter.frequency = rank < 100 ? FrequencyClass::High
                    : rank < 400              ? FrequencyClass::Middle
                                              : FrequencyClass::Low;
                matter.keywords = {department.subjects.at(s), actions().at(a)};
                catalogue->matters.append(std::move(matter));
                ++serial;
            }
        }
    }
    catalogue->index();
    return catalogue;
}

const MatterSearch &search()
{
    static const MatterSearch instance(syntheticCatalogue());
    return instance;
}

/// One iteration types the whole query, a character at a time, searching after each keystroke.
void typeQuery(benchmark::State &state, const QString &query)
{
    const MatterSearch &matterSearch = search();
    qsizetype hits = 0;
    for (auto _ : state) {
        for (qsizetype length = 1; length <= query.size(); ++length) {
            const QList<SearchHit> result = matterSearch.search(QStringView(query).left(length));
            hits += result.size();
            benchmark::DoNotOptimize(result.constData());
        }
    }
    benchmark::DoNotOptimize(hits);
    state.counters["keystrokes"] = double(query.size());
    // Time per keystroke, the number that must stay well under 2 ms.
    state.counters["per_keystroke"] = benchmark::Counter(
        double(query.size()), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_BuildIndex(benchmark::State &state)
{
    const CataloguePtr catalogue = syntheticCatalogue();
    benchmark::DoNotOptimize(Pinyin::characterCount()); // load the table outside the timing
    for (auto _ : state) {
        MatterSearch matterSearch(catalogue);
        benchmark::DoNotOptimize(&matterSearch);
    }
    state.counters["matters"] = double(catalogue->matters.size());
}

void BM_Keystrokes(benchmark::State &state, const char *query)
{
    typeQuery(state, QString::fromUtf8(query));
}

} // namespace

BENCHMARK(BM_BuildIndex)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Keystrokes, initials, "ggcswsxk")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Keystrokes, full_pinyin, "gonggongchangsuoweisheng")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Keystrokes, mixed, "shipinjyxk")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Keystrokes, polyphonic, "yinhangye")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Keystrokes, inside, "xkxfz")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Keystrokes, hanzi, "公共场所卫生许可")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Keystrokes, code, "330302-SC-0042")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Keystrokes, no_match, "qqqqqq")->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
