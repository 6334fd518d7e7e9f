#pragma once

#include "sync/AcceptanceWalks.h"

#include <QDialog>
#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace ow::ui {

/// The acceptance walks (模拟受理) this counter may do for submitted catalogue versions
/// (docs/catalogue-review.md): a list of the changed situations with what changed; the clerk walks
/// one with the submitted version and records it here, without objection or with one. The server
/// calls go through the two functions given, so a test answers them.
class AcceptanceWalksDialog : public QDialog
{
    Q_OBJECT

public:
    using Fetch = std::function<Result<QList<sync::PendingWalk>>()>;
    using Record = std::function<Result<void>(const sync::PendingWalk &, const QString &objection)>;

    AcceptanceWalksDialog(Fetch fetch, Record record, QWidget *parent = nullptr);

    /// Asks the server again for the walks this counter may do.
    void refresh();

private:
    void showSelected();
    void recordSelected(bool withObjection);
    const sync::PendingWalk *selected() const;

    Fetch m_fetch;
    Record m_record;
    QList<sync::PendingWalk> m_walks;
    QTreeWidget *m_list = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    QPlainTextEdit *m_objection = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_done = nullptr;
    QPushButton *m_object = nullptr;
};

} // namespace ow::ui
