#pragma once

#include "catalogue/SituationEngine.h"

#include <QJsonObject>

namespace ow::cli {

/// What `catalogue walk` prints: the questions asked so far, the next one with its options, the
/// situation reached and the checklist with the reason and review points of every line.
class WalkReport
{
public:
    WalkReport(const catalogue::Matter &matter, const catalogue::Answers &given,
        const catalogue::Evaluation &evaluation)
        : m_matter(matter)
        , m_given(given)
        , m_evaluation(evaluation)
    {
    }

    QString text() const;
    QJsonObject json() const;

private:
    QStringList ignoredAnswers() const;

    const catalogue::Matter &m_matter;
    const catalogue::Answers &m_given;
    const catalogue::Evaluation &m_evaluation;
};

} // namespace ow::cli
