#include "ui/DeskTableTab.h"

#include "ui/FileDialog.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ow::ui {

namespace {

/// A cell that sorts by its number where the column holds numbers.
class NumberItem : public QTableWidgetItem
{
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem &other) const override
    {
        bool a = false;
        bool b = false;
        const double left = text().remove(QLatin1Char('%')).toDouble(&a);
        const double right = other.text().remove(QLatin1Char('%')).toDouble(&b);
        return a && b ? left < right : QTableWidgetItem::operator<(other);
    }
};

} // namespace

Result<QString> exportDeskTable(QWidget *parent, const documents::ExportTable &table, bool xlsx)
{
    const QString suffix = xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv");
    const QString suggested = QDir::home().filePath(table.title + QLatin1Char('.') + suffix);
    const QString path
        = FileDialog::getSaveFileName(parent, DeskTableTab::tr("Export “%1”").arg(table.title), suggested,
            xlsx ? DeskTableTab::tr("Excel workbooks (*.xlsx)") : DeskTableTab::tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return QString();
    const Result<void> written = xlsx ? documents::TableExport::writeXlsx(table, path)
                                      : documents::TableExport::writeCsv(table, path);
    if (!written)
        return failWith(written.error());
    return path;
}

QString exportOutcomeText(const Result<QString> &outcome, qsizetype rows)
{
    if (!outcome)
        return outcome.error().message();
    if (outcome->isEmpty())
        return {};
    return DeskTableTab::tr("%n row(s) exported to %1.", nullptr, int(rows))
        .arg(QDir::toNativeSeparators(*outcome));
}

void addExportButtons(QWidget *owner, QLayout *row, QPushButton **csv, QPushButton **xlsx)
{
    *csv = new QPushButton(DeskTableTab::tr("E&xport CSV…"), owner);
    row->addWidget(*csv);
    if (documents::TableExport::xlsxAvailable()) {
        *xlsx = new QPushButton(DeskTableTab::tr("Export &Excel…"), owner);
        row->addWidget(*xlsx);
    }
}

DeskTableTab::DeskTableTab(QWidget *parent)
    : QWidget(parent)
{
    m_view = new QTableWidget(0, 0, this);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSortingEnabled(true);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->hide();
    m_status = new QLabel(this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    addExportButtons(this, buttons, &m_csv, &m_xlsx);
    connect(m_csv, &QPushButton::clicked, this, [this] { exportTo(false); });
    if (m_xlsx)
        connect(m_xlsx, &QPushButton::clicked, this, [this] { exportTo(true); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
}

void DeskTableTab::setTable(const documents::ExportTable &table, const QString &note)
{
    m_table = table;
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    m_view->setSortingEnabled(false);
    m_view->clear();
    m_view->setColumnCount(int(table.header.size()));
    m_view->setHorizontalHeaderLabels(table.header);
    m_view->setRowCount(int(table.rows.size()));
    for (int r = 0; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows.at(r);
        for (int c = 0; c < row.size(); ++c) {
            auto *item = table.numeric.value(c) ? new NumberItem(row.at(c)) : new QTableWidgetItem(row.at(c));
            if (table.numeric.value(c))
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_view->setItem(r, c, item);
        }
    }
    m_view->resizeColumnsToContents();
    m_view->setSortingEnabled(true);
    m_csv->setEnabled(!table.header.isEmpty());
    if (m_xlsx)
        m_xlsx->setEnabled(!table.header.isEmpty());
}

bool DeskTableTab::exportTo(bool xlsx)
{
    const Result<QString> outcome = exportDeskTable(this, m_table, xlsx);
    m_status->setText(exportOutcomeText(outcome, m_table.rows.size()));
    return outcome && !outcome->isEmpty();
}

} // namespace ow::ui
