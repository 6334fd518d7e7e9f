#include "catalogue/LintMatterRules.h"

#include <QCoreApplication>

namespace ow::catalogue {

namespace {

void collectLiterals(const Condition &condition, QList<const Condition *> &literals)
{
    if (condition.kind == Condition::Kind::Literal)
        literals.append(&condition);
    for (const ConditionPtr &operand : condition.operands)
        if (operand)
            collectLiterals(*operand, literals);
}

const SourceLocation &locationOr(const SourceLocation &where, const SourceLocation &fallback)
{
    return where.isValid() ? where : fallback;
}

// More options than this in one multi-choice question and we no longer expect the enumeration to hold
// every subset; the effect rules then stay silent rather than guess.
constexpr int MaxMultiOptionsForEffect = 20;

} // namespace

LintMatterRules::LintMatterRules(const LintSituationTable &table, Diagnostics &out)
    : m_table(table)
    , m_matter(table.matter())
    , m_out(out)
{
}

void LintMatterRules::run()
{
    for (int q = 0; q < m_table.questionCount(); ++q)
        checkQuestion(q);
    checkRequirements();
}

void LintMatterRules::checkQuestion(int q)
{
    const Question &question = m_matter.questions.at(q);
    bool switchedOff = false;
    if (question.when) {
        bool anyLiteral = false;
        switchedOff = reportLiterals(*question.when, question.where, &anyLiteral);
        // A condition that is never true is reported once, as the unreachable question it causes.
        if (!anyLiteral && m_table.isAsked(q))
            reportConstant(*question.when, outcomeOf(*question.when, -1), question.where);
    }
    if (!m_table.isAsked(q)) {
        if (!switchedOff)
            warn(QStringLiteral("unreachable-question"),
                QCoreApplication::translate("ow::catalogue",
                    "Question “%1” is asked in no situation. Correct its condition, or the conditions of "
                    "the questions it depends on, or remove it.")
                    .arg(question.id),
                question.where);
        return; // its options and effects are moot while it is never asked
    }
    if (question.type == QuestionType::Number)
        return;
    checkOptions(q);
    checkEffect(q);
}

void LintMatterRules::checkOptions(int q)
{
    const Question &question = m_matter.questions.at(q);
    QList<bool> chosen(question.options.size(), false);
    for (const Answer &answer : m_table.distinctAnswers(q)) {
        for (qsizetype i = 0; i < question.options.size(); ++i) {
            const QString &id = question.options.at(i).id;
            if (answer.type == Answer::Type::Multi ? answer.options.contains(id) : answer.option == id)
                chosen[i] = true;
        }
    }
    for (qsizetype i = 0; i < question.options.size(); ++i) {
        const Option &option = question.options.at(i);
        bool switchedOff = false;
        if (option.when) {
            bool anyLiteral = false;
            switchedOff = reportLiterals(*option.when, option.where, &anyLiteral);
            if (!anyLiteral && chosen.at(i))
                reportConstant(*option.when, outcomeOf(*option.when, q), option.where);
        }
        if (!chosen.at(i) && !switchedOff)
            warn(QStringLiteral("unreachable-option"),
                QCoreApplication::translate("ow::catalogue",
                    "Option “%1” of question “%2” is offered in no situation. Correct its condition or "
                    "remove the option.")
                    .arg(option.id, question.id),
                option.where);
    }
}

void LintMatterRules::checkEffect(int q)
{
    const Question &question = m_matter.questions.at(q);
    const bool single = question.type == QuestionType::Single;
    if (!single && question.options.size() > MaxMultiOptionsForEffect)
        return;
    const std::vector<std::vector<int>> groups = m_table.groupsVaryingOnly(q);

    // The question has no effect when every offered alternative answer appears beside each situation
    // (so the later questions and their options stay the same) with an equal checklist.
    bool complete = true;
    bool uniform = true;
    bool anyAlternative = false;
    for (const std::vector<int> &group : groups) {
        const int offered = offeredCount(q, group.front());
        const int expected = single ? offered : (1 << offered);
        if (int(group.size()) != expected)
            complete = false;
        if (group.size() > 1)
            anyAlternative = true;
        for (int s : group)
            if (m_table.checklistKey(s) != m_table.checklistKey(group.front()))
                uniform = false;
    }
    if (complete && uniform && anyAlternative) {
        warn(QStringLiteral("question-no-effect"),
            QCoreApplication::translate("ow::catalogue",
                "Whatever is answered to question “%1”, the checklist and the questions asked after it stay "
                "the same. Add the materials that depend on its answer, or remove the question.")
                .arg(question.id),
            question.where);
        return; // every pair of its options would be reported as identical too
    }
    if (!single)
        return;

    // identical[a][b] (a < b): so far, every group holding one of the two holds both, with equal checklists.
    const int n = int(question.options.size());
    std::vector<std::vector<char>> identical(size_t(n), std::vector<char>(size_t(n), 1));
    std::vector<char> reached(size_t(n), 0);
    std::vector<int> checklistByOption(static_cast<size_t>(n));
    for (const std::vector<int> &group : groups) {
        std::fill(checklistByOption.begin(), checklistByOption.end(), -1);
        for (int s : group) {
            const int option = optionIndex(q, m_table.code(s, q));
            if (option >= 0) {
                checklistByOption[size_t(option)] = m_table.checklistKey(s);
                reached[size_t(option)] = 1;
            }
        }
        for (int a = 0; a < n; ++a)
            for (int b = a + 1; b < n; ++b)
                if (checklistByOption[size_t(a)] != checklistByOption[size_t(b)])
                    identical[size_t(a)][size_t(b)] = 0;
    }
    // Each option is reported once, against the first option it duplicates.
    std::vector<int> representative(static_cast<size_t>(n));
    for (int b = 0; b < n; ++b) {
        representative[size_t(b)] = b;
        if (!reached[size_t(b)])
            continue;
        for (int a = 0; a < b; ++a) {
            if (representative[size_t(a)] == a && reached[size_t(a)] && identical[size_t(a)][size_t(b)]) {
                representative[size_t(b)] = a;
                const Option &first = question.options.at(a);
                const Option &later = question.options.at(b);
                warn(QStringLiteral("identical-siblings"),
                    QCoreApplication::translate("ow::catalogue",
                        "Options “%1” and “%2” of question “%3” lead to the same checklist in every "
                        "situation. "
                        "Merge them: split a situation only where a material differs.")
                        .arg(first.id, later.id, question.id),
                    later.where);
                break;
            }
        }
    }
}

void LintMatterRules::checkRequirements()
{
    for (const Requirement &requirement : m_matter.requirements) {
        // A `materials:` shorthand's condition is its option; the option rules already speak for it.
        if (!requirement.when || !requirement.fromOption.isEmpty())
            continue;
        bool anyLiteral = false;
        reportLiterals(*requirement.when, requirement.where, &anyLiteral);
        if (!anyLiteral)
            reportConstant(*requirement.when, outcomeOf(*requirement.when, -1), requirement.where);
    }
}

LintMatterRules::Outcome LintMatterRules::outcomeOf(const Condition &condition, int question) const
{
    Outcome outcome;
    for (int s = 0; s < m_table.situationCount(); ++s) {
        if (question >= 0 && m_table.code(s, question) == LintSituationTable::NotAsked)
            continue;
        switch (condition.evaluate(m_table.situation(s).answers)) {
        case Truth::True:
            outcome.seenTrue = true;
            break;
        case Truth::False:
            outcome.seenFalse = true;
            break;
        case Truth::Unknown:
            break;
        }
        // Most conditions are settled after a few situations; only constant ones need the full scan.
        if (outcome.seenTrue && outcome.seenFalse)
            break;
    }
    return outcome;
}

bool LintMatterRules::reportLiterals(
    const Condition &condition, const SourceLocation &fallback, bool *anyLiteral)
{
    QList<const Condition *> literals;
    collectLiterals(condition, literals);
    bool hasFalse = false;
    for (const Condition *literal : literals) {
        const SourceLocation &where = locationOr(literal->where, fallback);
        if (literal->literal) {
            warn(QStringLiteral("condition-always"),
                QCoreApplication::translate("ow::catalogue",
                    "The condition “true” always holds. Remove it when you are done editing."),
                where);
        } else {
            hasFalse = true;
            warn(QStringLiteral("condition-never"),
                QCoreApplication::translate("ow::catalogue",
                    "The condition “false” switches this line off: it never applies. Remove the line or the "
                    "condition when you are done editing."),
                where);
        }
    }
    *anyLiteral = !literals.isEmpty();
    return hasFalse;
}

void LintMatterRules::reportConstant(
    const Condition &condition, const Outcome &outcome, const SourceLocation &fallback)
{
    const SourceLocation &where = locationOr(condition.where, fallback);
    if (outcome.seenTrue && !outcome.seenFalse)
        warn(QStringLiteral("condition-always"),
            QCoreApplication::translate("ow::catalogue",
                "The condition “%1” holds in every situation where it is evaluated, so it changes nothing. "
                "Remove it, or correct it if it should exclude some situations.")
                .arg(condition.toString()),
            where);
    else if (outcome.seenFalse && !outcome.seenTrue)
        warn(QStringLiteral("condition-never"),
            QCoreApplication::translate("ow::catalogue",
                "The condition “%1” is false in every situation, so this line never applies. Correct the "
                "condition or remove the line.")
                .arg(condition.toString()),
            where);
}

int LintMatterRules::offeredCount(int q, int s) const
{
    // Option conditions read only earlier questions, which every member of a group answers alike.
    const Answers &answers = m_table.situation(s).answers;
    int count = 0;
    for (const Option &option : m_matter.questions.at(q).options)
        if (!option.when || option.when->evaluate(answers) == Truth::True)
            ++count;
    return count;
}

int LintMatterRules::optionIndex(int q, int code) const
{
    if (code < 0)
        return -1;
    const QList<Option> &options = m_matter.questions.at(q).options;
    const QString &id = m_table.distinctAnswers(q).at(code).option;
    for (qsizetype i = 0; i < options.size(); ++i)
        if (options.at(i).id == id)
            return int(i);
    return -1;
}

void LintMatterRules::warn(const QString &rule, const QString &message, const SourceLocation &where)
{
    Diagnostic diagnostic;
    diagnostic.severity = Diagnostic::Severity::Warning;
    diagnostic.rule = rule;
    diagnostic.message = message;
    diagnostic.where = where;
    m_out.append(diagnostic);
}

} // namespace ow::catalogue
