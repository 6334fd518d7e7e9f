#pragma once

#include "sync/CatalogueEditorClient.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ow::editorui {

/// 登录审核服务器: a catalogue editor signs in to the hall's server with their own hall account —
/// the server's address (remembered for next time), staff number, password and, only where the
/// staff number is used in several halls, the hall. A refusal is shown beside the field it is about:
/// the address when the server cannot be reached, the password when it is wrong, the staff number
/// when the account is not a catalogue editor's. The password is cleared once sent.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(QWidget *parent = nullptr);

    /// The session after a successful sign-in.
    const sync::CatalogueEditorSession &session() const { return m_session; }
    QString server() const;

    /// The address a catalogue editor signed in to last (QSettings), for the next time.
    static QString rememberedServer();

private:
    void signIn();
    void showRefusal(const QString &field, const QString &message);

    QLineEdit *m_server = nullptr;
    QLineEdit *m_staffNumber = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_hall = nullptr;
    QLabel *m_serverProblem = nullptr;
    QLabel *m_staffProblem = nullptr;
    QLabel *m_passwordProblem = nullptr;
    QLabel *m_hallProblem = nullptr;
    QPushButton *m_signIn = nullptr;
    sync::CatalogueEditorSession m_session;
};

} // namespace ow::editorui
