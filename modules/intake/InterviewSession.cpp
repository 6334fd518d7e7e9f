#include "intake/InterviewSession.h"

#include "catalogue/ChecklistBuilder.h"

#include <algorithm>

namespace ow::intake {

using namespace ow::catalogue;

InterviewSession::InterviewSession(const SituationEngine &engine, const Matter &matter)
    : m_engine(engine)
{
    addPart(matter, {});
    evaluate();
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

ChangePreview InterviewSession::preview(int part, const QString &questionId, const Answer &answer) const
{
    const Part &current = m_parts.at(part);
    ChangePreview preview = m_engine.previewChange(*current.matter, current.answers, questionId, answer);
    if (m_parts.size() == 1)
        return preview;

    // In a bundle, compare the merged checklists: a line another matter keeps is not lost.
    QList<Part> after = m_parts;
    after[part].answers = preview.resulting;
    after[part].evaluation = m_engine.evaluate(*current.matter, preview.resulting);
    const Checklist merged = checklistFor(after);
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
    Part &target = m_parts[part];
    // Start from the effective answers so answers that no longer apply are forgotten, not revived later.
    Answers answers = target.evaluation.effectiveAnswers;
    answers.set(questionId, answer);
    // One evaluation per answer feeds the questions, the checklist and the case: evaluating the
    // effective answers again gives the same result, and the other matters of a bundle are unchanged.
    target.evaluation = m_engine.evaluate(*target.matter, answers);
    target.answers = target.evaluation.effectiveAnswers;
    settle();
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
