#include "ui/DeskWarningsTab.h"

#include "documents/DocumentRenderer.h"
#include "documents/SupervisionNotice.h"
#include "ui/DeskTableTab.h"
#include "ui/FileDialog.h"
#include "ui/PrintDialog.h"
#include "ui/Theme.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPrinter>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ow::ui {

using supervision::Colour;
using supervision::Warning;

namespace {

constexpr int kDepartmentRole = Qt::UserRole;
constexpr int kCaseRole = Qt::UserRole + 1;

QString dateText(QDate date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

DeskWarningsTab::DeskWarningsTab(QWidget *parent)
    : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("warningSummary"));
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(8);
    m_tree->setHeaderLabels({tr("Colour"), tr("Case number"), tr("Matter"), tr("Stage"), tr("Warning"),
        tr("Answers for it"), tr("Since"), tr("Due")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_open = new QPushButton(tr("&Open the case"), this);
    m_print = new QPushButton(tr("&Print the supervision notice…"), this);
    m_pdf = new QPushButton(tr("Save the &notice as PDF…"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_print);
    buttons->addWidget(m_pdf);
    buttons->addStretch(1);
    addExportButtons(this, buttons, &m_csv, &m_xlsx);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &DeskWarningsTab::updateButtons);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (!item->data(0, kCaseRole).toString().isEmpty())
            Q_EMIT openCaseRequested(item->data(0, kCaseRole).toString());
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!selectedCase().isEmpty())
            Q_EMIT openCaseRequested(selectedCase());
    });
    connect(m_print, &QPushButton::clicked, this, &DeskWarningsTab::printNotice);
    connect(m_pdf, &QPushButton::clicked, this, &DeskWarningsTab::saveNoticePdf);
    connect(m_csv, &QPushButton::clicked, this, [this] { exportTo(false); });
    if (m_xlsx)
        connect(m_xlsx, &QPushButton::clicked, this, [this] { exportTo(true); });
    updateButtons();
}

void DeskWarningsTab::setNoticeContext(documents::HallSettings settings, QString clerkName, QDateTime issued)
{
    m_settings = std::move(settings);
    m_clerkName = std::move(clerkName);
    m_issued = std::move(issued);
}

void DeskWarningsTab::setBoard(supervision::WarningBoard board)
{
    m_board = std::move(board);
    m_tree->clear();
    m_summary->setText(m_board.red() + m_board.yellow() == 0
            ? tr("No warnings on %1.").arg(m_board.day())
            : tr("%1: %2 red, %3 yellow warning(s) in %n department(s).", nullptr,
                int(m_board.departments().size()))
                  .arg(m_board.day())
                  .arg(m_board.red())
                  .arg(m_board.yellow()));
    QList<QTreeWidgetItem *> top;
    for (const supervision::WarningBoard::Department &department : m_board.departments()) {
        auto *head = new QTreeWidgetItem;
        head->setText(0,
            tr("%1 — %2 red, %3 yellow")
                .arg(department.name.isEmpty() ? department.id : department.name)
                .arg(department.red)
                .arg(department.yellow));
        head->setData(0, kDepartmentRole, department.id);
        QFont bold = head->font(0);
        bold.setBold(true);
        head->setFont(0, bold);
        if (department.red > 0)
            head->setForeground(0, Theme::danger());
        for (const Warning &w : department.warnings) {
            const bool red = w.colour == Colour::Red;
            auto *row = new QTreeWidgetItem(head,
                {supervision::displayName(w.colour), w.caseNumber, w.matterName,
                    supervision::displayName(w.stage), supervision::displayName(w.rule),
                    w.clerkName.isEmpty() ? w.departmentName : w.clerkName, dateText(w.since),
                    dateText(w.due)});
            row->setData(0, kDepartmentRole, department.id);
            row->setData(0, kCaseRole, w.caseNumber);
            row->setToolTip(4, w.detail);
            row->setForeground(0, red ? Theme::danger() : Theme::warning());
            row->setBackground(0, red ? Theme::dangerSoft() : Theme::warningSoft());
        }
        top.append(head);
    }
    m_tree->addTopLevelItems(top);
    for (QTreeWidgetItem *head : std::as_const(top)) {
        head->setFirstColumnSpanned(true);
        head->setExpanded(true);
    }
    if (!top.isEmpty())
        m_tree->setCurrentItem(top.constFirst());
    for (int c = 0; c < m_tree->columnCount(); ++c)
        m_tree->resizeColumnToContents(c);
    m_tree->setColumnWidth(0, std::min(m_tree->columnWidth(0), 120));
    m_tree->setColumnWidth(2, std::min(m_tree->columnWidth(2), 320));
    updateButtons();
}

void DeskWarningsTab::updateButtons()
{
    m_open->setEnabled(!selectedCase().isEmpty());
    m_print->setEnabled(!selectedDepartment().isEmpty());
    m_pdf->setEnabled(!selectedDepartment().isEmpty());
    m_csv->setEnabled(m_board.red() + m_board.yellow() > 0);
    if (m_xlsx)
        m_xlsx->setEnabled(m_csv->isEnabled());
}

QString DeskWarningsTab::selectedDepartment() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, kDepartmentRole).toString() : QString();
}

QString DeskWarningsTab::selectedCase() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, kCaseRole).toString() : QString();
}

documents::ExportTable DeskWarningsTab::exportTable() const
{
    documents::ExportTable table;
    table.title = tr("Warnings %1").arg(m_board.day());
    table.header = {tr("Department"), tr("Colour"), tr("Case number"), tr("Matter"), tr("Stage"),
        tr("Warning"), tr("Clerk"), tr("Staff number"), tr("Since"), tr("Due"), tr("Detail")};
    for (const supervision::WarningBoard::Department &department : m_board.departments())
        for (const Warning &w : department.warnings)
            table.rows.append({department.name, supervision::displayName(w.colour), w.caseNumber,
                w.matterName, supervision::displayName(w.stage), supervision::displayName(w.rule),
                w.clerkName, w.clerk, dateText(w.since), dateText(w.due), w.detail});
    return table;
}

Result<documents::Document> DeskWarningsTab::notice() const
{
    const supervision::WarningBoard::Department *department = m_board.department(selectedDepartment());
    if (!department)
        return fail(Error::Code::NotFound, tr("Choose a department or one of its warnings first."));
    const documents::DocumentContext context(m_settings, m_issued, m_clerkName);
    return documents::SupervisionNotice::build(department->id, department->name, department->warnings,
        QDate::fromString(m_board.day(), Qt::ISODate), context);
}

bool DeskWarningsTab::printNotice()
{
    Result<documents::Document> document = notice();
    if (!document) {
        m_status->setText(document.error().message());
        return false;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(document->title);
    if (!PrintDialog::ask(this, printer, tr("Print %1").arg(document->title)))
        return false;
    Result<void> printed = documents::DocumentRenderer::print(*document, printer.printerName());
    m_status->setText(
        printed ? tr("The supervision notice was sent to the printer.") : printed.error().message());
    return bool(printed);
}

bool DeskWarningsTab::saveNoticePdf()
{
    Result<documents::Document> document = notice();
    if (!document) {
        m_status->setText(document.error().message());
        return false;
    }
    const QString path = FileDialog::getSaveFileName(this, tr("Save the supervision notice as PDF"),
        QDir::home().filePath(documents::DocumentRenderer::pdfFileName(*document)), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return false;
    Result<void> written = documents::DocumentRenderer::writePdf(*document, path);
    m_status->setText(
        written ? tr("Saved as %1.").arg(QDir::toNativeSeparators(path)) : written.error().message());
    return bool(written);
}

bool DeskWarningsTab::exportTo(bool xlsx)
{
    const documents::ExportTable table = exportTable();
    const Result<QString> outcome = exportDeskTable(this, table, xlsx);
    m_status->setText(exportOutcomeText(outcome, table.rows.size()));
    return outcome && !outcome->isEmpty();
}

} // namespace ow::ui
