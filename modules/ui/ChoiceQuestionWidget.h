#pragma once

#include "ui/QuestionWidget.h"

#include <QList>

class QAbstractButton;
class QLabel;

namespace ow::ui {

/// What single- and multi-choice questions share: one row per option with its key cap, the options
/// offered in the current situation, and digits 1–9 mapped to the offered options in order.
class ChoiceQuestionWidget : public QuestionWidget
{
    Q_OBJECT

public:
    void setOffered(const QStringList &optionIds) override;

protected:
    ChoiceQuestionWidget(const catalogue::Question &question, QWidget *parent);

    struct OptionRow
    {
        QString optionId;
        QWidget *row = nullptr;
        QLabel *keyCap = nullptr;
        QAbstractButton *button = nullptr;
        QLabel *label = nullptr;
    };

    /// Adds the row for the next option: key cap, the button's indicator, and the label, which wraps
    /// (option labels are often long) and clicks the button. The row owns the button.
    void addOptionRow(const QString &optionId, QAbstractButton *button, const QString &label);
    bool eventFilter(QObject *watched, QEvent *event) override;
    const QList<OptionRow> &rows() const { return m_rows; }
    /// The option the n-th digit picks (1-based among the offered), or null.
    const OptionRow *rowForDigit(int digit) const;
    const OptionRow *rowFor(const QString &optionId) const;
    void updateLockedState() override;

private:
    QList<OptionRow> m_rows;
};

} // namespace ow::ui
