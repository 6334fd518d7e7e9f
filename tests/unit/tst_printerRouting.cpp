#include "devices/PrinterRouting.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::devices;
using Target = PrinterChoice::Target;
using Environment = PrinterRouting::Environment;

namespace {

Environment noPrinters(bool receipt = false)
{
    return Environment {{}, {}, receipt};
}

Environment officePrinters(bool receipt = false)
{
    return Environment {
        {QStringLiteral("HP-A4"), QStringLiteral("Canon-Hall")}, QStringLiteral("HP-A4"), receipt};
}

PrinterChoice printer(const QString &name)
{
    return {Target::Printer, name};
}

} // namespace

/// Which printer each document goes to, with the printers given instead of looked up.
class TestPrinterRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutAnyPrinterEverythingBecomesAPdf()
    {
        const PrinterRouting routing;
        for (RoutedDocument document : kRoutedDocuments) {
            const PrinterRoute route = routing.resolve(document, noPrinters());
            QCOMPARE(route.target, Target::Pdf);
            QVERIFY(route.note.isEmpty()); // nothing was configured, so nothing was overruled
        }
    }

    void unsetKindsGoToTheDefaultPrinter()
    {
        const PrinterRoute route = PrinterRouting().resolve(RoutedDocument::Checklist, officePrinters());
        QCOMPARE(route.target, Target::Printer);
        QCOMPARE(route.printerName, QStringLiteral("HP-A4"));
    }

    void withoutADefaultPrinterTheDialogAsks()
    {
        Environment environment = officePrinters();
        environment.defaultPrinter.clear();
        QCOMPARE(PrinterRouting().resolve(RoutedDocument::RefusalNotice, environment).target, Target::Ask);
    }

    void theThermalSlipGoesToTheReceiptPrinterWhenThereIsOne()
    {
        const PrinterRouting routing;
        QCOMPARE(routing.resolve(RoutedDocument::ThermalReceipt, officePrinters(true)).target,
            Target::ReceiptPrinter);
        QCOMPARE(
            routing.resolve(RoutedDocument::ThermalReceipt, noPrinters(true)).target, Target::ReceiptPrinter);
        // A4 documents never do, even when a receipt printer is the only device.
        QCOMPARE(routing.resolve(RoutedDocument::AcceptanceReceipt, noPrinters(true)).target, Target::Pdf);
    }

    void aConfiguredPrinterThatIsInstalledIsUsed()
    {
        PrinterRouting routing;
        routing.setChoice(RoutedDocument::WaiverNotice, printer(QStringLiteral("Canon-Hall")));
        const PrinterRoute route = routing.resolve(RoutedDocument::WaiverNotice, officePrinters());
        QCOMPARE(route.target, Target::Printer);
        QCOMPARE(route.printerName, QStringLiteral("Canon-Hall"));
        QVERIFY(route.note.isEmpty());
        // Other kinds keep the default.
        QCOMPARE(routing.resolve(RoutedDocument::Checklist, officePrinters()).printerName,
            QStringLiteral("HP-A4"));
    }

    void aConfiguredPrinterThatIsGoneAsksWithANote()
    {
        PrinterRouting routing;
        routing.setChoice(RoutedDocument::CorrectionNotice, printer(QStringLiteral("Old-Laser")));
        const PrinterRoute route = routing.resolve(RoutedDocument::CorrectionNotice, officePrinters());
        QCOMPARE(route.target, Target::Ask);
        QVERIFY(route.note.contains(QStringLiteral("Old-Laser")));
    }

    void aConfiguredPrinterWithNothingInstalledBecomesAPdfWithANote()
    {
        PrinterRouting routing;
        routing.setChoice(RoutedDocument::CorrectionNotice, printer(QStringLiteral("Old-Laser")));
        const PrinterRoute route = routing.resolve(RoutedDocument::CorrectionNotice, noPrinters());
        QCOMPARE(route.target, Target::Pdf);
        QVERIFY(route.note.contains(QStringLiteral("Old-Laser")));
    }

    void askingWithNoPrinterSavesAPdf()
    {
        PrinterRouting routing;
        routing.setChoice(RoutedDocument::Checklist, PrinterChoice {Target::Ask, {}});
        QCOMPARE(routing.resolve(RoutedDocument::Checklist, officePrinters()).target, Target::Ask);
        const PrinterRoute route = routing.resolve(RoutedDocument::Checklist, noPrinters());
        QCOMPARE(route.target, Target::Pdf);
        QVERIFY(!route.note.isEmpty());
    }

    void pdfIsKeptEvenWithPrinters()
    {
        PrinterRouting routing;
        routing.setChoice(RoutedDocument::AcceptanceReceipt, PrinterChoice {Target::Pdf, {}});
        QCOMPARE(routing.resolve(RoutedDocument::AcceptanceReceipt, officePrinters()).target, Target::Pdf);
    }

    void aReceiptPrinterThatIsGoneFallsBackWithANote()
    {
        PrinterRouting routing;
        routing.setChoice(RoutedDocument::ThermalReceipt, PrinterChoice {Target::ReceiptPrinter, {}});
        PrinterRoute route = routing.resolve(RoutedDocument::ThermalReceipt, officePrinters(false));
        QCOMPARE(route.target, Target::Printer);
        QCOMPARE(route.printerName, QStringLiteral("HP-A4"));
        QVERIFY(!route.note.isEmpty());
        route = routing.resolve(RoutedDocument::ThermalReceipt, noPrinters(false));
        QCOMPARE(route.target, Target::Pdf);
        QVERIFY(!route.note.isEmpty());
    }

    void choicesSurviveASaveAndALoad()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        PrinterRouting saved;
        saved.setChoice(RoutedDocument::Checklist, printer(QStringLiteral("HP-A4")));
        saved.setChoice(RoutedDocument::AcceptanceReceipt, PrinterChoice {Target::Ask, {}});
        saved.setChoice(RoutedDocument::RefusalNotice, PrinterChoice {Target::Pdf, {}});
        saved.setChoice(RoutedDocument::ThermalReceipt, PrinterChoice {Target::ReceiptPrinter, {}});
        saved.setPdfFolder(QStringLiteral("archive"));
        saved.save(settings);
        QCOMPARE(settings.value(QStringLiteral("printing/checklist")).toString(), QStringLiteral("HP-A4"));
        QCOMPARE(settings.value(QStringLiteral("printing/receipt")).toString(), QStringLiteral("ask"));
        QCOMPARE(settings.value(QStringLiteral("printing/refusal")).toString(), QStringLiteral("pdf"));
        QCOMPARE(settings.value(QStringLiteral("printing/thermal")).toString(), QStringLiteral("receipt"));
        QVERIFY(!settings.contains(QStringLiteral("printing/waiver")));

        const ow::Result<PrinterRouting> loaded = PrinterRouting::load(settings);
        QVERIFY(loaded.has_value());
        for (RoutedDocument document : kRoutedDocuments)
            QCOMPARE(loaded->choice(document), saved.choice(document));
        QCOMPARE(loaded->pdfFolder(), QStringLiteral("archive"));

        // Going back to automatic removes the key.
        PrinterRouting automatic = *loaded;
        automatic.setChoice(RoutedDocument::Checklist, std::nullopt);
        automatic.save(settings);
        QVERIFY(!settings.contains(QStringLiteral("printing/checklist")));
    }

    void onlyTheSlipMayGoToTheReceiptPrinter()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("printing/checklist"), QStringLiteral("receipt"));
        const ow::Result<PrinterRouting> loaded = PrinterRouting::load(settings);
        QVERIFY(!loaded.has_value());
        QVERIFY(loaded.error().message().contains(QStringLiteral("printing/checklist")));
    }

    void keysMatchTheDocumentKeywords()
    {
        // The A4 kinds use the keywords of modules/documents, so callers map a DocumentKind by keyword.
        QCOMPARE(routedDocumentKey(RoutedDocument::Checklist), QStringLiteral("checklist"));
        QCOMPARE(routedDocumentKey(RoutedDocument::AcceptanceReceipt), QStringLiteral("receipt"));
        QCOMPARE(routedDocumentKey(RoutedDocument::WaiverNotice), QStringLiteral("waiver"));
        QCOMPARE(routedDocumentKey(RoutedDocument::CorrectionNotice), QStringLiteral("correction"));
        QCOMPARE(routedDocumentKey(RoutedDocument::RefusalNotice), QStringLiteral("refusal"));
        for (RoutedDocument document : kRoutedDocuments)
            QCOMPARE(routedDocumentFromKey(routedDocumentKey(document)), std::optional(document));
        QVERIFY(!routedDocumentFromKey(u"nonsense").has_value());
    }
};

QTEST_GUILESS_MAIN(TestPrinterRouting)
#include "tst_printerRouting.moc"
