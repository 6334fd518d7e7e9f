#include "ui/NumberQuestionWidget.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

namespace ow::ui {

using namespace ow::catalogue;

namespace {

QString formatNumber(double value)
{
    return QLocale::c().toString(value, 'g', 15);
}

} // namespace

NumberQuestionWidget::NumberQuestionWidget(const Question &question, QWidget *parent)
    : QuestionWidget(question, parent)
{
    m_editor = new QLineEdit(this);
    m_editor->setObjectName(QStringLiteral("numberEditor"));
    m_editor->setMaximumWidth(160);
    m_editor->setAlignment(Qt::AlignRight);
    m_editor->setPlaceholderText(tr("number"));
    m_editor->installEventFilter(this);
    setFocusProxy(m_editor);

    auto *unit = new QLabel(question.unit, this);
    unit->setObjectName(QStringLiteral("numberUnit"));
    auto *range = new QLabel(rangeText(), this);
    range->setObjectName(QStringLiteral("questionHint"));
    range->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->setSpacing(8);
    row->addWidget(m_editor);
    row->addWidget(unit);
    row->addStretch(1);
    body()->addLayout(row);
    body()->addWidget(range);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("inputError"));
    m_message->setWordWrap(true);
    m_message->hide();
    body()->addWidget(m_message);

    connect(m_editor, &QLineEdit::textEdited, this, [this] { m_message->hide(); });
}

QString NumberQuestionWidget::rangeText() const
{
    const Question &q = question();
    if (q.minimum && q.maximum)
        return tr("from %1 to %2, then press Enter").arg(formatNumber(*q.minimum), formatNumber(*q.maximum));
    if (q.minimum)
        return tr("at least %1, then press Enter").arg(formatNumber(*q.minimum));
    if (q.maximum)
        return tr("at most %1, then press Enter").arg(formatNumber(*q.maximum));
    return tr("press Enter to confirm");
}

std::optional<double> NumberQuestionWidget::parseNumber(const QString &text)
{
    QString normal;
    for (QChar c : text.trimmed()) {
        const char16_t u = c.unicode();
        if (u >= u'０' && u <= u'９')
            normal += QChar(u'0' + (u - u'０'));
        else if (u == u'．' || u == u'。')
            normal += QLatin1Char('.');
        else if (u == u'－')
            normal += QLatin1Char('-');
        else if (u == u',' || u == u'，')
            continue; // thousands separators
        else
            normal += c;
    }
    bool ok = false;
    const double value = QLocale::c().toDouble(normal, &ok);
    if (!ok || normal.isEmpty())
        return std::nullopt;
    return value;
}

void NumberQuestionWidget::showAnswer(const Answer *answer)
{
    if (answer && answer->type == Answer::Type::Number)
        m_answer = answer->number;
    else
        m_answer.reset();
    m_editor->setText(m_answer ? formatNumber(*m_answer) : QString());
    m_message->hide();
    setAnsweredLook(m_answer.has_value());
}

void NumberQuestionWidget::confirm()
{
    const std::optional<double> value = parseNumber(m_editor->text());
    const Question &q = question();
    QString problem;
    if (!value)
        problem = tr("Enter a number, for example 120.");
    else if (q.minimum && q.maximum && (*value < *q.minimum || *value > *q.maximum))
        problem = tr("Enter a number from %1 to %2.").arg(formatNumber(*q.minimum), formatNumber(*q.maximum));
    else if (q.minimum && *value < *q.minimum)
        problem = tr("Enter a number of at least %1.").arg(formatNumber(*q.minimum));
    else if (q.maximum && *value > *q.maximum)
        problem = tr("Enter a number of at most %1.").arg(formatNumber(*q.maximum));
    if (!problem.isEmpty()) {
        m_message->setText(problem);
        m_message->show();
        return;
    }
    m_message->hide();
    if (m_answer && *m_answer == *value)
        Q_EMIT advanceRequested();
    else
        Q_EMIT answerChosen(Answer::numeric(*value));
}

bool NumberQuestionWidget::handleKey(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        confirm();
        return true;
    }
    return false;
}

bool NumberQuestionWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::FocusOut) {
        // Leaving without Enter does not answer: show what is in force, so the screen never lies.
        const auto reason = static_cast<QFocusEvent *>(event)->reason();
        if (reason != Qt::ActiveWindowFocusReason && reason != Qt::PopupFocusReason) {
            m_editor->setText(m_answer ? formatNumber(*m_answer) : QString());
            m_message->hide();
        }
    }
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool plain = !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier));
        if (plain && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            Q_EMIT moveRequested(key->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
        if (!isLocked() && handleKey(key))
            return true;
    }
    return QuestionWidget::eventFilter(watched, event);
}

void NumberQuestionWidget::updateLockedState()
{
    m_editor->setReadOnly(isLocked());
    m_editor->setFocusPolicy(isLocked() ? Qt::NoFocus : Qt::StrongFocus);
}

} // namespace ow::ui
