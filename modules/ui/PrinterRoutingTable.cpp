#include "ui/PrinterRoutingTable.h"

#include "ui/Theme.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ow::ui {

using devices::PrinterChoice;
using devices::PrinterRoute;
using devices::PrinterRouting;
using devices::RoutedDocument;

namespace {

enum Column
{
    DocumentColumn,
    ChoiceColumn,
    RouteColumn,
};

QString describe(const PrinterRoute &route)
{
    QString text;
    switch (route.target) {
    case PrinterChoice::Target::Printer:
        text = route.printerName;
        break;
    case PrinterChoice::Target::Ask:
        text = PrinterRoutingTable::tr("print dialog");
        break;
    case PrinterChoice::Target::Pdf:
        text = PrinterRoutingTable::tr("PDF file");
        break;
    case PrinterChoice::Target::ReceiptPrinter:
        text = PrinterRoutingTable::tr("receipt printer");
        break;
    }
    return route.note.isEmpty() ? text : PrinterRoutingTable::tr("%1 — %2").arg(text, route.note);
}

} // namespace

PrinterRoutingTable::PrinterRoutingTable(PrinterRouting::Environment environment, QWidget *parent)
    : QWidget(parent)
    , m_environment(std::move(environment))
{
    setObjectName(QStringLiteral("printerRoutingTable"));
    m_table = new QTableWidget(int(std::size(devices::kRoutedDocuments)), 3, this);
    m_table->setObjectName(QStringLiteral("caseTable"));
    m_table->setHorizontalHeaderLabels({tr("Document"), tr("Print on"), tr("Goes to now")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(DocumentColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ChoiceColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RouteColumn, QHeaderView::Stretch);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Notes wrap in the last column: its width decides the heights of the rows.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, m_table,
        [this] { m_table->resizeRowsToContents(); });

    int row = 0;
    for (RoutedDocument document : devices::kRoutedDocuments) {
        auto *name = new QTableWidgetItem(devices::routedDocumentName(document));
        m_table->setItem(row, DocumentColumn, name);
        auto *combo = new QComboBox;
        combo->setObjectName(QStringLiteral("route-%1").arg(devices::routedDocumentKey(document)));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setAccessibleName(tr("Printer for: %1").arg(devices::routedDocumentName(document)));
        fillCombo(combo, document, QString());
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            updateRoutes();
            Q_EMIT edited();
        });
        // In a holder, so the combo keeps its height when a long note makes the row taller.
        auto *holder = new QWidget(m_table);
        auto *holderLayout = new QVBoxLayout(holder);
        holderLayout->setContentsMargins(2, 2, 2, 2);
        holderLayout->addWidget(combo, 0, Qt::AlignVCenter);
        m_table->setCellWidget(row, ChoiceColumn, holder);
        auto *route = new QTableWidgetItem;
        m_table->setItem(row, RouteColumn, route);
        m_combos[document] = combo;
        m_routes[document] = route;
        ++row;
    }

    m_pdfFolder = new QLineEdit(this);
    m_pdfFolder->setObjectName(QStringLiteral("formField"));
    m_pdfFolder->setPlaceholderText(tr("the Documents folder"));
    connect(m_pdfFolder, &QLineEdit::textEdited, this, &PrinterRoutingTable::edited);
    auto *folderRow = new QFormLayout;
    folderRow->addRow(tr("Save &PDFs in:"), m_pdfFolder);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_table, 1);
    layout->addLayout(folderRow);
    updateRoutes();
}

void PrinterRoutingTable::fillCombo(
    QComboBox *combo, RoutedDocument document, const QString &configuredPrinter)
{
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(tr("Automatic"), QString());
    if (document == RoutedDocument::ThermalReceipt)
        combo->addItem(
            tr("Receipt printer"), PrinterChoice {PrinterChoice::Target::ReceiptPrinter, {}}.toSetting());
    combo->addItem(tr("Ask every time"), PrinterChoice {PrinterChoice::Target::Ask, {}}.toSetting());
    combo->addItem(tr("Save as PDF"), PrinterChoice {PrinterChoice::Target::Pdf, {}}.toSetting());
    for (const QString &printer : m_environment.printers)
        combo->addItem(printer, printer);
    if (!configuredPrinter.isEmpty() && !m_environment.printers.contains(configuredPrinter))
        combo->addItem(tr("%1 (not installed)").arg(configuredPrinter), configuredPrinter);
}

void PrinterRoutingTable::setRouting(const PrinterRouting &routing)
{
    for (RoutedDocument document : devices::kRoutedDocuments) {
        QComboBox *combo = m_combos.at(document);
        const std::optional<PrinterChoice> choice = routing.choice(document);
        fillCombo(combo, document,
            choice && choice->target == PrinterChoice::Target::Printer ? choice->printerName : QString());
        const QSignalBlocker block(combo);
        const int index = choice ? combo->findData(choice->toSetting()) : 0;
        combo->setCurrentIndex(std::max(index, 0));
    }
    m_pdfFolder->setText(routing.pdfFolder());
    updateRoutes();
}

PrinterRouting PrinterRoutingTable::routing() const
{
    PrinterRouting routing;
    for (const auto &[document, combo] : m_combos) {
        const QString value = combo->currentData().toString();
        routing.setChoice(document,
            value.isEmpty() ? std::nullopt : std::optional<PrinterChoice>(PrinterChoice::fromSetting(value)));
    }
    routing.setPdfFolder(m_pdfFolder->text().trimmed());
    return routing;
}

void PrinterRoutingTable::setHasReceiptPrinter(bool hasReceiptPrinter)
{
    m_environment.hasReceiptPrinter = hasReceiptPrinter;
    updateRoutes();
}

QComboBox *PrinterRoutingTable::choiceCombo(RoutedDocument document) const
{
    return m_combos.at(document);
}

QString PrinterRoutingTable::routeText(RoutedDocument document) const
{
    return m_routes.at(document)->text();
}

void PrinterRoutingTable::updateRoutes()
{
    const PrinterRouting current = routing();
    for (const auto &[document, item] : m_routes) {
        const PrinterRoute route = current.resolve(document, m_environment);
        item->setText(describe(route));
        item->setForeground(route.note.isEmpty() ? Theme::secondaryText() : Theme::danger());
    }
    m_table->resizeRowsToContents();
}

} // namespace ow::ui
