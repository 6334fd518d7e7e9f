#pragma once

#include "ui/QuestionWidget.h"

#include <optional>

class QLabel;
class QLineEdit;

namespace ow::ui {

/// A number question: a line edit with the unit after it; Enter confirms, the range is checked.
class NumberQuestionWidget : public QuestionWidget
{
    Q_OBJECT

public:
    NumberQuestionWidget(const catalogue::Question &question, QWidget *parent);

    void showAnswer(const catalogue::Answer *answer) override;
    QLineEdit *editor() const { return m_editor; }

    /// Reads what a clerk typed: ASCII or full-width digits, one decimal point. Empty when not a number.
    static std::optional<double> parseNumber(const QString &text);

protected:
    bool handleKey(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void updateLockedState() override;

private:
    void confirm();
    QString rangeText() const;

    QLineEdit *m_editor = nullptr;
    QLabel *m_message = nullptr;
    std::optional<double> m_answer;
};

} // namespace ow::ui
