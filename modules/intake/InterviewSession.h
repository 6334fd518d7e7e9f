#pragma once

#include "catalogue/SituationEngine.h"

#include <QList>
#include <QString>

namespace ow::intake {

/// The state of one interview: a matter (or a bundle's matters), the clerk's answers and what the engine
/// makes of them. Holds no widgets; the interview page renders it and asks it to change.
class InterviewSession
{
public:
    /// One matter of the interview with its answers; a bundle has several, a single matter one.
    struct Part
    {
        const catalogue::Matter *matter = nullptr;
        catalogue::Answers answers; ///< as given, presets included
        QStringList presetQuestions; ///< questions the bundle answers in advance
        catalogue::Evaluation evaluation;
    };

    InterviewSession(const catalogue::SituationEngine &engine, const catalogue::Matter &matter);
    /// A matter opened from another one's referral, with the answers the two share already given
    /// (the clerk may still change them).
    InterviewSession(const catalogue::SituationEngine &engine, const catalogue::Matter &matter,
        const catalogue::Answers &carried);
    /// Members whose matter is missing from the catalogue are left out (the linter reports them).
    InterviewSession(const catalogue::SituationEngine &engine, const catalogue::Bundle &bundle);

    const catalogue::SituationEngine &engine() const { return m_engine; }
    const catalogue::Bundle *bundle() const { return m_bundle; }
    const QList<Part> &parts() const { return m_parts; }
    /// The checklist of the whole interview: the matter's, or the bundle's merged one.
    const catalogue::Checklist &checklist() const { return m_checklist; }
    bool isComplete() const { return m_complete; }
    /// The screening outcome that ended the walk of a matter (无需办理 / 请办理), and that part's
    /// index in `*part`; null when none did. No case can be accepted on an outcome.
    const catalogue::ScreeningOutcome *outcome(int *part = nullptr) const;
    int partIndex(const QString &matterCode) const;

    /// The answer in force for a question (effective: dropped answers are not returned).
    const catalogue::Answer *answer(int part, const QString &questionId) const;
    bool isPreset(int part, const QString &questionId) const;
    /// The part where the question `questionId` of `part` is asked: `part` itself, or an earlier
    /// matter of the bundle that shows the same question (same id, wording, kind and options, e.g.
    /// 是否委托他人办理). A question several matters ask is asked once, and its answer holds for
    /// every matter that asks it.
    int askedIn(int part, const QString &questionId) const;

    /// What setting the answer would change; gained and lost lines refer to the whole checklist, so in a
    /// bundle a material another matter still needs is neither gained nor lost.
    catalogue::ChangePreview preview(
        int part, const QString &questionId, const catalogue::Answer &answer) const;
    /// Sets the answer in `part` and in every other matter that asks the same question.
    void setAnswer(int part, const QString &questionId, const catalogue::Answer &answer);
    /// Back to the start: every answer but the bundle's presets is forgotten.
    void clear();

private:
    void addPart(const catalogue::Matter &matter, const QList<QPair<QString, QString>> &presets);
    /// Evaluates every part (at the start and after clear()).
    void evaluate();
    /// Whether the whole interview is complete, and its checklist, from the parts' evaluations.
    void settle();
    catalogue::Checklist checklistFor(const QList<Part> &parts) const;
    /// `parts` with the answer set where it was given and in the matters that share the question.
    QList<Part> answered(
        QList<Part> parts, int part, const QString &questionId, const catalogue::Answer &answer) const;
    /// Answers a shared question where it is open with the answer another matter has for it (after a
    /// start, or when an answer reveals it in one more matter).
    void fillShared(QList<Part> &parts) const;
    void apply(Part &part, const QString &questionId, const catalogue::Answer &answer) const;

    const catalogue::SituationEngine &m_engine;
    const catalogue::Bundle *m_bundle = nullptr;
    QList<Part> m_parts;
    catalogue::Checklist m_checklist;
    bool m_complete = false;
};

} // namespace ow::intake
