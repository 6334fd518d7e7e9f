#include "ui/QuestionWidget.h"

#include "ui/MultiChoiceQuestionWidget.h"
#include "ui/NumberQuestionWidget.h"
#include "ui/SingleChoiceQuestionWidget.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace ow::ui {

using namespace ow::catalogue;

QuestionWidget *QuestionWidget::create(const Question &question, QWidget *parent)
{
    switch (question.type) {
    case QuestionType::Single:
        return new SingleChoiceQuestionWidget(question, parent);
    case QuestionType::Multi:
        return new MultiChoiceQuestionWidget(question, parent);
    case QuestionType::Number:
        return new NumberQuestionWidget(question, parent);
    }
    return nullptr;
}

QuestionWidget::QuestionWidget(const Question &question, QWidget *parent)
    : QFrame(parent)
    , m_question(question)
{
    setObjectName(QStringLiteral("question"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_StyledBackground);
    setAccessibleName(question.text);
    setAccessibleDescription(question.hint);

    m_ordinal = new QLabel(this);
    m_ordinal->setObjectName(QStringLiteral("questionOrdinal"));
    m_ordinal->setAlignment(Qt::AlignCenter);

    auto *text = new QLabel(question.text, this);
    text->setObjectName(QStringLiteral("questionText"));
    text->setWordWrap(true);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("questionStatus"));

    auto *header = new QHBoxLayout;
    header->setSpacing(10);
    header->addWidget(m_ordinal, 0, Qt::AlignTop);
    header->addWidget(text, 1);
    header->addWidget(m_status, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(6);
    layout->addLayout(header);
    if (!question.hint.isEmpty()) {
        auto *hint = new QLabel(question.hint, this);
        hint->setObjectName(QStringLiteral("questionHint"));
        hint->setWordWrap(true);
        hint->setContentsMargins(34, 0, 0, 0);
        layout->addWidget(hint);
    }
    m_body = new QVBoxLayout;
    m_body->setContentsMargins(34, 2, 0, 0);
    m_body->setSpacing(2);
    layout->addLayout(m_body);
    setAnsweredLook(false);
}

void QuestionWidget::setOrdinal(int ordinal)
{
    m_ordinal->setText(QString::number(ordinal));
}

void QuestionWidget::setOffered(const QStringList &) { }

void QuestionWidget::setLocked(bool locked)
{
    m_locked = locked;
    setFocusPolicy(locked ? Qt::NoFocus : Qt::StrongFocus);
    setProperty("locked", locked);
    if (locked)
        m_status->setText(tr("Preset by the bundle"));
    updateLockedState();
    repolish();
}

void QuestionWidget::setActive(bool active)
{
    if (property("active").toBool() == active)
        return;
    setProperty("active", active);
    m_ordinal->setProperty("active", active);
    repolish();
}

void QuestionWidget::setAnsweredLook(bool answered)
{
    setProperty("answered", answered);
    m_ordinal->setProperty("answered", answered);
    if (!m_locked)
        m_status->setText(answered ? tr("✓ Answered") : QString());
    repolish();
}

void QuestionWidget::repolish()
{
    // Style sheet rules keyed on dynamic properties apply only after a re-polish.
    for (QWidget *widget : {static_cast<QWidget *>(this), static_cast<QWidget *>(m_ordinal)}) {
        widget->style()->unpolish(widget);
        widget->style()->polish(widget);
    }
}

int QuestionWidget::digitOf(const QKeyEvent *event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return 0;
    const int key = event->key();
    return key >= Qt::Key_1 && key <= Qt::Key_9 ? key - Qt::Key_0 : 0;
}

void QuestionWidget::keyPressEvent(QKeyEvent *event)
{
    const bool plain = !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier));
    if (plain && (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)) {
        Q_EMIT moveRequested(event->key() == Qt::Key_Up ? -1 : 1);
        event->accept();
        return;
    }
    if (!m_locked && handleKey(event)) {
        event->accept();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace ow::ui
