#include "ui/ChoiceQuestionWidget.h"

#include <QAbstractButton>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace ow::ui {

ChoiceQuestionWidget::ChoiceQuestionWidget(const catalogue::Question &question, QWidget *parent)
    : QuestionWidget(question, parent)
{
}

void ChoiceQuestionWidget::addOptionRow(
    const QString &optionId, QAbstractButton *button, const QString &label)
{
    OptionRow row;
    row.optionId = optionId;
    row.button = button;
    row.row = new QWidget(this);
    row.row->setObjectName(QStringLiteral("optionRow"));
    row.keyCap = new QLabel(QString::number(m_rows.size() + 1), row.row);
    row.keyCap->setObjectName(QStringLiteral("keycap"));
    row.keyCap->setAlignment(Qt::AlignCenter);
    // The question frame keeps the keyboard focus; the buttons are for the mouse.
    button->setFocusPolicy(Qt::NoFocus);
    button->setParent(row.row);
    button->setAccessibleName(label);
    row.label = new QLabel(label, row.row);
    row.label->setObjectName(QStringLiteral("optionLabel"));
    row.label->setWordWrap(true);
    row.label->setCursor(Qt::PointingHandCursor);
    row.label->installEventFilter(this);
    auto *layout = new QHBoxLayout(row.row);
    layout->setContentsMargins(0, 1, 0, 1);
    layout->setSpacing(8);
    layout->addWidget(row.keyCap, 0, Qt::AlignTop);
    layout->addWidget(button, 0, Qt::AlignTop);
    layout->addWidget(row.label, 1);
    body()->addWidget(row.row);
    m_rows.append(row);
}

bool ChoiceQuestionWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        for (const OptionRow &row : std::as_const(m_rows)) {
            if (row.label == watched && row.button->isEnabled()) {
                row.button->click();
                return true;
            }
        }
    }
    return QuestionWidget::eventFilter(watched, event);
}

void ChoiceQuestionWidget::setOffered(const QStringList &optionIds)
{
    int digit = 0;
    for (const OptionRow &row : std::as_const(m_rows)) {
        const bool offered = optionIds.contains(row.optionId);
        row.row->setVisible(offered);
        if (offered) {
            ++digit;
            row.keyCap->setText(digit <= 9 ? QString::number(digit) : QString());
        }
    }
}

const ChoiceQuestionWidget::OptionRow *ChoiceQuestionWidget::rowForDigit(int digit) const
{
    int seen = 0;
    for (const OptionRow &row : m_rows) {
        if (row.row->isHidden())
            continue;
        if (++seen == digit)
            return &row;
    }
    return nullptr;
}

const ChoiceQuestionWidget::OptionRow *ChoiceQuestionWidget::rowFor(const QString &optionId) const
{
    for (const OptionRow &row : m_rows)
        if (row.optionId == optionId)
            return &row;
    return nullptr;
}

void ChoiceQuestionWidget::updateLockedState()
{
    for (const OptionRow &row : std::as_const(m_rows)) {
        row.button->setEnabled(!isLocked());
        row.label->setEnabled(!isLocked());
    }
}

} // namespace ow::ui
