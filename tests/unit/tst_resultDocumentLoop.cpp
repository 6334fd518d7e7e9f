// The loop on loopback, counter to department to pickup: a case accepted at a counter (a real
// case store synced by SyncRound to a real onewindow-server) is pushed to onewindow-devsim department,
// which asks for a supplement; the supplement recorded at the counter is synced and pushed, and the
// simulator approves with its result document (a PDF) and makes the result ready. The counter's next
// round fetches the PDF into its attachment store, the pickup desk prints every page of it (onto a
// PDF file here, as the print dialog's seam does) and hands it over naming it, and the server's case
// ends picked up with the document named in the hand-over.

#include "DepartmentSimulatorProcess.h"
#include "SyncTestSupport.h"
#include "cases/PickupDesk.h"
#include "cases/ResultDocuments.h"
#include "documents/ResultDocumentPrinter.h"
#include "sync/SyncRound.h"

#include <QJsonArray>
#include <QPdfDocument>
#include <QPrinter>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::sync;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

class TestResultDocumentLoop : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<ServerProcess>(m_dir->filePath(u"server"_s));
        QVERIFY(m_server->start());
    }
    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void counterToDepartmentToPickup()
    {
        auto store = enrolled(*m_server, m_dir->filePath(u"w07"_s), u"W07"_s);
        const quint16 port = freePort();
        const QString secret = registerDepartmentEndpoint(m_dir->filePath(u"server"_s), u"wj"_s, port);
        DepartmentSimulatorProcess simulator;
        QVERIFY(simulator.start({u"--listen"_s, QString::number(port), u"--key"_s, secret, u"--server"_s,
            m_server->url(), u"--department-key"_s, m_server->departmentKey(u"wj"_s), u"--outcome"_s,
            u"supplement-then-approve"_s, u"--ready-after"_s, u"0"_s, u"--seen-file"_s,
            m_dir->filePath(u"seen.txt"_s)}));

        // Accepted at the counter and synced: pushed, and the department asks for a supplement.
        const Case accepted = acceptCase(*store, 1, 3000, 11);
        auto client = clientFor(*store);
        VERIFY_OK(SyncRound(*store, *client).run());
        QVERIFY(simulator.waitFor(u"answered"_s, {u"kind"_s, u"supplement-requested"_s}, 1));
        VERIFY_OK(SyncRound(*store, *client).run());
        const Case requested = store->findByNumber(accepted.number).value();
        QCOMPARE(requested.state, CaseState::SupplementRequested);

        // The supplement taken at the counter and synced: the department approves with its PDF.
        VERIFY_OK(store->save(requested, cases::testing::caseEvent(EventKind::Supplemented)));
        VERIFY_OK(SyncRound(*store, *client).run());
        QVERIFY(simulator.waitFor(u"answered"_s, {u"kind"_s, u"approved"_s}, 1));
        QVERIFY(simulator.waitFor(u"answered"_s, {u"kind"_s, u"result-ready"_s}, 1));

        // The counter's round brings the decision and fetches the document.
        const Result<RoundReport> round = SyncRound(*store, *client).run();
        VERIFY_OK(round);
        QCOMPARE(round->documentsFetched, 1);
        QCOMPARE(round->documentsWaiting, 0);
        const Case ready = store->findByNumber(accepted.number).value();
        QCOMPARE(ready.state, CaseState::ResultReady);
        const PickupDesk desk(*store, u"clerk-050"_s);
        const QList<ResultDocument> documents = desk.documents(accepted.number).value();
        QCOMPARE(documents.size(), 1);
        const ResultDocument licence = documents.first();
        QCOMPARE(licence.state, ResultDocument::State::Fetched);
        QVERIFY(licence.name.endsWith(u".pdf"_s));
        QVERIFY(licence.name.contains(accepted.number));
        QCOMPARE(licence.department, u"wj"_s);
        QCOMPARE(store->attachments().read(licence.sha256)->size(), licence.size);
        QString status;
        QCOMPARE(runCli({u"sync"_s, u"status"_s, u"--json"_s, u"--data-dir"_s, m_dir->filePath(u"w07"_s)},
                     &status),
            0);
        const QJsonObject counts = QJsonDocument::fromJson(status.toUtf8()).object();
        QCOMPARE(counts.value(u"documentsFetched"_s).toInt(), 1);
        QCOMPARE(counts.value(u"documentsWaiting"_s).toInt(), 0);
        QCOMPARE(counts.value(u"documentsFailed"_s).toInt(), 0);

        // Printed at the pickup counter: every page of the department's PDF.
        const QString printed = m_dir->filePath(u"printed.pdf"_s);
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(printed);
        const Result<int> pages
            = documents::ResultDocumentPrinter(store->attachments()).print(licence, printer);
        VERIFY_OK(pages);
        QVERIFY(*pages >= 1);
        QPdfDocument pdf;
        QCOMPARE(pdf.load(printed), QPdfDocument::Error::None);
        QCOMPARE(pdf.pageCount(), *pages);
        VERIFY_OK(desk.recordDocumentOutput(licence, true, *pages));

        // Handed over, naming the document, and synced: the server's case ends picked up.
        const Result<CaseEvent> handed = desk.handOver(
            ready, Collector {Collector::Kind::Applicant, ready.applicant.name, ready.applicant.idNumber});
        VERIFY_OK(handed);
        VERIFY_OK(SyncRound(*store, *client).run());
        QCOMPARE(serverState(*client, accepted.number), u"picked-up"_s);
        const Result<QJsonObject> atServer = client->fetchCase(accepted.number);
        VERIFY_OK(atServer);
        QJsonArray named;
        for (const QJsonValue &event : atServer->value(u"events"_s).toArray())
            if (event.toObject().value(u"kind"_s).toString() == u"picked-up"_s)
                named = event.toObject().value(u"payload"_s).toObject().value(u"documents"_s).toArray();
        QCOMPARE(named, QJsonArray {licence.sha256});
    }
};

QTEST_MAIN(TestResultDocumentLoop)
#include "tst_resultDocumentLoop.moc"
