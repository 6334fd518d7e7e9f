#include "SyntheticCatalogue.h"

#include "BundleThemes.h"
#include "MatterText.h"
#include "SyntheticMaterials.h"
#include "SyntheticMatterBuilder.h"
#include "SyntheticRandom.h"
#include "SyntheticVocabulary.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QMap>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

using namespace Qt::StringLiterals;

namespace ow::synthgen {

namespace {

constexpr auto Region = "330302"; // 鹿城区, GB/T 2260
constexpr int LuchengMatters = 1060; // Wenzhou report (2018): 全区共有 1060 项办事事项
constexpr int LuchengMaterials = 3000; // material library size aimed at for that many matters
const QSize SampleSize(880, 600);

QString tr(const char *text)
{
    return QCoreApplication::translate("ow::synthgen", text);
}

struct Combo
{
    int department;
    int topic;
    int action;
};

/// Decides which matters exist, their names, codes and frequency classes.
QList<MatterPlan> planMatters(int count, SyntheticRandom &random)
{
    const QList<DepartmentWords> &departments = SyntheticVocabulary::departments();
    // Per department, every topic × action, the topics' first actions first, so that a small
    // catalogue still has each topic's main matter.
    QList<QList<Combo>> combos(departments.size());
    qsizetype total = 0;
    for (int d = 0; d < departments.size(); ++d) {
        qsizetype longest = 0;
        for (const Topic &t : departments.at(d).topics)
            longest = qMax(longest, SyntheticVocabulary::actions(t.family).size());
        for (int a = 0; a < longest; ++a)
            for (int t = 0; t < departments.at(d).topics.size(); ++t)
                if (a < SyntheticVocabulary::actions(departments.at(d).topics.at(t).family).size())
                    combos[d].append({d, t, a});
        total += combos.at(d).size();
    }

    // Largest-remainder shares, proportional to how much each department has to offer.
    QList<int> counts(departments.size(), 0);
    QList<QPair<double, int>> remainders;
    int assigned = 0;
    for (int d = 0; d < departments.size(); ++d) {
        const double exact = double(count) * double(combos.at(d).size()) / double(total);
        counts[d] = int(exact);
        assigned += counts.at(d);
        remainders.append({exact - counts.at(d), d});
    }
    std::stable_sort(
        remainders.begin(), remainders.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (int i = 0; assigned < count; ++i, ++assigned)
        ++counts[remainders.at(i % remainders.size()).second];

    QList<MatterPlan> plans;
    QList<double> volumes;
    for (int d = 0; d < departments.size(); ++d) {
        const DepartmentWords &dept = departments.at(d);
        QList<double> topicWeight;
        for (int t = 0; t < dept.topics.size(); ++t)
            topicWeight.append(0.2 + 0.8 * random.unit());
        struct Item
        {
            Combo combo;
            int variant;
        };
        QList<Item> items;
        for (int k = 0; k < counts.at(d); ++k)
            items.append({combos.at(d).at(k % combos.at(d).size()), int(k / combos.at(d).size()) - 1});
        std::stable_sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
            return std::tuple(a.combo.topic, a.combo.action, a.variant)
                < std::tuple(b.combo.topic, b.combo.action, b.variant);
        });
        int sequence = 0;
        for (const Item &item : items) {
            const Topic &topic = dept.topics.at(item.combo.topic);
            const Action &action = SyntheticVocabulary::actions(topic.family).at(item.combo.action);
            MatterPlan plan;
            plan.code = u"%1-%2-%3"_s.arg(QLatin1StringView(Region), dept.code)
                            .arg(++sequence, 3, 10, QLatin1Char('0'));
            plan.name = action.pattern.contains(u"%1"_s) ? action.pattern.arg(topic.noun) : action.pattern;
            if (item.variant >= 0) {
                const QStringList &suffixes = SyntheticVocabulary::variantSuffixes();
                plan.name += suffixes.at(item.variant % suffixes.size());
            }
            // Licences and registrations are sub-items (子项) of a main item named after the topic.
            if (topic.family == u'L' || topic.family == u'D' || topic.family == u'R')
                plan.mainCode = u"%1-%2-Z%3"_s.arg(QLatin1StringView(Region), dept.code)
                                    .arg(item.combo.topic + 1, 2, 10, QLatin1Char('0'));
            plan.departmentIndex = d;
            plan.topicIndex = item.combo.topic;
            plan.topicKey = d * 100 + item.combo.topic;
            plan.action = action;
            plans.append(plan);
            volumes.append(dept.volume * action.volume * topicWeight.at(item.combo.topic)
                * (0.5 + random.unit()) * (item.variant >= 0 ? 0.5 : 1.0));
        }
    }

    // Frequency classes by rank of yearly volume: top 100 high, 101–400 middle, the rest low.
    QList<int> order(plans.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return volumes.at(a) > volumes.at(b); });
    for (int rank = 0; rank < order.size(); ++rank)
        plans[order.at(rank)].frequency = rank < 100 ? u"high"_s : rank < 400 ? u"middle"_s : u"low"_s;
    return plans;
}

QString renderBundles(const QList<MatterDraft> &drafts, int count, SyntheticRandom &random)
{
    const QList<DepartmentWords> &departments = SyntheticVocabulary::departments();
    const QList<BundleTheme> &themes = BundleThemes::all();
    QString out;
    for (int b = 0; b < count && b < themes.size(); ++b) {
        const BundleTheme &theme = themes.at(b);
        QList<int> members;
        for (const QString &deptId : theme.departments) {
            QList<int> firsts;
            QList<int> others;
            for (int i = 0; i < drafts.size(); ++i) {
                if (members.contains(i) || departments.at(drafts.at(i).plan.departmentIndex).id != deptId)
                    continue;
                (drafts.at(i).plan.action.kind == Action::Kind::New ? firsts : others).append(i);
            }
            if (!firsts.isEmpty())
                members.append(random.pick(firsts));
            else if (!others.isEmpty())
                members.append(random.pick(others));
        }
        while (members.size() < 2 && members.size() < drafts.size()) {
            const int i = random.below(drafts.size());
            if (!members.contains(i))
                members.append(i);
        }
        if (members.size() < 2)
            break;

        if (!out.isEmpty())
            out += u'\n';
        out += u"bundle %1: %2\n"_s.arg(theme.id, theme.name);
        out += u"  lead: %1\n"_s.arg(theme.departments.first());
        out += u"  keywords: %1\n"_s.arg(theme.keywords.join(u", "_s));
        out += u"  description: %1\n"_s.arg(theme.description);
        for (const int i : members) {
            const MatterDraft &d = drafts.at(i);
            out += u"  matter %1\n"_s.arg(d.plan.code);
            // A bundle may fix the first answer (a restaurant bundle knows it sells cooked food).
            if (d.questions.isEmpty() || d.questions.first().when || !random.chance(0.35))
                continue;
            const GenQuestion &q = d.questions.first();
            if (q.type == QuestionKind::Type::Single)
                out += u"    preset %1: %2\n"_s.arg(q.id, random.pick(q.options).id);
            else if (q.type == QuestionKind::Type::Multi && q.options.size() >= 2)
                out += u"    preset %1: %2+%3\n"_s.arg(q.id, q.options.at(0).id, q.options.at(1).id);
        }
    }
    return out;
}

QByteArray samplePng()
{
    // One placeholder document: a form with field boxes, a photo box and a seal, so that sample
    // marks have something to point at. Every material with a sample refers to it. Plain grey
    // boxes and one-pixel outlines, drawn without antialiasing so the bytes repeat for a seed.
    QImage image(SampleSize, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        const auto fill
            = [&painter](const QRect &rect, int grey) { painter.fillRect(rect, QColor(grey, grey, grey)); };
        const auto outline = [&fill](const QRect &rect, int grey) {
            fill(QRect(rect.left(), rect.top(), rect.width(), 1), grey);
            fill(QRect(rect.left(), rect.bottom(), rect.width(), 1), grey);
            fill(QRect(rect.left(), rect.top(), 1, rect.height()), grey);
            fill(QRect(rect.right(), rect.top(), 1, rect.height()), grey);
        };
        outline(image.rect(), 90);
        fill(QRect(40, 8, 800, 14), 200);
        for (int i = 0; i < 9; ++i) {
            const QRect field(40, 30 + i * 58, 520, 36);
            fill(field, 238);
            outline(field, 160);
        }
        fill(QRect(600, 40, 220, 260), 222);
        outline(QRect(600, 40, 220, 260), 120);
        outline(QRect(660, 400, 140, 140), 70);
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

Result<void> prepare(const QString &directory, bool overwrite)
{
    QDir dir(directory);
    if (!dir.exists() && !QDir().mkpath(directory))
        return fail(Error::Code::Io, tr("Cannot create the folder %1.").arg(directory));
    const QStringList ours = {u"catalogue.txt"_s, u"departments.txt"_s, u"README"_s};
    const QStringList folders = {u"matters"_s, u"materials"_s, u"bundles"_s, u"samples"_s, u"forms"_s};
    const bool occupied = dir.exists(u"catalogue.txt"_s) || dir.exists(u"matters"_s);
    if (occupied && !overwrite)
        return fail(Error::Code::Invalid,
            tr("The folder %1 already holds a catalogue; choose an empty folder or allow overwriting.")
                .arg(directory));
    for (const QString &name : ours)
        dir.remove(name);
    for (const QString &name : folders) {
        QDir sub(dir.filePath(name));
        if (sub.exists() && !sub.removeRecursively())
            return fail(Error::Code::Io, tr("Cannot clear the folder %1.").arg(sub.path()));
        if (!dir.mkpath(name))
            return fail(Error::Code::Io, tr("Cannot create the folder %1.").arg(sub.path()));
    }
    return {};
}

} // namespace

Result<SyntheticCatalogue::Summary> SyntheticCatalogue::write(
    const QString &directory, const Options &options)
{
    if (options.matters < 1)
        return fail(Error::Code::Invalid, tr("The number of matters must be at least 1."));
    if (Result<void> ready = prepare(directory, options.overwrite); !ready)
        return ow::failWith(ready.error());

    SyntheticRandom random(options.seed);
    const QList<MatterPlan> plans = planMatters(options.matters, random);

    SyntheticMaterials materials(random, SampleSize);
    QMap<int, int> mattersPerTopic;
    for (const MatterPlan &p : plans)
        ++mattersPerTopic[p.topicKey];
    const double poolTarget = double(options.matters) * LuchengMaterials / LuchengMatters
        - SyntheticVocabulary::commonMaterials().size();
    for (auto it = mattersPerTopic.cbegin(); it != mattersPerTopic.cend(); ++it) {
        const int d = it.key() / 100;
        const int size = int(std::lround(poolTarget * it.value() / options.matters));
        materials.addTopicPool(
            it.key(), d, SyntheticVocabulary::departments().at(d), it.key() % 100, qMax(4, size));
    }

    SyntheticMatterBuilder builder(random, materials);
    QList<MatterDraft> drafts;
    drafts.reserve(plans.size());
    for (const MatterPlan &plan : plans) {
        drafts.append(builder.build(plan));
        for (const QString &id : drafts.last().materialIds())
            materials.addUse(id);
    }
    // Every material is required somewhere (no `material-unused`): a left-over one becomes a basic
    // material of a matter on its topic.
    for (const QString &id : materials.unused()) {
        const int topic = materials.topicOf(id);
        QList<int> candidates;
        for (int i = 0; i < drafts.size(); ++i)
            if ((topic < 0 || drafts.at(i).plan.topicKey == topic)
                && !drafts.at(i).materialIds().contains(id))
                candidates.append(i);
        if (candidates.isEmpty())
            continue;
        GenRequirement r;
        r.materialId = id;
        drafts[random.pick(candidates)].basics.append(r);
        materials.addUse(id);
    }

    Summary summary;
    summary.departments = int(SyntheticVocabulary::departments().size());
    summary.matters = int(drafts.size());
    summary.materials = materials.count();
    for (const MatterDraft &d : drafts) {
        summary.questions += int(d.questions.size());
        summary.situations += d.situations;
        summary.maxSituations = qMax(summary.maxSituations, d.situations);
    }
    const int bundleCount = qMax(1, options.matters / 17);
    const QString bundles = renderBundles(drafts, bundleCount, random);
    summary.bundles = int(bundles.count(u"\nbundle "_s) + (bundles.startsWith(u"bundle "_s) ? 1 : 0));

    // Every file's content is made before the first is written: generation cannot fail half-way.
    QList<QPair<QString, QByteArray>> files;
    files.append({u"catalogue.txt"_s,
        u"catalogue synthetic-s%1-m%2: 鹿城区无差别全科受理合成目录（%2项，种子%1）\n"
        "  version: 2026.0.%1\n  issued: 2026-01-15\n  region: %3\n"_s.arg(options.seed)
            .arg(options.matters)
            .arg(QLatin1StringView(Region))
            .toUtf8()});
    QString departments;
    for (const DepartmentWords &d : SyntheticVocabulary::departments())
        departments += u"department %1: %2\n"_s.arg(d.id, d.name);
    files.append({u"departments.txt"_s, departments.toUtf8()});
    files.append({u"README"_s,
        u"Synthetic catalogue for scale tests and benchmarks (seed %1, %2 matters).\n"
        "The names are real administrative terms combined at random; every fact in it is invented.\n"
        "Regenerate it with: ow-synthgen DIR --matters %2 --seed %1\n"_s.arg(options.seed)
            .arg(options.matters)
            .toUtf8()});
    for (const QString &file : materials.files())
        files.append({u"materials/%1.txt"_s.arg(file), materials.render(file).toUtf8()});
    for (const MatterDraft &d : drafts)
        files.append({u"matters/%1.txt"_s.arg(d.plan.code), MatterText::render(d).toUtf8()});
    if (!bundles.isEmpty())
        files.append({u"bundles/bundles.txt"_s, bundles.toUtf8()});
    files.append({QString::fromLatin1(SyntheticMaterials::Sample), samplePng()});
    files.append({QString::fromLatin1(SyntheticMaterials::BlankForm),
        u"空白表格（合成目录的占位文件）\n申请人：\n地址：\n联系电话：\n"_s.toUtf8()});
    files.append({QString::fromLatin1(SyntheticMaterials::Outline),
        u"内容框架（合成目录的占位文件）\n一、项目概况\n二、主要内容\n三、结论\n"_s.toUtf8()});
    files.append({QString::fromLatin1(SyntheticMaterials::ReferenceText),
        u"参照样本（合成目录的占位文件）\n本人（单位）申请……，所填信息真实有效。\n申请人（签字或盖章）：\n日期：\n"_s
            .toUtf8()});

    // Plain writes: the folder is regenerated at will, and syncing 1,100 files to disk one by one
    // (as an atomic save does) would make every benchmark start take seconds.
    const QDir dir(directory);
    for (const auto &[name, bytes] : std::as_const(files)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            return fail(Error::Code::Io, tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
    }
    return summary;
}

} // namespace ow::synthgen
