#include "ui/WithdrawalDialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ow::ui {

using cases::Withdrawal;

WithdrawalDialog::WithdrawalDialog(const QString &caseNumber, const QString &applicantName, QWidget *parent)
    : QDialog(parent)
    , m_applicantName(applicantName)
{
    setObjectName(QStringLiteral("withdrawalDialog"));
    setWindowTitle(tr("Withdraw the application"));
    setModal(true);

    auto *heading = new QLabel(tr("Withdraw case %1?").arg(caseNumber), this);
    heading->setObjectName(QStringLiteral("dialogHeading"));
    auto *details
        = new QLabel(tr("The case is closed at the applicant's request and its department is told to "
                        "stop its review. A withdrawn application cannot be taken up again: to go "
                        "on later, the applicant applies anew."),
            this);
    details->setObjectName(QStringLiteral("dialogDetails"));
    details->setWordWrap(true);
    details->setMinimumWidth(480);

    m_applicant = new QRadioButton(tr("The &applicant"), this);
    m_agent = new QRadioButton(tr("An a&gent"), this);
    auto *who = new QButtonGroup(this);
    who->addButton(m_applicant);
    who->addButton(m_agent);
    m_applicant->setChecked(true);
    auto *whoRow = new QHBoxLayout;
    whoRow->addWidget(m_applicant);
    whoRow->addWidget(m_agent);
    whoRow->addStretch(1);

    m_requester = new QLineEdit(applicantName, this);
    m_requester->setMaxLength(Withdrawal::kMaxRequesterLength);
    m_reason = new QLineEdit(this);
    m_reason->setMaxLength(Withdrawal::kMaxReasonLength);
    m_reason->setPlaceholderText(tr("As the applicant states it, e.g. applied elsewhere, plan given up"));

    auto *form = new QFormLayout;
    form->setSpacing(10);
    form->addRow(tr("Asked by"), whoRow);
    auto *nameLabel = new QLabel(tr("&Name"), this);
    nameLabel->setBuddy(m_requester);
    form->addRow(nameLabel, m_requester);
    auto *reasonLabel = new QLabel(tr("&Reason"), this);
    reasonLabel->setBuddy(m_reason);
    form->addRow(reasonLabel, m_reason);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("panelSubtitle"));
    m_problem->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    m_withdraw = buttons->addButton(tr("&Withdraw the application"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    m_withdraw->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (withdrawal().validate())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Whoever asks in person is named: the applicant's name is offered, an agent's is typed.
    connect(m_agent, &QRadioButton::toggled, this, [this](bool agent) {
        if (agent && m_requester->text() == m_applicantName)
            m_requester->clear();
        else if (!agent && m_requester->text().isEmpty())
            m_requester->setText(m_applicantName);
        update();
    });
    connect(m_requester, &QLineEdit::textChanged, this, &WithdrawalDialog::update);
    connect(m_reason, &QLineEdit::textChanged, this, &WithdrawalDialog::update);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(12);
    layout->addWidget(heading);
    layout->addWidget(details);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    update();
    m_reason->setFocus();
}

std::optional<Withdrawal> WithdrawalDialog::ask(
    QWidget *parent, const QString &caseNumber, const QString &applicantName)
{
    WithdrawalDialog dialog(caseNumber, applicantName, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.withdrawal();
}

Withdrawal WithdrawalDialog::withdrawal() const
{
    Withdrawal w;
    w.reason = m_reason->text().trimmed();
    w.requestedBy
        = m_agent->isChecked() ? Withdrawal::RequestedBy::Agent : Withdrawal::RequestedBy::Applicant;
    w.requester = m_requester->text().trimmed();
    return w;
}

void WithdrawalDialog::update()
{
    const Withdrawal w = withdrawal();
    QString missing;
    if (w.reason.isEmpty())
        missing = tr("Enter the reason the applicant gives.");
    else if (w.requester.isEmpty())
        missing = m_agent->isChecked() ? tr("Enter the agent's name.") : tr("Enter the applicant's name.");
    m_problem->setText(missing);
    m_withdraw->setEnabled(missing.isEmpty());
}

} // namespace ow::ui
