#pragma once

#include "accounts/Role.h"

#include <QDialog>
#include <QList>
#include <QMap>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace ow::ui {

/// The small form behind Add, Rename and Roles of the accounts dialog: staff number, name and the
/// roles as check boxes, only the fields the action changes editable. It checks that nothing is
/// left empty; the store decides the rest.
class AccountEditDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Add, ///< staff number, name, roles
        Rename, ///< the name only
        Roles ///< the roles only
    };

    AccountEditDialog(Mode mode, QWidget *parent = nullptr);

    void setAccount(const QString &login, const QString &name, const QList<accounts::Role> &roles);
    QString login() const;
    QString displayName() const;
    QList<accounts::Role> roles() const;

    QLineEdit *loginEdit() const { return m_login; }
    QLineEdit *nameEdit() const { return m_name; }
    QCheckBox *roleBox(accounts::Role role) const { return m_roles.value(role); }

    void accept() override;

private:
    Mode m_mode;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_name = nullptr;
    QMap<accounts::Role, QCheckBox *> m_roles;
    QLabel *m_error = nullptr;
};

} // namespace ow::ui
