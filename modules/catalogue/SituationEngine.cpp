#include "catalogue/SituationEngine.h"

#include "catalogue/ChecklistBuilder.h"
#include "catalogue/ChecklistPlan.h"
#include "catalogue/NumberPartition.h"
#include "core/InputExcerpt.h"

#include <QCoreApplication>
#include <algorithm>
#include <optional>

namespace ow::catalogue {

namespace {

bool isOffered(const Option &option, const Answers &answers)
{
    return !option.when || option.when->evaluate(answers) == Truth::True;
}

/// Whether a given answer is still a valid answer to the question, given the options offered now.
bool acceptsAnswer(const Question &question, const Answer &answer, const QStringList &offered)
{
    switch (question.type) {
    case QuestionType::Single:
        return answer.type == Answer::Type::Single && offered.contains(answer.option);
    case QuestionType::Multi:
        return answer.type == Answer::Type::Multi
            && std::all_of(answer.options.cbegin(), answer.options.cend(),
                [&](const QString &id) { return offered.contains(id); });
    case QuestionType::Number:
        if (answer.type != Answer::Type::Number)
            return false;
        if (question.minimum && answer.number < *question.minimum)
            return false;
        if (question.maximum && answer.number > *question.maximum)
            return false;
        return true;
    }
    return false;
}

/// The options of a choice question offered under these answers; `all` (shared, not copied) when
/// none is hidden, which is the usual case.
QStringList offeredOptions(const Question &question, const QStringList &all, const Answers &answers)
{
    const auto hidden = [&](const Option &option) { return !isOffered(option, answers); };
    if (std::none_of(question.options.cbegin(), question.options.cend(), hidden))
        return all;
    QStringList offered;
    for (const Option &option : question.options)
        if (!hidden(option))
            offered.append(option.id);
    return offered;
}

QString situationKey(const Matter &matter, const Answers &answers)
{
    QStringList parts;
    for (const Question &question : matter.questions)
        if (const Answer *answer = answers.find(question.id))
            parts.append(question.id + QLatin1Char('=') + answer->toText());
    return parts.join(QLatin1Char(';'));
}

} // namespace

SituationEngine::SituationEngine(CataloguePtr catalogue)
    : m_catalogue(std::move(catalogue))
{
}

Evaluation SituationEngine::evaluate(const Matter &matter, const Answers &answers) const
{
    std::optional<ChecklistPlan> ownPlan;
    const ChecklistPlan *plan = m_catalogue->checklistPlan(matter);
    if (!plan)
        plan = &ownPlan.emplace(*m_catalogue, matter);

    Evaluation result;
    Answers &effective = result.effectiveAnswers;
    effective.reserve(matter.questions.size());
    ChecklistPlan::AnswerLabels labels(matter.questions.size());
    result.visibleQuestions.reserve(matter.questions.size());
    result.situationPath.reserve(matter.questions.size());
    result.situationKey.reserve(matter.questions.size() * 24);
    // An outcome is looked for whenever the answers taken so far change: once one is reached, the
    // questions after it are not asked and the answers given to them no longer apply.
    bool checkOutcome = !matter.outcomes.isEmpty();
    for (qsizetype index = 0; index < matter.questions.size(); ++index) {
        if (checkOutcome) {
            checkOutcome = false;
            if ((result.outcome = reachedOutcome(matter, effective)))
                break;
        }
        const Question &question = matter.questions.at(index);
        const Truth shown = question.when ? question.when->evaluate(effective) : Truth::True;
        if (shown == Truth::False) {
            effective.setNotApplicable(question.id);
            checkOutcome = !matter.outcomes.isEmpty();
            continue;
        }
        if (shown == Truth::Unknown)
            continue; // depends on an earlier question still unanswered: revealed once that is answered
        result.visibleQuestions.append(&question);
        QStringList offered;
        if (question.type != QuestionType::Number) {
            offered = offeredOptions(question, plan->optionIds(index), effective);
            result.offeredOptions.insert(question.id, offered);
        }
        const Answer *given = answers.find(question.id);
        if (given && acceptsAnswer(question, *given, offered)) {
            effective.set(question.id, *given);
            const QString text = given->toText();
            labels[index] = question.type == QuestionType::Number
                ? ChecklistBuilder::numberLabel(question, text)
                : ChecklistBuilder::answerLabel(question, *given);
            if (!result.situationKey.isEmpty())
                result.situationKey += QLatin1Char(';');
            result.situationKey += question.id + QLatin1Char('=') + text;
            result.situationPath.append(*labels[index]);
            checkOutcome = !matter.outcomes.isEmpty();
        } else if (!result.nextQuestion) {
            result.nextQuestion = &question;
        }
    }
    if (checkOutcome && !result.outcome)
        result.outcome = reachedOutcome(matter, effective);
    if (result.outcome) {
        result.nextQuestion = nullptr;
        return result; // no checklist: the applicant needs no such matter, or another one
    }
    result.complete = result.nextQuestion == nullptr;
    result.checklist = ChecklistBuilder::build(*plan, effective, labels);
    return result;
}

const ScreeningOutcome *SituationEngine::reachedOutcome(const Matter &matter, const Answers &answers)
{
    for (const ScreeningOutcome &outcome : matter.outcomes)
        if (outcome.when && outcome.when->evaluate(answers) == Truth::True)
            return &outcome;
    return nullptr;
}

Answers SituationEngine::sharedAnswers(const Matter &from, const Answers &answers, const Matter &to)
{
    Answers shared;
    for (const Question &question : to.questions) {
        const Question *source = from.findQuestion(question.id);
        const Answer *answer = answers.find(question.id);
        if (!source || !answer || source->type != question.type)
            continue;
        QStringList all;
        for (const Option &option : question.options)
            all.append(option.id);
        // Options are checked against the target's full list: what it offers depends on its own
        // answers, which the engine checks again when it evaluates the target.
        if (acceptsAnswer(question, *answer, all))
            shared.set(question.id, *answer);
    }
    return shared;
}

ChangePreview SituationEngine::previewChange(
    const Matter &matter, const Answers &answers, const QString &questionId, const Answer &answer) const
{
    const Evaluation before = evaluate(matter, answers);
    Answers changed = before.effectiveAnswers;
    changed.set(questionId, answer);
    const Evaluation after = evaluate(matter, changed);

    ChangePreview preview;
    preview.resulting = after.effectiveAnswers;
    for (const Question &question : matter.questions) {
        if (question.id == questionId)
            continue;
        if (before.effectiveAnswers.contains(question.id) && !after.effectiveAnswers.contains(question.id))
            preview.droppedQuestions.append(question.id);
    }
    for (const ChecklistLine &line : after.checklist.lines)
        if (!before.checklist.find(line.materialId))
            preview.gained.append(line);
    for (const ChecklistLine &line : before.checklist.lines)
        if (!after.checklist.find(line.materialId))
            preview.lost.append(line);
    return preview;
}

namespace {

/// Depth-first walk over every combination of answers, in asking order.
class SituationWalker
{
public:
    SituationWalker(const Catalogue &catalogue, const Matter &matter, int limit)
        : m_builder(catalogue)
        , m_matter(matter)
        , m_limit(limit)
    {
        m_partitions.reserve(matter.questions.size());
        for (const Question &question : matter.questions)
            m_partitions.append(question.type == QuestionType::Number ? NumberPartition::of(matter, question)
                                                                      : NumberPartition());
    }

    QList<Situation> run(bool *truncated)
    {
        Answers answers;
        walk(0, answers);
        if (truncated)
            *truncated = m_truncated;
        return std::move(m_situations);
    }

private:
    void walk(int index, Answers &answers)
    {
        if (m_truncated)
            return;
        if (!m_matter.outcomes.isEmpty())
            if (const ScreeningOutcome *outcome = SituationEngine::reachedOutcome(m_matter, answers)) {
                record(answers, outcome);
                return;
            }
        if (index == m_matter.questions.size()) {
            record(answers, nullptr);
            return;
        }
        const Question &question = m_matter.questions.at(index);
        const bool asked = !question.when || question.when->evaluate(answers) == Truth::True;
        const QList<Answer> candidates = asked ? candidatesFor(index, answers) : QList<Answer>();
        if (candidates.isEmpty()) {
            answers.setNotApplicable(question.id);
            walk(index + 1, answers);
            answers.remove(question.id);
            return;
        }
        for (const Answer &answer : candidates) {
            answers.set(question.id, answer);
            walk(index + 1, answers);
            if (m_truncated)
                break;
        }
        answers.remove(question.id);
    }

    QList<Answer> candidatesFor(int index, const Answers &answers) const
    {
        const Question &question = m_matter.questions.at(index);
        QList<Answer> candidates;
        if (question.type == QuestionType::Number) {
            for (double value : m_partitions.at(index).representatives())
                candidates.append(Answer::numeric(value));
            return candidates;
        }
        QStringList offered;
        for (const Option &option : question.options)
            if (isOffered(option, answers))
                offered.append(option.id);
        if (question.type == QuestionType::Single) {
            for (const QString &id : offered)
                candidates.append(Answer::single(id));
            return candidates;
        }
        // Multi choice: every subset, the empty one first, in binary counting order over the options.
        const int n = int(std::min<qsizetype>(offered.size(), 20));
        for (quint32 mask = 0; mask < (quint32(1) << n); ++mask) {
            QStringList chosen;
            for (int bit = 0; bit < n; ++bit)
                if (mask & (quint32(1) << bit))
                    chosen.append(offered.at(bit));
            candidates.append(Answer::multi(chosen));
        }
        return candidates;
    }

    void record(const Answers &answers, const ScreeningOutcome *outcome)
    {
        if (m_situations.size() >= m_limit) {
            m_truncated = true;
            return;
        }
        Situation situation;
        situation.answers = answers;
        situation.key = situationKey(m_matter, answers);
        for (qsizetype i = 0; i < m_matter.questions.size(); ++i) {
            const Question &question = m_matter.questions.at(i);
            const Answer *answer = answers.find(question.id);
            if (!answer)
                continue;
            situation.path.append(question.type == QuestionType::Number
                    ? m_partitions.at(i).label(answer->number, question.unit)
                    : ChecklistBuilder::answerLabel(question, *answer));
        }
        situation.outcome = outcome;
        if (!outcome)
            situation.checklist = m_builder.build(m_matter, answers);
        m_situations.append(std::move(situation));
    }

    ChecklistBuilder m_builder;
    const Matter &m_matter;
    int m_limit;
    QList<NumberPartition> m_partitions;
    QList<Situation> m_situations;
    bool m_truncated = false;
};

} // namespace

QList<Situation> SituationEngine::situations(const Matter &matter, int limit, bool *truncated) const
{
    return SituationWalker(*m_catalogue, matter, limit).run(truncated);
}

BundleEvaluation SituationEngine::evaluateBundle(
    const Bundle &bundle, const QMap<QString, Answers> &answersByMatter) const
{
    BundleEvaluation result;
    result.complete = true;
    QList<Checklist> checklists;
    for (const BundleMember &member : bundle.members) {
        const Matter *matter = m_catalogue->matter(member.matterCode);
        if (!matter)
            continue;
        Answers answers = answersByMatter.value(member.matterCode);
        for (const auto &[questionId, text] : member.presets) {
            auto parsed = parseAnswer(*matter, questionId + QLatin1Char('=') + text);
            if (parsed)
                answers.set(parsed->first, parsed->second);
        }
        Evaluation evaluation = evaluate(*matter, answers);
        result.complete = result.complete && evaluation.complete;
        checklists.append(evaluation.checklist);
        result.perMatter.insert(member.matterCode, std::move(evaluation));
    }
    result.checklist = ChecklistBuilder::merge(checklists);
    return result;
}

Result<QPair<QString, Answer>> SituationEngine::parseAnswer(const Matter &matter, const QString &text) const
{
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::catalogue",
                "an answer is written QUESTION=OPTION (or QUESTION=a+b, QUESTION=150), not '%1'")
                .arg(InputExcerpt::excerpt(text)));
    const QString questionId = text.left(eq).trimmed();
    const QString value = text.mid(eq + 1).trimmed();
    const Question *question = matter.findQuestion(questionId);
    if (!question)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::catalogue", "matter %1 has no question '%2'")
                .arg(matter.code, InputExcerpt::excerpt(questionId)));
    auto unknownOption = [&](const QString &option) {
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::catalogue", "question '%1' has no option '%2'")
                .arg(InputExcerpt::excerpt(questionId), InputExcerpt::excerpt(option)));
    };
    switch (question->type) {
    case QuestionType::Single:
        if (!question->findOption(value))
            return unknownOption(value);
        return qMakePair(questionId, Answer::single(value));
    case QuestionType::Multi: {
        QStringList options;
        if (value != QStringLiteral("none") && !value.isEmpty())
            options = value.split(QLatin1Char('+'), Qt::SkipEmptyParts);
        for (QString &option : options) {
            option = option.trimmed();
            if (!question->findOption(option))
                return unknownOption(option);
        }
        return qMakePair(questionId, Answer::multi(options));
    }
    case QuestionType::Number: {
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (!ok)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::catalogue", "question '%1' takes a number, not '%2'")
                    .arg(InputExcerpt::excerpt(questionId), InputExcerpt::excerpt(value)));
        // Out of range, the engine would drop the answer and ask the question again: say so now.
        if ((question->minimum && number < *question->minimum)
            || (question->maximum && number > *question->maximum)) {
            const QString low = question->minimum ? QString::number(*question->minimum, 'g', 12) : QString();
            const QString high = question->maximum ? QString::number(*question->maximum, 'g', 12) : QString();
            QString message;
            if (question->minimum && question->maximum)
                message = QCoreApplication::translate(
                    "ow::catalogue", "question '%1' takes a number from %2 to %3, not %4")
                              .arg(questionId, low, high);
            else if (question->minimum)
                message = QCoreApplication::translate(
                    "ow::catalogue", "question '%1' takes a number of at least %2, not %3")
                              .arg(questionId, low);
            else
                message = QCoreApplication::translate(
                    "ow::catalogue", "question '%1' takes a number of at most %2, not %3")
                              .arg(questionId, high);
            return fail(Error::Code::Invalid, message.arg(InputExcerpt::excerpt(value)));
        }
        return qMakePair(questionId, Answer::numeric(number));
    }
    }
    return fail(Error::Code::Internal, QCoreApplication::translate("ow::catalogue", "unknown question type"));
}

} // namespace ow::catalogue
