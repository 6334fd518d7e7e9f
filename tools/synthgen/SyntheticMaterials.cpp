#include "SyntheticMaterials.h"

using namespace Qt::StringLiterals;

namespace ow::synthgen {

namespace {

struct PointWords
{
    bool content;
    QString id;
    QString text; ///< %1 = the material's name
};

// What clerks check on each kind of document (形式/内容审查要点), phrased as the guide's examples are.
QList<PointWords> pointWords(const QString &category)
{
    if (category == u"form")
        return {{false, u"completeness"_s, u"核对%1各栏是否填写完整"_s},
            {false, u"signature"_s, u"核对申请人签字或盖章是否齐全"_s},
            {true, u"consistency"_s, u"核对所填名称、地址与证照信息是否一致"_s},
            {true, u"date"_s, u"检查填表日期是否在近三个月内"_s}};
    if (category == u"certificate")
        return {{false, u"original"_s, u"核验原件，复印件与原件是否一致"_s},
            {true, u"validity"_s, u"检查%1是否在有效期内"_s},
            {true, u"holder"_s, u"核对持证人与申请人是否一致"_s},
            {true, u"scope"_s, u"核对%1载明的范围与申请事项是否相符"_s}};
    if (category == u"technical")
        return {{false, u"seal"_s, u"核对编制单位盖章是否齐全"_s},
            {false, u"pages"_s, u"核对页码是否连续、有无缺页"_s},
            {true, u"conclusion"_s, u"检查%1结论是否明确"_s},
            {true, u"figures"_s, u"核对%1中的面积、数量与申请表是否一致"_s}};
    if (category == u"application")
        return {{false, u"signature"_s, u"核对申请人签字或盖章"_s},
            {true, u"request"_s, u"核对申请事项与申请表是否一致"_s},
            {true, u"reason"_s, u"检查是否写明申请理由"_s}};
    if (category == u"pledge")
        return {{false, u"signature"_s, u"核对承诺人签字或盖章"_s},
            {true, u"items"_s, u"检查承诺事项是否完整"_s}, {true, u"date"_s, u"检查是否填写承诺日期"_s}};
    return {{false, u"completeness"_s, u"核对%1是否完整、清晰"_s},
        {false, u"copy-seal"_s, u"核对复印件是否加盖申请人公章"_s},
        {true, u"parties"_s, u"核对%1所载当事人与申请人是否一致"_s},
        {true, u"period"_s, u"检查%1所载期限是否有效"_s}};
}

QStringList errorWords(const QString &category)
{
    if (category == u"form")
        return {u"漏填联系电话或填写不完整"_s, u"未由法定代表人签字"_s};
    if (category == u"certificate")
        return {u"提交已过有效期的%1"_s, u"复印件不清晰，无法辨认"_s};
    if (category == u"technical")
        return {u"%1未加盖编制单位公章"_s, u"图纸比例或尺寸标注缺失"_s};
    if (category == u"application")
        return {u"申请书未写明申请事项"_s, u"未签署日期"_s};
    if (category == u"pledge")
        return {u"承诺书未签字"_s, u"擅自修改承诺书格式文本"_s};
    return {u"复印件未加盖公章"_s, u"%1内容与申请表不一致"_s};
}

QString descriptionWords(const QString &category)
{
    if (category == u"form")
        return u"按要求填写并由申请人签字（盖章）的%1"_s;
    if (category == u"certificate")
        return u"在有效期内的%1"_s;
    if (category == u"technical")
        return u"由%2编制的%1"_s;
    if (category == u"application")
        return u"申请人签署的%1，写明申请事项和理由"_s;
    if (category == u"pledge")
        return u"申请人签署的%1，承诺所填信息真实有效"_s;
    return u"%1，复印件须加盖申请人公章"_s;
}

const QStringList &prerequisiteWords()
{
    static const QStringList list = {
        u"须先取得营业执照"_s,
        u"须先完成企业名称自主申报"_s,
        u"须先通过消防安全检查"_s,
        u"办结后三十日内办理备案"_s,
        u"须先取得建设工程规划许可证"_s,
    };
    return list;
}

} // namespace

SyntheticMaterials::SyntheticMaterials(SyntheticRandom &random, QSize sampleSize)
    : m_random(random)
    , m_sampleSize(sampleSize)
{
    addCommon();
}

void SyntheticMaterials::addCommon()
{
    QSet<QString> bound; // the common materials question kinds already require
    for (const QuestionKind &kind : SyntheticVocabulary::questionKinds())
        for (const QStringList &ids : kind.optionMaterials)
            for (const QString &id : ids)
                bound.insert(id);

    for (const CommonMaterial &c : SyntheticVocabulary::commonMaterials()) {
        MaterialDraft m;
        m.id = c.id;
        m.name = c.name;
        m.category = c.category;
        m.form = c.form;
        m.source = c.source;
        m.dataShared = c.dataShared;
        m.file = u"common"_s;
        if (c.id == u"id-card") {
            // The format's own example, so the synthetic library holds one fully real material.
            m.description = u"申请人（法定代表人、经营者）本人有效身份证件"_s;
            m.points = {{false, u"name"_s, u"核对姓名是否与申请表一致"_s},
                {false, u"number"_s, u"核对身份证号码是否与申请表一致"_s},
                {false, u"photo"_s, u"核对照片是否为本人"_s},
                {true, u"validity"_s, u"检查身份证是否在有效期限内"_s}};
            m.commonErrors = {u"提交已过有效期的身份证或临时身份证已过期"_s};
            m.prerequisites = {u"无"_s};
            m.medium = u"paper"_s;
            m.sample = QString::fromLatin1(Sample);
            m.marks = {{u"name"_s, QRect(40, 30, 260, 40)}, {u"number"_s, QRect(40, 250, 520, 40)},
                {u"photo"_s, QRect(600, 40, 220, 260)}, {u"validity"_s, QRect(40, 300, 520, 36)}};
            m_index.insert(m.id, m_materials.size());
            m_materials.append(m);
            continue;
        }
        complete(m);
        m_index.insert(m.id, m_materials.size());
        m_materials.append(m);
        if (!bound.contains(c.id))
            m_commonExtras.append(c.id);
    }
}

void SyntheticMaterials::addTopicPool(
    int topicKey, int departmentIndex, const DepartmentWords &department, int topicIndex, int count)
{
    const Topic &topic = department.topics.at(topicIndex);
    QList<DocumentKind> kinds = SyntheticVocabulary::documents();
    const DocumentKind applicationForm = kinds.takeFirst();
    m_random.shuffle(kinds);
    kinds.prepend(applicationForm);
    count = qBound(2, count, int(kinds.size()));

    QStringList &pool = m_topicPools[topicKey];
    for (int i = 0; i < count; ++i) {
        const DocumentKind &kind = kinds.at(i);
        MaterialDraft m;
        m.id = u"%1-%2-%3"_s.arg(department.id).arg(topicIndex + 1, 2, 10, QLatin1Char('0')).arg(kind.slug);
        m.name = SyntheticVocabulary::documentName(kind.pattern, topic);
        m.category = kind.category;
        m.form = kind.form;
        m.source = kind.source.isEmpty() ? department.name : kind.source;
        m.file = department.id;
        m.topicKey = topicKey;
        // Certificates a department issues itself can be fetched by data sharing (数据共享).
        m.dataShared = m.category == u"certificate" && kind.source.isEmpty() && m_random.chance(0.4);
        complete(m);
        m_index.insert(m.id, m_materials.size());
        m_materials.append(m);
        pool.append(m.id);
        m_departmentPools[departmentIndex].append(m.id);
    }
}

void SyntheticMaterials::complete(MaterialDraft &m)
{
    const int copiesRoll = m_random.below(100);
    m.copies = copiesRoll < 86 ? 1 : copiesRoll < 97 ? 2 : 3;
    const int mediumRoll = m_random.below(100);
    m.medium = mediumRoll < 75 ? u"paper"_s : mediumRoll < 95 ? u"paper-or-electronic"_s : u"electronic"_s;
    if (m.category == u"technical" || m.category == u"other")
        m.waivable = m_random.chance(0.12);
    else if (m.category == u"certificate")
        m.waivable = m_random.chance(0.05);
    if (m_random.chance(0.8)) {
        const QString words = descriptionWords(m.category);
        m.description = words.contains(u"%2"_s) ? words.arg(m.name, m.source) : words.arg(m.name);
    }

    const QList<PointWords> words = pointWords(m.category);
    // Keep the first form point and add a random selection of the others, in the list's order.
    const int wanted = m_random.between(2, int(words.size()));
    QList<int> others;
    for (int i = 1; i < words.size(); ++i)
        others.append(i);
    m_random.shuffle(others);
    QList<int> indexes = others.mid(0, wanted - 1);
    indexes.append(0);
    std::sort(indexes.begin(), indexes.end());
    QList<PointWords> chosen;
    for (const int i : indexes)
        chosen.append(words.at(i));
    for (const PointWords &p : chosen)
        m.points.append({p.content, p.id, p.text.contains(u"%1"_s) ? p.text.arg(m.name) : p.text});

    const QStringList errors = errorWords(m.category);
    const int errorCount = m_random.below(3);
    for (int i = 0; i < errorCount; ++i) {
        const QString &e = errors.at(i);
        m.commonErrors.append(e.contains(u"%1"_s) ? e.arg(m.name) : e);
    }
    if (m_random.chance(0.1))
        m.prerequisites.append(m_random.pick(prerequisiteWords()));

    // The "4 × 100%" rule, kept for nearly every material; a few stay incomplete, as in real catalogues.
    const bool complete = m_random.chance(0.99);
    if (m.category == u"form") {
        if (m_random.chance(0.6))
            m.blankForm = QString::fromLatin1(BlankForm);
        if (complete)
            m.sample = QString::fromLatin1(Sample);
    } else if (m.category == u"certificate") {
        if (complete)
            m.sample = QString::fromLatin1(Sample);
    } else if (m.category == u"technical") {
        if (complete)
            m.outline = QString::fromLatin1(Outline);
    } else if (m.category == u"application" || m.category == u"pledge") {
        if (complete)
            m.referenceText = QString::fromLatin1(ReferenceText);
    } else if (m_random.chance(0.3)) {
        m.sample = QString::fromLatin1(Sample);
    }

    if (!m.sample.isEmpty()) {
        const int markCount = m_random.between(1, qMin(3, int(m.points.size())));
        for (int i = 0; i < markCount; ++i) {
            const int w = m_random.between(120, 400);
            const int h = m_random.between(28, 64);
            const int x = m_random.between(20, m_sampleSize.width() - w - 20);
            const int y = m_random.between(20, m_sampleSize.height() - h - 20);
            m.marks.append({m.points.at(i).id, QRect(x, y, w, h)});
        }
    }
}

QString SyntheticMaterials::pick(const QStringList &candidates, const QSet<QString> &taken)
{
    QStringList free;
    QStringList unused;
    for (const QString &id : candidates) {
        if (taken.contains(id))
            continue;
        free.append(id);
        if (m_materials.at(m_index.value(id)).uses == 0)
            unused.append(id);
    }
    if (free.isEmpty())
        return {};
    if (!unused.isEmpty() && m_random.chance(0.75))
        return m_random.pick(unused);
    return m_random.pick(free);
}

QString SyntheticMaterials::draw(int topicKey, int departmentIndex, const QSet<QString> &taken)
{
    QString id = pick(m_topicPools.value(topicKey), taken);
    if (id.isEmpty())
        id = pick(m_departmentPools.value(departmentIndex), taken);
    if (id.isEmpty())
        id = pick(m_commonExtras, taken);
    return id;
}

QString SyntheticMaterials::drawCommon(const QSet<QString> &taken)
{
    return pick(m_commonExtras, taken);
}

QString SyntheticMaterials::applicationForm(int topicKey) const
{
    const QStringList pool = m_topicPools.value(topicKey);
    return pool.isEmpty() ? QString() : pool.first();
}

void SyntheticMaterials::addUse(const QString &id)
{
    const auto it = m_index.constFind(id);
    if (it != m_index.cend())
        ++m_materials[*it].uses;
}

QStringList SyntheticMaterials::unused() const
{
    QStringList ids;
    for (const MaterialDraft &m : m_materials)
        if (m.uses == 0)
            ids.append(m.id);
    return ids;
}

int SyntheticMaterials::topicOf(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.cend() ? -1 : m_materials.at(*it).topicKey;
}

QStringList SyntheticMaterials::files() const
{
    QStringList names;
    for (const MaterialDraft &m : m_materials)
        if (!names.contains(m.file))
            names.append(m.file);
    return names;
}

QString SyntheticMaterials::render(const QString &file) const
{
    QString out;
    for (const MaterialDraft &m : m_materials) {
        if (m.file != file)
            continue;
        if (!out.isEmpty())
            out += u'\n';
        out += u"material %1: %2\n"_s.arg(m.id, m.name);
        out += u"  category: %1\n"_s.arg(m.category);
        if (!m.source.isEmpty())
            out += u"  source: %1\n"_s.arg(m.source);
        out += u"  form: %1\n"_s.arg(m.form);
        if (m.copies != 1)
            out += u"  copies: %1\n"_s.arg(m.copies);
        if (m.medium != u"paper")
            out += u"  medium: %1\n"_s.arg(m.medium);
        if (m.dataShared)
            out += u"  data-shared: yes\n"_s;
        if (m.waivable)
            out += u"  waivable: yes\n"_s;
        if (!m.description.isEmpty())
            out += u"  description: %1\n"_s.arg(m.description);
        for (const GenReviewPoint &p : m.points)
            out += u"  %1 %2: %3\n"_s.arg(p.content ? u"content-point"_s : u"form-point"_s, p.id, p.text);
        for (const QString &e : m.commonErrors)
            out += u"  common-error: %1\n"_s.arg(e);
        for (const QString &p : m.prerequisites)
            out += u"  prerequisite: %1\n"_s.arg(p);
        if (!m.blankForm.isEmpty())
            out += u"  blank-form: %1\n"_s.arg(m.blankForm);
        if (!m.outline.isEmpty())
            out += u"  outline: %1\n"_s.arg(m.outline);
        if (!m.referenceText.isEmpty())
            out += u"  reference-text: %1\n"_s.arg(m.referenceText);
        if (!m.sample.isEmpty()) {
            out += u"  sample: %1\n"_s.arg(m.sample);
            for (const auto &[point, r] : m.marks)
                out += u"    mark %1: %2, %3, %4, %5\n"_s.arg(point).arg(r.x()).arg(r.y()).arg(r.width()).arg(
                    r.height());
        }
    }
    return out;
}

} // namespace ow::synthgen
