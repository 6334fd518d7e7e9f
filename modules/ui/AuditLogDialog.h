#pragma once

#include "cases/AuditReview.h"
#include "ui/CaseScreenContext.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ow::ui {

/// The supervisor's window on the workstation's audit log: the chain is verified when it opens and
/// a broken row shows in red with the reason; the rows are filtered by period, clerk (by name),
/// kind of action and case number, shown a page of `kPage` at a time (More, or PageDown at the last
/// row, adds the next) with the count of the filter; a period is exported to CSV whole. Opening and
/// exporting are audited.
class AuditLogDialog : public QDialog
{
    Q_OBJECT

public:
    /// Rows read at a time: more than a person reads on screen, few enough to show at once.
    static constexpr int kPage = 2000;

    /// Records the viewing, verifies the chain and shows the last week.
    AuditLogDialog(const CaseScreenContext &context, QWidget *parent = nullptr);

    cases::AuditFilter filter() const;
    QTableWidget *table() const { return m_table; }
    QLabel *chainLabel() const { return m_chain; }
    QDateEdit *fromField() const { return m_from; }
    QDateEdit *toField() const { return m_to; }
    QComboBox *clerkField() const { return m_clerk; }
    QComboBox *kindField() const { return m_kind; }
    QLineEdit *caseField() const { return m_case; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *moreButton() const { return m_more; }
    QLabel *statusLabel() const { return m_status; }

    /// Adds the next page of the filter's rows; false when none is left or it failed.
    bool loadMore();

    /// Asks where to save (FileDialog) and writes the rows of the filter; false when cancelled or
    /// failed (the reason shows in the window).
    bool exportCsv();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void appendRows(const QList<cases::AuditEntry> &rows);
    void showCount();
    void showChain();
    void showError(const QString &message);

    CaseScreenContext m_context;
    cases::AuditReview m_review;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_clerk = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_case = nullptr;
    QLabel *m_chain = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_more = nullptr;
    qint64 m_total = 0; ///< rows of the filter when it was last applied
    bool m_ready = false;
};

} // namespace ow::ui
