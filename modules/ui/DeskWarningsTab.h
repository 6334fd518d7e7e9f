#pragma once

#include "documents/Document.h"
#include "documents/HallSettings.h"
#include "documents/TableExport.h"
#include "supervision/WarningBoard.h"

#include <QDate>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace ow::ui {

/// The desk's 预警: the hall's warnings by department, the department with the most red first and
/// red before yellow within it, each naming the case, matter, stage, warning, department, clerk by
/// name and since when. A case the workstation holds opens in the case list; a department's 督办单
/// is printed through the print-dialog seam or saved as PDF through the file-dialog seam.
class DeskWarningsTab : public QWidget
{
    Q_OBJECT

public:
    explicit DeskWarningsTab(QWidget *parent = nullptr);

    void setBoard(supervision::WarningBoard board);
    /// The hall's wording of the notice, and who prints it (for the document's footer).
    void setNoticeContext(documents::HallSettings settings, QString clerkName, QDateTime issued);

    const supervision::WarningBoard &board() const { return m_board; }
    QTreeWidget *tree() const { return m_tree; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *printButton() const { return m_print; }
    QPushButton *pdfButton() const { return m_pdf; }
    QPushButton *csvButton() const { return m_csv; }
    QPushButton *xlsxButton() const { return m_xlsx; }

    /// Every warning as one table (department, colour, case, matter, stage, warning, clerk, since, due).
    documents::ExportTable exportTable() const;
    /// The department of the selected row (a department or one of its warnings); empty when none.
    QString selectedDepartment() const;
    /// The case number of the selected warning; empty on a department row.
    QString selectedCase() const;

    /// Prints the selected department's 督办单; false when cancelled or failed (said in the status).
    bool printNotice();
    /// Saves it as PDF where the file dialog says.
    bool saveNoticePdf();
    bool exportTo(bool xlsx);

Q_SIGNALS:
    void openCaseRequested(const QString &caseNumber);

private:
    Result<documents::Document> notice() const;
    void updateButtons();

    supervision::WarningBoard m_board;
    documents::HallSettings m_settings;
    QString m_clerkName;
    QDateTime m_issued;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_pdf = nullptr;
    QPushButton *m_csv = nullptr;
    QPushButton *m_xlsx = nullptr;
};

} // namespace ow::ui
