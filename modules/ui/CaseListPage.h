#pragma once

#include "ui/CaseScreenContext.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTimer;

namespace ow::ui {

class CaseDetailPanel;
class CaseListModel;

/// Every case of the store for supervision (电子监察) and for the pickup counter's look-ups: a
/// table fetched page by page, filters by state, creation dates, text (as-you-type) and deadline
/// (overdue / due within two working days). Enter opens the case's detail in place; Esc returns.
class CaseListPage : public QWidget
{
    Q_OBJECT

public:
    explicit CaseListPage(const CaseScreenContext &context, QWidget *parent = nullptr);

    CaseListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchField() const { return m_text; }
    QComboBox *stateFilter() const { return m_state; }
    QComboBox *deadlineFilter() const { return m_deadline; }
    QDateEdit *fromFilter() const { return m_from; }
    QDateEdit *toFilter() const { return m_to; }
    CaseDetailPanel *detail() const { return m_detail; }
    bool isShowingDetail() const;

    /// How long typing pauses before the list follows (ms).
    static constexpr int kTypingDelay = 250;

    /// Applies the filters now (also what the typing delay ends in); re-reads the store.
    void refresh();
    /// Opens a case's detail; false (with the reason shown) when the store cannot read it.
    bool openCase(const QString &caseNumber);
    void showList();

Q_SIGNALS:
    /// A case's detail was opened (for the window's title or status bar).
    void caseOpened(const QString &caseNumber);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void openCurrent();
    void updateCount(qint64 total, const QString &error);
    /// Records in the audit log that the logged-in clerk opened the applicant's personal data.
    Result<void> recordReveal(const QString &caseNumber);

    CaseScreenContext m_context;
    CaseListModel *m_model = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_listPage = nullptr;
    QLineEdit *m_text = nullptr;
    QComboBox *m_state = nullptr;
    QComboBox *m_deadline = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
    QTimer *m_typing = nullptr;
    CaseDetailPanel *m_detail = nullptr;
};

} // namespace ow::ui
