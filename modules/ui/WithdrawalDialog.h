#pragma once

#include "cases/Withdrawal.h"

#include <QDialog>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace ow::ui {

/// 撤回申请: asks why the applicant withdraws an accepted application and who asked (the applicant
/// or an agent, by name). Enter withdraws once both are given, Esc cancels; the case itself is
/// changed by the caller, which records the withdrawn event.
class WithdrawalDialog : public QDialog
{
    Q_OBJECT

public:
    /// `applicantName`: filled in as the requester while the applicant asks in person; empty where
    /// the clerk does not see the applicant's name.
    WithdrawalDialog(const QString &caseNumber, const QString &applicantName, QWidget *parent = nullptr);

    /// Shows the dialog; the withdrawal entered, or nothing when the clerk cancels.
    static std::optional<cases::Withdrawal> ask(
        QWidget *parent, const QString &caseNumber, const QString &applicantName);

    cases::Withdrawal withdrawal() const;

    QLineEdit *reasonField() const { return m_reason; }
    QLineEdit *requesterField() const { return m_requester; }
    QRadioButton *agentButton() const { return m_agent; }
    QPushButton *withdrawButton() const { return m_withdraw; }

private:
    void update();

    QString m_applicantName;
    QRadioButton *m_applicant = nullptr;
    QRadioButton *m_agent = nullptr;
    QLineEdit *m_requester = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_withdraw = nullptr;
};

} // namespace ow::ui
