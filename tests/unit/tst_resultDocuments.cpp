// The departments' result documents at the workstation: queued with the event from the server that
// names them (also in a case imported whole), fetched by hash against a stand-in server, checked
// (size, SHA-256, a PDF) and stored beside the scans; the faults: bytes not there yet, a wrong file
// served, a file that is not a PDF, an answer cut off mid-way; each retried at the next run. The
// pickup desk's hand-over and mailing name the documents that went with the result.

#include "CaseTestSupport.h"
#include "PreApplicationTestServer.h"
#include "cases/PickupDesk.h"
#include "cases/ResultDocuments.h"
#include "sync/ResultDocumentFetch.h"
#include "sync/SyncProtocol.h"
#include "sync/SyncWarnings.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace ow;
using namespace ow::cases;
using namespace ow::cases::testing;
using namespace ow::sync;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

namespace {

QByteArray pdfBytes(const QByteArray &text)
{
    return "%PDF-1.4\n% " + text + "\ntrailer\n<< >>\n%%EOF\n";
}

} // namespace

class TestResultDocuments : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    SteppingClock m_time;
    std::unique_ptr<CaseStore> m_store;

    Case approved(const QByteArray &pdf, const QString &name = u"卫生许可证.pdf"_s)
    {
        Case c = draft();
        c.materialChecks[1].failedPoints.clear();
        Case stored = m_store->createDraft(c, u"clerk-042"_s).value();
        if (!m_store->save(stored, caseEvent(EventKind::Accepted)))
            qFatal("accept failed");
        if (!m_store->recordRemoteEvents({decision(stored.number, EventKind::Transferred, {}, {}),
                decision(stored.number, EventKind::InReview, {}, {}),
                decision(stored.number, EventKind::Approved, pdf, name)}))
            qFatal("approval not recorded");
        return m_store->findByNumber(stored.number).value();
    }

    CaseEvent decision(const QString &number, EventKind kind, const QByteArray &pdf, const QString &name)
    {
        CaseEvent e = caseEvent(kind, u"dept-wj-01"_s);
        e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        e.caseNumber = number;
        e.time = m_time.clock().nowUtc();
        e.counter = u"wj"_s;
        e.payload = QJsonObject {{u"department"_s, u"wj"_s}};
        if (!pdf.isNull())
            e.payload.insert(u"document"_s,
                QJsonObject {{u"name"_s, name}, {u"sha256"_s, AttachmentStore::hashOf(pdf)},
                    {u"size"_s, double(pdf.size())}});
        return e;
    }

    ResultDocument only(const QString &number)
    {
        const QList<ResultDocument> list = ResultDocuments(m_store->database()).forCase(number).value();
        if (list.size() != 1)
            qFatal("expected one document, found %d", int(list.size()));
        return list.first();
    }

    static QByteArray path(const QByteArray &pdf)
    {
        return QByteArray(protocol::kApiBase.data(), protocol::kApiBase.size()) + "/attachments/"
            + AttachmentStore::hashOf(pdf).toLatin1();
    }

    Result<ResultDocumentFetch::Report> fetch(const PreApplicationTestServer &server)
    {
        SyncClient client(QUrl(server.url()), u"token"_s);
        client.setClock(m_time.clock());
        client.setTimeout(5000);
        return ResultDocumentFetch(*m_store, client).run();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto store = CaseStore::open(m_dir->filePath(u"w07"_s), workstation());
        QVERIFY(store);
        m_store = std::move(*store);
        m_store->setClock(m_time.clock());
    }
    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void eventWithDocumentQueuesIt()
    {
        const QByteArray pdf = pdfBytes("licence");
        const Case c = approved(pdf);
        const ResultDocument d = only(c.number);
        QCOMPARE(d.sha256, AttachmentStore::hashOf(pdf));
        QCOMPARE(d.name, u"卫生许可证.pdf"_s);
        QCOMPARE(d.size, pdf.size());
        QCOMPARE(d.department, u"wj"_s);
        QCOMPARE(d.state, ResultDocument::State::Waiting);
        QVERIFY(d.received.isValid());

        // The same file named again by the result-ready, and an event naming none: nothing new.
        const ResultDocuments documents(m_store->database());
        QCOMPARE(m_store
                     ->recordRemoteEvents({decision(c.number, EventKind::ResultReady, pdf, u"x.pdf"_s),
                         decision(c.number, EventKind::Note, {}, {})})
                     .value(),
            2);
        QCOMPARE(documents.forCase(c.number)->size(), 1);
        QCOMPARE(documents.counts()->waiting, 1);
        // An event recorded twice (the same id) does not queue anything either.
        CaseEvent again = decision(c.number, EventKind::Note, pdfBytes("other"), u"other.pdf"_s);
        QCOMPARE(m_store->recordRemoteEvents({again}).value(), 1);
        QCOMPARE(m_store->recordRemoteEvents({again}).value(), 0);
        QCOMPARE(documents.forCase(c.number)->size(), 2);
    }

    void malformedReferences()
    {
        const Case c = approved({});
        CaseEvent badHash = decision(c.number, EventKind::Note, pdfBytes("a"), u"a.pdf"_s);
        QJsonObject document = badHash.payload.value(u"document"_s).toObject();
        document.insert(u"sha256"_s, u"not-a-hash"_s);
        badHash.payload.insert(u"document"_s, document);
        CaseEvent badSize = decision(c.number, EventKind::Note, pdfBytes("b"), u"../../etc/b.pdf"_s);
        document = badSize.payload.value(u"document"_s).toObject();
        document.insert(u"size"_s, 0);
        badSize.payload.insert(u"document"_s, document);
        VERIFY_OK(m_store->recordRemoteEvents({badHash, badSize}));
        // No hash, nothing to fetch; an impossible size is kept failed with the reason, and the
        // department's name loses its folders.
        const ResultDocument d = only(c.number);
        QCOMPARE(d.state, ResultDocument::State::Failed);
        QVERIFY(d.message.contains(u"size"_s));
        QCOMPARE(d.name, u"b.pdf"_s);
    }

    void importedCaseQueuesItsDocuments()
    {
        // A case accepted at another counter reaches the pickup counter whole, with its approval.
        Case c = draft();
        c.materialChecks[1].failedPoints.clear();
        auto other = CaseStore::open(m_dir->filePath(u"w08"_s), workstation(8));
        QVERIFY(other);
        (*other)->setClock(m_time.clock());
        Case elsewhere = (*other)->createDraft(c, u"clerk-043"_s).value();
        QVERIFY((*other)->save(elsewhere, caseEvent(EventKind::Accepted)));
        elsewhere = (*other)->findByNumber(elsewhere.number).value();
        QList<CaseEvent> log = (*other)->events(elsewhere.number).value();
        log.append(decision(elsewhere.number, EventKind::Approved, pdfBytes("imported"), u"批文.pdf"_s));
        VERIFY_OK(m_store->importCase(elsewhere, log));
        QCOMPARE(only(elsewhere.number).name, u"批文.pdf"_s);
    }

    void fetchedCheckedAndStored()
    {
        const QByteArray pdf = pdfBytes("licence");
        const Case c = approved(pdf);
        PreApplicationTestServer server;
        server.answer("GET", path(pdf), CannedAnswer {200, "application/pdf", pdf, -1});
        const Result<ResultDocumentFetch::Report> report = fetch(server);
        VERIFY_OK(report);
        QCOMPARE(report->fetched, 1);
        QCOMPARE(report->waiting, 0);
        const ResultDocument d = only(c.number);
        QCOMPARE(d.state, ResultDocument::State::Fetched);
        QVERIFY(d.fetched.isValid());
        QCOMPARE(m_store->attachments().read(d.sha256).value(), pdf);
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().first().authorization, QByteArray("Bearer token"));

        // Fetched once: the next run asks nothing.
        server.clearRequests();
        VERIFY_OK(fetch(server));
        QCOMPARE(server.requests().size(), 0);
    }

    void eventBeforeTheBytes()
    {
        // The department's event reached the counter before its file reached the server.
        const QByteArray pdf = pdfBytes("early");
        const Case c = approved(pdf);
        PreApplicationTestServer server;
        const Result<ResultDocumentFetch::Report> first = fetch(server);
        VERIFY_OK(first);
        QCOMPARE(first->fetched, 0);
        QCOMPARE(first->waiting, 1);
        ResultDocument d = only(c.number);
        QCOMPARE(d.state, ResultDocument::State::Waiting);
        QVERIFY(!d.message.isEmpty());
        QCOMPARE(d.attempts, 1);
        QVERIFY(!m_store->attachments().contains(d.sha256));

        server.answer("GET", path(pdf), CannedAnswer {200, "application/pdf", pdf, -1});
        QCOMPARE(fetch(server)->fetched, 1);
        d = only(c.number);
        QCOMPARE(d.state, ResultDocument::State::Fetched);
        QVERIFY(d.message.isEmpty());
    }

    void wrongFileRefusedThenRetried()
    {
        const QByteArray pdf = pdfBytes("licence");
        const Case c = approved(pdf);
        PreApplicationTestServer server;
        // Same size, other bytes: the hash tells.
        QByteArray wrong = pdf;
        wrong[wrong.size() - 3] = 'X';
        server.answer("GET", path(pdf), CannedAnswer {200, "application/pdf", wrong, -1});
        Result<ResultDocumentFetch::Report> report = fetch(server);
        VERIFY_OK(report);
        QCOMPARE(report->failed, 1);
        ResultDocument d = only(c.number);
        QCOMPARE(d.state, ResultDocument::State::Failed);
        QVERIFY2(d.message.contains(u"SHA-256"_s), qPrintable(d.message));
        QVERIFY(!m_store->attachments().contains(d.sha256));
        QVERIFY(!m_store->attachments().contains(AttachmentStore::hashOf(wrong)));
        QCOMPARE(SyncWarnings::of(*m_store)->size(), 1);
        QCOMPARE(ResultDocuments(m_store->database()).counts()->failed, 1);

        // A longer file is refused before it is read whole.
        server.answer("GET", path(pdf), CannedAnswer {200, "application/pdf", pdf + "more", -1});
        VERIFY_OK(fetch(server));
        QCOMPARE(only(c.number).state, ResultDocument::State::Failed);

        server.answer("GET", path(pdf), CannedAnswer {200, "application/pdf", pdf, -1});
        QCOMPARE(fetch(server)->fetched, 1);
        QCOMPARE(only(c.number).state, ResultDocument::State::Fetched);
        QVERIFY(SyncWarnings::of(*m_store)->isEmpty());
    }

    void notAPdfRefused()
    {
        const QByteArray text = "PK\x03\x04 a zip, not a PDF";
        const Case c = approved(text, u"licence.pdf"_s);
        PreApplicationTestServer server;
        server.answer("GET", path(text), CannedAnswer {200, "application/pdf", text, -1});
        VERIFY_OK(fetch(server));
        const ResultDocument d = only(c.number);
        QCOMPARE(d.state, ResultDocument::State::Failed);
        QVERIFY2(d.message.contains(u"PDF"_s), qPrintable(d.message));
        QVERIFY(!m_store->attachments().contains(d.sha256));
    }

    void interruptedDownloadResumesNextRun()
    {
        const QByteArray first = pdfBytes(QByteArray(4000, 'a'));
        const QByteArray second = pdfBytes(QByteArray(4000, 'b'));
        const Case a = approved(first);
        const Case b = approved(second);
        PreApplicationTestServer server;
        // The first document comes; the server dies half-way through the second.
        server.answer("GET", path(first), CannedAnswer {200, "application/pdf", first, -1});
        server.answer("GET", path(second), CannedAnswer {200, "application/pdf", second, 2000});
        const Result<ResultDocumentFetch::Report> cut = fetch(server);
        QVERIFY(!cut);
        QCOMPARE(only(a.number).state, ResultDocument::State::Fetched);
        const ResultDocument waiting = only(b.number);
        QCOMPARE(waiting.state, ResultDocument::State::Waiting);
        QVERIFY(!waiting.message.isEmpty());
        // Nothing half-written under the document's name.
        QVERIFY(!m_store->attachments().contains(waiting.sha256));
        QVERIFY(!QFileInfo::exists(m_store->attachments().pathFor(waiting.sha256)));

        server.answer("GET", path(second), CannedAnswer {200, "application/pdf", second, -1});
        server.clearRequests();
        const Result<ResultDocumentFetch::Report> resumed = fetch(server);
        VERIFY_OK(resumed);
        QCOMPARE(resumed->fetched, 1);
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(m_store->attachments().read(waiting.sha256).value(), second);
    }

    void handOverAndMailingNameTheDocuments()
    {
        const QByteArray pdf = pdfBytes("licence");
        Case c = approved(pdf);
        VERIFY_OK(m_store->recordRemoteEvents({decision(c.number, EventKind::ResultReady, {}, {})}));
        PreApplicationTestServer server;
        server.answer("GET", path(pdf), CannedAnswer {200, "application/pdf", pdf, -1});
        VERIFY_OK(fetch(server));
        // A second document still waiting does not go with it.
        VERIFY_OK(m_store->recordRemoteEvents(
            {decision(c.number, EventKind::Note, pdfBytes("later"), u"later.pdf"_s)}));
        c = m_store->findByNumber(c.number).value();
        const PickupDesk desk(*m_store, u"clerk-050"_s);
        const Result<CaseEvent> handed = desk.handOver(
            c, Collector {Collector::Kind::Applicant, c.applicant.name, c.applicant.idNumber});
        VERIFY_OK(handed);
        QCOMPARE(handed->payload.value(u"documents"_s).toArray(), QJsonArray {AttachmentStore::hashOf(pdf)});

        // Without documents the payload stays as it was.
        Case plain = approved({});
        VERIFY_OK(m_store->recordRemoteEvents({decision(plain.number, EventKind::ResultReady, {}, {})}));
        plain = m_store->findByNumber(plain.number).value();
        plain.applicant = enterprise();
        VERIFY_OK(m_store->save(plain, caseEvent(EventKind::Updated)));
        plain = m_store->findByNumber(plain.number).value();
        const Result<CaseEvent> mailed = desk.mail(plain, u"EA123456785CN"_s);
        VERIFY_OK(mailed);
        QVERIFY(!mailed->payload.contains(u"documents"_s));
    }
};

QTEST_GUILESS_MAIN(TestResultDocuments)
#include "tst_resultDocuments.moc"
