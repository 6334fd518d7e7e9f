#pragma once

#include "catalogue/Catalogue.h"
#include "sync/AcceptanceWalks.h"

#include <QDialog>
#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace ow::ui {

/// The acceptance walks (模拟受理) this counter may do for submitted catalogue versions
/// (docs/catalogue-review.md): a list of the changed situations of matters and bundles with what
/// changed; Enter (Walk…) opens the submitted version and walks the situation in the counter's
/// interview (AcceptanceWalkInterview), which records it without objection or with one. The server
/// calls go through the functions given, so a test answers them.
class AcceptanceWalksDialog : public QDialog
{
    Q_OBJECT

public:
    using Fetch = std::function<Result<QList<sync::PendingWalk>>()>;
    /// The submitted version a walk is walked on, downloaded and checked.
    using Open = std::function<Result<catalogue::CataloguePtr>(const sync::PendingWalk &)>;
    using Record = std::function<Result<void>(
        const sync::PendingWalk &, const QString &objection, const QString &answers)>;

    AcceptanceWalksDialog(Fetch fetch, Open open, Record record, QWidget *parent = nullptr);

    /// Asks the server again for the walks this counter may do.
    void refresh();
    /// Walks the selected situation on its submitted version; records what the walk ended with.
    void walkSelected();

Q_SIGNALS:
    /// The walk's interview is open (a test answers it, the screenshot is taken of it).
    void walkOpened(QDialog *interview);

private:
    void showSelected();
    const sync::PendingWalk *selected() const;

    Fetch m_fetch;
    Open m_open;
    Record m_record;
    QList<sync::PendingWalk> m_walks;
    QTreeWidget *m_list = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_walk = nullptr;
};

} // namespace ow::ui
