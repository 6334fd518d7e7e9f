#pragma once

#include "core/Result.h"

#include <QStringList>
#include <map>
#include <optional>

class QSettings;

namespace ow::devices {

/// The documents the counter prints, as routed to printers. The first five are the A4 documents of
/// modules/documents (same keywords as its DocumentKind); the thermal receipt is the short slip.
enum class RoutedDocument
{
    Checklist,
    AcceptanceReceipt,
    WaiverNotice,
    CorrectionNotice,
    RefusalNotice,
    ThermalReceipt,
};

inline constexpr RoutedDocument kRoutedDocuments[]
    = {RoutedDocument::Checklist, RoutedDocument::AcceptanceReceipt, RoutedDocument::WaiverNotice,
        RoutedDocument::CorrectionNotice, RoutedDocument::RefusalNotice, RoutedDocument::ThermalReceipt};

/// "checklist", "receipt", "waiver", "correction", "refusal" (the documents' keywords), "thermal".
QString routedDocumentKey(RoutedDocument document);
std::optional<RoutedDocument> routedDocumentFromKey(QStringView key);
/// Translated, for the routing table.
QString routedDocumentName(RoutedDocument document);

/// Where one kind of document goes.
struct PrinterChoice
{
    enum class Target
    {
        Printer, ///< an installed printer, by its QPrinterInfo name
        Ask, ///< the print dialog, every time
        Pdf, ///< a PDF saved into the routing's folder
        ReceiptPrinter, ///< the counter's ESC/POS receipt printer (thermal receipts only)
    };

    Target target = Target::Ask;
    QString printerName; ///< for Target::Printer

    /// The settings value: the printer's name, "ask", "pdf" or "receipt".
    QString toSetting() const;
    static PrinterChoice fromSetting(const QString &value);

    friend bool operator==(const PrinterChoice &, const PrinterChoice &) = default;
};

/// The choice resolved against the printers installed now.
struct PrinterRoute
{
    PrinterChoice::Target target = PrinterChoice::Target::Pdf;
    QString printerName; ///< for Target::Printer
    QString note; ///< why the configured choice could not be followed (translated); empty when it was
};

/// For each kind of document, the printer to use, saved under the settings group "printing"
/// ("printing/checklist", …, "printing/pdfFolder"). A kind without a setting goes to the default
/// printer, or to a PDF when no printer is installed. The printers are given, not looked up, so the
/// choice is tested without any printer: PrinterEnvironment::system() gives the real ones.
class PrinterRouting
{
public:
    /// What the workstation can print to at the moment of printing.
    struct Environment
    {
        QStringList printers; ///< installed printers (QPrinterInfo names)
        QString defaultPrinter; ///< empty when the system has none
        bool hasReceiptPrinter = false; ///< an ESC/POS printer is configured at this counter

        /// The installed printers from QPrinterInfo.
        static Environment system(bool hasReceiptPrinter);
    };

    /// Reads "printing/…"; a "receipt" value on an A4 document is an error naming the key.
    static Result<PrinterRouting> load(const QSettings &settings);
    void save(QSettings &settings) const;

    /// The configured choice; nullopt when the kind follows the default.
    std::optional<PrinterChoice> choice(RoutedDocument document) const;
    void setChoice(RoutedDocument document, std::optional<PrinterChoice> choice);

    /// The folder PDFs are saved into; empty means the documents folder of the user.
    const QString &pdfFolder() const { return m_pdfFolder; }
    void setPdfFolder(const QString &folder) { m_pdfFolder = folder; }

    /// What a kind without a setting does in `environment`.
    static PrinterChoice defaultChoice(RoutedDocument document, const Environment &environment);
    /// Where a document of this kind goes now: the configured choice when it can be followed, else
    /// the nearest thing with a note (a missing printer: ask, or PDF when nothing is installed).
    PrinterRoute resolve(RoutedDocument document, const Environment &environment) const;

private:
    std::map<RoutedDocument, PrinterChoice> m_choices;
    QString m_pdfFolder;
};

} // namespace ow::devices
