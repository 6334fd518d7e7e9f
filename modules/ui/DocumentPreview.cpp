#include "ui/DocumentPreview.h"

#include "documents/DocumentRenderer.h"
#include "ui/FileDialog.h"
#include "ui/PrintDialog.h"

#include <QAction>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QStyle>
#include <QVBoxLayout>

namespace ow::ui {

using documents::DocumentRenderer;

namespace {

/// Sharp enough to read on the counter screen, small enough to render in a blink.
constexpr int kPreviewDpi = 96;

} // namespace

DocumentPreview::DocumentPreview(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("documentPreview"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("pageHeader"));
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(24, 14, 24, 14);
    auto *titles = new QVBoxLayout;
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("pageTitle"));
    m_subtitle = new QLabel(header);
    m_subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    m_subtitle->setWordWrap(true);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    headerLayout->addLayout(titles, 1);

    m_print = new QPushButton(tr("&Print…"), header);
    m_print->setObjectName(QStringLiteral("primaryButton"));
    m_print->setToolTip(tr("Print the document on A4 (Ctrl+P)"));
    m_pdf = new QPushButton(tr("Save as P&DF…"), header);
    m_pdf->setObjectName(QStringLiteral("flatButton"));
    m_pdf->setToolTip(tr("Save the document as a PDF file (Ctrl+Shift+S)"));
    m_receiptButton = new QPushButton(tr("&Receipt printer"), header);
    m_receiptButton->setObjectName(QStringLiteral("flatButton"));
    m_receiptButton->setToolTip(tr("Show the 80 mm receipt and send it to the receipt printer (Ctrl+T); "
                                   "press again for the A4 pages"));
    for (QPushButton *button : {m_print, m_pdf, m_receiptButton}) {
        button->setAutoDefault(true);
        headerLayout->addWidget(button, 0, Qt::AlignVCenter);
    }
    outer->addWidget(header);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("pickupMessage"));
    m_status->setWordWrap(true);
    m_status->hide();
    auto *statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(24, 10, 24, 0);
    statusRow->addWidget(m_status);
    outer->addLayout(statusRow);

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("documentPages"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_pagesHost = new QWidget(m_scroll);
    m_pagesHost->setObjectName(QStringLiteral("casePage"));
    m_pagesLayout = new QVBoxLayout(m_pagesHost);
    m_pagesLayout->setContentsMargins(24, 18, 24, 24);
    m_pagesLayout->setSpacing(18);
    m_scroll->setWidget(m_pagesHost);
    outer->addWidget(m_scroll, 1);

    const auto toggleReceipt = [this] {
        if (m_showingReceipt)
            showSheets();
        else
            showReceipt();
    };
    connect(m_print, &QPushButton::clicked, this, &DocumentPreview::print);
    connect(m_pdf, &QPushButton::clicked, this, &DocumentPreview::savePdf);
    connect(m_receiptButton, &QPushButton::clicked, this, toggleReceipt);
    // Actions rather than button shortcuts: a button's shortcut clicks it a moment later (animated)
    // and its mnemonic replaces the shortcut whenever its text changes.
    const auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut(QKeySequence::Print, &DocumentPreview::print);
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), &DocumentPreview::savePdf);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_T), toggleReceipt);
}

void DocumentPreview::setDocument(const documents::Document &document, const QString &heading)
{
    m_document = document;
    m_receipt = QImage();
    m_title->setText(heading);
    m_subtitle->setText(
        tr("%1 · case number %2 · Ctrl+N starts the next case")
            .arg(document.title, document.caseNumber.isEmpty() ? tr("none yet") : document.caseNumber));
    m_status->hide();
    showSheets();
    m_print->setFocus(Qt::OtherFocusReason);
}

void DocumentPreview::showSheets()
{
    m_showingReceipt = false;
    m_receiptButton->setText(tr("&Receipt printer"));
    QList<QImage> pages;
    Result<int> count = DocumentRenderer::pageCount(m_document);
    if (!count) {
        setStatus(count.error().message(), true);
        setPages({});
        return;
    }
    for (int i = 0; i < *count; ++i) {
        Result<QImage> page = DocumentRenderer::pageImage(m_document, i, kPreviewDpi);
        if (!page) {
            setStatus(page.error().message(), true);
            break;
        }
        pages.append(*page);
    }
    setPages(pages);
}

void DocumentPreview::showReceipt()
{
    Result<QImage> receipt = DocumentRenderer::receipt(m_document);
    if (!receipt) {
        setStatus(receipt.error().message(), true);
        return;
    }
    m_receipt = *receipt;
    m_showingReceipt = true;
    m_receiptButton->setText(tr("A&4 pages"));
    // The mono raster shown at its printed width: 576 dots at 203 dpi are 80 mm on paper.
    setPages({m_receipt.convertToFormat(QImage::Format_RGB32)});
    setStatus(tr("The 80 mm receipt (%1 × %2 dots) is ready for the receipt printer.")
                  .arg(m_receipt.width())
                  .arg(m_receipt.height()),
        false);
    Q_EMIT output(intake::IntakeSession::Output::Receipt);
    Q_EMIT receiptReady(m_receipt);
}

void DocumentPreview::setPages(const QList<QImage> &pages)
{
    while (QLayoutItem *item = m_pagesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const QImage &image : pages) {
        auto *page = new QLabel(m_pagesHost);
        page->setObjectName(QStringLiteral("documentSheet"));
        page->setPixmap(QPixmap::fromImage(image));
        // A sheet on the desk: white paper with a thin edge on the grey background.
        page->setStyleSheet(QStringLiteral("background: #ffffff; border: 1px solid #c9d1da;"));
        page->setFixedSize(image.size() + QSize(2, 2));
        m_pagesLayout->addWidget(page, 0, Qt::AlignHCenter);
    }
    m_pagesLayout->addStretch();
}

void DocumentPreview::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setProperty("tone", problem ? QStringLiteral("danger") : QStringLiteral("success"));
    m_status->style()->unpolish(m_status);
    m_status->style()->polish(m_status);
    m_status->setVisible(!text.isEmpty());
}

QString DocumentPreview::statusText() const
{
    return m_status->isVisible() ? m_status->text() : QString();
}

DocumentPreview::PrintDestination DocumentPreview::destination() const
{
    PrintDestination destination;
    if (m_router)
        destination = m_router(m_document);
    if (destination.kind == PrintDestination::Kind::Dialog && m_printWithoutDialog)
        destination.kind = PrintDestination::Kind::Printer;
    return destination;
}

void DocumentPreview::print()
{
    const PrintDestination where = destination();
    const QString note = where.note.isEmpty() ? QString() : QLatin1Char(' ') + where.note;
    if (where.kind == PrintDestination::Kind::PdfFolder) {
        const QString folder = where.folder.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
            : where.folder;
        Result<QString> written = DocumentRenderer::writePdfInto(m_document, folder);
        if (!written) {
            setStatus(written.error().message(), true);
            return;
        }
        const QString path = *written;
        setStatus(tr("No printer for this document: saved as %1.").arg(QDir::toNativeSeparators(path)) + note,
            false);
        Q_EMIT output(intake::IntakeSession::Output::Pdf);
        Q_EMIT pdfSaved(path);
        return;
    }
    QString printerName = where.printerName;
    if (where.kind == PrintDestination::Kind::Dialog) {
        QPrinter printer(QPrinter::HighResolution);
        printer.setDocName(m_document.title);
        if (!PrintDialog::ask(this, printer, tr("Print %1").arg(m_document.title)))
            return;
        printerName = printer.printerName();
    }
    Result<void> printed = DocumentRenderer::print(m_document, printerName);
    if (!printed) {
        setStatus(printed.error().message(), true);
        return;
    }
    setStatus(tr("Sent to the printer.") + note, false);
    Q_EMIT output(intake::IntakeSession::Output::Printed);
}

void DocumentPreview::savePdf()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = FileDialog::getSaveFileName(this, tr("Save the document as PDF"),
        QDir(folder).filePath(DocumentRenderer::pdfFileName(m_document)), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    Result<void> written = DocumentRenderer::writePdf(m_document, path);
    if (!written) {
        setStatus(written.error().message(), true);
        return;
    }
    setStatus(tr("Saved as %1.").arg(QDir::toNativeSeparators(path)), false);
    Q_EMIT output(intake::IntakeSession::Output::Pdf);
    Q_EMIT pdfSaved(path);
}

} // namespace ow::ui
