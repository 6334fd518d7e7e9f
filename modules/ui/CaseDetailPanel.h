#pragma once

#include "cases/Case.h"
#include "cases/CaseDeadline.h"
#include "cases/CaseEvent.h"
#include "cases/Supplements.h"
#include "core/Result.h"
#include "documents/Document.h"

#include <QWidget>
#include <functional>

class QFormLayout;
class QFrame;
class QLabel;
class QPushButton;
class QTableWidget;

namespace ow::ui {

/// One case for reading: matter, applicant (masked unless the role may see it; opening it in full
/// goes through a handler that records it in the audit log), the material checks, the deadline with
/// its pauses, what the case awaits (补齐补正), and the event timeline. It changes nothing in the
/// case; its buttons ask for a reprint (补打), the supplement page, the intake draft back, or the
/// applicant's withdrawal (撤回申请).
class CaseDetailPanel : public QWidget
{
    Q_OBJECT

public:
    /// Records that the clerk opened the personal data of a case; a failure keeps it masked.
    using RevealHandler = std::function<Result<void>(const QString &caseNumber)>;

    explicit CaseDetailPanel(QWidget *parent = nullptr);

    void showCase(const cases::Case &c, const QList<cases::CaseEvent> &events,
        const cases::DeadlineStatus &deadline, bool personalDataVisible);
    /// Without a handler personal data cannot be opened from here.
    void setRevealHandler(RevealHandler handler);
    /// How a clerk's staff number is shown (first handler, timeline); the number itself without one.
    using ClerkName = std::function<QString(const QString &login)>;
    void setClerkName(ClerkName clerkName) { m_clerkName = std::move(clerkName); }
    /// What the "show personal data" button does: asks the handler, then shows the data in clear.
    bool revealApplicant();
    /// What may be done with the case shown: the documents it can be given again, the materials it
    /// awaits (listed, overdue ones in red, as of `today`), whether the clerk may record a
    /// supplement and whether an intake draft of it can be resumed. Call after showCase().
    /// `mayWithdraw`: the clerk may record the applicant's withdrawal (撤回申请) and the case may
    /// still be withdrawn.
    void setActions(const QList<documents::DocumentKind> &documents,
        const QList<cases::AwaitedMaterial> &awaited, const QDate &today, bool maySupplement, bool mayResume,
        bool mayWithdraw = false);
    /// The name of a document as the reprint menu lists it.
    static QString documentName(documents::DocumentKind kind);

    const QString &caseNumber() const { return m_case.number; }
    bool isShowingPersonalData() const { return m_personalDataVisible; }
    /// The applicant's name as shown (masked or not), for tests.
    QString shownApplicantName() const;
    QPushButton *revealButton() const { return m_reveal; }
    QPushButton *backButton() const { return m_back; }
    QTableWidget *materialsTable() const { return m_materials; }
    QTableWidget *timelineTable() const { return m_timeline; }
    QPushButton *reprintButton() const { return m_reprint; }
    QPushButton *supplementButton() const { return m_supplement; }
    QPushButton *resumeButton() const { return m_resume; }
    QPushButton *withdrawButton() const { return m_withdraw; }
    /// The awaited materials as listed, "name · by date" (for tests).
    QStringList awaitedTexts() const;

Q_SIGNALS:
    /// The back button or Esc.
    void backRequested();
    /// 补打: the clerk chose a document of the case from the reprint menu.
    void reprintRequested(ow::documents::DocumentKind kind);
    /// The clerk records what the applicant handed in later (补齐补正).
    void supplementRequested();
    /// The case is an intake draft: open it again in the intake.
    void resumeRequested();
    /// 撤回申请: the applicant withdraws the application.
    void withdrawRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showHeader();
    void showApplicant();
    void showDeadline();
    void showMaterials();
    void showTimeline();
    /// The checklist snapshot's name of a material, else its id.
    QString materialName(const QString &materialId) const;

    cases::Case m_case;
    QList<cases::CaseEvent> m_events;
    cases::DeadlineStatus m_deadline;
    bool m_personalDataVisible = false;
    RevealHandler m_revealHandler;
    ClerkName m_clerkName = [](const QString &login) { return login; };

    QPushButton *m_back = nullptr;
    QLabel *m_number = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_matter = nullptr;
    QFormLayout *m_applicant = nullptr;
    QPushButton *m_reveal = nullptr;
    QLabel *m_revealNote = nullptr;
    QLabel *m_deadlineChip = nullptr;
    QFormLayout *m_deadlineRows = nullptr;
    QLabel *m_materialsTitle = nullptr;
    QTableWidget *m_materials = nullptr;
    QTableWidget *m_timeline = nullptr;
    QPushButton *m_reprint = nullptr;
    QPushButton *m_supplement = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_withdraw = nullptr;
    QFrame *m_awaitedCard = nullptr;
    QFormLayout *m_awaitedRows = nullptr;
};

} // namespace ow::ui
