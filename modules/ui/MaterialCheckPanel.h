#pragma once

#include "cases/Case.h"
#include "intake/MaterialCheckList.h"

#include <QDate>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace ow::ui {

class MaterialAttachmentsBox;
class SharedMaterialBox;

/// The right half of the material check: everything the clerk records for one checklist line —
/// status, handling, review points (met or not, with the reason), a note and the attached scans.
/// Changes go straight into the MaterialCheckList it was given; changed() tells the page.
class MaterialCheckPanel : public QWidget
{
    Q_OBJECT

public:
    MaterialCheckPanel(intake::MaterialCheckList *list, QWidget *parent = nullptr);

    /// Edits another list (not owned), showing no line until told.
    void setList(intake::MaterialCheckList *list);
    /// Shows line `index` of the list, or nothing for -1.
    void showLine(int index);
    /// Shows the line again as the list now holds it (after a change the panel did not make).
    void refreshLine() { refresh(); }
    int currentLine() const { return m_index; }
    void setAttachments(const QList<cases::CaseAttachment> &attachments, const QStringList &online = {});
    /// The deadline a waiver starts from (the intake computes it on its clock and calendar).
    void setDefaultSupplementDeadline(const QDate &date) { m_defaultDeadline = date; }

    /// R, M, D: applies the status; W asks for the supplement deadline first.
    void applyStatus(cases::MaterialCheck::Status status);
    /// Ctrl+Enter, or Enter on a received line: received, every point not marked failed is met.
    void receiveAllMet();
    /// Moves the keyboard into the review points (false when the line has none).
    bool focusPoints();
    void importFiles();
    void requestScan();

    QListWidget *pointList() const { return m_points; }
    QDateEdit *deadlineEdit() const { return m_deadline; }
    QComboBox *reasonEditor() const { return m_reason; }
    QLineEdit *noteEdit() const { return m_note; }
    QListWidget *attachmentList() const;
    /// The data-shared material's fetch (F7) and its paper path; hidden for other materials.
    SharedMaterialBox *sharedBox() const { return m_shared; }
    QPushButton *statusButton(cases::MaterialCheck::Status status) const;
    /// Why the last request was refused; empty after one that went through.
    QString message() const;

Q_SIGNALS:
    void changed(int index);
    /// Left or Esc in the points: back to the list of lines.
    void leaveRequested();
    void importRequested(const QString &materialId, const QStringList &filePaths);
    void scanRequested(const QString &materialId);
    void attachmentOpenRequested(const QString &sha256);
    void sharedFetchRequested(const QString &materialId);
    void sharedPaperRequested(const QString &materialId, const QString &reason);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildStatusRow();
    QWidget *buildHandlingRow();
    QWidget *buildReasonRow();
    void refresh();
    void refreshPoints();
    void report(const Result<void> &result);
    void commit(const Result<void> &result);
    void askDeadline();
    void confirmDeadline();
    void cancelDeadline();
    void askFailure();
    void confirmFailure();
    void cancelFailure();
    void toggleCurrentPoint();
    void clearCurrentPoint();
    QString currentPointId() const;
    bool pointKey(int key);

    intake::MaterialCheckList *m_list;
    int m_index = -1;
    bool m_refreshing = false;
    QDate m_defaultDeadline;

    QLabel *m_title = nullptr;
    QLabel *m_meta = nullptr;
    QList<QPushButton *> m_statusButtons;
    QWidget *m_deadlineRow = nullptr;
    QDateEdit *m_deadline = nullptr;
    QLabel *m_deadlineHint = nullptr;
    QCheckBox *m_originalSeen = nullptr;
    QCheckBox *m_copyKept = nullptr;
    QSpinBox *m_copies = nullptr;
    QLabel *m_pointsTitle = nullptr;
    QListWidget *m_points = nullptr;
    QWidget *m_reasonRow = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QComboBox *m_reason = nullptr;
    QLineEdit *m_note = nullptr;
    MaterialAttachmentsBox *m_attachments = nullptr;
    SharedMaterialBox *m_shared = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace ow::ui
