#include "SyntheticMatterBuilder.h"

using namespace Qt::StringLiterals;

namespace ow::synthgen {

namespace {

using Type = QuestionKind::Type;
using K = GenCondition::Kind;

constexpr int MaxDepth = 4;

const QStringList &noteWords()
{
    static const QStringList list = {
        u"法定代表人签字"_s,
        u"加盖单位公章"_s,
        u"须为近三个月内出具"_s,
        u"复印件注明“与原件一致”"_s,
        u"一式两份"_s,
    };
    return list;
}

/// Whether the answers change the checklist (no `question-no-effect`, no `identical-siblings`):
/// every option of a multi-choice question and all options of a single-choice one but one
/// require something of their own; a number question requires something past a threshold.
bool hasEffect(const GenQuestion &q)
{
    if (q.type == Type::Number)
        return !q.attached.isEmpty();
    const auto bare = std::count_if(
        q.options.cbegin(), q.options.cend(), [](const GenOption &o) { return o.materialIds.isEmpty(); });
    return q.type == Type::Multi ? bare == 0 : bare <= 1;
}

bool isFirstLevelOnly(const QString &kindId)
{
    // These split a matter by what it is, so they only make sense as its first question.
    return kindId == u"applicant" || kindId == u"premises" || kindId == u"identity" || kindId == u"reissue"
        || kindId == u"change-items";
}

} // namespace

QStringList MatterDraft::materialIds() const
{
    QStringList ids;
    const auto add = [&](const QString &id) {
        if (!ids.contains(id))
            ids.append(id);
    };
    for (const GenRequirement &r : basics)
        add(r.materialId);
    for (const GenQuestion &q : questions) {
        for (const GenOption &o : q.options)
            for (const QString &id : o.materialIds)
                add(id);
        for (const GenRequirement &r : q.attached)
            add(r.materialId);
    }
    for (const GenRequirement &r : conditional)
        add(r.materialId);
    return ids;
}

SyntheticMatterBuilder::SyntheticMatterBuilder(SyntheticRandom &random, SyntheticMaterials &materials)
    : m_random(random)
    , m_materials(materials)
{
}

MatterDraft SyntheticMatterBuilder::build(const MatterPlan &plan)
{
    const DepartmentWords &dept = SyntheticVocabulary::departments().at(plan.departmentIndex);
    m_draft = MatterDraft();
    m_taken.clear();
    m_draft.plan = plan;
    m_draft.departmentId = dept.id;

    m_draft.immediate = m_random.chance(plan.action.immediate);
    static const QList<int> promised = {1, 2, 3, 5, 7, 10, 15, 20};
    static const QList<int> legal = {5, 10, 15, 20, 30, 45, 60};
    if (!m_draft.immediate)
        m_draft.promisedDays = m_random.pick(promised);
    if (m_random.chance(0.7))
        m_draft.legalDays = qMax(m_random.pick(legal), m_draft.promisedDays);

    const Topic &topic = dept.topics.at(plan.topicIndex);
    const auto addKeyword = [&](const QString &word) {
        if (!word.isEmpty() && !word.contains(u'、') && !m_draft.keywords.contains(word))
            m_draft.keywords.append(word);
    };
    addKeyword(topic.noun);
    addKeyword(plan.action.keyword);
    for (int i = 0, n = m_random.between(1, 2); i < n; ++i)
        addKeyword(m_random.pick(dept.keywords));
    m_draft.keywordSeparator = m_random.chance(0.2) ? u"、"_s : u", "_s;

    m_draft.basis = m_random.pick(dept.laws)
        + u"第%1条"_s.arg(SyntheticVocabulary::chineseNumber(m_random.between(2, 80)));
    if (m_random.chance(0.2))
        m_draft.basis += u"、第%1条"_s.arg(SyntheticVocabulary::chineseNumber(m_random.between(2, 80)));

    // Basic materials (基本材料): the topic's application form, usually the applicant's ID card.
    const auto addBasic = [&](const QString &id) {
        if (id.isEmpty() || m_taken.contains(id))
            return;
        m_taken.insert(id);
        GenRequirement r;
        r.materialId = id;
        m_draft.basics.append(r);
    };
    addBasic(m_materials.applicationForm(plan.topicKey));
    if (m_random.chance(0.85))
        addBasic(u"id-card"_s);

    const int budget = drawBudget(plan.frequency);
    buildQuestions(budget);
    if (!m_draft.questions.isEmpty())
        addOptionCondition(budget);

    if (!usedQuestionIds().contains(u"applicant"_s) && m_random.chance(0.35))
        addBasic(u"business-licence"_s);
    for (int i = 0, n = m_random.between(0, 2); i < n; ++i)
        addBasic(m_materials.draw(plan.topicKey, plan.departmentIndex, m_taken));

    const QList<GenSituation> situations = SituationSpace::enumerate(m_draft.questions, 100000);
    m_draft.situations = int(situations.size());
    for (const GenQuestion &q : std::as_const(m_draft.questions))
        m_draft.conditional.append(q.attached);
    addConditionalRequirements(situations);
    addOverrides(m_draft.basics);
    addOverrides(m_draft.conditional);
    return m_draft;
}

int SyntheticMatterBuilder::drawBudget(const QString &frequency)
{
    // Situations per matter: a handful for most, dozens for the common ones the halls split
    // first, a few hundred for the rare giants (Lucheng split 155 common matters this way).
    const int roll = m_random.below(100);
    if (frequency == u"high") {
        if (roll < 4)
            return 1;
        if (roll < 64)
            return m_random.between(4, 60);
        if (roll < 93)
            return m_random.between(61, 200);
        return m_random.between(201, 500);
    }
    if (frequency == u"middle") {
        if (roll < 8)
            return 1;
        if (roll < 83)
            return m_random.between(2, 60);
        if (roll < 98)
            return m_random.between(61, 150);
        return m_random.between(151, 500);
    }
    if (roll < 15)
        return 1;
    if (roll < 93)
        return m_random.between(2, 40);
    if (roll < 99)
        return m_random.between(41, 120);
    return m_random.between(121, 500);
}

void SyntheticMatterBuilder::buildQuestions(int budget)
{
    if (budget <= 1)
        return;
    {
        QSet<QString> taken = m_taken;
        const GenQuestion first = firstQuestion(budget, taken);
        if (!hasEffect(first))
            return; // the material pools ran dry (only in very small catalogues)
        m_draft.questions.append(first);
        m_taken = taken;
    }
    const int maxQuestions = m_random.between(1, budget <= 10 ? 3 : budget <= 60 ? 5 : 8);
    for (int attempts = maxQuestions * 3; attempts > 0 && m_draft.questions.size() < maxQuestions;
         --attempts) {
        QSet<QString> taken = m_taken;
        std::optional<GenQuestion> candidate = followUp(taken);
        if (!candidate || !hasEffect(*candidate))
            continue;
        m_draft.questions.append(*candidate);
        const qsizetype index = m_draft.questions.size() - 1;
        const QList<GenSituation> situations = SituationSpace::enumerate(m_draft.questions, budget);
        bool asked = false;
        bool skipped = false;
        for (const GenSituation &s : situations)
            (s.at(index) >= 0 ? asked : skipped) = true;
        // Over budget, never asked (unreachable-question) or a `when:` that always holds (condition-always).
        if (situations.size() > budget || !asked || (candidate->when && !skipped)) {
            m_draft.questions.removeLast();
            continue;
        }
        m_taken = taken;
    }
}

GenQuestion SyntheticMatterBuilder::firstQuestion(int budget, QSet<QString> &taken)
{
    const auto kindById = [](const QString &id) {
        for (const QuestionKind &k : SyntheticVocabulary::questionKinds())
            if (k.id == id)
                return k;
        return QuestionKind();
    };
    const Action::Kind action = m_draft.plan.action.kind;
    if (action == Action::Kind::Change && budget >= 4 && m_random.chance(0.6)) {
        const QuestionKind kind = kindById(u"change-items"_s);
        int most = 2;
        while (most < 4 && (1 << (most + 1)) <= budget)
            ++most;
        return fromKind(kind, someOptions(kind.options.size(), 2, most), taken);
    }
    if (action == Action::Kind::Reissue && m_random.chance(0.7)) {
        const QuestionKind kind = kindById(u"reissue"_s);
        return fromKind(kind, {0, 1}, taken);
    }
    const int roll = m_random.below(100);
    QString kindId;
    if (roll >= 55 && roll < 70)
        kindId = u"applicant"_s;
    else if (roll >= 70 && roll < 80)
        kindId = u"premises"_s;
    else if (roll >= 80 && roll < 86)
        kindId = u"identity"_s;
    else if (roll >= 86)
        kindId = m_random.pick(
            QStringList {u"build-type"_s, u"operation"_s, u"scale"_s, u"first-time"_s, u"agent"_s});
    if (!kindId.isEmpty()) {
        const QuestionKind kind = kindById(kindId);
        if (kind.options.size() <= budget) {
            QList<int> all;
            for (int i = 0; i < kind.options.size(); ++i)
                all.append(i);
            return fromKind(kind, all, taken);
        }
    }
    // The department's own question, e.g. the eight kinds of public place of 公共场所卫生许可.
    const DepartmentWords &dept = SyntheticVocabulary::departments().at(m_draft.plan.departmentIndex);
    QuestionKind kind;
    kind.id = dept.questionId;
    kind.text = dept.questionText;
    kind.options = dept.questionOptions;
    kind.optionMaterials = QList<QStringList>(dept.questionOptions.size());
    const int most = qMin(int(kind.options.size()), budget);
    return fromKind(kind, someOptions(kind.options.size(), 2, qMax(2, most)), taken);
}

std::optional<GenQuestion> SyntheticMatterBuilder::followUp(QSet<QString> &taken)
{
    const QList<GenQuestion> &qs = m_draft.questions;
    QList<int> singles;
    QList<int> numbers;
    for (int i = 0; i < qs.size(); ++i) {
        if (qs.at(i).depth >= MaxDepth)
            continue;
        if (qs.at(i).type == Type::Single)
            singles.append(i);
        else if (qs.at(i).type == Type::Number)
            numbers.append(i);
    }

    const auto content = [&](int singleShare, int numberShare) -> std::optional<GenQuestion> {
        const int roll = m_random.below(100);
        const Type type = roll < singleShare   ? Type::Single
            : roll < singleShare + numberShare ? Type::Number
                                               : Type::Multi;
        const std::optional<QuestionKind> kind = unusedKind(type, true);
        if (!kind)
            return std::nullopt;
        if (type == Type::Number)
            return numberQuestion(*kind, taken);
        if (type == Type::Multi)
            return fromKind(*kind, someOptions(kind->options.size(), 2, 3), taken);
        return fromKind(*kind, someOptions(kind->options.size(), 2, int(kind->options.size())), taken);
    };

    const int roll = m_random.below(100);
    std::optional<GenQuestion> q;
    std::optional<GenCondition> when;
    int depth = 1;
    if (roll < 40 && !singles.isEmpty()) {
        // Second and deeper levels: a question asked only after a given answer.
        const int parent = m_random.pick(singles);
        const GenQuestion &p = qs.at(parent);
        const int option = m_random.below(p.options.size());
        const int how = m_random.below(100);
        if (how < 20 && p.options.size() >= 4) {
            QList<int> two = someOptions(p.options.size(), 2, 2);
            when = GenCondition::compare(K::In, parent, two);
        } else if (how < 30) {
            when = GenCondition::compare(K::NotEquals, parent, {option});
        } else {
            when = GenCondition::compare(K::Equals, parent, {option});
        }
        depth = p.depth + 1;
        q = content(55, 30);
    } else if (roll < 55 && !numbers.isEmpty()) {
        // Like the bath over 150 m² that gets a third level of questions.
        const int parent = m_random.pick(numbers);
        when = GenCondition::number(K::AtLeast, parent, m_random.below(qs.at(parent).thresholds.size()));
        depth = qs.at(parent).depth + 1;
        q = content(100, 0);
    } else if (roll < 65 && singles.size() + numbers.size() >= 2) {
        QList<int> parents = singles + numbers;
        m_random.shuffle(parents);
        std::vector<GenCondition> both;
        for (int i = 0; i < 2; ++i) {
            const int parent = parents.at(i);
            const GenQuestion &p = qs.at(parent);
            both.push_back(p.type == Type::Number
                    ? GenCondition::number(K::AtLeast, parent, m_random.below(p.thresholds.size()))
                    : GenCondition::compare(K::Equals, parent, {m_random.below(p.options.size())}));
            depth = qMax(depth, p.depth + 1);
        }
        when = GenCondition::combine(K::And, std::move(both));
        q = content(100, 0);
    } else if (roll < 90) {
        q = content(70, 30);
    } else {
        q = content(0, 0);
    }
    if (!q || depth > MaxDepth)
        return std::nullopt;
    q->when = when;
    q->depth = depth;
    return q;
}

GenQuestion SyntheticMatterBuilder::fromKind(
    const QuestionKind &kind, QList<int> optionIndexes, QSet<QString> &taken)
{
    GenQuestion q;
    q.id = kind.id;
    q.text = kind.text;
    q.type = kind.type;
    if (!kind.hint.isEmpty() && m_random.chance(0.5))
        q.hint = kind.hint;
    for (const int i : optionIndexes) {
        GenOption option;
        option.id = kind.options.at(i).id;
        option.label = kind.options.at(i).label;
        const QStringList wanted = kind.optionMaterials.value(i);
        if (wanted == QStringList {u"-"_s}) {
            // Requires nothing of its own: the plain case (本人办理, 否).
        } else if (!wanted.isEmpty() && std::none_of(wanted.cbegin(), wanted.cend(), [&](const QString &id) {
                       return taken.contains(id);
                   })) {
            option.materialIds = wanted;
            for (const QString &id : wanted)
                taken.insert(id);
        } else {
            for (int n = m_random.chance(0.75) ? 1 : 2; n > 0; --n) {
                const QString id = drawMaterial(taken);
                if (!id.isEmpty())
                    option.materialIds.append(id);
            }
        }
        q.options.append(option);
    }
    return q;
}

GenQuestion SyntheticMatterBuilder::numberQuestion(const QuestionKind &kind, QSet<QString> &taken)
{
    GenQuestion q;
    q.id = kind.id;
    q.text = kind.text;
    q.type = Type::Number;
    q.unit = kind.unit;
    if (!kind.hint.isEmpty() && m_random.chance(0.5))
        q.hint = kind.hint;
    const int count = m_random.chance(0.65) ? 1 : 2;
    const int first = m_random.below(kind.thresholds.size() - count + 1);
    q.thresholds = kind.thresholds.mid(first, count);
    const int self = int(m_draft.questions.size()); // the index this question will have
    for (int t = 0; t < q.thresholds.size(); ++t) {
        GenRequirement r;
        r.materialId = drawMaterial(taken);
        r.when = GenCondition::number(K::AtLeast, self, t);
        if (!r.materialId.isEmpty())
            q.attached.append(r);
    }
    if (m_random.chance(0.2)) {
        GenRequirement r;
        r.materialId = drawMaterial(taken);
        r.when = GenCondition::number(K::Below, self, 0);
        if (!r.materialId.isEmpty())
            q.attached.append(r);
    }
    return q;
}

std::optional<QuestionKind> SyntheticMatterBuilder::unusedKind(QuestionKind::Type type, bool followUp)
{
    const QStringList used = usedQuestionIds();
    QList<QuestionKind> free;
    for (const QuestionKind &k : SyntheticVocabulary::questionKinds())
        if (k.type == type && !used.contains(k.id) && !(followUp && isFirstLevelOnly(k.id)))
            free.append(k);
    if (free.isEmpty())
        return std::nullopt;
    return m_random.pick(free);
}

QList<int> SyntheticMatterBuilder::someOptions(qsizetype available, int least, int most)
{
    QList<int> all;
    for (int i = 0; i < available; ++i)
        all.append(i);
    m_random.shuffle(all);
    QList<int> chosen = all.mid(0, m_random.between(qMin(least, int(available)), qMin(most, int(available))));
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

void SyntheticMatterBuilder::addOptionCondition(int budget)
{
    // Now and then an option offered only after an earlier answer (option-level `when:`).
    if (!m_random.chance(0.15))
        return;
    QList<int> targets;
    for (int i = 1; i < m_draft.questions.size(); ++i)
        if (m_draft.questions.at(i).type == Type::Single && m_draft.questions.at(i).options.size() >= 3)
            targets.append(i);
    if (targets.isEmpty())
        return;
    const int target = m_random.pick(targets);
    QList<int> parents;
    for (int i = 0; i < target; ++i)
        if (m_draft.questions.at(i).type == Type::Single)
            parents.append(i);
    if (parents.isEmpty())
        return;
    const int parent = m_random.pick(parents);
    GenQuestion &q = m_draft.questions[target];
    const int option = m_random.between(1, int(q.options.size()) - 1);
    const K how = m_random.chance(0.7) ? K::Equals : K::NotEquals;
    q.options[option].when
        = GenCondition::compare(how, parent, {m_random.below(m_draft.questions.at(parent).options.size())});

    const QList<GenSituation> situations = SituationSpace::enumerate(m_draft.questions, budget);
    bool offered = false;
    bool withheld = false;
    QList<bool> asked(m_draft.questions.size(), false);
    for (const GenSituation &s : situations) {
        for (int i = 0; i < s.size(); ++i)
            asked[i] = asked.at(i) || s.at(i) >= 0;
        if (s.at(target) < 0)
            continue;
        (SituationSpace::holds(*q.options.at(option).when, s) ? offered : withheld) = true;
    }
    // Withholding the option must not leave a later question that depends on it unasked.
    if (!offered || !withheld || asked.contains(false) || situations.size() > budget)
        q.options[option].when.reset();
}

std::optional<GenCondition> SyntheticMatterBuilder::atom(int question)
{
    const GenQuestion &q = m_draft.questions.at(question);
    const int roll = m_random.below(100);
    if (q.when && roll < 10)
        return GenCondition::compare(K::Answered, question, {});
    if (q.type == Type::Number) {
        const int t = m_random.below(q.thresholds.size());
        return GenCondition::number(roll < 70 ? K::AtLeast : K::Below, question, t);
    }
    if (q.type == Type::Multi) {
        if (roll < 60 || q.options.size() < 2)
            return GenCondition::compare(K::Has, question, {m_random.below(q.options.size())});
        return GenCondition::compare(K::HasAny, question, someOptions(q.options.size(), 2, 2));
    }
    if (roll < 60 || q.options.size() < 3)
        return GenCondition::compare(K::Equals, question, {m_random.below(q.options.size())});
    if (roll < 80)
        return GenCondition::compare(K::NotEquals, question, {m_random.below(q.options.size())});
    return GenCondition::compare(
        K::In, question, someOptions(q.options.size(), 2, int(q.options.size()) - 1));
}

GenCondition SyntheticMatterBuilder::randomCondition()
{
    const auto any = [&] { return *atom(m_random.below(m_draft.questions.size())); };
    const int roll = m_random.below(100);
    if (roll < 35)
        return any();
    if (roll < 50)
        return GenCondition::combine(K::Not, {any()});
    if (roll < 75)
        return GenCondition::combine(K::And, {any(), any()});
    if (roll < 90)
        return GenCondition::combine(K::Or, {any(), any()});
    return GenCondition::combine(
        K::And, {GenCondition::combine(K::Or, {any(), any()}), GenCondition::combine(K::Not, {any()})});
}

void SyntheticMatterBuilder::addConditionalRequirements(const QList<GenSituation> &situations)
{
    if (m_draft.questions.isEmpty())
        return;
    const int wanted = m_random.between(0, qMin(3, int(m_draft.questions.size())));
    for (int i = 0; i < wanted; ++i) {
        for (int attempt = 0; attempt < 8; ++attempt) {
            const GenCondition when = randomCondition();
            if (!SituationSpace::discriminates(when, situations))
                continue;
            QString id = m_random.chance(0.3) ? m_materials.drawCommon(m_taken) : QString();
            if (id.isEmpty())
                id = m_materials.draw(m_draft.plan.topicKey, m_draft.plan.departmentIndex, m_taken);
            if (id.isEmpty())
                break;
            m_taken.insert(id);
            GenRequirement r;
            r.materialId = id;
            r.when = when;
            m_draft.conditional.append(r);
            break;
        }
    }
}

void SyntheticMatterBuilder::addOverrides(QList<GenRequirement> &requirements)
{
    for (GenRequirement &r : requirements) {
        if (!m_random.chance(0.1))
            continue;
        switch (m_random.below(5)) {
        case 0:
            r.form = m_random.chance(0.5) ? u"original"_s : u"copy"_s;
            break;
        case 1:
            r.copies = m_random.between(2, 3);
            break;
        case 2:
            r.waivable = m_random.chance(0.6) ? 1 : 0;
            break;
        case 3:
            r.note = m_random.pick(noteWords());
            break;
        default:
            if (m_random.chance(0.5))
                r.extraPoints.append({false, u"x-seal"_s, u"核对是否加盖申请单位公章"_s});
            else
                r.extraPoints.append({true, u"x-scope"_s, u"核对所载事项与本次申请是否一致"_s});
            break;
        }
    }
}

QString SyntheticMatterBuilder::drawMaterial(QSet<QString> &taken)
{
    const QString id = m_materials.draw(m_draft.plan.topicKey, m_draft.plan.departmentIndex, taken);
    if (!id.isEmpty())
        taken.insert(id);
    return id;
}

QStringList SyntheticMatterBuilder::usedQuestionIds() const
{
    QStringList ids;
    for (const GenQuestion &q : m_draft.questions)
        ids.append(q.id);
    return ids;
}

} // namespace ow::synthgen
