#pragma once

#include "documents/Document.h"
#include "intake/IntakeSession.h"
#include "ui/CaseScreenContext.h"

#include <QWidget>
#include <functional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTimer;

namespace ow::ui {

class CaseAttentionPanel;
class CaseDetailPanel;
class CaseListModel;
class DocumentPreview;
class SupplementPage;

/// Every case of the store for supervision (电子监察), for the pickup counter's look-ups and for the
/// intake clerk's own work: a table fetched page by page, filters by scope (the clerk's own cases
/// and drafts, or the hall's), state, creation dates, text (as-you-type) and deadline (overdue /
/// due within two working days). Above it the intake drafts (继续办理, 放弃) and the cases awaiting
/// materials (补齐补正), overdue ones in red. Enter opens the case's detail in place, where a
/// document is printed again (补打) and a supplement recorded; Esc returns.
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
    /// Mine or the hall's; null for roles that take no cases in (they see the hall's).
    QComboBox *scopeFilter() const { return m_scope; }
    CaseDetailPanel *detail() const { return m_detail; }
    CaseAttentionPanel *attention() const { return m_attention; }
    SupplementPage *supplementPage() const { return m_supplement; }
    DocumentPreview *documentPreview() const { return m_preview; }
    bool isShowingDetail() const;
    bool isShowingSupplement() const;
    bool isShowingDocument() const;
    /// The last sentence about what the page did or refused (also shown at its foot).
    QString message() const;

    /// Resumes an intake draft in the window's intake; discards one (the window closes the intake
    /// first when it is the one open). Whether it went through.
    using DraftAction = std::function<bool(qint64 draftId)>;
    /// Without a resume action drafts cannot be resumed from here; without a discard action the
    /// page discards through the store.
    void setDraftActions(DraftAction resume, DraftAction discard);

    /// How long typing pauses before the list follows (ms).
    static constexpr int kTypingDelay = 250;

    /// Applies the filters now (also what the typing delay ends in); re-reads the store.
    void refresh();
    /// Opens a case's detail; false (with the reason shown) when the store cannot read it.
    bool openCase(const QString &caseNumber);
    void showList();
    /// 补打 from the detail: the document made again, marked, shown with Print (Ctrl+P).
    bool reprint(documents::DocumentKind kind);
    /// The supplement page of the case shown in the detail.
    bool openSupplement();
    /// 撤回申请 on the case shown in the detail: asks the reason and who asked (WithdrawalDialog),
    /// then records the withdrawn event; false when the clerk cancels or the store refuses it.
    bool withdraw();
    /// Asks (ConfirmDialog), then discards the draft and the scans only it holds.
    bool discardDraft(qint64 draftId);
    bool resumeDraft(qint64 draftId);

Q_SIGNALS:
    /// A case's detail was opened (for the window's title or status bar).
    void caseOpened(const QString &caseNumber);
    /// Something was recorded on a case here (a supplement): the sync has an event to send.
    void caseChanged(const QString &caseNumber);
    /// The document camera is wanted for a material of the supplement.
    void scanRequested(const QString &materialId, const QString &materialName);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void openCurrent();
    void refreshAttention();
    void showDocument(const documents::Document &document, const QString &heading, bool reprint);
    void say(const QString &text, bool problem);
    void updateCount(qint64 total, const QString &error);
    /// Records in the audit log that the logged-in clerk opened the applicant's personal data.
    Result<void> recordReveal(const QString &caseNumber);

    CaseScreenContext m_context;
    DraftAction m_resumeDraft;
    DraftAction m_discardDraft;
    bool m_previewIsReprint = false;
    CaseListModel *m_model = nullptr;
    QComboBox *m_scope = nullptr;
    CaseAttentionPanel *m_attention = nullptr;
    SupplementPage *m_supplement = nullptr;
    QWidget *m_documentPage = nullptr;
    DocumentPreview *m_preview = nullptr;
    QLabel *m_status = nullptr;
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
