#include "ui/AccountTableModel.h"

#include "ui/Theme.h"

#include <QBrush>
#include <QStringList>

namespace ow::ui {

AccountTableModel::AccountTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AccountTableModel::setAccounts(const QList<accounts::Account> &accounts, const QDateTime &now)
{
    beginResetModel();
    m_accounts = accounts;
    m_now = now;
    endResetModel();
}

const accounts::Account *AccountTableModel::accountAt(int row) const
{
    return row >= 0 && row < m_accounts.size() ? &m_accounts.at(row) : nullptr;
}

int AccountTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int AccountTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AccountTableModel::roleNames(const QList<accounts::Role> &roles)
{
    QStringList names;
    for (accounts::Role role : accounts::allRoles())
        if (roles.contains(role))
            names.append(accounts::roleLabel(role));
    return names.join(tr(", "));
}

QString AccountTableModel::stateText(const accounts::Account &account, const QDateTime &now)
{
    if (!account.active)
        return tr("Disabled");
    if (account.lockedUntil.isValid() && account.lockedUntil > now)
        return tr("Locked until %1").arg(account.lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm")));
    if (account.mustChangePassword)
        return tr("Enabled, must change password");
    return tr("Enabled");
}

QVariant AccountTableModel::data(const QModelIndex &index, int role) const
{
    const accounts::Account *account = index.isValid() ? accountAt(index.row()) : nullptr;
    if (!account)
        return {};
    if (role == LoginRole)
        return account->login;
    if (role == Qt::ForegroundRole && index.column() == State) {
        if (!account->active)
            return QBrush(Theme::secondaryText());
        if (account->lockedUntil.isValid() && account->lockedUntil > m_now)
            return QBrush(Theme::danger());
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case StaffNumber:
        return account->login;
    case Name:
        return account->displayName;
    case Roles:
        return roleNames(account->roles);
    case State:
        return stateText(*account, m_now);
    default:
        return {};
    }
}

QVariant AccountTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StaffNumber:
        return tr("Staff number");
    case Name:
        return tr("Name");
    case Roles:
        return tr("Roles");
    case State:
        return tr("State");
    default:
        return {};
    }
}

} // namespace ow::ui
