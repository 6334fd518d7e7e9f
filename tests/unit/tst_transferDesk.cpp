#include "CaseTestSupport.h"
#include "cases/CaseLifecycle.h"
#include "cases/CaseStore.h"
#include "cases/TransferDesk.h"

#include <QDir>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace ow;
using namespace ow::cases;
using namespace ow::cases::testing;

/// Transfer lists (移交清单, guide 三(四)1): handover slots, the list of a slot gathered from the
/// cases waiting, the receiver's confirmation by scanning (missing and extra folders flagged, a list
/// confirmed once), the lists left unconfirmed at the end of the day, and what sync carries.
class TestTransferDesk : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    SteppingClock m_clock;

    void resetStore()
    {
        m_store.reset();
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        Result<std::unique_ptr<CaseStore>> opened = CaseStore::open(m_dir.path(), workstation());
        QVERIFY(opened);
        m_store = std::move(*opened);
        m_clock.set(QDateTime(QDate(2026, 3, 16), QTime(9, 0), Qt::LocalTime).toUTC());
        m_store->setClock(m_clock.clock());
    }

    /// An accepted case of `department`.
    QString accept(const QString &department = u"wj"_s)
    {
        Case c = draft();
        c.departmentId = department;
        c.departmentName = department == u"wj"_s ? u"区卫生健康局"_s : u"区交通运输局"_s;
        c.materialChecks[1].failedPoints.clear();
        const QString sha = m_store->attachments().put(QByteArrayLiteral("page one")).value();
        c.attachments.append(CaseAttachment {sha, u"id-card"_s, u"p1.jpg"_s, u"image/jpeg"_s, 8, {}});
        Result<Case> created = m_store->createDraft(c, u"clerk-042"_s);
        if (!created)
            qWarning() << created.error().toString();
        Case accepted = *created;
        accepted.promisedDeadline = QDate(2026, 3, 25);
        Result<CaseEvent> saved = m_store->save(accepted, caseEvent(EventKind::Accepted));
        if (!saved)
            qWarning() << saved.error().toString();
        return created->number;
    }

    TransferDesk desk(const QString &clerk = u"clerk-042"_s) const
    {
        return TransferDesk(*m_store, clerk, m_clock.clock());
    }

    CaseState state(const QString &number) const { return m_store->findByNumber(number)->state; }

    QList<EventKind> kinds(const QString &number) const
    {
        QList<EventKind> list;
        const QList<CaseEvent> events = m_store->events(number).value();
        for (const CaseEvent &e : events)
            list.append(e.kind);
        return list;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init() { resetStore(); }

    void slotsAreParsedAndChosen()
    {
        QCOMPARE(TransferSlots::parseTimes(u"11:30, 16:30").value(),
            (QList<QTime> {QTime(11, 30), QTime(16, 30)}));
        QCOMPARE(TransferSlots::parseTimes(u"9:00，14:00、16:30").value().size(), 3);
        QVERIFY(!TransferSlots::parseTimes(u"16:30, 11:30")); // not ascending
        QVERIFY(!TransferSlots::parseTimes(u"11:30, 11:30")); // repeated
        QVERIFY(!TransferSlots::parseTimes(u"24:00"));
        QVERIFY(!TransferSlots::parseTimes(u"11.30"));
        QVERIFY(!TransferSlots::parseTimes(u""));
        QVERIFY(TransferSlots::parseTimes(u"1130, x").error().message().contains(u"1130"_s));

        TransferSlots slots; // the defaults: 11:30 and 16:30, the day ending 17:30
        QCOMPARE(slots.slotAt(u"wj"_s, QTime(8, 45)), QTime(11, 30));
        QCOMPARE(slots.slotAt(u"wj"_s, QTime(11, 30)), QTime(11, 30));
        QCOMPARE(slots.slotAt(u"wj"_s, QTime(11, 31)), QTime(16, 30));
        QCOMPARE(slots.slotAt(u"wj"_s, QTime(17, 10)), QTime(16, 30)); // late paper: the last slot
        slots.setDepartment(u"jt"_s, {QTime(10, 0)});
        QCOMPARE(slots.slotAt(u"jt"_s, QTime(8, 0)), QTime(10, 0));
        QCOMPARE(slots.slotAt(u"wj"_s, QTime(8, 0)), QTime(11, 30));

        const QDate day(2026, 3, 16);
        QVERIFY(!slots.isOverdue(day, QDateTime(day, QTime(17, 29))));
        QVERIFY(slots.isOverdue(day, QDateTime(day, QTime(17, 30))));
        QVERIFY(slots.isOverdue(day, QDateTime(day.addDays(1), QTime(8, 0))));
    }

    void listIdsAndScans()
    {
        const QString id
            = TransferList::makeId(u"33030201"_s, QDate(2026, 3, 16), 7, QTime(11, 30), u"civil-defence"_s);
        QCOMPARE(id, u"33030201-20260316-07-1130-civil-defence"_s);
        QCOMPARE(TransferList::idFromScan(TransferList::scanText(id)), id);
        QCOMPARE(TransferList::idFromScan(QString(u" owtl:"_s + id + u"\r"_s)), id);
        QCOMPARE(TransferList::idFromScan(id), id);
        QVERIFY(!TransferList::idFromScan(u"33030201202603160700015"_s)); // a case number
        QVERIFY(!TransferList::idFromScan(u"OWTL:33030201-20260316-07-2460-wj"_s));
        QVERIFY(!TransferList::idFromScan(u"https://hall.example.org/s/AAAA"_s));
    }

    void onlyPaperWaitingGoesOnAList()
    {
        QVERIFY(!CaseLifecycle::apply(CaseState::Draft, EventKind::TransferListed));
        QVERIFY(!CaseLifecycle::apply(CaseState::InReview, EventKind::TransferListed));
        QVERIFY(CaseLifecycle::apply(CaseState::Supplemented, EventKind::TransferListed));
        QVERIFY(!CaseLifecycle::apply(CaseState::PickedUp, EventKind::TransferFlagged));

        TransferDesk d = desk();
        QVERIFY(!d.make(u"wj"_s)); // nothing waiting
        const QString a = accept();
        const QString b = accept();
        const QString other = accept(u"jt"_s);
        Result<Case> draftOnly = m_store->createDraft(draft(), u"clerk-042"_s); // not accepted: no paper yet
        QVERIFY(draftOnly);

        const QList<TransferDesk::Waiting> waiting = d.waiting().value();
        QCOMPARE(waiting.size(), 2);
        QCOMPARE(waiting.at(0).departmentId, u"wj"_s);
        QCOMPARE(waiting.at(0).folders, 2);

        Result<TransferList> list = d.make(u"wj"_s);
        VERIFY_OK(list);
        QCOMPARE(list->id, u"33030201-20260316-07-1130-wj"_s);
        QCOMPARE(list->slot, QTime(11, 30));
        QCOMPARE(list->departmentName, u"区卫生健康局"_s);
        QCOMPARE(list->items.size(), 2);
        QCOMPARE(list->items.at(0).caseNumber, a);
        QCOMPARE(list->items.at(1).caseNumber, b);
        QVERIFY(!list->isConfirmed());
        const QList<TransferMaterial> &materials = list->items.at(0).materials;
        QCOMPARE(materials.size(), 2);
        QCOMPARE(materials.at(0).name, u"居民身份证"_s);
        QVERIFY(materials.at(0).copy && !materials.at(0).original); // the original was seen and handed back
        QCOMPARE(materials.at(0).copies, 1);
        QCOMPARE(materials.at(0).pages, 1);
        QVERIFY(materials.at(1).original); // kept as the original
        QCOMPARE(list->pageCount(), 2);

        // Listed is not handed over: the cases stay accepted until the receiver confirms.
        QCOMPARE(state(a), CaseState::Accepted);
        QVERIFY(kinds(a).contains(EventKind::TransferListed));
        QVERIFY(!d.make(u"wj"_s)); // nothing more waiting for wj
        QCOMPARE(d.waiting().value().size(), 1);
        QCOMPARE(d.find(TransferList::scanText(list->id)).value(), *list);
        QCOMPARE(d.listsOn(QDate(2026, 3, 16)).value().size(), 1);
        Q_UNUSED(other);

        // A case accepted later before the slot joins the same list.
        const QString late = accept();
        Result<TransferList> again = d.make(u"wj"_s);
        VERIFY_OK(again);
        QCOMPARE(again->id, list->id);
        QCOMPARE(again->items.size(), 3);
        QCOMPARE(again->items.at(2).caseNumber, late);
    }

    void confirmFlagsMissingAndExtraFolders()
    {
        const QString a = accept();
        const QString b = accept();
        const QString other = accept(u"jt"_s);
        const TransferList list = desk().make(u"wj"_s).value();
        const QString tokenA = m_store->findByNumber(a)->qrToken;

        TransferDesk receiver = desk(u"dept-wj-01"_s);
        // Folder A by its label's QR link, the jt folder by its number, folder B missing, and a label
        // of a case this workstation does not know.
        const QString unknown = u"https://hall.example.org/s/"_s + QString(26, u'A');
        Result<TransferConfirmation> done = receiver.confirm(TransferList::scanText(list.id),
            {u"https://hall.example.org/s/"_s + tokenA, other, unknown, other});
        VERIFY_OK(done);
        QCOMPARE(done->received, QStringList {a});
        QCOMPARE(done->missing, QStringList {b});
        QCOMPARE(done->extra, (QStringList {other, unknown}));
        QCOMPARE(done->receiver, u"dept-wj-01"_s);

        QCOMPARE(state(a), CaseState::Transferred);
        QCOMPARE(state(b), CaseState::Accepted); // missing: not handed over
        QCOMPARE(state(other), CaseState::Accepted);
        QCOMPARE(kinds(b).last(), EventKind::TransferFlagged);
        QCOMPARE(m_store->events(b)->last().payload.value(u"problem"_s).toString(), u"missing"_s);
        QCOMPARE(m_store->events(other)->last().payload.value(u"problem"_s).toString(), u"extra"_s);

        const TransferList confirmed = receiver.find(list.id).value();
        QVERIFY(confirmed.isConfirmed());
        QCOMPARE(*confirmed.confirmation, *done);

        // The missing folder waits for the next list; the one handed over does not.
        const QList<TransferDesk::Waiting> waiting = desk().waiting().value();
        QCOMPARE(waiting.size(), 2);
        const TransferList next = desk().prepare(u"wj"_s).value();
        QCOMPARE(next.items.size(), 1);
        QCOMPARE(next.items.at(0).caseNumber, b);
        QVERIFY(next.id != list.id); // the 11:30 list was handed over: late paper gets its own handover
    }

    void aListIsConfirmedOnce()
    {
        const QString a = accept();
        const TransferList list = desk().make(u"wj"_s).value();
        VERIFY_OK(desk(u"dept-wj-01"_s).confirm(list.id, {a}));
        const qsizetype events = m_store->events(a)->size();
        Result<TransferConfirmation> twice = desk(u"dept-wj-02"_s).confirm(list.id, {a});
        QVERIFY(!twice);
        QVERIFY2(twice.error().message().contains(u"dept-wj-01"_s), qPrintable(twice.error().message()));
        QCOMPARE(m_store->events(a)->size(), events);
        QVERIFY(!desk().confirm(u"33030201-20260316-07-1130-jt"_s, {a})); // no such list
        QCOMPARE(desk().confirm(u"not a list"_s, {}).error().code(), Error::Code::Invalid);
    }

    void confirmationOfflineGoesOutWithTheSync()
    {
        const QString a = accept();
        const QString b = accept();
        const TransferList list = desk().make(u"wj"_s).value();
        const qint64 before = m_store->outboxCount()->pending;
        VERIFY_OK(desk(u"dept-wj-01"_s).confirm(list.id, {a, b}));
        // Two transferred events wait in the outbox, each carrying the state after it.
        QCOMPARE(m_store->outboxCount()->pending, before + 2);
        const QList<OutboxEntry> rows = m_store->pendingOutbox(100).value();
        int transferred = 0;
        for (const OutboxEntry &row : rows) {
            const QJsonObject entry = QJsonDocument::fromJson(row.payload).object();
            if (entry.value(u"event"_s).toObject().value(u"kind"_s).toString() == u"transferred"_s) {
                QCOMPARE(entry.value(u"state"_s).toString(), u"transferred"_s);
                QCOMPARE(entry.value(u"event"_s)
                             .toObject()
                             .value(u"payload"_s)
                             .toObject()
                             .value(u"list"_s)
                             .toString(),
                    list.id);
                ++transferred;
            }
        }
        QCOMPARE(transferred, 2);

        // Another receiver confirmed the same list offline too; its events arrive with the sync: stored,
        // the cases stay transferred once, and the list keeps its first confirmation.
        CaseEvent remote;
        remote.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        remote.caseNumber = a;
        remote.kind = EventKind::Transferred;
        remote.time = m_clock.clock().nowUtc();
        remote.clerk = u"dept-wj-09"_s;
        remote.counter = u"W09"_s;
        remote.payload = QJsonObject {{u"list"_s, list.id}, {u"confirmation"_s, u"other"_s}};
        QCOMPARE(m_store->recordRemoteEvents({remote}).value(), 1);
        QCOMPARE(state(a), CaseState::Transferred);
        const TransferList seen = desk().find(list.id).value();
        QCOMPARE(seen.confirmation->receiver, u"dept-wj-01"_s);
        QCOMPARE(seen.confirmation->received, (QStringList {a, b}));
    }

    void unconfirmedListsAreOverdueAtTheEndOfTheDay()
    {
        accept();
        const TransferList list = desk().make(u"wj"_s).value();
        QVERIFY(desk().overdue().value().isEmpty());
        m_clock.set(QDateTime(QDate(2026, 3, 16), QTime(17, 29), Qt::LocalTime).toUTC());
        QVERIFY(desk().overdue().value().isEmpty());
        m_clock.set(QDateTime(QDate(2026, 3, 16), QTime(17, 31), Qt::LocalTime).toUTC());
        QCOMPARE(desk().overdue().value().size(), 1);
        m_clock.set(QDateTime(QDate(2026, 3, 18), QTime(9, 0), Qt::LocalTime).toUTC());
        const QList<TransferList> late = desk().overdue().value();
        QCOMPARE(late.size(), 1);
        QCOMPARE(late.at(0).id, list.id);
        VERIFY_OK(desk(u"dept-wj-01"_s).confirm(list.id, {list.items.at(0).caseNumber}));
        QVERIFY(desk().overdue().value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTransferDesk)
#include "tst_transferDesk.moc"
