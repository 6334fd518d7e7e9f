#include "intake/InterviewSession.h"

#include "catalogue/BundleSituations.h"
#include "catalogue/ChecklistBuilder.h"

#include <QSet>
#include <algorithm>
#include <optional>

namespace ow::intake {

using namespace ow::catalogue;

namespace {

/// The question of `part` that is the same as `question`, when that part shows it now.
const Question *shownTwin(const InterviewSession::Part &part, const Question &question)
{
    const Question *twin = part.matter->findQuestion(question.id);
    if (!twin || !BundleSituations::sameQuestion(*twin, question)
        || !part.evaluation.visibleQuestions.contains(twin))
        return nullptr;
    return twin;
}

} // namespace

InterviewSession::InterviewSession(const SituationEngine &engine, const Matter &matter)
    : m_engine(engine)
{
    addPart(matter, {});
    evaluate();
}

InterviewSession::InterviewSession(
    const SituationEngine &engine, const Matter &matter, const Answers &carried)
    : m_engine(engine)
{
    addPart(matter, {});
    m_parts.first().answers = carried;
    evaluate();
}

const ScreeningOutcome *InterviewSession::outcome(int *part) const
{
    for (qsizetype i = 0; i < m_parts.size(); ++i)
        if (const ScreeningOutcome *reached = m_parts.at(i).evaluation.outcome) {
            if (part)
                *part = int(i);
            return reached;
        }
    return nullptr;
}

InterviewSession::InterviewSession(const SituationEngine &engine, const Bundle &bundle)
    : m_engine(engine)
    , m_bundle(&bundle)
{
    for (const BundleMember &member : bundle.members)
        if (const Matter *matter = engine.catalogue().matter(member.matterCode))
            addPart(*matter, member.presets);
    evaluate();
}

void InterviewSession::addPart(const Matter &matter, const QList<QPair<QString, QString>> &presets)
{
    Part part;
    part.matter = &matter;
    for (const auto &[questionId, text] : presets) {
        const auto parsed = m_engine.parseAnswer(matter, questionId + QLatin1Char('=') + text);
        if (!parsed)
            continue; // the linter reports a bad preset; the clerk can still answer the question
        part.answers.set(parsed->first, parsed->second);
        part.presetQuestions.append(parsed->first);
    }
    m_parts.append(std::move(part));
}

int InterviewSession::partIndex(const QString &matterCode) const
{
    for (qsizetype i = 0; i < m_parts.size(); ++i)
        if (m_parts.at(i).matter->code == matterCode)
            return int(i);
    return -1;
}

const Answer *InterviewSession::answer(int part, const QString &questionId) const
{
    if (part < 0 || part >= m_parts.size())
        return nullptr;
    return m_parts.at(part).evaluation.effectiveAnswers.find(questionId);
}

bool InterviewSession::isPreset(int part, const QString &questionId) const
{
    return part >= 0 && part < m_parts.size() && m_parts.at(part).presetQuestions.contains(questionId);
}

int InterviewSession::askedIn(int part, const QString &questionId) const
{
    if (part < 0 || part >= m_parts.size())
        return part;
    const Question *question = m_parts.at(part).matter->findQuestion(questionId);
    if (!question)
        return part;
    for (int earlier = 0; earlier < part; ++earlier)
        // A question a bundle answers in advance in one matter only is shown where it is locked.
        if (shownTwin(m_parts.at(earlier), *question)
            && isPreset(earlier, questionId) == isPreset(part, questionId))
            return earlier;
    return part;
}

ChangePreview InterviewSession::preview(int part, const QString &questionId, const Answer &answer) const
{
    const Part &current = m_parts.at(part);
    ChangePreview preview = m_engine.previewChange(*current.matter, current.answers, questionId, answer);
    if (m_parts.size() == 1)
        return preview;

    // In a bundle, compare the merged checklists: a line another matter keeps is not lost, and the
    // matters sharing the question change with it.
    const Checklist merged = checklistFor(answered(m_parts, part, questionId, answer));
    preview.gained.clear();
    preview.lost.clear();
    for (const ChecklistLine &line : merged.lines)
        if (!m_checklist.find(line.materialId))
            preview.gained.append(line);
    for (const ChecklistLine &line : m_checklist.lines)
        if (!merged.find(line.materialId))
            preview.lost.append(line);
    return preview;
}

void InterviewSession::setAnswer(int part, const QString &questionId, const Answer &answer)
{
    if (part < 0 || part >= m_parts.size())
        return;
    m_parts = answered(m_parts, part, questionId, answer);
    settle();
}

void InterviewSession::apply(Part &part, const QString &questionId, const Answer &answer) const
{
    // Start from the effective answers so answers that no longer apply are forgotten, not revived later.
    Answers answers = part.evaluation.effectiveAnswers;
    answers.set(questionId, answer);
    // One evaluation per answer feeds the questions, the checklist and the case: evaluating the
    // effective answers again gives the same result.
    part.evaluation = m_engine.evaluate(*part.matter, answers);
    part.answers = part.evaluation.effectiveAnswers;
}

QList<InterviewSession::Part> InterviewSession::answered(
    QList<Part> parts, int part, const QString &questionId, const Answer &answer) const
{
    apply(parts[part], questionId, answer);
    // The other matters of a bundle are unchanged, except where they ask the same question.
    if (const Question *question = parts.at(part).matter->findQuestion(questionId)) {
        for (qsizetype other = 0; other < parts.size(); ++other) {
            if (other == part || parts.at(other).presetQuestions.contains(questionId)
                || !shownTwin(parts.at(other), *question))
                continue;
            const Answer *current = parts.at(other).evaluation.effectiveAnswers.find(questionId);
            if (!current || !(*current == answer))
                apply(parts[other], questionId, answer);
        }
    }
    fillShared(parts);
    return parts;
}

void InterviewSession::fillShared(QList<Part> &parts) const
{
    if (parts.size() < 2)
        return;
    // Each pass answers one more question or ends. An answer a matter does not take (an option it
    // does not offer in its situation) is not tried there again.
    QSet<QPair<qsizetype, QString>> refused;
    for (bool filled = true; filled;) {
        filled = false;
        for (qsizetype open = 0; open < parts.size() && !filled; ++open) {
            const QList<const Question *> questions = parts.at(open).evaluation.visibleQuestions;
            for (const Question *question : questions) {
                if (parts.at(open).evaluation.effectiveAnswers.contains(question->id)
                    || refused.contains({open, question->id}))
                    continue;
                std::optional<Answer> given;
                for (qsizetype other = 0; other < parts.size() && !given; ++other)
                    if (other != open && shownTwin(parts.at(other), *question))
                        if (const Answer *answer
                            = parts.at(other).evaluation.effectiveAnswers.find(question->id))
                            given = *answer;
                if (!given)
                    continue;
                apply(parts[open], question->id, *given);
                if (!parts.at(open).evaluation.effectiveAnswers.contains(question->id)) {
                    refused.insert({open, question->id});
                    continue;
                }
                filled = true;
                break;
            }
        }
    }
}

void InterviewSession::clear()
{
    for (Part &part : m_parts) {
        Answers kept;
        for (const QString &questionId : std::as_const(part.presetQuestions))
            if (const Answer *preset = part.answers.find(questionId))
                kept.set(questionId, *preset);
        part.answers = kept;
    }
    evaluate();
}

void InterviewSession::evaluate()
{
    for (Part &part : m_parts)
        part.evaluation = m_engine.evaluate(*part.matter, part.answers);
    fillShared(m_parts);
    settle();
}

void InterviewSession::settle()
{
    m_complete = std::all_of(
        m_parts.cbegin(), m_parts.cend(), [](const Part &part) { return part.evaluation.complete; });
    m_checklist = checklistFor(m_parts);
}

Checklist InterviewSession::checklistFor(const QList<Part> &parts) const
{
    if (parts.size() == 1)
        return parts.constFirst().evaluation.checklist;
    QList<Checklist> checklists;
    for (const Part &part : parts)
        checklists.append(part.evaluation.checklist);
    return ChecklistBuilder::merge(checklists);
}

} // namespace ow::intake
