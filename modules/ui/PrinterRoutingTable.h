#pragma once

#include "devices/PrinterRouting.h"

#include <QWidget>
#include <map>

class QComboBox;
class QLineEdit;
class QTableWidget;
class QTableWidgetItem;

namespace ow::ui {

/// Which printer each kind of document goes to: a choice per kind (the default printer, a named
/// printer, the print dialog, a PDF, or for the slip the receipt printer) and, beside it, where the
/// document would go right now with the printers installed.
class PrinterRoutingTable : public QWidget
{
    Q_OBJECT

public:
    explicit PrinterRoutingTable(devices::PrinterRouting::Environment environment, QWidget *parent = nullptr);

    void setRouting(const devices::PrinterRouting &routing);
    devices::PrinterRouting routing() const;
    /// The receipt printer came or went (the device settings changed).
    void setHasReceiptPrinter(bool hasReceiptPrinter);

    QComboBox *choiceCombo(devices::RoutedDocument document) const;
    /// What the "now" column says for `document` (for tests).
    QString routeText(devices::RoutedDocument document) const;

Q_SIGNALS:
    void edited();

private:
    void fillCombo(QComboBox *combo, devices::RoutedDocument document, const QString &configuredPrinter);
    void updateRoutes();

    devices::PrinterRouting::Environment m_environment;
    QTableWidget *m_table = nullptr;
    QLineEdit *m_pdfFolder = nullptr;
    std::map<devices::RoutedDocument, QComboBox *> m_combos;
    std::map<devices::RoutedDocument, QTableWidgetItem *> m_routes;
};

} // namespace ow::ui
