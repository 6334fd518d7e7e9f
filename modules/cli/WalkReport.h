#pragma once

#include "catalogue/SituationEngine.h"

#include <QJsonObject>

namespace ow::cli {

/// What `catalogue walk` prints: the questions asked so far, the next one with its options, the
/// situation reached and the checklist with the reason and review points of every line, or the
/// screening outcome that ended the walk.
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

    /// The catalogue the matter belongs to, to name the matter a referral outcome opens.
    void setCatalogue(const catalogue::Catalogue *catalogue) { m_catalogue = catalogue; }

    /// Leaves the checklist out of text(): a bundle prints its merged checklist once, after its matters.
    void setChecklistShown(bool shown) { m_checklistShown = shown; }

    QString text() const;
    QJsonObject json() const;

    /// The numbered checklist lines with their reasons, notes and review points; `withMatters` adds
    /// the matters each line serves (for a bundle).
    static QString checklistText(const catalogue::Checklist &checklist, bool withMatters);

private:
    QStringList ignoredAnswers() const;
    /// For a referral: the answers the other matter takes over, as `--answer` arguments.
    QStringList carriedAnswers() const;

    const catalogue::Matter &m_matter;
    const catalogue::Answers &m_given;
    const catalogue::Evaluation &m_evaluation;
    const catalogue::Catalogue *m_catalogue = nullptr;
    bool m_checklistShown = true;
};

} // namespace ow::cli
