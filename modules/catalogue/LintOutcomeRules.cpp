#include "catalogue/LintOutcomeRules.h"

#include "catalogue/Linter.h"

#include <QCoreApplication>

namespace ow::catalogue {

LintOutcomeRules::LintOutcomeRules(
    const SituationEngine &engine, const LintSituationTable &table, Diagnostics &out)
    : m_engine(engine)
    , m_table(table)
    , m_out(out)
{
}

QSet<int> LintOutcomeRules::run()
{
    const Matter &matter = m_table.matter();
    QSet<int> dangling;
    if (matter.outcomes.isEmpty())
        return dangling;
    QList<int> unasked;
    for (int q = 0; q < m_table.questionCount(); ++q)
        if (!m_table.isAsked(q))
            unasked.append(q);
    if (unasked.isEmpty())
        return dangling;

    // The same matter without its outcomes tells which of the unasked questions only an outcome hides.
    Matter open = matter;
    open.outcomes.clear();
    bool truncated = false;
    const QList<Situation> situations = m_engine.situations(open, Linter::SituationLimit, &truncated);
    if (truncated)
        return dangling;
    for (int q : std::as_const(unasked)) {
        const Question &question = matter.questions.at(q);
        for (const Situation &situation : situations) {
            if (!situation.answers.contains(question.id))
                continue;
            // The answers given before the question: the outcome they reach is the one that hides it.
            Answers before;
            for (int earlier = 0; earlier < q; ++earlier) {
                const QString &id = matter.questions.at(earlier).id;
                if (const Answer *answer = situation.answers.find(id))
                    before.set(id, *answer);
                else
                    before.setNotApplicable(id);
            }
            const ScreeningOutcome *outcome = SituationEngine::reachedOutcome(matter, before);
            if (!outcome)
                continue;
            Diagnostic diagnostic;
            diagnostic.severity = Diagnostic::Severity::Warning;
            diagnostic.rule = QStringLiteral("outcome-dangling");
            diagnostic.message = QCoreApplication::translate("ow::catalogue",
                "Question “%1” is only asked past outcome “%2”, which ends the walk before it "
                "(line %3). Move the question before the outcome's questions, narrow the outcome's "
                "condition, or remove the question.")
                                     .arg(question.id, outcome->id)
                                     .arg(outcome->where.line);
            diagnostic.where = question.where;
            m_out.append(diagnostic);
            dangling.insert(q);
            break;
        }
    }
    return dangling;
}

} // namespace ow::catalogue
