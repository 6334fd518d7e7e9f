#include "catalogue/LintMatterRules.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>
#include <cstdint>
#include <unordered_map>

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
    if (question.type == QuestionType::Number) {
        checkNumberEffect(q);
        return;
    }
    checkOptions(q);
    checkEffect(q);
}

void LintMatterRules::checkNumberEffect(int q)
{
    // The engine tries one number in each interval the matter's conditions tell apart, wherever the
    // question is asked; without effect, every group holds all of them with one checklist.
    const qsizetype intervals = m_table.distinctAnswers(q).size();
    for (const std::vector<int> &group : m_table.groupsVaryingOnly(q)) {
        if (qsizetype(group.size()) != intervals)
            return;
        for (int s : group)
            if (m_table.checklistKey(s) != m_table.checklistKey(group.front()))
                return;
    }
    const Question &question = m_matter.questions.at(q);
    warn(QStringLiteral("question-no-effect"),
        intervals == 1 ? QCoreApplication::translate("ow::catalogue",
            "No condition compares question “%1” with a number, so whatever is answered, the checklist and "
            "the questions asked after it stay the same. Add a condition such as “%1 >= 150” where a "
            "material depends on it, or remove the question.")
                             .arg(question.id)
                       : QCoreApplication::translate("ow::catalogue",
                           "Whatever number is answered to question “%1”, the checklist and the questions "
                           "asked "
                           "after it stay the same. Correct the conditions that compare it, or remove the "
                           "question.")
                             .arg(question.id),
        question.where);
}

void LintMatterRules::checkOptions(int q)
{
    const Question &question = m_matter.questions.at(q);
    QHash<QString, qsizetype> indexOf;
    indexOf.reserve(question.options.size());
    for (qsizetype i = 0; i < question.options.size(); ++i)
        indexOf.insert(question.options.at(i).id, i);
    QList<bool> chosen(question.options.size(), false);
    for (const Answer &answer : m_table.distinctAnswers(q)) {
        if (answer.type == Answer::Type::Multi) {
            for (const QString &id : answer.options)
                if (const auto it = indexOf.constFind(id); it != indexOf.constEnd())
                    chosen[it.value()] = true;
        } else if (const auto it = indexOf.constFind(answer.option); it != indexOf.constEnd()) {
            chosen[it.value()] = true;
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

    // Two options are identical when, group by group, both are absent or both lead to the same
    // checklist: their lists of (group, checklist) are equal. Lists are hashed, so a question with tens
    // of thousands of options costs one pass, not a comparison of every pair.
    const int n = int(question.options.size());
    std::vector<std::vector<std::pair<int, int>>> trace(static_cast<size_t>(n));
    for (size_t g = 0; g < groups.size(); ++g) {
        for (int s : groups[g]) {
            const int option = optionIndex(q, m_table.code(s, q));
            if (option >= 0)
                trace[size_t(option)].emplace_back(int(g), m_table.checklistKey(s));
        }
    }
    // Each option is reported once, against the first option it duplicates.
    std::unordered_map<std::uint64_t, std::vector<int>> firstByTrace;
    for (int b = 0; b < n; ++b) {
        const auto &mine = trace[size_t(b)];
        if (mine.empty())
            continue; // never reached: reported as unreachable
        std::uint64_t hash = 1469598103934665603ULL;
        for (const auto &[group, checklist] : mine)
            hash = (hash ^ ((std::uint64_t(std::uint32_t(group)) << 32) | std::uint32_t(checklist)))
                * 1099511628211ULL;
        std::vector<int> &firsts = firstByTrace[hash];
        const auto same
            = std::find_if(firsts.cbegin(), firsts.cend(), [&](int a) { return trace[size_t(a)] == mine; });
        if (same == firsts.cend()) {
            firsts.push_back(b);
            continue;
        }
        const Option &first = question.options.at(*same);
        const Option &later = question.options.at(b);
        warn(QStringLiteral("identical-siblings"),
            QCoreApplication::translate("ow::catalogue",
                "Options “%1” and “%2” of question “%3” lead to the same checklist in every "
                "situation. "
                "Merge them: split a situation only where a material differs.")
                .arg(first.id, later.id, question.id),
            later.where);
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
    // Worked out once per question: a scan per situation would be quadratic in the options.
    if (m_optionIndexQuestion != q) {
        m_optionIndexQuestion = q;
        const QList<Option> &options = m_matter.questions.at(q).options;
        QHash<QString, int> indexOf;
        indexOf.reserve(options.size());
        for (qsizetype i = 0; i < options.size(); ++i)
            indexOf.insert(options.at(i).id, int(i));
        m_optionIndexByCode.clear();
        for (const Answer &answer : m_table.distinctAnswers(q))
            m_optionIndexByCode.push_back(indexOf.value(answer.option, -1));
    }
    return m_optionIndexByCode.at(size_t(code));
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
