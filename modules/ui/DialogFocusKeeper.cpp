#include "ui/DialogFocusKeeper.h"

#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QWidget>

namespace ow::ui {

namespace {

/// Whether `widget` was opened from `window`: its chain of parents leads there, through other windows.
bool openedFrom(const QWidget *widget, const QWidget *window)
{
    for (const QWidget *w = widget->parentWidget(); w; w = w->parentWidget())
        if (w == window)
            return true;
    return false;
}

} // namespace

DialogFocusKeeper::DialogFocusKeeper(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    qApp->installEventFilter(this);
}

bool DialogFocusKeeper::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Hide || !watched->isWidgetType())
        return false;
    auto *dialog = qobject_cast<QDialog *>(watched);
    if (!dialog || !dialog->isWindow() || !openedFrom(dialog, m_window))
        return false;
    // The dialog is still Qt's active window while it hides: look once it is gone.
    QPointer<QWidget> below = dialog->parentWidget()->window();
    QMetaObject::invokeMethod(
        this, [this, below] { giveBack(below); }, Qt::QueuedConnection);
    return false;
}

void DialogFocusKeeper::giveBack(QPointer<QWidget> to)
{
    if (!to || !to->isVisible())
        to = m_window;
    if (!to->isVisible())
        return;
    const QWidget *active = QApplication::activeWindow();
    if (active && active->isVisible())
        return; // a window manager (or the code that closed the dialog) already chose
    // Activating the window gives the focus back to the widget that had it there (the page's).
    to->activateWindow();
}

} // namespace ow::ui
