#pragma once

#include "cases/PickupDesk.h"
#include "cases/ResultDocuments.h"

#include <QFrame>
#include <optional>

class QLabel;
class QListWidget;
class QPushButton;

namespace ow::ui {

/// The pickup counter's list of a case's result documents (the licence or 批文 a department sent
/// with its decision): name, size, department, when received, and whether it is here, still being
/// downloaded (下载中) or refused with the reason. Print (Ctrl+P) renders the selected document onto
/// the printer chosen in the print dialog (documents::ResultDocumentPrinter); View (Ctrl+O) opens a
/// copy in the system's PDF viewer. Both are recorded in the audit log by the pickup desk. Hidden for
/// a case without documents.
class ResultDocumentsBox : public QFrame
{
    Q_OBJECT

public:
    ResultDocumentsBox(const cases::PickupDesk &desk, const cases::AttachmentStore &files,
        bool printWithoutDialog, QWidget *parent = nullptr);

    /// Lists the documents of `c` (nothing, and hidden, without a case); false with the reason
    /// reported when they cannot be read.
    bool showCase(const cases::Case *c);
    const QList<cases::ResultDocument> &documents() const { return m_documents; }
    /// The selected document, or the first one received when none is selected.
    std::optional<cases::ResultDocument> chosen() const;
    /// How one document is listed (its line as the clerk reads it).
    QString lineFor(const cases::ResultDocument &document) const;

    /// Prints the chosen document after the print dialog; false with the reason reported.
    bool print();
    /// Opens a copy of the chosen document with the system's viewer; false with the reason reported.
    bool view();

    QListWidget *list() const { return m_list; }
    QPushButton *printButton() const { return m_print; }
    QPushButton *viewButton() const { return m_view; }

Q_SIGNALS:
    /// What printing or viewing did, for the page's message line.
    void reported(const QString &text, bool ok);

private:
    void updateButtons();
    /// The chosen document when it can be printed or viewed; the reason reported otherwise.
    std::optional<cases::ResultDocument> usable();

    const cases::PickupDesk &m_desk;
    const cases::AttachmentStore &m_files;
    bool m_printWithoutDialog = false;
    QList<cases::ResultDocument> m_documents;
    QString m_department;
    QLabel *m_title = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_view = nullptr;
};

} // namespace ow::ui
