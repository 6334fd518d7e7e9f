#pragma once

#include "cases/CaseState.h"
#include "intake/IntakeDecision.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace ow::intake {
class IntakeSession;
}

namespace ow::ui {

/// The decision step of the intake (F5): what the material check found, and the four decisions the
/// counter can take — accept, accept with waiver, correction notice (with items to tell besides the
/// missing materials and failed points), refusal (reasons, legal ground, where to apply instead).
/// A decision the rules would refuse has its button disabled and the reason written under it.
/// The page only asks; the window records the decision through the intake session.
class DecisionPage : public QWidget
{
    Q_OBJECT

public:
    explicit DecisionPage(QWidget *parent = nullptr);

    /// Shows the case of `session` (not owned; null clears the page).
    void setSession(const intake::IntakeSession *session);
    /// Re-reads the case and re-checks every decision.
    void refresh();
    /// Puts the keyboard on the first decision that can be taken (accept first).
    void focusBestDecision();

    QPushButton *decisionButton(cases::EventKind kind) const;
    /// What is written under a decision: why it cannot be taken, or what it will do.
    QString decisionHint(cases::EventKind kind) const;
    QPlainTextEdit *correctionItemsEditor() const { return m_items; }
    QPlainTextEdit *refusalReasonsEditor() const { return m_reasons; }
    QComboBox *groundCombo() const { return m_ground; }
    QLineEdit *referToField() const { return m_referTo; }
    /// The decision the page would ask for with `kind`, with what the editors hold.
    intake::IntakeDecision decision(cases::EventKind kind) const;

Q_SIGNALS:
    void decisionRequested(const intake::IntakeDecision &decision);

private:
    struct Option
    {
        cases::EventKind kind;
        QPushButton *button = nullptr;
        QLabel *hint = nullptr;
    };

    QWidget *makeCard(const QString &title, QWidget *body, Option &option, const QString &buttonText);
    void updateSummary();
    void updateOptions();
    QString readyText(cases::EventKind kind) const;
    Option *option(cases::EventKind kind);
    const Option *option(cases::EventKind kind) const;

    const intake::IntakeSession *m_session = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_findings = nullptr;
    QPlainTextEdit *m_items = nullptr;
    QPlainTextEdit *m_reasons = nullptr;
    QComboBox *m_ground = nullptr;
    QLineEdit *m_referTo = nullptr;
    QList<Option> m_options;
};

} // namespace ow::ui
