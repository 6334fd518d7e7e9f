#pragma once

#include "sync/SyncSettings.h"

#include <QDialog>
#include <QJsonArray>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace ow::editorui {

/// 我的提交: the signed-in editor's latest submissions with their state, and for the one chosen its
/// review items with the reviewers' grades and comments (中 and 低 stand out). A submission not yet
/// published or returned can be withdrawn from here, after a confirmation.
class SubmissionsDialog : public QDialog
{
    Q_OBJECT

public:
    SubmissionsDialog(QWidget *parent, const sync::SyncSettings &server, const QString &staffNumber);

    /// Reads the list from the server again; false (with the reason shown) when it could not.
    bool reload();
    const QJsonArray &submissions() const { return m_submissions; }
    QTreeWidget *list() const { return m_list; }
    QTreeWidget *items() const { return m_items; }

Q_SIGNALS:
    /// The submissions as last read, for the tree's marks of the items returned with comments.
    void loaded(const QJsonArray &submissions);

private:
    void showChosen();
    void withdrawChosen();

    sync::SyncSettings m_server;
    QString m_staffNumber;
    QJsonArray m_submissions;
    QTreeWidget *m_list = nullptr;
    QTreeWidget *m_items = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_withdraw = nullptr;
};

} // namespace ow::editorui
