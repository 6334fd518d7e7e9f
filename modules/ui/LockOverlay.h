#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ow::ui {

/// Covers the whole window while the workstation is locked: who is logged in, a password field and
/// "Switch user", with which another clerk signs in at this counter. It only asks; SessionGuard
/// checks the password and does the switch.
class LockOverlay : public QWidget
{
    Q_OBJECT

public:
    explicit LockOverlay(QWidget *window);

    void setClerk(const QString &clerkLine);
    /// Shows the overlay over the whole window and puts the focus in the password field.
    void cover();
    void showRefusal(const QString &message);
    QString refusalText() const;
    /// The signed-in clerk may no longer unlock (disabled on the server): the password field goes,
    /// `message` says why, and only "Switch user" is left.
    void refuseUnlock(const QString &message);
    QPushButton *switchUserButton() const { return m_switch; }

Q_SIGNALS:
    void unlockRequested(const QString &password);
    void switchUserRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLabel *m_clerk = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_unlock = nullptr;
    QPushButton *m_switch = nullptr;
    QLabel *m_refusal = nullptr;
};

} // namespace ow::ui
