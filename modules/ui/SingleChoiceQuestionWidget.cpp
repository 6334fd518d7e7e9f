#include "ui/SingleChoiceQuestionWidget.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QKeyEvent>
#include <QRadioButton>

namespace ow::ui {

using namespace ow::catalogue;

SingleChoiceQuestionWidget::SingleChoiceQuestionWidget(const Question &question, QWidget *parent)
    : ChoiceQuestionWidget(question, parent)
    , m_group(new QButtonGroup(this))
{
    m_group->setExclusive(true);
    for (const Option &option : question.options) {
        auto *radio = new QRadioButton;
        m_group->addButton(radio);
        addOptionRow(option.id, radio, option.label);
        const QString optionId = option.id;
        connect(radio, &QAbstractButton::clicked, this, [this, optionId] {
            setFocus(Qt::MouseFocusReason);
            Q_EMIT answerChosen(Answer::single(optionId));
        });
    }
}

void SingleChoiceQuestionWidget::showAnswer(const Answer *answer)
{
    m_answer = answer && answer->type == Answer::Type::Single ? answer->option : QString();
    // An exclusive group cannot show "nothing checked" unless exclusivity is lifted while clearing.
    m_group->setExclusive(false);
    for (const OptionRow &row : rows())
        row.button->setChecked(row.optionId == m_answer);
    m_group->setExclusive(true);
    setAnsweredLook(!m_answer.isEmpty());
}

bool SingleChoiceQuestionWidget::handleKey(QKeyEvent *event)
{
    if (const int digit = digitOf(event)) {
        if (const OptionRow *row = rowForDigit(digit))
            Q_EMIT answerChosen(Answer::single(row->optionId));
        return true; // a digit with no option is swallowed, not passed on to the window
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !m_answer.isEmpty()) {
        Q_EMIT advanceRequested();
        return true;
    }
    return false;
}

} // namespace ow::ui
