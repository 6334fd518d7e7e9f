#pragma once

#include "documents/Document.h"
#include "intake/IntakeSession.h"

#include <QImage>
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace ow::ui {

/// The document the counter just issued, as the applicant will get it: the A4 pages, or the 80 mm
/// receipt, with Print (Ctrl+P; through the print dialog unless the hall prints straight to the
/// default printer), Save as PDF (Ctrl+Shift+S, through the file dialog seam) and the receipt image
/// for the thermal printer (Ctrl+T). Every output is reported so the window can audit it.
class DocumentPreview : public QWidget
{
    Q_OBJECT

public:
    /// Where Print sends the document shown, as the counter's printer routing decides.
    struct PrintDestination
    {
        enum class Kind
        {
            Dialog, ///< the print dialog
            Printer, ///< straight to a printer (empty name: the default printer)
            PdfFolder, ///< a PDF saved into a folder (empty: the user's documents folder)
        };
        Kind kind = Kind::Dialog;
        QString printerName;
        QString folder;
        QString note; ///< why the configured printer could not be used, told with the result
    };
    using PrintRouter = std::function<PrintDestination(const documents::Document &document)>;

    explicit DocumentPreview(QWidget *parent = nullptr);

    /// Shows `document`; `heading` says what was decided.
    void setDocument(const documents::Document &document, const QString &heading);
    const documents::Document &document() const { return m_document; }
    void setPrintWithoutDialog(bool withoutDialog) { m_printWithoutDialog = withoutDialog; }
    /// Lets the counter's printer routing choose where Print goes, per kind of document.
    void setPrintRouter(PrintRouter router) { m_router = std::move(router); }
    bool isShowingReceipt() const { return m_showingReceipt; }
    /// The last receipt image rendered (null before the first).
    const QImage &receiptImage() const { return m_receipt; }
    QString statusText() const;

public Q_SLOTS:
    void print();
    void savePdf();
    /// Renders the thermal receipt, shows it, and hands it on (the printer driver prints it).
    void showReceipt();
    void showSheets();

Q_SIGNALS:
    void output(ow::intake::IntakeSession::Output output);
    void receiptReady(const QImage &receipt);
    void pdfSaved(const QString &path);

private:
    void setPages(const QList<QImage> &pages);
    void setStatus(const QString &text, bool problem);
    PrintDestination destination() const;

    documents::Document m_document;
    QImage m_receipt;
    bool m_printWithoutDialog = false;
    PrintRouter m_router;
    bool m_showingReceipt = false;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_pdf = nullptr;
    QPushButton *m_receiptButton = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_pagesHost = nullptr;
    QVBoxLayout *m_pagesLayout = nullptr;
};

} // namespace ow::ui
