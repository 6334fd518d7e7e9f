#include "ui/ScanFailuresDialog.h"

#include "cases/CaseStore.h"
#include "ui/ConfirmDialog.h"
#include "ui/Theme.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ow::ui {

ScanFailuresDialog::ScanFailuresDialog(const cases::CaseStore &store, Clock clock, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_clock(std::move(clock))
    , m_intro(new QLabel(this))
    , m_table(new QTableWidget(0, 3, this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Scans that cannot be read"));
    auto *layout = new QVBoxLayout(this);
    m_intro->setWordWrap(true);
    m_intro->setText(tr("These scans cannot be read from this computer's disk, so the cases citing them "
                        "wait while everything else is sent. Scan the material again and choose "
                        "<b>Read again</b>, or <b>Give up</b> the scan to send the case without it."));
    layout->addWidget(m_intro);
    m_table->setHorizontalHeaderLabels({tr("Case number"), tr("Material"), tr("Reason")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::danger().name()));
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(this);
    m_retry = buttons->addButton(tr("&Read again"), QDialogButtonBox::ActionRole);
    m_retry->setToolTip(tr("The material was scanned again: read the scan afresh at the next sync"));
    m_discard = buttons->addButton(tr("&Give up"), QDialogButtonBox::ActionRole);
    m_discard->setToolTip(tr("Send the case without this scan"));
    buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_retry, &QPushButton::clicked, this, &ScanFailuresDialog::retrySelected);
    connect(m_discard, &QPushButton::clicked, this, &ScanFailuresDialog::discardSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ScanFailuresDialog::updateButtons);
    resize(760, 360);
    reload();
}

int ScanFailuresDialog::lineCount() const
{
    return m_table->rowCount();
}

void ScanFailuresDialog::selectLine(int row)
{
    m_table->selectRow(row);
}

void ScanFailuresDialog::reload()
{
    Result<QList<cases::ScanFailureLine>> lines = cases::ScanFailureList::open(m_store);
    m_lines = lines ? *lines : QList<cases::ScanFailureLine>();
    if (!lines)
        showError(lines.error().message());
    m_table->setRowCount(int(m_lines.size()));
    for (int row = 0; row < m_lines.size(); ++row) {
        const cases::ScanFailureLine &line = m_lines.at(row);
        const QStringList cells {line.caseNumber.isEmpty() ? tr("(no case)") : line.caseNumber,
            line.materialName.isEmpty() ? tr("(unnamed scan)") : line.materialName, line.reason};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column)); // a long reason is cut off in its cell
            m_table->setItem(row, column, item);
        }
    }
    if (!m_lines.isEmpty())
        m_table->selectRow(0);
    updateButtons();
}

void ScanFailuresDialog::updateButtons()
{
    const bool selected = !selectedScan().isEmpty();
    m_retry->setEnabled(selected);
    m_discard->setEnabled(selected);
}

QString ScanFailuresDialog::selectedScan() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_lines.size() || m_table->selectedItems().isEmpty())
        return QString();
    return m_lines.at(row).sha256;
}

void ScanFailuresDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ScanFailuresDialog::retrySelected()
{
    const QString scan = selectedScan();
    if (scan.isEmpty())
        return;
    Result<bool> done = cases::ScanFailureList::retry(m_store, scan);
    if (!done) {
        showError(done.error().message());
        return;
    }
    showError(QString());
    reload();
    Q_EMIT decided();
}

void ScanFailuresDialog::discardSelected()
{
    const QString scan = selectedScan();
    if (scan.isEmpty())
        return;
    const cases::ScanFailureLine &line = m_lines.at(m_table->currentRow());
    const ConfirmDialog::Choice choice = ConfirmDialog::ask(this, tr("Give up the scan"),
        tr("Send case %1 without this scan?").arg(line.caseNumber),
        tr("<p>The scan of <b>%1</b> is no longer kept with the case on the server. Do this only when "
           "the material cannot be scanned again; it cannot be undone here.</p>")
            .arg(line.materialName.toHtmlEscaped()),
        tr("Give up the scan"));
    if (choice != ConfirmDialog::Choice::Confirm)
        return;
    Result<bool> done = cases::ScanFailureList::discard(m_store, scan, m_clock.nowUtc());
    if (!done) {
        showError(done.error().message());
        return;
    }
    showError(QString());
    reload();
    Q_EMIT decided();
}

} // namespace ow::ui
