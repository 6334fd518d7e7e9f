#pragma once

#include "SituationSpace.h"
#include "SyntheticMaterials.h"
#include "SyntheticRandom.h"
#include "SyntheticVocabulary.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace ow::synthgen {

/// What the catalogue's plan fixes about a matter before its questions are made.
struct MatterPlan
{
    QString code;
    QString name;
    QString mainCode; ///< empty for a main item
    int departmentIndex = 0;
    int topicIndex = 0;
    int topicKey = 0;
    Action action;
    QString frequency; ///< high / middle / low
};

/// A generated matter, ready to be written as matters/<code>.txt.
struct MatterDraft
{
    MatterPlan plan;
    QString departmentId;
    bool immediate = false;
    int promisedDays = 0;
    int legalDays = 0;
    QStringList keywords;
    QString keywordSeparator;
    QString basis;
    QList<GenRequirement> basics; ///< written before the questions: every situation
    QList<GenQuestion> questions;
    QList<GenRequirement> conditional; ///< written after the questions
    int situations = 1;

    /// Every material the matter names, once each.
    QStringList materialIds() const;
};

/// Makes one matter: its questions (within a budget of situations, 0–4 levels deep), the
/// materials each answer requires, and conditional requirements that are neither always nor
/// never true — so that the linter finds nothing to warn about.
class SyntheticMatterBuilder
{
public:
    SyntheticMatterBuilder(SyntheticRandom &random, SyntheticMaterials &materials);

    MatterDraft build(const MatterPlan &plan);

private:
    int drawBudget(const QString &frequency);
    void buildQuestions(int budget);
    GenQuestion firstQuestion(int budget, QSet<QString> &taken);
    std::optional<GenQuestion> followUp(QSet<QString> &taken);
    GenQuestion fromKind(const QuestionKind &kind, QList<int> optionIndexes, QSet<QString> &taken);
    GenQuestion numberQuestion(const QuestionKind &kind, QSet<QString> &taken);
    std::optional<QuestionKind> unusedKind(QuestionKind::Type type, bool followUp);
    QList<int> someOptions(qsizetype available, int least, int most);
    void addOptionCondition(int budget);
    void addConditionalRequirements(const QList<GenSituation> &situations);
    std::optional<GenCondition> atom(int question);
    GenCondition randomCondition();
    void addOverrides(QList<GenRequirement> &requirements);
    QString drawMaterial(QSet<QString> &taken);
    QStringList usedQuestionIds() const;

    SyntheticRandom &m_random;
    SyntheticMaterials &m_materials;
    MatterDraft m_draft;
    QSet<QString> m_taken;
};

} // namespace ow::synthgen
