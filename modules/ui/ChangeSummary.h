#pragma once

#include "catalogue/SituationEngine.h"

#include <QCoreApplication>
#include <QString>

namespace ow::ui {

/// Words for a ChangePreview, shown to the clerk before an earlier answer is changed.
class ChangeSummary
{
    Q_DECLARE_TR_FUNCTIONS(ow::ui::ChangeSummary)

public:
    /// `before` are the effective answers now; the question is being set to `answer`.
    ChangeSummary(const catalogue::Matter &matter, const catalogue::Answers &before,
        const QString &questionId, const catalogue::Answer &answer, const catalogue::ChangePreview &preview);

    QString heading() const;
    /// Lists of the answers dropped and the materials gained and lost, as rich text.
    QString detailsHtml() const;

private:
    QString answerLabel(const QString &questionId, const catalogue::Answer &answer) const;

    const catalogue::Matter &m_matter;
    const catalogue::Answers &m_before;
    QString m_questionId;
    const catalogue::Answer &m_answer;
    const catalogue::ChangePreview &m_preview;
};

} // namespace ow::ui
