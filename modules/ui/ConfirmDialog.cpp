#include "ui/ConfirmDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

namespace ow::ui {

std::optional<ConfirmDialog::Choice> ConfirmDialog::s_nextAnswer;
QString ConfirmDialog::s_lastText;
int ConfirmDialog::s_askCount = 0;

ConfirmDialog::ConfirmDialog(QWidget *parent, const QString &title, const QString &heading,
    const QString &detailsHtml, const QString &confirmText)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("confirmDialog"));
    setWindowTitle(title);
    setModal(true);

    auto *headingLabel = new QLabel(heading, this);
    headingLabel->setObjectName(QStringLiteral("dialogHeading"));
    headingLabel->setWordWrap(true);

    auto *details = new QLabel(detailsHtml, this);
    details->setObjectName(QStringLiteral("dialogDetails"));
    details->setTextFormat(Qt::RichText);
    details->setWordWrap(true);
    details->setMinimumWidth(420);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *confirm = buttons->addButton(confirmText, QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    confirm->setDefault(true);
    confirm->setAutoDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(12);
    layout->addWidget(headingLabel);
    layout->addWidget(details);
    layout->addSpacing(4);
    layout->addWidget(buttons);
    confirm->setFocus();
}

ConfirmDialog::Choice ConfirmDialog::ask(QWidget *parent, const QString &title, const QString &heading,
    const QString &detailsHtml, const QString &confirmText)
{
    ++s_askCount;
    QTextDocument plain;
    plain.setHtml(detailsHtml);
    s_lastText = heading + QLatin1Char('\n') + plain.toPlainText();
    if (s_nextAnswer) {
        const Choice choice = *s_nextAnswer;
        s_nextAnswer.reset();
        return choice;
    }
    ConfirmDialog dialog(parent, title, heading, detailsHtml, confirmText);
    return dialog.exec() == QDialog::Accepted ? Choice::Confirm : Choice::Cancel;
}

void ConfirmDialog::setNextAnswer(Choice choice)
{
    s_nextAnswer = choice;
}

QString ConfirmDialog::lastText()
{
    return s_lastText;
}

int ConfirmDialog::askCount()
{
    return s_askCount;
}

} // namespace ow::ui
