#pragma once

#include <QWidget>

class QLabel;

namespace ow::ui {

/// The steps of an intake across the top of the window, the current one highlighted, each with the
/// key that reaches it, so the clerk always sees where the case stands and what comes next.
class IntakeStepBar : public QWidget
{
    Q_OBJECT

public:
    enum class Step
    {
        Interview,
        Applicant,
        Materials,
        Decision,
        Document,
    };

    explicit IntakeStepBar(QWidget *parent = nullptr);

    void setCurrent(Step step);
    Step current() const { return m_current; }
    QString text() const;

private:
    QLabel *m_label = nullptr;
    Step m_current = Step::Interview;
};

} // namespace ow::ui
