#pragma once

#include "core/Result.h"
#include "intake/InterviewSession.h"

#include <QJsonObject>
#include <QStringList>

namespace ow::cli {

/// `catalogue walk --bundle ID`: a bundle's matters interviewed as the workstation interviews them
/// (intake::InterviewSession: the bundle's presets fixed, a question several matters share answered
/// once), then the merged checklist with the matters each line serves.
class BundleWalk
{
public:
    BundleWalk(const catalogue::SituationEngine &engine, const catalogue::Bundle &bundle);

    /// Applies `--answer` texts, each `QUESTION=VALUE` or `MATTER:QUESTION=VALUE` (needed when two of
    /// the bundle's matters ask different questions of one id). Stops at the first that cannot be
    /// applied: unknown, ambiguous, given twice, fixed by the bundle, or not a valid value.
    Result<void> answer(const QStringList &texts);

    QString text() const;
    QJsonObject json() const;

private:
    /// The part an answer text is for, and the text without its `MATTER:` prefix.
    Result<QPair<int, QString>> route(const QString &text) const;

    const catalogue::SituationEngine &m_engine;
    const catalogue::Bundle &m_bundle;
    intake::InterviewSession m_session;
    QList<catalogue::Answers> m_given; ///< per part: the answers given on the command line
};

} // namespace ow::cli
