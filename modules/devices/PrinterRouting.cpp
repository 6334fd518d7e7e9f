#include "devices/PrinterRouting.h"

#include <QCoreApplication>
#include <QPrinterInfo>
#include <QSettings>

namespace ow::devices {

using Target = PrinterChoice::Target;

QString routedDocumentKey(RoutedDocument document)
{
    switch (document) {
    case RoutedDocument::Checklist:
        return QStringLiteral("checklist");
    case RoutedDocument::AcceptanceReceipt:
        return QStringLiteral("receipt");
    case RoutedDocument::WaiverNotice:
        return QStringLiteral("waiver");
    case RoutedDocument::CorrectionNotice:
        return QStringLiteral("correction");
    case RoutedDocument::RefusalNotice:
        return QStringLiteral("refusal");
    case RoutedDocument::ThermalReceipt:
        return QStringLiteral("thermal");
    }
    return {};
}

std::optional<RoutedDocument> routedDocumentFromKey(QStringView key)
{
    for (RoutedDocument document : kRoutedDocuments) {
        if (routedDocumentKey(document) == key)
            return document;
    }
    return std::nullopt;
}

QString routedDocumentName(RoutedDocument document)
{
    switch (document) {
    case RoutedDocument::Checklist:
        return QCoreApplication::translate("ow::devices", "Checklist of materials");
    case RoutedDocument::AcceptanceReceipt:
        return QCoreApplication::translate("ow::devices", "Acceptance receipt");
    case RoutedDocument::WaiverNotice:
        return QCoreApplication::translate("ow::devices", "Waiver notice");
    case RoutedDocument::CorrectionNotice:
        return QCoreApplication::translate("ow::devices", "Correction notice");
    case RoutedDocument::RefusalNotice:
        return QCoreApplication::translate("ow::devices", "Refusal notice");
    case RoutedDocument::ThermalReceipt:
        return QCoreApplication::translate("ow::devices", "Thermal receipt (slip)");
    }
    return {};
}

QString PrinterChoice::toSetting() const
{
    switch (target) {
    case Target::Printer:
        return printerName;
    case Target::Ask:
        return QStringLiteral("ask");
    case Target::Pdf:
        return QStringLiteral("pdf");
    case Target::ReceiptPrinter:
        return QStringLiteral("receipt");
    }
    return {};
}

PrinterChoice PrinterChoice::fromSetting(const QString &value)
{
    const QString word = value.trimmed().toLower();
    if (word == QStringLiteral("ask"))
        return {Target::Ask, {}};
    if (word == QStringLiteral("pdf"))
        return {Target::Pdf, {}};
    if (word == QStringLiteral("receipt"))
        return {Target::ReceiptPrinter, {}};
    return {Target::Printer, value.trimmed()};
}

PrinterRouting::Environment PrinterRouting::Environment::system(bool hasReceiptPrinter)
{
    Environment environment;
    environment.printers = QPrinterInfo::availablePrinterNames();
    environment.defaultPrinter = QPrinterInfo::defaultPrinterName();
    environment.hasReceiptPrinter = hasReceiptPrinter;
    return environment;
}

Result<PrinterRouting> PrinterRouting::load(const QSettings &settings)
{
    PrinterRouting routing;
    for (RoutedDocument document : kRoutedDocuments) {
        const QString key = QStringLiteral("printing/") + routedDocumentKey(document);
        const QString value = settings.value(key).toString().trimmed();
        if (value.isEmpty())
            continue;
        const PrinterChoice choice = PrinterChoice::fromSetting(value);
        if (choice.target == Target::ReceiptPrinter && document != RoutedDocument::ThermalReceipt)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::devices",
                    "The setting %1 is '%2': only the thermal receipt can go to the receipt printer.")
                    .arg(key, value));
        routing.m_choices[document] = choice;
    }
    routing.m_pdfFolder = settings.value(QStringLiteral("printing/pdfFolder")).toString().trimmed();
    return routing;
}

void PrinterRouting::save(QSettings &settings) const
{
    for (RoutedDocument document : kRoutedDocuments) {
        const QString key = QStringLiteral("printing/") + routedDocumentKey(document);
        if (const auto found = m_choices.find(document); found != m_choices.end())
            settings.setValue(key, found->second.toSetting());
        else
            settings.remove(key);
    }
    settings.setValue(QStringLiteral("printing/pdfFolder"), m_pdfFolder);
}

std::optional<PrinterChoice> PrinterRouting::choice(RoutedDocument document) const
{
    if (const auto found = m_choices.find(document); found != m_choices.end())
        return found->second;
    return std::nullopt;
}

void PrinterRouting::setChoice(RoutedDocument document, std::optional<PrinterChoice> choice)
{
    if (choice)
        m_choices[document] = *choice;
    else
        m_choices.erase(document);
}

PrinterChoice PrinterRouting::defaultChoice(RoutedDocument document, const Environment &environment)
{
    if (document == RoutedDocument::ThermalReceipt && environment.hasReceiptPrinter)
        return {Target::ReceiptPrinter, {}};
    if (environment.printers.isEmpty())
        return {Target::Pdf, {}};
    if (environment.printers.contains(environment.defaultPrinter))
        return {Target::Printer, environment.defaultPrinter};
    return {Target::Ask, {}};
}

PrinterRoute PrinterRouting::resolve(RoutedDocument document, const Environment &environment) const
{
    const std::optional<PrinterChoice> configured = choice(document);
    const PrinterChoice wanted = configured.value_or(defaultChoice(document, environment));
    const auto fallback = [&](const QString &note) {
        Environment withoutReceipt = environment;
        withoutReceipt.hasReceiptPrinter = false;
        const PrinterChoice other = defaultChoice(document, withoutReceipt);
        return PrinterRoute {other.target, other.printerName, note};
    };

    switch (wanted.target) {
    case Target::Pdf:
        return {Target::Pdf, {}, {}};
    case Target::Ask:
        if (environment.printers.isEmpty())
            return {Target::Pdf, {},
                QCoreApplication::translate(
                    "ow::devices", "No printer is installed: the document is saved as a PDF.")};
        return {Target::Ask, {}, {}};
    case Target::Printer:
        if (environment.printers.contains(wanted.printerName))
            return {Target::Printer, wanted.printerName, {}};
        if (environment.printers.isEmpty())
            return {Target::Pdf, {},
                QCoreApplication::translate("ow::devices",
                    "The printer %1 is not installed, nor any other: the document is saved as a PDF.")
                    .arg(wanted.printerName)};
        return {Target::Ask, {},
            QCoreApplication::translate("ow::devices", "The printer %1 is not installed: choose another.")
                .arg(wanted.printerName)};
    case Target::ReceiptPrinter:
        if (document == RoutedDocument::ThermalReceipt && environment.hasReceiptPrinter)
            return {Target::ReceiptPrinter, {}, {}};
        return fallback(
            QCoreApplication::translate("ow::devices", "No receipt printer is configured at this counter."));
    }
    return {Target::Pdf, {}, {}};
}

} // namespace ow::devices
