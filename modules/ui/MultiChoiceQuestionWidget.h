#pragma once

#include "ui/ChoiceQuestionWidget.h"

#include <optional>

class QLabel;

namespace ow::ui {

/// A multi-choice question: check boxes; digits toggle options, Enter confirms the set (also empty).
class MultiChoiceQuestionWidget : public ChoiceQuestionWidget
{
    Q_OBJECT

public:
    MultiChoiceQuestionWidget(const catalogue::Question &question, QWidget *parent);

    void showAnswer(const catalogue::Answer *answer) override;

protected:
    bool handleKey(QKeyEvent *event) override;

private:
    QStringList checkedOptions() const;
    void updatePending();
    void confirm();

    std::optional<QStringList> m_answer;
    QLabel *m_pendingHint = nullptr;
};

} // namespace ow::ui
