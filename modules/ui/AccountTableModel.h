#pragma once

#include "accounts/Account.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace ow::ui {

/// The hall's clerks as rows for the accounts dialog: staff number, name, translated roles and a
/// state (enabled, disabled, locked until a time, must change the password). Holds a copy of the
/// accounts the dialog read from AccountStore; it never changes them.
class AccountTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StaffNumber,
        Name,
        Roles,
        State,
        ColumnCount
    };
    /// The row's staff number (login), for the dialog's actions.
    static constexpr int LoginRole = Qt::UserRole + 1;

    explicit AccountTableModel(QObject *parent = nullptr);

    /// Replaces the rows; `now` decides whether a lockout still holds.
    void setAccounts(const QList<accounts::Account> &accounts, const QDateTime &now);
    /// The account of a row of this model, or null.
    const accounts::Account *accountAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The roles' translated names joined, in the order lists show them.
    static QString roleNames(const QList<accounts::Role> &roles);
    /// The account's state as the administrator reads it.
    static QString stateText(const accounts::Account &account, const QDateTime &now);

private:
    QList<accounts::Account> m_accounts;
    QDateTime m_now;
};

} // namespace ow::ui
