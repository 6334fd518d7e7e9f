#include "CaseTestSupport.h"
#include "cases/CaseJson.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace ow::cases;
using namespace ow::cases::testing;
using namespace Qt::StringLiterals;

/// The store's side of sync: outbox delivery, the sync state, events and cases from the server.
class TestCaseStoreSync : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    SteppingClock m_time;

    std::unique_ptr<CaseStore> open(const QString &name, int counter)
    {
        auto store = CaseStore::open(m_dir->filePath(name), workstation(counter));
        if (!store)
            qFatal("cannot open store: %s", qPrintable(store.error().toString()));
        (*store)->setClock(m_time.clock());
        return std::move(*store);
    }

    static Case accepted(CaseStore &store, const QByteArray &scan = {})
    {
        Case c = draft();
        c.materialChecks[1].failedPoints.clear();
        if (!scan.isEmpty()) {
            const QString sha = store.attachments().put(scan).value();
            c.attachments = {CaseAttachment {sha, u"id-card"_s, u"id.jpg"_s, u"image/jpeg"_s, scan.size(),
                QDateTime(QDate(2026, 3, 16), QTime(12, 0), Qt::UTC)}};
        }
        Case stored = store.createDraft(c, u"clerk-042"_s).value();
        if (!store.save(stored, caseEvent(EventKind::Accepted)))
            qFatal("accept failed");
        return store.findByNumber(stored.number).value();
    }

    static CaseEvent remote(const QString &number, EventKind kind, const QDateTime &time)
    {
        CaseEvent e = caseEvent(kind, u"dept-wj-01"_s);
        e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        e.caseNumber = number;
        e.time = time;
        e.counter = u"wj"_s;
        return e;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_time.set(QDateTime(QDate(2026, 3, 16), QTime(12, 0), Qt::UTC));
    }

    void outboxIsDeliveredInOrderAndOnce()
    {
        auto store = open(u"a"_s, 7);
        accepted(*store);
        accepted(*store);
        QCOMPARE(store->outboxCount()->pending, 4);
        const QList<OutboxEntry> first = store->pendingOutbox(3).value();
        QCOMPARE(first.size(), 3);
        QVERIFY(first.at(0).id < first.at(1).id && first.at(1).id < first.at(2).id);
        const QJsonObject payload = QJsonDocument::fromJson(first.at(0).payload).object();
        QCOMPARE(payload.value("event"_L1).toObject().value("id"_L1).toString(), first.at(0).eventId);
        QCOMPARE(payload.value("state"_L1).toString(), u"draft"_s);
        QVERIFY(payload.contains("case"_L1));

        VERIFY_OK(store->markOutboxSent({first.at(0).id, first.at(1).id}));
        VERIFY_OK(store->markOutboxFailed(first.at(2).id, u"a case of another hall"_s));
        const OutboxCounts counts = store->outboxCount().value();
        QCOMPARE(counts.pending, 1);
        QCOMPARE(counts.failed, 1);
        QCOMPARE(counts.sent, 2);
        const QList<OutboxEntry> rest = store->pendingOutbox(100).value();
        QCOMPARE(rest.size(), 1);
        QVERIFY(rest.at(0).id > first.at(2).id);
        QCOMPARE(store->database()
                     .scalar(u"SELECT failed FROM outbox WHERE id = ?"_s, {first.at(2).id})
                     ->toString(),
            u"a case of another hall"_s);
        // Marking a delivered row again changes nothing.
        VERIFY_OK(store->markOutboxSent({first.at(0).id}));
        QCOMPARE(store->outboxCount()->sent, 2);
    }

    void syncStateKeepsValues()
    {
        auto store = open(u"a"_s, 7);
        QCOMPARE(store->syncValue(u"token"_s).value(), QString());
        VERIFY_OK(store->setSyncValues({{u"token"_s, u"secret"_s}, {u"server"_s, u"http://x"_s}}));
        VERIFY_OK(store->setSyncValues({{u"token"_s, u"other"_s}}));
        store.reset();
        store = open(u"a"_s, 7);
        QCOMPARE(store->syncValue(u"token"_s).value(), u"other"_s);
        QCOMPARE(store->syncValue(u"server"_s).value(), u"http://x"_s);
    }

    void uploadsAreCounted()
    {
        auto store = open(u"a"_s, 7);
        const QByteArray scan(3000, 'x');
        const Case c = accepted(*store, scan);
        accepted(*store, scan); // the same scan twice is one upload
        QCOMPARE(store->pendingUploadBytes().value(), 3000);
        const QString sha = c.attachments.first().sha256;
        QVERIFY(!store->isAttachmentUploaded(sha).value());
        VERIFY_OK(store->markAttachmentsUploaded({sha}));
        VERIFY_OK(store->markAttachmentsUploaded({sha, sha}));
        QVERIFY(store->isAttachmentUploaded(sha).value());
        QCOMPARE(store->pendingUploadBytes().value(), 0);
    }

    void remoteEventsHaveNoOutboxAndNeverMoveBackwards()
    {
        auto a = open(u"a"_s, 7);
        auto b = open(u"b"_s, 8);
        const Case c = accepted(*a, QByteArray(100, 'y'));
        const QList<CaseEvent> log = a->events(c.number).value();
        const QDateTime t = m_time.clock().nowUtc();

        // An event of a case the store does not hold stores nothing, not even the cursor.
        const CaseEvent review = remote(c.number, EventKind::InReview, t);
        QVERIFY(!b->recordRemoteEvents({review}, u"cursor"_s, u"3"_s));
        QCOMPARE(b->syncValue(u"cursor"_s).value(), QString());

        VERIFY_OK(b->importCase(c, log));
        QCOMPARE(b->findByNumber(c.number)->state, CaseState::Accepted);
        QCOMPARE(b->events(c.number)->size(), 2);
        QCOMPARE(b->outboxCount()->pending, 0);
        QVERIFY(b->isAttachmentUploaded(c.attachments.first().sha256).value());
        // Importing again adds nothing.
        VERIFY_OK(b->importCase(c, log));
        QCOMPARE(b->events(c.number)->size(), 2);

        const CaseEvent transferred = remote(c.number, EventKind::Transferred, t.addSecs(1));
        const CaseEvent approved = remote(c.number, EventKind::Approved, t.addSecs(3));
        QCOMPARE(b->recordRemoteEvents({transferred, review, approved}, u"cursor"_s, u"9"_s).value(), 3);
        QCOMPARE(b->syncValue(u"cursor"_s).value(), u"9"_s);
        QCOMPARE(b->findByNumber(c.number)->state, CaseState::Approved);
        // The same events again (a retried pull): nothing new, the ids are kept.
        QCOMPARE(b->recordRemoteEvents({transferred, review}, u"cursor"_s, u"10"_s).value(), 0);
        QCOMPARE(b->events(c.number)->size(), 5);
        QCOMPARE(b->events(c.number)->at(3).id, review.id);
        // A late "in review" is stored but the case stays approved.
        const CaseEvent late = remote(c.number, EventKind::InReview, t.addSecs(2));
        QCOMPARE(b->recordRemoteEvents({late}).value(), 1);
        QCOMPARE(b->events(c.number)->size(), 6);
        QCOMPARE(b->findByNumber(c.number)->state, CaseState::Approved);
        QCOMPARE(b->outboxCount()->pending, 0);

        // The counter's own events coming back are skipped; the department's are recorded.
        QCOMPARE(a->recordRemoteEvents(log + QList<CaseEvent> {transferred}).value(), 1);
        QCOMPARE(a->findByNumber(c.number)->state, CaseState::Transferred);
        QCOMPARE(a->outboxCount()->pending, 2);
    }
};

QTEST_GUILESS_MAIN(TestCaseStoreSync)
#include "tst_caseStoreSync.moc"
