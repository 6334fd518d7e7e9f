#include "catalogue/MatterReader.h"

#include "catalogue/ConditionChecker.h"
#include "catalogue/FaqReader.h"
#include "catalogue/MaterialReader.h"
#include "core/InputExcerpt.h"

#include <QCoreApplication>

namespace ow::catalogue {

namespace {

enum class MatterField
{
    Department,
    Kind,
    PromisedDays,
    LegalDays,
    Frequency,
    Keywords,
    Main,
    Basis,
    Question,
    Require,
    Outcome,
    Faq
};

const QHash<QString, MatterField> &matterFields()
{
    static const QHash<QString, MatterField> table = {
        {QStringLiteral("department"), MatterField::Department},
        {QStringLiteral("kind"), MatterField::Kind},
        {QStringLiteral("promised-days"), MatterField::PromisedDays},
        {QStringLiteral("legal-days"), MatterField::LegalDays},
        {QStringLiteral("frequency"), MatterField::Frequency},
        {QStringLiteral("keywords"), MatterField::Keywords},
        {QStringLiteral("main"), MatterField::Main},
        {QStringLiteral("basis"), MatterField::Basis},
        {QStringLiteral("question"), MatterField::Question},
        {QStringLiteral("require"), MatterField::Require},
        {QStringLiteral("outcome"), MatterField::Outcome},
        {QStringLiteral("faq"), MatterField::Faq},
    };
    return table;
}

constexpr QStringView kMatterAllowed = u"department, kind, promised-days, legal-days, frequency, keywords, "
                                       u"main, basis, question, require, outcome, faq";
constexpr QStringView kQuestionAllowed = u"type, hint, when, option, unit, min, max";
constexpr QStringView kOptionAllowed = u"when, materials, outcome";
constexpr QStringView kOutcomeAllowed = u"when, matter, reason";
constexpr QStringView kOptionOutcomeAllowed = u"matter, reason";
constexpr QStringView kRequireAllowed = u"when, form, copies, waivable, note, form-point, content-point";

bool startsWithLetter(const QString &id)
{
    const char16_t c = id.isEmpty() ? u'\0' : id.front().unicode();
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

} // namespace

MatterReader::MatterReader(LoadContext &context)
    : m_context(context)
{
}

Matter MatterReader::read(const TextNode &node)
{
    m_pending.clear();
    Matter matter;
    matter.code = node.id;
    matter.name = node.value;
    matter.where = node.where;
    if (node.id.isEmpty())
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate(
                "ow::catalogue", "a matter needs its code; write 'matter CODE: NAME'"));
    else if (node.value.isEmpty())
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue", "matter '%1' needs a name; write 'matter %1: NAME'")
                .arg(InputExcerpt::excerpt(node.id)));

    reserveFor(node, matter);
    SeenFields seen;
    const TextNode *promisedDaysNode = nullptr;
    FaqReader faqReader(m_context, [this](const TextNode &when) { return readCondition(when, -1); });
    for (const TextNode &child : node.children) {
        const auto field = matterFields().constFind(child.keyword);
        if (field == matterFields().constEnd()) {
            m_context.unknownKeyword(child, QStringLiteral("matter"), kMatterAllowed);
            continue;
        }
        switch (field.value()) {
        case MatterField::Department:
            if (m_context.once(seen, child) && m_context.plainField(child)) {
                matter.departmentId = child.value;
                const Lookups &lookups = m_context.lookups();
                if (lookups.departmentsKnown && !lookups.departments.contains(child.value))
                    m_context.error(Rule::UnknownId, child.valueWhere(),
                        QCoreApplication::translate("ow::catalogue",
                            "unknown department '%1' (departments are "
                            "defined in departments.txt)")
                            .arg(InputExcerpt::excerpt(child.value)));
            }
            break;
        case MatterField::Kind:
            if (m_context.once(seen, child))
                if (const auto v = m_context.choice(child, kMatterKindKeywords))
                    matter.kind = MatterKind(*v);
            break;
        case MatterField::PromisedDays:
            if (m_context.once(seen, child))
                if (const auto v = m_context.integer(child, 0)) {
                    matter.promisedDays = *v;
                    promisedDaysNode = &child;
                }
            break;
        case MatterField::LegalDays:
            if (m_context.once(seen, child))
                if (const auto v = m_context.integer(child, 0))
                    matter.legalDays = *v;
            break;
        case MatterField::Frequency:
            if (m_context.once(seen, child))
                if (const auto v = m_context.choice(child, kFrequencyKeywords))
                    matter.frequency = FrequencyClass(*v);
            break;
        case MatterField::Keywords:
            if (m_context.once(seen, child) && m_context.plainField(child))
                matter.keywords = LoadContext::splitList(child.value);
            break;
        case MatterField::Main:
            if (m_context.once(seen, child) && m_context.plainField(child))
                matter.mainCode = child.value;
            break;
        case MatterField::Basis:
            if (m_context.once(seen, child) && m_context.plainField(child))
                matter.basis = child.value;
            break;
        case MatterField::Question:
            readQuestion(child, matter);
            break;
        case MatterField::Require:
            readRequirement(child, matter);
            break;
        case MatterField::Outcome:
            if (m_context.idAndValue(child, true)) {
                ScreeningOutcome outcome;
                outcome.id = child.id;
                readOutcome(child, outcome);
                addOutcome(std::move(outcome), matter);
            }
            break;
        case MatterField::Faq:
            faqReader.read(child, matter.faqs, matter.code);
            break;
        }
    }

    if (!seen.contains(u"department"))
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue",
                "matter '%1' has no 'department'; add 'department: ID' with "
                "an id from departments.txt")
                .arg(matter.code));
    if (matter.kind == MatterKind::Promised && !seen.contains(u"promised-days"))
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue",
                "promised matter '%1' has no 'promised-days'; add the working "
                "days promised, or write 'kind: immediate'")
                .arg(matter.code));
    else if (promisedDaysNode && matter.kind == MatterKind::Promised && matter.promisedDays == 0)
        m_context.error(Rule::Parse, promisedDaysNode->valueWhere(),
            QCoreApplication::translate("ow::catalogue",
                "a promised matter needs at least 1 promised working day; "
                "correct the number, or write 'kind: immediate'"));
    else if (promisedDaysNode && matter.kind == MatterKind::Immediate && matter.promisedDays != 0)
        m_context.error(Rule::Parse, promisedDaysNode->valueWhere(),
            QCoreApplication::translate("ow::catalogue",
                "an immediate matter is decided on the spot and has no "
                "promised days; remove 'promised-days' or write "
                "'kind: promised'"));
    if (matter.requirements.isEmpty())
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue",
                "matter '%1' requires no material; add at least one "
                "'require MATERIAL-ID' line")
                .arg(matter.code));

    ConditionChecker checker(m_context, matter);
    for (const PendingCheck &pending : m_pending)
        checker.check(*pending.condition, pending.ownerQuestion, pending.where);
    m_pending.clear();
    return matter;
}

void MatterReader::reserveFor(const TextNode &node, Matter &matter)
{
    // Large catalogues have tens of thousands of requirements: growing the lists one by one would
    // move each element several times.
    qsizetype questions = 0;
    qsizetype requirements = 0;
    for (const TextNode &child : node.children) {
        if (child.keyword == u"require") {
            ++requirements;
        } else if (child.keyword == u"question") {
            ++questions;
            for (const TextNode &option : child.children)
                for (const TextNode &line : option.children)
                    if (line.keyword == u"materials")
                        requirements += 1 + line.value.count(QLatin1Char(',')) + line.value.count(u'，')
                            + line.value.count(u'、');
        }
    }
    matter.questions.reserve(questions);
    matter.requirements.reserve(requirements);
}

void MatterReader::readQuestion(const TextNode &node, Matter &matter)
{
    if (!m_context.idAndValue(node, true))
        return;
    const int index = int(matter.questions.size());
    Question question;
    question.id = node.id;
    question.text = node.value;
    question.where = node.where;

    // The type decides which other lines are allowed, and it may be written after them.
    SeenFields seen;
    for (const TextNode &child : node.children)
        if (child.keyword == u"type" && m_context.once(seen, child))
            if (const auto v = m_context.choice(child, kQuestionTypeKeywords))
                question.type = QuestionType(*v);
    const bool isNumber = question.type == QuestionType::Number;
    if (!isNumber)
        question.options.reserve(node.children.size());
    m_optionIndex.clear();

    const TextNode *minNode = nullptr;
    const TextNode *maxNode = nullptr;
    for (const TextNode &child : node.children) {
        const QString &keyword = child.keyword;
        if (keyword == u"type") {
            continue;
        } else if (keyword == u"hint") {
            if (m_context.once(seen, child) && m_context.plainField(child))
                question.hint = child.value;
        } else if (keyword == u"when") {
            if (m_context.once(seen, child))
                question.when = readCondition(child, index);
        } else if (keyword == u"option") {
            if (isNumber)
                m_context.error(Rule::Parse, child.where,
                    QCoreApplication::translate("ow::catalogue",
                        "question '%1' is a number question and takes no "
                        "options; remove 'type: number' or the option")
                        .arg(question.id));
            else
                readOption(child, question, matter, index);
        } else if (keyword == u"unit" || keyword == u"min" || keyword == u"max") {
            if (!isNumber) {
                m_context.error(Rule::Parse, child.where,
                    QCoreApplication::translate("ow::catalogue",
                        "'%1' only applies to number questions; add 'type: "
                        "number' to question '%2' or remove the line")
                        .arg(keyword, question.id));
            } else if (m_context.once(seen, child)) {
                if (keyword == u"unit") {
                    if (m_context.plainField(child))
                        question.unit = child.value;
                } else if (const auto v = m_context.number(child)) {
                    (keyword == u"min" ? question.minimum : question.maximum) = *v;
                    (keyword == u"min" ? minNode : maxNode) = &child;
                }
            }
        } else {
            m_context.unknownKeyword(child, QStringLiteral("question"), kQuestionAllowed);
        }
    }

    if (minNode && maxNode && *question.minimum > *question.maximum)
        m_context.error(Rule::Parse, maxNode->valueWhere(),
            QCoreApplication::translate("ow::catalogue",
                "the maximum of question '%1' is below its minimum (line %2); "
                "correct one of them")
                .arg(question.id)
                .arg(minNode->where.line));
    if (question.type == QuestionType::Single && question.options.size() < 2)
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue",
                "single-choice question '%1' needs at least two options; add "
                "'option ID: LABEL' lines under it")
                .arg(question.id));
    else if (question.type == QuestionType::Multi && question.options.isEmpty())
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue",
                "multi-choice question '%1' needs at least one option; add "
                "'option ID: LABEL' lines under it")
                .arg(question.id));

    for (const Question &earlier : matter.questions) {
        if (earlier.id == question.id) {
            m_context.error(Rule::DuplicateId, node.where,
                QCoreApplication::translate("ow::catalogue",
                    "question '%1' is defined twice in matter '%2'; the first "
                    "definition is at line %3 (give each question its own id)")
                    .arg(question.id, matter.code)
                    .arg(earlier.where.line));
            return;
        }
    }
    matter.questions.append(std::move(question));
}

void MatterReader::readOption(const TextNode &node, Question &question, Matter &matter, int questionIndex)
{
    if (!m_context.idAndValue(node, true))
        return;
    if (!startsWithLetter(node.id) || node.id == u"none") {
        m_context.error(Rule::Parse, node.where,
            node.id == u"none" ? QCoreApplication::translate("ow::catalogue",
                "the option id 'none' is reserved for an empty "
                "multi-choice answer; choose another id")
                               : QCoreApplication::translate("ow::catalogue",
                                   "option id '%1' must start with a letter, so it cannot "
                                   "be mistaken for a number; rename it")
                                     .arg(InputExcerpt::excerpt(node.id)));
        return;
    }
    if (const auto known = m_optionIndex.constFind(node.id); known != m_optionIndex.constEnd()) {
        const Option *first = &question.options.at(known.value());
        m_context.error(Rule::DuplicateId, node.where,
            QCoreApplication::translate("ow::catalogue",
                "option '%1' of question '%2' is defined twice; the first "
                "definition is at line %3 (give each option its own id)")
                .arg(InputExcerpt::excerpt(node.id), question.id)
                .arg(first->where.line));
        return;
    }
    Option option;
    option.id = node.id;
    option.label = node.value;
    option.where = node.where;
    SeenFields seen;
    for (const TextNode &child : node.children) {
        if (child.keyword == u"when") {
            if (m_context.once(seen, child))
                option.when = readCondition(child, questionIndex);
        } else if (child.keyword == u"materials") {
            if (!m_context.once(seen, child) || !m_context.plainField(child))
                continue;
            option.materialIds = LoadContext::splitList(child.value);
            if (option.materialIds.isEmpty())
                m_context.error(Rule::MissingField, child.valueWhere(),
                    QCoreApplication::translate("ow::catalogue",
                        "'materials' lists no material id; write the ids "
                        "separated by ',', e.g. 'materials: id-card, "
                        "floor-plan'"));
            for (const QString &materialId : std::as_const(option.materialIds))
                if (!m_context.lookups().materials.contains(materialId))
                    unknownMaterial(materialId, child.valueWhere());
            // The shorthand stands for `require` lines placed where the question stands.
            auto when = std::make_shared<Condition>();
            when->kind
                = question.type == QuestionType::Multi ? Condition::Kind::Has : Condition::Kind::Equals;
            when->questionId = question.id;
            when->optionIds = {option.id};
            when->where = child.valueWhere();
            const QString fromOption = question.id + QLatin1Char('.') + option.id;
            for (const QString &materialId : std::as_const(option.materialIds)) {
                Requirement requirement;
                requirement.materialId = materialId;
                requirement.when = when;
                requirement.fromOption = fromOption;
                requirement.where = child.where;
                matter.requirements.append(std::move(requirement));
            }
        } else if (child.keyword == u"outcome") {
            if (!m_context.once(seen, child) || !m_context.plainField(child, true))
                continue;
            // The shorthand stands for an outcome reached when this option is chosen.
            ScreeningOutcome outcome;
            outcome.fromOption = question.id + QLatin1Char('.') + option.id;
            outcome.id = outcome.fromOption;
            auto when = std::make_shared<Condition>();
            when->kind
                = question.type == QuestionType::Multi ? Condition::Kind::Has : Condition::Kind::Equals;
            when->questionId = question.id;
            when->optionIds = {option.id};
            when->where = child.valueWhere();
            outcome.when = std::move(when);
            readOutcome(child, outcome);
            addOutcome(std::move(outcome), matter);
        } else {
            m_context.unknownKeyword(child, QStringLiteral("option"), kOptionAllowed);
        }
    }
    m_optionIndex.insert(option.id, question.options.size());
    question.options.append(std::move(option));
}

void MatterReader::readRequirement(const TextNode &node, Matter &matter)
{
    if (!m_context.idOnly(node))
        return;
    Requirement requirement;
    requirement.materialId = node.id;
    requirement.where = node.where;
    const Material *material = m_context.lookups().materials.value(node.id);
    if (!material)
        unknownMaterial(node.id, node.where);
    SeenFields seen;
    for (const TextNode &child : node.children) {
        const QString &keyword = child.keyword;
        if (keyword == u"when") {
            if (m_context.once(seen, child))
                requirement.when = readCondition(child, -1);
        } else if (keyword == u"form") {
            if (m_context.once(seen, child))
                requirement.form = MaterialReader::readForm(m_context, child);
        } else if (keyword == u"copies") {
            if (m_context.once(seen, child))
                if (const auto v = m_context.integer(child, 1))
                    requirement.copies = *v;
        } else if (keyword == u"waivable") {
            if (m_context.once(seen, child))
                requirement.waivable = m_context.yesNo(child);
        } else if (keyword == u"note") {
            if (m_context.once(seen, child) && m_context.plainField(child))
                requirement.note = child.value;
        } else if (keyword == u"form-point" || keyword == u"content-point") {
            auto point = MaterialReader::readReviewPoint(m_context, child, matter.code);
            if (!point)
                continue;
            if (const ReviewPoint *own = material ? material->findReviewPoint(point->id) : nullptr)
                m_context.error(Rule::DuplicateId, child.where,
                    QCoreApplication::translate("ow::catalogue",
                        "review point '%1' is already defined by material "
                        "'%2' at %3; give this matter's point another id")
                        .arg(point->id, InputExcerpt::excerpt(node.id), LoadContext::place(own->where)));
            else
                MaterialReader::addReviewPoint(
                    m_context, requirement.extraReviewPoints, std::move(*point), node.id);
        } else {
            m_context.unknownKeyword(child, QStringLiteral("require"), kRequireAllowed);
        }
    }
    matter.requirements.append(std::move(requirement));
}

void MatterReader::readOutcome(const TextNode &node, ScreeningOutcome &outcome)
{
    outcome.where = node.where;
    const bool underOption = !outcome.fromOption.isEmpty();
    // The kind stands on the block's own line, which has lines under it: LoadContext::choice would
    // refuse those, so the value is matched here.
    if (node.value == kOutcomeKindKeywords[1])
        outcome.kind = OutcomeKind::Refer;
    else if (node.value != kOutcomeKindKeywords[0] && !node.value.isEmpty())
        m_context.error(Rule::Parse, node.valueWhere(),
            QCoreApplication::translate("ow::catalogue", "'%1' is not a valid value for '%2'; use one of: %3")
                .arg(InputExcerpt::excerpt(node.value), node.keyword, QStringLiteral("not-required, refer")));
    const TextNode *matterNode = nullptr;
    SeenFields seen;
    for (const TextNode &child : node.children) {
        const QString &keyword = child.keyword;
        if (keyword == u"when" && !underOption) {
            if (m_context.once(seen, child))
                outcome.when = readCondition(child, -1);
        } else if (keyword == u"matter") {
            if (m_context.once(seen, child) && m_context.plainField(child)) {
                outcome.targetCode = child.value;
                outcome.targetWhere = child.valueWhere();
                matterNode = &child;
            }
        } else if (keyword == u"reason") {
            if (m_context.once(seen, child) && m_context.plainField(child))
                outcome.reason = child.value;
        } else {
            m_context.unknownKeyword(
                child, QStringLiteral("outcome"), underOption ? kOptionOutcomeAllowed : kOutcomeAllowed);
        }
    }
    // Told to the applicant in writing: an outcome without its reason would be a bare refusal.
    if (!seen.contains(u"reason"))
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue",
                "outcome '%1' has no 'reason'; add 'reason: TEXT' saying why, as the applicant is told it")
                .arg(InputExcerpt::excerpt(outcome.id)));
    if (!underOption && !seen.contains(u"when"))
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate(
                "ow::catalogue", "outcome '%1' has no 'when'; add the condition under which it ends the walk")
                .arg(InputExcerpt::excerpt(outcome.id)));
    if (outcome.kind == OutcomeKind::Refer && !seen.contains(u"matter"))
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue",
                "outcome '%1' refers the applicant elsewhere; add 'matter: CODE' naming the matter to apply "
                "for")
                .arg(InputExcerpt::excerpt(outcome.id)));
    else if (outcome.kind == OutcomeKind::NotRequired && matterNode)
        m_context.error(Rule::Parse, matterNode->where,
            QCoreApplication::translate("ow::catalogue",
                "a 'not-required' outcome names no matter; remove the line or write 'refer'"));
}

void MatterReader::addOutcome(ScreeningOutcome outcome, Matter &matter)
{
    if (const ScreeningOutcome *first = matter.findOutcome(outcome.id)) {
        m_context.error(Rule::DuplicateId, outcome.where,
            QCoreApplication::translate("ow::catalogue",
                "outcome '%1' is defined twice in matter '%2'; the first definition is at line %3 (give "
                "each outcome its own id)")
                .arg(InputExcerpt::excerpt(outcome.id), matter.code)
                .arg(first->where.line));
        return;
    }
    matter.outcomes.append(std::move(outcome));
}

void MatterReader::unknownMaterial(const QString &materialId, const SourceLocation &where)
{
    m_context.error(Rule::UnknownId, where,
        QCoreApplication::translate("ow::catalogue",
            "unknown material '%1' (materials are defined in the files under "
            "materials/); correct the id or define the material")
            .arg(materialId));
}

ConditionPtr MatterReader::readCondition(const TextNode &node, int ownerQuestion)
{
    if (!m_context.plainField(node))
        return nullptr;
    auto parsed = parseCondition(node.value, node.valueWhere());
    if (!parsed) {
        const Error &error = parsed.error();
        m_context.error(
            Rule::Condition, error.where().isValid() ? error.where() : node.valueWhere(), error.message());
        return nullptr;
    }
    ConditionPtr condition = std::move(*parsed);
    if (condition)
        m_pending.push_back({condition, ownerQuestion, node.valueWhere()});
    return condition;
}

} // namespace ow::catalogue
