#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace ow::ui {

/// Hands the keyboard back when a dialog of the workstation closes: to the window the dialog was
/// opened from (the main window, or the dialog below a nested one). A window manager does this
/// itself; without one (a kiosk session, Xvfb) the closed dialog stays the active window in Qt's
/// eyes, nothing has the focus, and the window's shortcuts (F2, F4, Ctrl+F…) stop working.
class DialogFocusKeeper : public QObject
{
    Q_OBJECT

public:
    /// Watches every dialog opened from `window` (or from its dialogs) for as long as `window` lives.
    explicit DialogFocusKeeper(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void giveBack(QPointer<QWidget> to);

    QWidget *m_window = nullptr;
};

} // namespace ow::ui
