// 补齐补正: what a case awaits (waived at intake, asked for by the department), the hand-in checked
// and scanned at the counter, the event it is recorded with, the clock that resumes, the receipt.

#include "IntakeDraftSupport.h"
#include "cases/CaseDeadline.h"
#include "cases/Supplements.h"
#include "documents/SupplementReceipt.h"
#include "intake/SupplementSession.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::intake;
using namespace Qt::StringLiterals;
using cases::AwaitedMaterial;
using cases::EventKind;
using cases::MaterialCheck;

namespace {

const QDateTime kNow(QDate(2026, 3, 16), QTime(2, 0), Qt::UTC);

} // namespace

class TestSupplements : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_catalogue = testing::demoCatalogue();
        QVERIFY(m_catalogue);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto store = cases::CaseStore::open(m_dir->path(), cases::testing::workstation());
        QVERIFY(store);
        m_store = std::move(*store);
        m_store->setClock(Clock::fixed(kNow));
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void waivedMaterialIsAwaitedThenHandedIn()
    {
        const QString number = acceptWithWaiver();
        const cases::Case accepted = m_store->findByNumber(number).value();
        const auto awaited = cases::Supplements::awaited(accepted, m_store->events(number).value());
        QCOMPARE(awaited.size(), 1);
        QCOMPARE(awaited.first().source, AwaitedMaterial::Source::Waiver);
        QCOMPARE(awaited.first().deadline, QDate(2026, 3, 23));
        QVERIFY(!awaited.first().name.isEmpty());
        QVERIFY(awaited.first().name != awaited.first().materialId);
        QVERIFY(!cases::Supplements::anyOverdue(awaited, QDate(2026, 3, 23)));
        QVERIFY(cases::Supplements::anyOverdue(awaited, QDate(2026, 3, 24)));

        // Three days later the applicant brings it.
        const QDateTime later = kNow.addDays(3);
        auto session
            = SupplementSession::open(testing::environment(m_store.get(), Clock::fixed(later)), number);
        QVERIFY2(session, session ? "" : qPrintable(session.error().toString()));
        MaterialCheckList &list = (*session)->checkList();
        QCOMPARE(list.size(), 1);
        QVERIFY(!(*session)->check()); // nothing marked handed in yet
        QVERIFY(list.receiveAllMet(0));
        QVERIFY(!list.check(0).pointsTicked.isEmpty()); // the review points of the snapshot
        QVERIFY((*session)->importScans(awaited.first().materialId, {QByteArray("page one")}));
        Result<documents::Document> receipt = (*session)->record();
        QVERIFY2(receipt, receipt ? "" : qPrintable(receipt.error().toString()));
        QCOMPARE(receipt->kind, documents::DocumentKind::SupplementReceipt);
        QCOMPARE((*session)->recorded().kind, EventKind::SupplementReceived);

        const cases::Case after = m_store->findByNumber(number).value();
        QCOMPARE(after.state, cases::CaseState::AcceptedWithWaiver); // no state change
        QCOMPARE(after.findCheck(awaited.first().materialId)->status, MaterialCheck::Status::Supplemented);
        QCOMPARE(after.attachments.size(), 1);
        QVERIFY(cases::Supplements::awaited(after, m_store->events(number).value()).isEmpty());
        // The outbox carries the event with the case, so the department sees the scan.
        QVERIFY(m_store->pendingOutbox(100).value().constLast().payload.contains("supplement-received"));
    }

    void requestedMaterialsResumeTheClock()
    {
        const QString number = acceptWithWaiver();
        // The department takes it in, then asks for two materials (the clock pauses).
        for (EventKind kind : {EventKind::Transferred, EventKind::InReview})
            QVERIFY(m_store->appendEvent(number, event(kind, {}, kNow.addDays(1))));
        const QJsonArray materials {
            QJsonObject {{u"id"_s, u"fire-check"_s}, {u"name"_s, u"消防安全检查意见书"_s},
                {u"deadline"_s, u"2026-03-27"_s}},
            QJsonObject {{u"id"_s, u"water-test"_s}, {u"name"_s, u"水质检测报告"_s},
                {u"deadline"_s, u"2026-03-27"_s}}};
        QVERIFY(m_store->appendEvent(
            number, event(EventKind::SupplementRequested, {{u"materials"_s, materials}}, kNow.addDays(2))));

        // First only one of them: the request stays open, the clock stays paused.
        auto first = SupplementSession::open(
            testing::environment(m_store.get(), Clock::fixed(kNow.addDays(3))), number);
        QVERIFY(first);
        QCOMPARE((*first)->awaited().size(), 3); // the waived one and the two asked for
        QVERIFY((*first)->checkList().setStatus(
            (*first)->checkList().indexOf(QStringLiteral("fire-check")), MaterialCheck::Status::Received));
        QVERIFY((*first)->record());
        QCOMPARE((*first)->recorded().kind, EventKind::SupplementReceived);
        QCOMPARE(m_store->findByNumber(number)->state, cases::CaseState::SupplementRequested);

        // Then the other: the request is complete, the case is supplemented, the clock runs again.
        auto second = SupplementSession::open(
            testing::environment(m_store.get(), Clock::fixed(kNow.addDays(4))), number);
        QVERIFY(second);
        QCOMPARE((*second)->awaited().size(), 2);
        QVERIFY((*second)->checkList().setStatus(
            (*second)->checkList().indexOf(QStringLiteral("water-test")), MaterialCheck::Status::Received));
        QVERIFY((*second)->record());
        QCOMPARE((*second)->recorded().kind, EventKind::Supplemented);
        const cases::Case c = m_store->findByNumber(number).value();
        QCOMPARE(c.state, cases::CaseState::Supplemented);
        const auto events = m_store->events(number).value();
        const auto pauses = cases::CaseDeadline::pauses(events);
        QCOMPARE(pauses.size(), 1);
        // From the day after the request (18 March) up to and including the day it was completed.
        QCOMPARE(pauses.first().from, QDate(2026, 3, 19));
        QCOMPARE(pauses.first().to, QDate(2026, 3, 20));
    }

    void refusedWhereNothingIsAwaited()
    {
        IntakeSession session(testing::environment(m_store.get(), Clock::fixed(kNow)), m_catalogue);
        testing::answerHotel(session);
        session.setApplicant(cases::testing::person());
        QVERIFY(session.save());
        QVERIFY(!SupplementSession::open(
            testing::environment(m_store.get(), Clock::fixed(kNow)), session.currentCase().number));
    }

private:
    cases::CaseEvent event(EventKind kind, const QJsonObject &payload, const QDateTime &time)
    {
        cases::CaseEvent e;
        e.kind = kind;
        e.clerk = QStringLiteral("dept-health");
        e.time = time;
        e.payload = payload;
        return e;
    }

    QString acceptWithWaiver()
    {
        IntakeSession session(testing::environment(m_store.get(), Clock::fixed(kNow)), m_catalogue);
        testing::answerHotel(session);
        session.setApplicant(cases::testing::person());
        MaterialCheckList &list = session.checkList();
        bool waived = false;
        for (int i = 0; i < list.size(); ++i) {
            if (list.line(i).waivable && !waived) {
                waived = bool(list.setStatus(i, MaterialCheck::Status::Waived, QDate(2026, 3, 23)));
                continue;
            }
            if (list.line(i).dataShared)
                (void)list.setStatus(i, MaterialCheck::Status::DataShared);
            else
                (void)list.receiveAllMet(i);
        }
        Result<documents::Document> decided = session.decide(IntakeDecision::acceptWithWaiver());
        if (!decided)
            qWarning("%s", qPrintable(decided.error().toString()));
        return session.currentCase().number;
    }

    catalogue::CataloguePtr m_catalogue;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cases::CaseStore> m_store;
};

QTEST_GUILESS_MAIN(TestSupplements)
#include "tst_supplements.moc"
