#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace ow::ui {

/// Covers the whole window while the workstation is locked: who is logged in and a password field.
/// It only asks; SessionGuard checks the password.
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

Q_SIGNALS:
    void unlockRequested(const QString &password);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLabel *m_clerk = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_refusal = nullptr;
};

} // namespace ow::ui
