#include "catalogue/MatterLimits.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>

namespace ow::catalogue {

namespace {

Diagnostic tooLarge(const SourceLocation &where, const QString &message)
{
    return Diagnostic {Diagnostic::Severity::Error, QStringLiteral("too-large"), message, where};
}

void countComparisons(const ConditionPtr &condition, QHash<QString, int> &counts)
{
    if (!condition)
        return;
    if (condition->kind == Condition::Kind::Compare)
        ++counts[condition->questionId];
    for (const ConditionPtr &operand : condition->operands)
        countComparisons(operand, counts);
}

} // namespace

std::optional<Diagnostic> MatterLimits::check(const Matter &matter)
{
    if (matter.questions.size() > MaxQuestions)
        return tooLarge(matter.questions.at(MaxQuestions).where,
            QCoreApplication::translate("ow::catalogue",
                "matter '%1' has more than %2 questions, more than lint and paths check; split it into "
                "sub-items (子项)")
                .arg(matter.code)
                .arg(MaxQuestions));
    for (const Question &question : matter.questions)
        if (question.options.size() > MaxOptions)
            return tooLarge(question.options.at(MaxOptions).where,
                QCoreApplication::translate("ow::catalogue",
                    "question '%1' has more than %2 options, more than lint and paths check; group the "
                    "options or split the question")
                    .arg(question.id)
                    .arg(MaxOptions));
    if (matter.requirements.size() > MaxRequirements)
        return tooLarge(matter.requirements.at(MaxRequirements).where,
            QCoreApplication::translate("ow::catalogue",
                "matter '%1' has more than %2 requirement lines, more than lint and paths check; split "
                "it into sub-items (子项)")
                .arg(matter.code)
                .arg(MaxRequirements));
    QHash<QString, int> comparisons;
    for (const Question &question : matter.questions) {
        countComparisons(question.when, comparisons);
        for (const Option &option : question.options)
            countComparisons(option.when, comparisons);
    }
    for (const Requirement &requirement : matter.requirements)
        countComparisons(requirement.when, comparisons);
    for (const ScreeningOutcome &outcome : matter.outcomes)
        countComparisons(outcome.when, comparisons);
    for (const Question &question : matter.questions)
        if (comparisons.value(question.id) > MaxComparisons)
            return tooLarge(question.where,
                QCoreApplication::translate("ow::catalogue",
                    "number question '%1' is compared with a number more than %2 times, more than lint and "
                    "paths check; compare it with fewer thresholds")
                    .arg(question.id)
                    .arg(MaxComparisons));
    return std::nullopt;
}

int MatterLimits::situationLimit(const Matter &matter, int limit)
{
    const qsizetype questions = std::max<qsizetype>(1, matter.questions.size());
    return int(std::min<qsizetype>(limit, std::max<qsizetype>(1, AnswerBudget / questions)));
}

} // namespace ow::catalogue
