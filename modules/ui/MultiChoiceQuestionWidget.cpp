#include "ui/MultiChoiceQuestionWidget.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ow::ui {

using namespace ow::catalogue;

MultiChoiceQuestionWidget::MultiChoiceQuestionWidget(const Question &question, QWidget *parent)
    : ChoiceQuestionWidget(question, parent)
{
    for (const Option &option : question.options) {
        auto *box = new QCheckBox;
        addOptionRow(option.id, box, option.label);
        connect(box, &QAbstractButton::toggled, this, [this] { updatePending(); });
        connect(box, &QAbstractButton::clicked, this, [this] { setFocus(Qt::MouseFocusReason); });
    }

    auto *confirmRow = new QHBoxLayout;
    confirmRow->setContentsMargins(0, 4, 0, 0);
    auto *confirmButton = new QPushButton(tr("Confirm selection"), this);
    confirmButton->setObjectName(QStringLiteral("confirmSelection"));
    confirmButton->setFocusPolicy(Qt::NoFocus);
    connect(confirmButton, &QPushButton::clicked, this, [this] { confirm(); });
    m_pendingHint = new QLabel(this);
    m_pendingHint->setObjectName(QStringLiteral("questionHint"));
    m_pendingHint->setWordWrap(true);
    confirmRow->addWidget(confirmButton);
    confirmRow->addWidget(m_pendingHint, 1);
    body()->addLayout(confirmRow);
    updatePending();
}

QStringList MultiChoiceQuestionWidget::checkedOptions() const
{
    QStringList checked;
    for (const OptionRow &row : rows())
        if (!row.row->isHidden() && row.button->isChecked())
            checked.append(row.optionId);
    return checked;
}

void MultiChoiceQuestionWidget::showAnswer(const Answer *answer)
{
    if (answer && answer->type == Answer::Type::Multi)
        m_answer = answer->options;
    else
        m_answer.reset();
    for (const OptionRow &row : rows()) {
        const QSignalBlocker blocker(row.button);
        row.button->setChecked(m_answer && m_answer->contains(row.optionId));
    }
    setAnsweredLook(m_answer.has_value());
    updatePending();
}

void MultiChoiceQuestionWidget::updatePending()
{
    QStringList checked = checkedOptions();
    checked.sort();
    const bool pending = !m_answer || *m_answer != checked;
    m_pendingHint->setText(
        pending ? tr("Choose any number (also none), then press Enter to confirm.") : QString());
}

void MultiChoiceQuestionWidget::confirm()
{
    Q_EMIT answerChosen(Answer::multi(checkedOptions()));
}

bool MultiChoiceQuestionWidget::handleKey(QKeyEvent *event)
{
    if (const int digit = digitOf(event)) {
        if (const OptionRow *row = rowForDigit(digit))
            row->button->toggle();
        return true;
    }
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        QStringList checked = checkedOptions();
        checked.sort();
        if (m_answer && *m_answer == checked)
            Q_EMIT advanceRequested();
        else
            confirm();
        return true;
    }
    return false;
}

} // namespace ow::ui
