#include "ui/ConsultationDialog.h"

#include "cases/ClerkActivity.h"
#include "ui/Theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace ow::ui {

using namespace Qt::StringLiterals;

ConsultationDialog::ConsultationDialog(
    const QString &matterName, const QStringList &answersSoFar, Save save, QWidget *parent)
    : QDialog(parent)
    , m_save(std::move(save))
{
    setObjectName(u"consultationDialog"_s);
    setWindowTitle(tr("Record a consultation"));
    auto *matter = new QLabel(u"<b>%1</b>"_s.arg(matterName.toHtmlEscaped()), this);
    matter->setObjectName(u"consultationMatter"_s);
    matter->setWordWrap(true);
    auto *answers
        = new QLabel(answersSoFar.isEmpty() ? tr("No situation question answered yet.")
                                            : tr("Answers so far: %1").arg(answersSoFar.join(u" / "_s)),
            this);
    answers->setObjectName(u"consultationAnswers"_s);
    answers->setWordWrap(true);
    answers->setStyleSheet(u"QLabel { color: %1; }"_s.arg(Theme::secondaryText().name()));

    m_question = new QLineEdit(this);
    m_question->setObjectName(u"consultationQuestion"_s);
    m_question->setMaxLength(cases::ClerkActivity::kMaxQuestion);
    m_question->setPlaceholderText(tr("What the applicant asked, in their words"));
    m_answer = new QPlainTextEdit(this);
    m_answer->setObjectName(u"consultationAnswer"_s);
    m_answer->setTabChangesFocus(true);
    m_answer->setPlaceholderText(tr("The answer you gave"));
    m_answer->setMinimumHeight(110);

    auto *form = new QFormLayout;
    const auto row = [&](const QString &label, QWidget *field) {
        auto *caption = new QLabel(label, this);
        caption->setBuddy(field);
        form->addRow(caption, field);
    };
    row(tr("&Question:"), m_question);
    row(tr("&Answer given:"), m_answer);

    auto *hint = new QLabel(tr("Tab: to the answer · Ctrl+Enter: save · Esc: leave without recording. "
                               "Frequent questions are proposed to catalogue staff for the matter's FAQ."),
        this);
    hint->setWordWrap(true);
    hint->setStyleSheet(u"QLabel { color: %1; }"_s.arg(Theme::secondaryText().name()));
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"consultationProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"QLabel { color: %1; }"_s.arg(Theme::danger().name()));
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *saveButton = buttons->addButton(tr("&Save (Ctrl+Enter)"), QDialogButtonBox::AcceptRole);
    saveButton->setObjectName(u"consultationSave"_s);
    saveButton->setAutoDefault(false);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole)->setAutoDefault(false);
    connect(saveButton, &QPushButton::clicked, this, &ConsultationDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Ctrl+Enter saves from either field; Enter in the question goes on to the answer.
    for (const QKeySequence &keys :
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, &ConsultationDialog::save);
    }
    connect(m_question, &QLineEdit::returnPressed, this, [this] { m_answer->setFocus(); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(matter);
    layout->addWidget(answers);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    m_question->setFocus();
}

void ConsultationDialog::showProblem(const QString &message, QWidget *field)
{
    m_problem->setText(message);
    if (field)
        field->setFocus();
}

bool ConsultationDialog::save()
{
    const QString question = m_question->text().trimmed();
    const QString answer = m_answer->toPlainText().trimmed();
    if (question.isEmpty()) {
        showProblem(tr("Type the applicant's question."), m_question);
        return false;
    }
    if (answer.isEmpty()) {
        showProblem(tr("Type the answer you gave."), m_answer);
        return false;
    }
    if (answer.size() > cases::ClerkActivity::kMaxAnswer) {
        showProblem(tr("The answer is %1 characters long; keep it to %2.")
                        .arg(answer.size())
                        .arg(cases::ClerkActivity::kMaxAnswer),
            m_answer);
        return false;
    }
    if (const Result<void> saved = m_save(question, answer); !saved) {
        showProblem(saved.error().message(), nullptr);
        return false;
    }
    accept();
    return true;
}

} // namespace ow::ui
