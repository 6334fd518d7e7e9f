// A department's result document printed at the pickup counter (documents::ResultDocumentPrinter):
// every page of the PDF onto the printer (a PDF file here), a damaged or unreadable file refused
// instead of printed, a document not fetched yet refused, and the copy made for the PDF viewer.

#include "CaseTestSupport.h"
#include "ResultPdfSupport.h"
#include "documents/ResultDocumentPrinter.h"

#include <QFile>
#include <QPdfDocument>
#include <QPrinter>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::cases::testing;
using namespace ow::documents;
using namespace Qt::StringLiterals;

class TestResultDocumentPrinter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    ResultDocument stored(const AttachmentStore &files, const QByteArray &bytes, const QString &name)
    {
        ResultDocument d;
        d.caseNumber = u"3303020120260316070001D"_s;
        d.sha256 = files.put(bytes).value();
        d.name = name;
        d.size = bytes.size();
        d.state = ResultDocument::State::Fetched;
        return d;
    }

    static int pagesOf(const QString &path)
    {
        QPdfDocument pdf;
        return pdf.load(path) == QPdfDocument::Error::None ? pdf.pageCount() : -1;
    }

private Q_SLOTS:
    void everyPagePrinted()
    {
        const AttachmentStore files(m_dir.filePath(u"attachments"_s));
        const ResultDocument d = stored(files, licencePdf(3), u"卫生许可证.pdf"_s);
        const ResultDocumentPrinter printer(files);
        QCOMPARE(printer.pageCount(d).value(), 3);
        QPrinter output(QPrinter::HighResolution);
        output.setOutputFormat(QPrinter::PdfFormat);
        output.setOutputFileName(m_dir.filePath(u"printed.pdf"_s));
        const Result<int> pages = printer.print(d, output);
        VERIFY_OK(pages);
        QCOMPARE(*pages, 3);
        QCOMPARE(pagesOf(m_dir.filePath(u"printed.pdf"_s)), 3);
        // The department's page is on the paper, not a blank sheet: its frame's dark lines show.
        QPdfDocument printed;
        QCOMPARE(printed.load(m_dir.filePath(u"printed.pdf"_s)), QPdfDocument::Error::None);
        const QImage sheet = printed.render(0, (printed.pagePointSize(0) * 50 / 72).toSize());
        int dark = 0;
        for (int y = 0; y < sheet.height(); ++y)
            for (int x = 0; x < sheet.width(); ++x)
                dark += qGray(sheet.pixel(x, y)) < 128 ? 1 : 0;
        QVERIFY2(dark > 100, qPrintable(QString::number(dark)));
    }

    void notFetchedDamagedOrUnreadableRefused()
    {
        const AttachmentStore files(m_dir.filePath(u"attachments"_s));
        const ResultDocumentPrinter printer(files);
        QPrinter output(QPrinter::HighResolution);
        output.setOutputFormat(QPrinter::PdfFormat);
        output.setOutputFileName(m_dir.filePath(u"refused.pdf"_s));

        ResultDocument waiting = stored(files, licencePdf(1), u"a.pdf"_s);
        waiting.state = ResultDocument::State::Waiting;
        QVERIFY(!printer.print(waiting, output));

        // Not a PDF QtPdf can read (the sync checks only the header).
        const ResultDocument broken = stored(files, "%PDF-1.4\nnothing else", u"b.pdf"_s);
        const Result<int> unreadable = printer.print(broken, output);
        QVERIFY(!unreadable);
        QVERIFY2(unreadable.error().message().contains(u"b.pdf"_s), qPrintable(unreadable.error().message()));

        // Changed on disk after it was fetched: never printed as the department's decision.
        const ResultDocument damaged = stored(files, licencePdf(1, u"批文"_s), u"c.pdf"_s);
        QFile file(files.pathFor(damaged.sha256));
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(20);
        file.write("XX");
        file.close();
        QVERIFY(!printer.print(damaged, output));
        QVERIFY(!QFile::exists(m_dir.filePath(u"refused.pdf"_s)));
    }

    void viewableCopyUnderItsName()
    {
        const AttachmentStore files(m_dir.filePath(u"attachments"_s));
        const ResultDocumentPrinter printer(files);
        const QByteArray bytes = licencePdf(1);
        const ResultDocument first = stored(files, bytes, u"卫生许可证"_s);
        const Result<QString> copy = printer.viewableCopy(first, m_dir.filePath(u"viewing"_s));
        VERIFY_OK(copy);
        QVERIFY(copy->endsWith(u"/卫生许可证.pdf"_s));
        QFile file(*copy);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);
        // The next one opened replaces it: the folder holds only the document looked at.
        const ResultDocument second = stored(files, licencePdf(2), u"批文.pdf"_s);
        VERIFY_OK(printer.viewableCopy(second, m_dir.filePath(u"viewing"_s)));
        QVERIFY(!QFile::exists(*copy));
        QCOMPARE(QDir(m_dir.filePath(u"viewing"_s)).entryList(QDir::Files), QStringList {u"批文.pdf"_s});
    }
};

QTEST_MAIN(TestResultDocumentPrinter)
#include "tst_resultDocumentPrinter.moc"
