#pragma once

#include "cases/DraftStore.h"
#include "cases/SupplementWatch.h"

#include <QDate>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ow::ui {

/// Above the case list, what needs the clerk: the intake drafts left open (继续办理 or 放弃) and
/// the cases awaiting materials (补齐补正), overdue ones in red. Each half hides when empty. Enter on
/// a draft resumes it, Delete discards it; Enter on a supplement opens the case.
class CaseAttentionPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CaseAttentionPanel(QWidget *parent = nullptr);

    /// Shows the drafts (only `clerk`'s can be resumed or discarded here) and the supplements.
    void setItems(const QList<cases::DraftSummary> &drafts, const QList<cases::PendingSupplement> &pending,
        const QDate &today, const QString &clerk);

    QTableWidget *draftTable() const { return m_drafts; }
    QTableWidget *supplementTable() const { return m_supplements; }
    QPushButton *resumeButton() const { return m_resume; }
    QPushButton *discardButton() const { return m_discard; }
    /// The draft selected (0 when none).
    qint64 currentDraft() const;
    /// Selects the draft with this id, if listed.
    bool selectDraft(qint64 id);

Q_SIGNALS:
    void resumeRequested(qint64 draftId);
    void discardRequested(qint64 draftId);
    void caseRequested(const QString &caseNumber);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateButtons();
    void openCurrentSupplement();

    QList<cases::DraftSummary> m_draftRows;
    QString m_clerk;
    QWidget *m_draftBox = nullptr;
    QWidget *m_supplementBox = nullptr;
    QLabel *m_draftTitle = nullptr;
    QLabel *m_supplementTitle = nullptr;
    QTableWidget *m_drafts = nullptr;
    QTableWidget *m_supplements = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_discard = nullptr;
};

} // namespace ow::ui
