// The pickup counter with a department's result documents, on the counter's screen in Chinese: the
// case's documents listed with size, department, time and state (downloading, refused with the
// reason), the licence printed by Ctrl+P through the print dialog's seam (every page, into a PDF
// here), a document still downloading said so instead of printed, Ctrl+O opening a copy named .pdf,
// and the hand-over naming the document that went with the result. Writes
// zh-pickup-result-document.png for docs/cases.md.

#include "../unit/CaseTestSupport.h"
#include "../unit/ResultPdfSupport.h"
#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "cases/ResultDocuments.h"
#include "sync/ResultDocumentFetch.h"
#include "ui/PickupPage.h"
#include "ui/PrintDialog.h"
#include "ui/ResultDocumentsBox.h"
#include "ui/Theme.h"

#include <QDesktopServices>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPdfDocument>
#include <QPushButton>
#include <QTemporaryDir>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace ow;
using namespace ow::cases;
using namespace ow::cases::testing;
using namespace ow::ui;

/// Takes the URLs the workstation asks the system to open, instead of a PDF viewer.
class OpenedUrls : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public Q_SLOTS:
    void open(const QUrl &url) { urls.append(url); }
};

class TestPickupResultDocuments : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    SteppingClock m_clock;
    QString m_number;
    QByteArray m_licence;
    QByteArray m_letter;

    CaseScreenContext context() const
    {
        CaseScreenContext c;
        c.store = m_store.get();
        c.calendar = WorkingCalendar::loadBuiltIn().value();
        c.role = accounts::Role::PickupClerk;
        c.clerk = u"clerk-007"_s;
        c.clock = Clock::fixed(QDateTime(QDate(2026, 3, 24), QTime(10, 0)));
        c.settings = documents::HallSettings::builtIn().value();
        return c;
    }

    CaseEvent fromDepartment(EventKind kind, const QByteArray &pdf = {}, const QString &name = {})
    {
        CaseEvent e = caseEvent(kind, u"wj-07"_s);
        e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        e.caseNumber = m_number;
        e.time = m_clock.clock().nowUtc();
        e.counter = u"wj"_s;
        e.payload = QJsonObject {{u"department"_s, u"wj"_s}};
        if (!pdf.isNull())
            e.payload.insert(u"document"_s,
                QJsonObject {{u"name"_s, name}, {u"sha256"_s, AttachmentStore::hashOf(pdf)},
                    {u"size"_s, double(pdf.size())}});
        return e;
    }

    ResultDocument documentNamed(const QString &name) const
    {
        const QList<ResultDocument> all = ResultDocuments(m_store->database()).forCase(m_number).value();
        for (const ResultDocument &d : all)
            if (d.name == name)
                return d;
        qFatal("no document %s", qPrintable(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp);
        QVERIFY(m_dir.isValid());
        auto opened = CaseStore::open(m_dir.filePath(u"w07"_s), workstation());
        QVERIFY(opened);
        m_store = std::move(*opened);
        m_clock.set(QDateTime(QDate(2026, 3, 16), QTime(2, 0), Qt::UTC));
        m_store->setClock(m_clock.clock());
        Case c = draft();
        c.materialChecks[1].failedPoints.clear();
        const Case created = m_store->createDraft(c, u"clerk-042"_s).value();
        m_number = created.number;
        VERIFY_OK(m_store->save(created, caseEvent(EventKind::Accepted)));

        // The department approves with the licence, sends its decision letter, and a page it later
        // replaced: one fetched, one still on its way, one whose bytes were refused.
        m_licence = licencePdf(2);
        m_letter = licencePdf(1, u"准予行政许可决定书"_s);
        const QByteArray replaced = licencePdf(1, u"现场核查意见"_s);
        m_clock.set(QDateTime(QDate(2026, 3, 23), QTime(6, 12), Qt::UTC));
        VERIFY_OK(m_store->recordRemoteEvents(
            {fromDepartment(EventKind::Transferred), fromDepartment(EventKind::InReview),
                fromDepartment(EventKind::Approved, m_licence, u"公共场所卫生许可证.pdf"_s),
                fromDepartment(EventKind::ResultReady, m_letter, u"准予行政许可决定书.pdf"_s),
                fromDepartment(EventKind::Note, replaced, u"现场核查意见.pdf"_s)}));
        const ResultDocuments documents(m_store->database());
        VERIFY_OK(m_store->attachments().put(m_licence));
        VERIFY_OK(
            documents.markFetched(documentNamed(u"公共场所卫生许可证.pdf"_s), m_clock.clock().nowUtc()));
        const ResultDocument refused = documentNamed(u"现场核查意见.pdf"_s);
        VERIFY_OK(documents.markFailed(refused,
            sync::ResultDocumentFetch::check(refused, replaced.left(replaced.size() - 1) + "X")
                .error()
                .message()));
    }

    void printViewAndHandOver()
    {
        PickupPage page(context());
        page.resize(1366, 712); // the counter's screen under the menu and status bars
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.lookUp(m_number));
        ResultDocumentsBox *box = page.resultDocuments();
        QVERIFY(box->isVisible());
        QCOMPARE(box->list()->count(), 3);
        QCOMPARE(box->chosen()->name, u"公共场所卫生许可证.pdf"_s);
        QVERIFY(box->list()->item(0)->text().contains(u"区卫生健康局"_s));
        QVERIFY2(
            box->list()->item(1)->text().contains(u"下载中"_s), qPrintable(box->list()->item(1)->text()));
        QVERIFY(box->list()->item(2)->text().contains(u"SHA-256"_s));
        QVERIFY(box->printButton()->isEnabled());
        page.collectorIdField()->setText(u"11010519491231002X"_s);
        test::saveScreenshot(page, u"zh-pickup-result-document.png"_s);

        // Ctrl+P: the print dialog, then every page of the licence.
        const QString printed = m_dir.filePath(u"printed.pdf"_s);
        const int asked = PrintDialog::askCount();
        PrintDialog::setNextAnswer(PrintDialog::Answer::Print, {}, printed);
        QTest::keyClick(&page, Qt::Key_P, Qt::ControlModifier);
        QCOMPARE(PrintDialog::askCount(), asked + 1);
        QPdfDocument pdf;
        QCOMPARE(pdf.load(printed), QPdfDocument::Error::None);
        QCOMPARE(pdf.pageCount(), 2);
        QVERIFY2(page.message().contains(u"公共场所卫生许可证.pdf"_s), qPrintable(page.message()));

        // The letter still downloading: said so, nothing asked of the printer.
        box->list()->setFocus();
        test::press(Qt::Key_Down);
        QCOMPARE(box->chosen()->name, u"准予行政许可决定书.pdf"_s);
        QVERIFY(!box->printButton()->isEnabled());
        QTest::keyClick(&page, Qt::Key_P, Qt::ControlModifier);
        QCOMPARE(PrintDialog::askCount(), asked + 1);
        QVERIFY2(page.message().contains(u"准予行政许可决定书.pdf"_s), qPrintable(page.message()));

        // Ctrl+O on the licence: a copy named .pdf for the system's viewer.
        test::press(Qt::Key_Up);
        OpenedUrls opened;
        QDesktopServices::setUrlHandler(u"file"_s, &opened, "open");
        QTest::keyClick(&page, Qt::Key_O, Qt::ControlModifier);
        QDesktopServices::unsetUrlHandler(u"file"_s);
        QCOMPARE(opened.urls.size(), 1);
        QFile copy(opened.urls.first().toLocalFile());
        QVERIFY(copy.fileName().endsWith(u"/公共场所卫生许可证.pdf"_s));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), m_licence);

        // The hand-over names the licence that went with the result, not the letter still awaited.
        QVERIFY(page.recordHandOver());
        const CaseEvent last = m_store->events(m_number)->last();
        QCOMPARE(last.kind, EventKind::PickedUp);
        QCOMPARE(
            last.payload.value(u"documents"_s).toArray(), QJsonArray {AttachmentStore::hashOf(m_licence)});

        // The letter arrives with a later round: the list follows the sync.
        VERIFY_OK(m_store->attachments().put(m_letter));
        VERIFY_OK(ResultDocuments(m_store->database())
                      .markFetched(documentNamed(u"准予行政许可决定书.pdf"_s), m_clock.clock().nowUtc()));
        page.showCounter();
        page.refreshReady();
        QVERIFY2(
            box->list()->item(1)->text().contains(u"已接收"_s), qPrintable(box->list()->item(1)->text()));
    }
};

int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestPickupResultDocuments>(argc, argv);
}

#include "tst_pickupResultDocuments.moc"
