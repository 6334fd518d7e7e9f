#include "ui/ChoiceDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ow::ui {

std::optional<std::optional<qsizetype>> ChoiceDialog::s_nextAnswer;
QString ChoiceDialog::s_lastQuestion;
QStringList ChoiceDialog::s_lastItems;
int ChoiceDialog::s_askCount = 0;

ChoiceDialog::ChoiceDialog(
    QWidget *parent, const QString &title, const QString &question, const QStringList &items)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("choiceDialog"));
    setWindowTitle(title);
    setModal(true);

    auto *heading = new QLabel(question, this);
    heading->setObjectName(QStringLiteral("dialogHeading"));
    heading->setWordWrap(true);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("choiceList"));
    m_list->addItems(items);
    m_list->setCurrentRow(0);
    m_list->setMinimumWidth(320);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(12);
    layout->addWidget(heading);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    m_list->setFocus();
}

std::optional<qsizetype> ChoiceDialog::choose(
    QWidget *parent, const QString &title, const QString &question, const QStringList &items)
{
    ++s_askCount;
    s_lastQuestion = question;
    s_lastItems = items;
    if (s_nextAnswer) {
        const std::optional<qsizetype> answer = *s_nextAnswer;
        s_nextAnswer.reset();
        if (answer && (*answer < 0 || *answer >= items.size()))
            return std::nullopt;
        return answer;
    }
    ChoiceDialog dialog(parent, title, question, items);
    if (dialog.exec() != QDialog::Accepted || dialog.m_list->currentRow() < 0)
        return std::nullopt;
    return qsizetype(dialog.m_list->currentRow());
}

void ChoiceDialog::setNextAnswer(std::optional<qsizetype> index)
{
    s_nextAnswer = index;
}

QString ChoiceDialog::lastQuestion()
{
    return s_lastQuestion;
}

QStringList ChoiceDialog::lastItems()
{
    return s_lastItems;
}

int ChoiceDialog::askCount()
{
    return s_askCount;
}

} // namespace ow::ui
