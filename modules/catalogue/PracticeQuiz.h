#pragma once

#include "catalogue/SituationEngine.h"
#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class QRandomGenerator;

namespace ow::catalogue {

/// How a practice quiz (业务练习, the monthly exam) is drawn and marked; the defaults are what a hall
/// gets without settings.
struct PracticeSettings
{
    int questionCount = 10; ///< questions in one quiz
    int passMarkPercent = 80; ///< share of the whole score that passes, per question and per quiz
    /// Materials of related matters (same department, same bundle) added to each question's choices.
    int relatedDistractors = 3;
    /// The chance of a matter or bundle being asked, by its frequency class (a bundle counts as its
    /// most frequent member): high-frequency matters come most, low-frequency ones still come.
    int highWeight = 6;
    int middleWeight = 3;
    int lowWeight = 1;

    int weightOf(FrequencyClass frequency) const;

    /// The settings as the workstation's configuration gives them (`practice-questions` 1–50,
    /// `practice-pass-mark` 1–100): a value that is empty, not a whole number or out of range keeps
    /// the default.
    static PracticeSettings fromConfig(const QString &questions, const QString &passMark);
};

/// One line of a situation told in words: a question and the answer that reaches the situation.
struct PracticeFact
{
    QString matterCode; ///< whose question (a bundle's situation covers several matters)
    QString question; ///< the question as the counter asks it
    QString answer; ///< the option's label, or the number's interval with its unit
};

/// One question of a quiz: a real situation of a matter or a bundle, told as its answered questions,
/// the engine's checklist for it, and the materials the clerk picks from.
struct PracticeQuestion
{
    QString matterCode; ///< the matter asked about; empty for a bundle's situation
    QString bundleId; ///< the bundle asked about; empty for a matter's situation
    QString title; ///< the matter's or bundle's name
    QStringList matterCodes; ///< the matters the situation covers: one, or the bundle's members
    FrequencyClass frequency = FrequencyClass::Low;
    /// "q=a;q2=b" for a matter; for a bundle each member's key, "CODE:q=a;q2=b", joined by " | ".
    QString situationKey;
    QList<PracticeFact> facts; ///< the situation in words, in asking order
    Checklist checklist; ///< what the counter's engine lists for this situation
    QStringList choices; ///< material ids offered, in shuffled order: every one to bring, and distractors

    /// The matter or bundle the question is about: the matter's code or the bundle's id.
    QString subject() const { return bundleId.isEmpty() ? matterCode : bundleId; }
    /// The checklist's materials the applicant brings: every line but the data-shared ones, which the
    /// hall fetches itself (数据共享).
    QStringList required() const;
};

/// Draws practice questions from the catalogue the counter works with. A question's matter (or
/// bundle) is drawn by its frequency class (PracticeSettings); its situation then as a walk down the
/// question tree that picks each offered answer alike, so the situations behind a rare, deeply split
/// branch come less often than the common ones. Situations ending in a screening outcome, and those
/// where the applicant brings nothing, are never asked. The same seed draws the same quiz.
class PracticeQuiz
{
public:
    PracticeQuiz(const SituationEngine &engine, PracticeSettings settings = {});

    const PracticeSettings &settings() const { return m_settings; }

    /// settings().questionCount questions about `subjects` (matter codes and bundle ids; empty: the
    /// whole catalogue, bundles included). A situation is asked twice only when the subjects have
    /// fewer situations than questions. NotFound for a subject that is not in the catalogue; Invalid
    /// when no subject has a situation to ask.
    Result<QList<PracticeQuestion>> generate(const QStringList &subjects, quint32 seed) const;

    /// Every situation of a subject that a question may ask, with the chance of each (summing to 1),
    /// in the engine's order. Empty for an unknown subject or one with nothing to ask.
    QList<QPair<PracticeQuestion, double>> situationsOf(const QString &subject) const;

    /// The chance of each situation key among `keys` (a matter's situations, outcomes included) under
    /// a walk that picks each answer alike at each question: the product, down the key's answers, of
    /// one over the number of different answers the situations sharing the answers before it give.
    static QList<double> walkWeights(const QStringList &keys);

private:
    struct Subject;
    QList<Subject> subjectsFor(const QStringList &subjects, QString *unknown) const;
    FrequencyClass bundleFrequency(const Bundle &bundle) const;
    void addChoices(PracticeQuestion &question, QRandomGenerator &random) const;
    QStringList relatedMaterials(const PracticeQuestion &question) const;

    const SituationEngine &m_engine;
    PracticeSettings m_settings;
};

} // namespace ow::catalogue
