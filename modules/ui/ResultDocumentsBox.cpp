#include "ui/ResultDocumentsBox.h"

#include "documents/ResultDocumentPrinter.h"
#include "ui/PrintDialog.h"
#include "ui/Theme.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPrinter>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace ow::ui {

using cases::ResultDocument;

ResultDocumentsBox::ResultDocumentsBox(const cases::PickupDesk &desk, const cases::AttachmentStore &files,
    bool printWithoutDialog, QWidget *parent)
    : QFrame(parent)
    , m_desk(desk)
    , m_files(files)
    , m_printWithoutDialog(printWithoutDialog)
{
    setObjectName(QStringLiteral("card"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 14);
    layout->setSpacing(8);
    m_title = new QLabel(tr("Result documents"), this);
    m_title->setObjectName(QStringLiteral("cardTitle"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("resultDocumentList"));
    m_list->setWordWrap(true);
    m_list->setAccessibleName(tr("Result documents"));
    m_print = new QPushButton(tr("Print result document"), this);
    m_print->setObjectName(QStringLiteral("primaryButton"));
    m_print->setToolTip(tr("Print the department's document on the counter's printer (Ctrl+P)"));
    m_view = new QPushButton(tr("View"), this);
    m_view->setToolTip(tr("Open the document in the PDF viewer (Ctrl+O)"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_view);
    buttons->addWidget(m_print);
    layout->addWidget(m_title);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_print, &QPushButton::clicked, this, &ResultDocumentsBox::print);
    connect(m_view, &QPushButton::clicked, this, &ResultDocumentsBox::view);
    connect(m_list, &QListWidget::currentRowChanged, this, &ResultDocumentsBox::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this, &ResultDocumentsBox::view);
    // Actions rather than button shortcuts: active only while the box is shown, so the slip's
    // preview keeps Ctrl+P for itself.
    const auto shortcut = [this](const QKeySequence &keys, bool (ResultDocumentsBox::*slot)()) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut(QKeySequence::Print, &ResultDocumentsBox::print);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_O), &ResultDocumentsBox::view);
    hide();
}

QString ResultDocumentsBox::lineFor(const ResultDocument &d) const
{
    const QLocale locale;
    QString state;
    switch (d.state) {
    case ResultDocument::State::Fetched:
        state = tr("received");
        break;
    case ResultDocument::State::Waiting:
        state = tr("downloading");
        break;
    case ResultDocument::State::Failed:
        state = tr("not received: %1").arg(d.message);
        break;
    }
    return tr("%1\n%2 · %3 · %4 · %5")
        .arg(d.name, locale.formattedDataSize(d.size, 1, QLocale::DataSizeTraditionalFormat), m_department,
            locale.toString(d.received.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")), state);
}

bool ResultDocumentsBox::showCase(const cases::Case *c)
{
    const QString selected
        = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
    m_documents.clear();
    m_list->clear();
    bool read = true;
    if (c) {
        Result<QList<ResultDocument>> documents = m_desk.documents(c->number);
        if (documents) {
            m_documents = *documents;
        } else {
            read = false;
            Q_EMIT reported(documents.error().message(), false);
        }
        m_department = c->departmentName;
    }
    int current = -1;
    for (const ResultDocument &d : std::as_const(m_documents)) {
        auto *item = new QListWidgetItem(lineFor(d), m_list);
        item->setData(Qt::UserRole, d.sha256);
        item->setToolTip(d.state == ResultDocument::State::Fetched ? d.name : d.message);
        if (d.state == ResultDocument::State::Failed)
            item->setForeground(Theme::danger());
        if (d.sha256 == selected || (current < 0 && d.isAvailable()))
            current = m_list->count() - 1;
    }
    m_title->setText(tr("Result documents (%1)").arg(m_documents.size()));
    m_list->setCurrentRow(current < 0 ? 0 : current);
    setVisible(!m_documents.isEmpty());
    updateButtons();
    return read;
}

std::optional<ResultDocument> ResultDocumentsBox::chosen() const
{
    const int row = m_list->currentRow();
    if (row >= 0 && row < m_documents.size())
        return m_documents.at(row);
    for (const ResultDocument &d : m_documents)
        if (d.isAvailable())
            return d;
    return std::nullopt;
}

void ResultDocumentsBox::updateButtons()
{
    const std::optional<ResultDocument> document = chosen();
    const bool available = document && document->isAvailable();
    m_print->setEnabled(available);
    m_view->setEnabled(available);
}

std::optional<ResultDocument> ResultDocumentsBox::usable()
{
    if (!isVisible())
        return std::nullopt;
    const std::optional<ResultDocument> document = chosen();
    if (!document)
        return std::nullopt;
    // The key does not do nothing: a document still on its way is said to be.
    if (!document->isAvailable()) {
        Q_EMIT reported(document->state == ResultDocument::State::Failed
                ? tr("“%1” was not received: %2").arg(document->name, document->message)
                : tr("“%1” is still being downloaded from the server; it comes with the next sync.")
                      .arg(document->name),
            false);
        return std::nullopt;
    }
    return document;
}

bool ResultDocumentsBox::print()
{
    const std::optional<ResultDocument> document = usable();
    if (!document)
        return false;
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(document->name);
    if (!m_printWithoutDialog && !PrintDialog::ask(this, printer, tr("Print %1").arg(document->name)))
        return false;
    const Result<int> pages = documents::ResultDocumentPrinter(m_files).print(*document, printer);
    if (!pages) {
        Q_EMIT reported(pages.error().message(), false);
        return false;
    }
    if (const Result<void> audited = m_desk.recordDocumentOutput(*document, true, *pages); !audited) {
        Q_EMIT reported(audited.error().message(), false);
        return false;
    }
    const int count = *pages;
    Q_EMIT reported(tr("Printed “%1”: %n page(s).", nullptr, count).arg(document->name), true);
    return true;
}

bool ResultDocumentsBox::view()
{
    const std::optional<ResultDocument> document = usable();
    if (!document)
        return false;
    // Beside the attachment store, in the workstation's data folder: the viewer needs a file named
    // .pdf, and only the document being looked at is kept there.
    const QString folder = QFileInfo(m_files.root()).dir().filePath(QStringLiteral("viewing"));
    const Result<QString> copy = documents::ResultDocumentPrinter(m_files).viewableCopy(*document, folder);
    if (!copy) {
        Q_EMIT reported(copy.error().message(), false);
        return false;
    }
    if (const Result<void> audited = m_desk.recordDocumentOutput(*document, false); !audited) {
        Q_EMIT reported(audited.error().message(), false);
        return false;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(*copy))) {
        Q_EMIT reported(tr("No PDF viewer could open %1.").arg(QDir::toNativeSeparators(*copy)), false);
        return false;
    }
    Q_EMIT reported(tr("“%1” opened in the PDF viewer.").arg(document->name), true);
    return true;
}

} // namespace ow::ui
