#pragma once

#include "cases/Case.h"
#include "cases/CaseDeadline.h"
#include "cases/CaseEvent.h"
#include "core/Result.h"

#include <QWidget>
#include <functional>

class QFormLayout;
class QLabel;
class QPushButton;
class QTableWidget;

namespace ow::ui {

/// One case for reading: matter, applicant (masked unless the role may see it; opening it in full
/// goes through a handler that records it in the audit log), the material checks, the deadline with
/// its pauses, and the event timeline. It changes nothing in the case.
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
    /// What the "show personal data" button does: asks the handler, then shows the data in clear.
    bool revealApplicant();

    const QString &caseNumber() const { return m_case.number; }
    bool isShowingPersonalData() const { return m_personalDataVisible; }
    /// The applicant's name as shown (masked or not), for tests.
    QString shownApplicantName() const;
    QPushButton *revealButton() const { return m_reveal; }
    QPushButton *backButton() const { return m_back; }
    QTableWidget *materialsTable() const { return m_materials; }
    QTableWidget *timelineTable() const { return m_timeline; }

Q_SIGNALS:
    /// The back button or Esc.
    void backRequested();

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
};

} // namespace ow::ui
