#pragma once

#include "ui/ChoiceQuestionWidget.h"

class QButtonGroup;

namespace ow::ui {

/// A single-choice question: radio buttons; digit n answers with the n-th offered option at once.
class SingleChoiceQuestionWidget : public ChoiceQuestionWidget
{
    Q_OBJECT

public:
    SingleChoiceQuestionWidget(const catalogue::Question &question, QWidget *parent);

    void showAnswer(const catalogue::Answer *answer) override;

protected:
    bool handleKey(QKeyEvent *event) override;

private:
    QButtonGroup *m_group = nullptr;
    QString m_answer;
};

} // namespace ow::ui
