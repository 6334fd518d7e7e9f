#include "ui/ComboTypeAhead.h"

#include <QComboBox>
#include <QInputMethodEvent>
#include <QKeyEvent>

namespace ow::ui {

ComboTypeAhead *ComboTypeAhead::install(QComboBox *combo)
{
    return new ComboTypeAhead(combo);
}

ComboTypeAhead::ComboTypeAhead(QComboBox *combo)
    : QObject(combo)
    , m_combo(combo)
{
    // A Chinese input method commits its characters only to a widget that takes input-method text.
    combo->setAttribute(Qt::WA_InputMethodEnabled);
    combo->installEventFilter(this);
}

int ComboTypeAhead::bestMatch(const QString &text) const
{
    if (text.isEmpty())
        return -1;
    const int starting = m_combo->findText(text, Qt::MatchStartsWith);
    return starting >= 0 ? starting : m_combo->findText(text, Qt::MatchContains);
}

bool ComboTypeAhead::type(const QString &text)
{
    int index = bestMatch(m_typed + text);
    if (index >= 0) {
        m_typed += text;
    } else {
        index = bestMatch(text);
        if (index < 0)
            return false;
        m_typed = text;
    }
    m_combo->setCurrentIndex(index);
    return true;
}

bool ComboTypeAhead::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_combo || m_combo->isEditable())
        return false;
    switch (event->type()) {
    case QEvent::FocusIn:
        m_typed.clear();
        return false;
    case QEvent::InputMethod: {
        auto *input = static_cast<QInputMethodEvent *>(event);
        if (!input->commitString().isEmpty())
            type(input->commitString());
        return true;
    }
    case QEvent::KeyPress: {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            m_typed.clear();
            return false;
        }
        if (key->key() == Qt::Key_Backspace) {
            m_typed.chop(1);
            if (const int index = bestMatch(m_typed); index >= 0)
                m_combo->setCurrentIndex(index);
            return true;
        }
        const QString text = key->text();
        // Printable text only, and not with Ctrl or Alt (shortcuts, mnemonics) held.
        if (text.isEmpty() || !text.at(0).isPrint() || text.at(0).isSpace()
            || (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier)))
            return false;
        type(text);
        return true;
    }
    default:
        return false;
    }
}

} // namespace ow::ui
