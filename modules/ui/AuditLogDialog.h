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
/// kind of action and case number; a period is exported to CSV. Opening and exporting are audited.
class AuditLogDialog : public QDialog
{
    Q_OBJECT

public:
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

    /// Asks where to save (FileDialog) and writes the rows of the filter; false when cancelled or
    /// failed (the reason shows in the window).
    bool exportCsv();

private:
    void refresh();
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
    bool m_ready = false;
};

} // namespace ow::ui
