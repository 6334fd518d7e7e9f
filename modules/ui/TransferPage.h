#pragma once

#include "cases/TransferDesk.h"
#include "cases/TransferList.h"
#include "documents/Document.h"
#include "documents/DocumentContext.h"
#include "ui/CaseScreenContext.h"

#include <QWidget>
#include <optional>

class QKeyEvent;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedLayout;
class QTableWidget;

namespace ow::ui {

class DocumentPreview;

/// 材料交接 (guide 三(四)1) at the workstation. A counter clerk sees the paper waiting per
/// department, makes the transfer list of the current handover slot and prints it with the folder
/// labels; a department's receiver scans the list's QR code, then each folder's label (a
/// keyboard-wedge scanner types the code and Enter; it may be typed by hand), sees every folder
/// received, missing or extra, and confirms: the folders received become transferred, a missing or
/// extra one is flagged. The supervisor sees the lists left unconfirmed after their day, in red.
/// Everything goes through TransferDesk into the case store, so it works offline and syncs.
class TransferPage : public QWidget
{
    Q_OBJECT

public:
    /// `context.store` must be open.
    explicit TransferPage(const CaseScreenContext &context, QWidget *parent = nullptr);

    /// Re-reads the departments waiting, the day's lists and the overdue ones.
    void refresh();
    /// Shows the list a department's waiting paper would go on now; false when nothing waits.
    bool selectDepartment(const QString &departmentId);
    /// Puts the shown department's waiting paper on the slot's list and opens the list to print.
    bool makeList();
    /// Opens the shown list, or its folder labels, in the document preview.
    bool showListDocument();
    bool showLabels();
    /// What the scanner typed or the clerk entered: a list's QR code opens it for the check, a
    /// folder label is checked against the list open. False when refused (reason in message()).
    bool scan(const QString &text);
    /// Records the check of the list open; false with the reason shown.
    bool confirm();

    /// The list shown (made, found or prepared), if any.
    const std::optional<cases::TransferList> &currentList() const { return m_list; }
    /// The receiver's check of the open list, if one is open for it.
    const std::optional<cases::TransferCheck> &check() const { return m_check; }
    QString message() const;

    QLineEdit *scanField() const { return m_scan; }
    QListWidget *waitingList() const { return m_waiting; }
    QListWidget *dayLists() const { return m_day; }
    /// The lists not confirmed after their day (supervisor and administrator only; else null).
    QListWidget *overdueLists() const { return m_overdue; }
    QTableWidget *folderTable() const { return m_folders; }
    QPushButton *makeButton() const { return m_make; }
    QPushButton *confirmButton() const { return m_confirm; }
    DocumentPreview *documentPreview() const { return m_preview; }
    bool isShowingDocument() const;
    void showDesk();

    /// The folder table's status column.
    static constexpr int kStatusColumn = 5;

Q_SIGNALS:
    /// Events were recorded on the case (listed, transferred, flagged): the sync should push them.
    void caseChanged(const QString &caseNumber);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    enum class Tone
    {
        Neutral,
        Success,
        Danger
    };

    void showMessage(const QString &text, Tone tone);
    void showList();
    void updateActions();
    bool openList(const QString &idOrScan);
    void showDocument(const Result<documents::Document> &document, const QString &heading);
    documents::DocumentContext documentContext() const;
    QString listLine(const cases::TransferList &list) const;

    CaseScreenContext m_context;
    cases::TransferDesk m_desk;
    std::optional<cases::TransferList> m_list;
    bool m_prepared = false; ///< the list shown is what would go on it, not yet recorded
    std::optional<cases::TransferCheck> m_check;

    QLineEdit *m_scan = nullptr;
    QLabel *m_message = nullptr;
    QListWidget *m_waiting = nullptr;
    QListWidget *m_day = nullptr;
    QListWidget *m_overdue = nullptr;
    QLabel *m_listTitle = nullptr;
    QLabel *m_listFacts = nullptr;
    QTableWidget *m_folders = nullptr;
    QPushButton *m_make = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_labels = nullptr;
    QPushButton *m_confirm = nullptr;
    QStackedLayout *m_pages = nullptr;
    QWidget *m_deskPage = nullptr;
    QWidget *m_documentPage = nullptr;
    DocumentPreview *m_preview = nullptr;
};

} // namespace ow::ui
