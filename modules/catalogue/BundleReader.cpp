#include "catalogue/BundleReader.h"

#include "catalogue/ConditionChecker.h"
#include "catalogue/FaqReader.h"
#include "core/InputExcerpt.h"

#include <QCoreApplication>
#include <algorithm>

namespace ow::catalogue {

namespace {
constexpr QStringView kBundleAllowed = u"lead, keywords, description, matter, faq";
} // namespace

BundleReader::BundleReader(LoadContext &context)
    : m_context(context)
{
}

Bundle BundleReader::read(const TextNode &node)
{
    Bundle bundle;
    bundle.id = node.id;
    bundle.name = node.value;
    bundle.where = node.where;
    if (node.id.isEmpty())
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue", "a bundle needs an id; write 'bundle ID: NAME'"));
    else if (node.value.isEmpty())
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue", "bundle '%1' needs a name; write 'bundle %1: NAME'")
                .arg(InputExcerpt::excerpt(node.id)));

    SeenFields seen;
    QList<const TextNode *> faqNodes;
    for (const TextNode &child : node.children) {
        const QString &keyword = child.keyword;
        if (keyword == u"faq") {
            faqNodes.append(&child); // read once every member is known: their questions are its conditions'
        } else if (keyword == u"lead") {
            if (m_context.once(seen, child) && m_context.plainField(child)) {
                bundle.leadDepartmentId = child.value;
                const Lookups &lookups = m_context.lookups();
                if (lookups.departmentsKnown && !lookups.departments.contains(child.value))
                    m_context.error(Rule::UnknownId, child.valueWhere(),
                        QCoreApplication::translate("ow::catalogue",
                            "unknown department '%1' (departments are "
                            "defined in departments.txt)")
                            .arg(InputExcerpt::excerpt(child.value)));
            }
        } else if (keyword == u"keywords") {
            if (m_context.once(seen, child) && m_context.plainField(child))
                bundle.keywords = LoadContext::splitList(child.value);
        } else if (keyword == u"description") {
            if (m_context.once(seen, child) && m_context.plainField(child))
                bundle.description = child.value;
        } else if (keyword == u"matter") {
            readMember(child, bundle);
        } else {
            m_context.unknownKeyword(child, QStringLiteral("bundle"), kBundleAllowed);
        }
    }
    if (!seen.contains(u"lead"))
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue",
                "bundle '%1' has no 'lead'; add 'lead: ID' with the id of the "
                "lead department from departments.txt")
                .arg(bundle.id));
    if (bundle.members.size() < 2)
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue",
                "bundle '%1' lists fewer than two matters; a bundle needs at "
                "least two 'matter CODE' lines")
                .arg(bundle.id));
    if (!faqNodes.isEmpty())
        readFaqs(faqNodes, bundle);
    return bundle;
}

void BundleReader::readFaqs(const QList<const TextNode *> &nodes, Bundle &bundle)
{
    const Matter questions = FaqReader::bundleQuestions(bundle, m_context.lookups());
    ConditionChecker checker(m_context, questions);
    FaqReader reader(m_context, [&](const TextNode &when) -> ConditionPtr {
        auto parsed = parseCondition(when.value, when.valueWhere());
        if (!parsed) {
            const Error &error = parsed.error();
            m_context.error(Rule::Condition, error.where().isValid() ? error.where() : when.valueWhere(),
                error.message());
            return nullptr;
        }
        if (*parsed)
            checker.check(**parsed, -1, when.valueWhere());
        return std::move(*parsed);
    });
    for (const TextNode *node : nodes)
        reader.read(*node, bundle.faqs, bundle.id);
}

void BundleReader::readMember(const TextNode &node, Bundle &bundle)
{
    if (!m_context.idOnly(node))
        return;
    const auto first = std::find_if(bundle.members.cbegin(), bundle.members.cend(),
        [&](const BundleMember &m) { return m.matterCode == node.id; });
    if (first != bundle.members.cend()) {
        m_context.error(Rule::DuplicateId, node.where,
            QCoreApplication::translate("ow::catalogue",
                "matter '%1' is listed twice in bundle '%2'; the first is at "
                "line %3 (list each matter once)")
                .arg(InputExcerpt::excerpt(node.id), bundle.id)
                .arg(first->where.line));
        return;
    }
    const Matter *matter = m_context.lookups().matters.value(node.id);
    if (!matter)
        m_context.error(Rule::UnknownId, node.where,
            QCoreApplication::translate("ow::catalogue",
                "bundle '%1' lists matter '%2', which is not in the "
                "catalogue; correct the code or add the matter under "
                "matters/")
                .arg(bundle.id, InputExcerpt::excerpt(node.id)));
    BundleMember member {node.id, {}, node.where};
    QHash<QString, int> presetSeen;
    for (const TextNode &preset : node.children) {
        if (preset.keyword != u"preset") {
            m_context.unknownKeyword(preset, QStringLiteral("matter"), u"preset");
            continue;
        }
        if (!m_context.idAndValue(preset))
            continue;
        if (presetSeen.contains(preset.id)) {
            m_context.error(Rule::DuplicateId, preset.where,
                QCoreApplication::translate("ow::catalogue",
                    "question '%1' is preset twice for matter '%2' (first at "
                    "line %3); keep one")
                    .arg(preset.id, InputExcerpt::excerpt(node.id))
                    .arg(presetSeen.value(preset.id)));
            continue;
        }
        presetSeen.insert(preset.id, preset.where.line);
        if (matter)
            checkPreset(*matter, preset.id, preset.value, preset.where);
        member.presets.append({preset.id, preset.value});
    }
    bundle.members.append(std::move(member));
}

void BundleReader::checkPreset(
    const Matter &matter, const QString &questionId, const QString &answer, const SourceLocation &where)
{
    const Question *question = matter.findQuestion(questionId);
    if (!question) {
        m_context.error(Rule::UnknownId, where,
            QCoreApplication::translate("ow::catalogue",
                "matter '%1' has no question '%2' to preset; correct the "
                "question id")
                .arg(matter.code, questionId));
        return;
    }
    if (question->type == QuestionType::Number) {
        const auto value = LoadContext::parseNumber(answer);
        if (!value)
            m_context.error(Rule::Parse, where,
                QCoreApplication::translate("ow::catalogue",
                    "'%1' is not a number, but question '%2' asks for one; "
                    "preset a number such as 150")
                    .arg(InputExcerpt::excerpt(answer), question->id));
        else if ((question->minimum && *value < *question->minimum)
            || (question->maximum && *value > *question->maximum))
            m_context.error(Rule::Parse, where,
                QCoreApplication::translate("ow::catalogue",
                    "%1 is outside the range question '%2' allows; preset a "
                    "number within its 'min' and 'max'")
                    .arg(InputExcerpt::excerpt(answer), question->id));
        return;
    }
    QStringList optionIds;
    if (question->type == QuestionType::Single) {
        optionIds = {answer};
    } else if (answer != u"none") {
        optionIds = answer.split(QLatin1Char('+'));
    }
    for (const QString &raw : std::as_const(optionIds)) {
        const QString optionId = raw.trimmed();
        if (question->findOption(optionId))
            continue;
        QStringList ids;
        for (const Option &option : question->options)
            ids.append(option.id);
        m_context.error(Rule::UnknownId, where,
            question->type == QuestionType::Single && answer.contains(QLatin1Char('+'))
                ? QCoreApplication::translate("ow::catalogue",
                    "question '%1' is single-choice; preset exactly one of "
                    "its options: %2")
                      .arg(question->id, ids.join(QStringLiteral(", ")))
                : QCoreApplication::translate(
                    "ow::catalogue", "question '%1' has no option '%2'; its options are: %3")
                      .arg(question->id, optionId, ids.join(QStringLiteral(", "))));
        return;
    }
}

} // namespace ow::catalogue
