#include "catalogue/ConditionChecker.h"

#include <QCoreApplication>

namespace ow::catalogue {

namespace {

QString optionList(const Question &question)
{
    QStringList ids;
    ids.reserve(question.options.size());
    for (const Option &option : question.options)
        ids.append(option.id);
    return ids.join(QStringLiteral(", "));
}

} // namespace

ConditionChecker::ConditionChecker(LoadContext &context, const Matter &matter)
    : m_context(context)
    , m_matter(matter)
{
    m_questionIndex.reserve(matter.questions.size());
    for (int i = 0; i < matter.questions.size(); ++i)
        m_questionIndex.insert(matter.questions.at(i).id, i);
}

void ConditionChecker::check(const Condition &condition, int ownerQuestion, const SourceLocation &fallback)
{
    const SourceLocation &where = condition.where.isValid() ? condition.where : fallback;
    switch (condition.kind) {
    case Condition::Kind::Literal:
        return;
    case Condition::Kind::Not:
    case Condition::Kind::And:
    case Condition::Kind::Or:
        for (const auto &operand : condition.operands)
            if (operand)
                check(*operand, ownerQuestion, where);
        return;
    default:
        checkComparison(condition, ownerQuestion, where);
    }
}

void ConditionChecker::checkComparison(const Condition &node, int ownerQuestion, const SourceLocation &where)
{
    const auto found = m_questionIndex.constFind(node.questionId);
    if (found == m_questionIndex.constEnd()) {
        QStringList ids;
        for (const Question &question : m_matter.questions)
            ids.append(question.id);
        m_context.error(Rule::UnknownId, where,
            ids.isEmpty() ? QCoreApplication::translate("ow::catalogue",
                "the condition mentions question '%1', but matter '%2' "
                "has no questions; add the question or correct the id")
                                .arg(node.questionId, m_matter.code)
                          : QCoreApplication::translate("ow::catalogue",
                              "the condition mentions question '%1', which matter "
                              "'%2' does not have; its questions are: %3")
                                .arg(node.questionId, m_matter.code, ids.join(QStringLiteral(", "))));
        return;
    }
    const int index = found.value();
    const Question &question = m_matter.questions.at(index);
    if (ownerQuestion >= 0 && index == ownerQuestion) {
        m_context.error(Rule::Condition, where,
            QCoreApplication::translate("ow::catalogue",
                "this condition belongs to question '%1' and cannot mention "
                "'%1' itself; it may only use questions written before it")
                .arg(node.questionId));
        return;
    }
    if (ownerQuestion >= 0 && index > ownerQuestion) {
        m_context.error(Rule::Condition, where,
            QCoreApplication::translate("ow::catalogue",
                "this condition of question '%1' mentions question '%2', "
                "which is written after it (line %3); a question's "
                "condition may only use earlier questions, so move '%2' up")
                .arg(m_matter.questions.at(ownerQuestion).id, node.questionId)
                .arg(question.where.line));
        return;
    }

    switch (node.kind) {
    case Condition::Kind::Equals:
    case Condition::Kind::NotEquals:
    case Condition::Kind::In:
        if (question.type == QuestionType::Multi) {
            m_context.error(Rule::Condition, where,
                QCoreApplication::translate("ow::catalogue",
                    "'%1' is a multi-choice question; compare it with 'has' "
                    "or 'has any (…)', not with '=', '!=' or 'in'")
                    .arg(node.questionId));
            return;
        }
        break;
    case Condition::Kind::Has:
    case Condition::Kind::HasAny:
        if (question.type == QuestionType::Single) {
            m_context.error(Rule::Condition, where,
                QCoreApplication::translate("ow::catalogue",
                    "'%1' is a single-choice question; compare it with '=', "
                    "'!=' or 'in (…)', not with 'has'")
                    .arg(node.questionId));
            return;
        }
        break;
    case Condition::Kind::Compare:
        if (question.type != QuestionType::Number) {
            m_context.error(Rule::Condition, where,
                QCoreApplication::translate("ow::catalogue",
                    "'%1' is a choice question, not a number question; "
                    "compare it with one of its options: %2")
                    .arg(node.questionId, optionList(question)));
            return;
        }
        return;
    default:
        return; // answered(q) suits every type
    }
    if (question.type == QuestionType::Number) {
        m_context.error(Rule::Condition, where,
            QCoreApplication::translate("ow::catalogue",
                "'%1' is a number question; compare it with a number, e.g. "
                "'%1 >= 150', not with an option")
                .arg(node.questionId));
        return;
    }
    checkOptions(node, question, where);
}

void ConditionChecker::checkOptions(
    const Condition &node, const Question &question, const SourceLocation &where)
{
    const QSet<QString> *known = nullptr;
    if (question.options.size() > 32) {
        const int index = int(&question - m_matter.questions.constData());
        auto it = m_optionSets.find(index);
        if (it == m_optionSets.end()) {
            QSet<QString> ids;
            ids.reserve(question.options.size());
            for (const Option &option : question.options)
                ids.insert(option.id);
            it = m_optionSets.insert(index, std::move(ids));
        }
        known = &it.value();
    }
    for (const QString &optionId : node.optionIds)
        if (known ? !known->contains(optionId) : !question.findOption(optionId))
            m_context.error(Rule::UnknownId, where,
                QCoreApplication::translate(
                    "ow::catalogue", "question '%1' has no option '%2'; its options are: %3")
                    .arg(question.id, optionId, optionList(question)));
}

} // namespace ow::catalogue
