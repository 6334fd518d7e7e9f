// The open intake kept as a draft: written in one transaction after each pause, read back as the
// clerk left it, discarded with its scans, settled by the decision; the store check finds orphans.

#include "IntakeDraftSupport.h"
#include "cases/DraftStore.h"
#include "core/ManualClock.h"
#include "intake/DraftKeeper.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::intake;
using cases::MaterialCheck;

namespace {

const QDateTime kNow(QDate(2026, 3, 16), QTime(12, 0), Qt::UTC);

QByteArray jpeg(char fill)
{
    return QByteArray("\xFF\xD8\xFF\xE0", 4) + QByteArray(512, fill) + QByteArray("\xFF\xD9", 2);
}

} // namespace

class TestIntakeDraft : public QObject
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

    void resumedIntakeIsAsLeft()
    {
        IntakeSession session(testing::environment(m_store.get(), Clock::fixed(kNow)), m_catalogue);
        QVERIFY(!session.keepDraft().value()); // nothing open: nothing to keep
        testing::answerHotel(session);
        session.setApplicant(cases::testing::person());
        session.setAgent(true);
        QVERIFY(session.checkList().setStatus(0, MaterialCheck::Status::Received));
        QVERIFY(session.checkList().setPointMet(0, session.checkList().line(0).reviewPoints.at(0).id, true));
        const QString material = session.checkList().line(0).materialId;
        QVERIFY(session.importScans(material, {jpeg('a')})); // the import keeps the draft at once
        QVERIFY(session.draftId() != 0);
        session.setDraftStep(QStringLiteral("materials"));
        QVERIFY(session.keepDraft().value());
        QVERIFY(!session.keepDraft().value()); // unchanged: not written again

        const auto listed = cases::DraftStore(*m_store).list(QStringLiteral("lisi")).value();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().title, QStringLiteral("公共场所卫生许可（新发证）"));
        QVERIFY(!listed.first().applicantMasked.contains(cases::testing::person().idNumber));
        QVERIFY(cases::DraftStore(*m_store).list(QStringLiteral("zhangsan")).value().isEmpty());

        auto resumed = IntakeSession::resume(
            testing::environment(m_store.get(), Clock::fixed(kNow)), m_catalogue, session.draftId());
        QVERIFY2(resumed, resumed ? "" : qPrintable(resumed.error().toString()));
        const IntakeSession &back = **resumed;
        QCOMPARE(back.currentCase().answers, session.currentCase().answers);
        QCOMPARE(back.currentCase().applicant, session.currentCase().applicant);
        QCOMPARE(back.currentCase().materialChecks, session.currentCase().materialChecks);
        QCOMPARE(back.currentCase().attachments, session.currentCase().attachments);
        QCOMPARE(back.draftStep(), QStringLiteral("materials"));
        QCOMPARE(back.draftId(), session.draftId());
        QVERIFY(back.liveInterview()->isComplete());
    }

    void numberedDraftResumesItsCase()
    {
        IntakeSession session(testing::environment(m_store.get(), Clock::fixed(kNow)), m_catalogue);
        testing::answerHotel(session);
        QVERIFY(session.save());
        session.setApplicant(cases::testing::person()); // typed after Ctrl+S: only the draft has it
        QVERIFY(session.keepDraft().value());
        auto resumed = IntakeSession::resume(
            testing::environment(m_store.get(), Clock::fixed(kNow)), m_catalogue, session.draftId());
        QVERIFY(resumed);
        QCOMPARE((*resumed)->currentCase().number, session.currentCase().number);
        QVERIFY((*resumed)->isStored());
        QCOMPARE((*resumed)->currentCase().applicant.name, cases::testing::person().name);
    }

    void decisionSettlesTheDraft()
    {
        IntakeSession session(testing::environment(m_store.get(), Clock::fixed(kNow)), m_catalogue);
        testing::answerHotel(session);
        session.setApplicant(cases::testing::person());
        QVERIFY(session.keepDraft().value());
        QVERIFY(session.decide(IntakeDecision::correction({QStringLiteral("营业执照复印件不清晰")})));
        QCOMPARE(session.draftId(), 0);
        QVERIFY(cases::DraftStore(*m_store).list().value().isEmpty());
        QVERIFY(!session.keepDraft().value()); // decided: the case holds it all
    }

    void discardRemovesOnlyItsOwnScans()
    {
        // Another intake holds one of the same pages: that file stays.
        IntakeSession other(testing::environment(m_store.get(), Clock::fixed(kNow)), m_catalogue);
        testing::answerHotel(other);
        const QString material = other.checkList().line(0).materialId;
        QVERIFY(other.importScans(material, {jpeg('s')}));

        IntakeSession session(testing::environment(m_store.get(), Clock::fixed(kNow)), m_catalogue);
        testing::answerHotel(session);
        QVERIFY(session.importScans(material, {jpeg('s'), jpeg('o')}));
        const QString shared = cases::AttachmentStore::hashOf(jpeg('s'));
        const QString own = cases::AttachmentStore::hashOf(jpeg('o'));
        QVERIFY(m_store->attachments().contains(own));
        QVERIFY(session.discardDraft());
        QVERIFY(!m_store->attachments().contains(own));
        QVERIFY(m_store->attachments().contains(shared));
        QCOMPARE(cases::DraftStore(*m_store).list().value().size(), 1);
        const cases::StoreCheck check = cases::DraftStore(*m_store).check().value();
        QVERIFY(check.orphanScans.isEmpty());
        QVERIFY(check.missingScans.isEmpty());
    }

    void storeCheckFindsOrphans()
    {
        // A scan written while no case or draft cites it: what a crash between the two leaves.
        const QString orphan = m_store->attachments().put(jpeg('x')).value();
        const cases::StoreCheck check = cases::DraftStore(*m_store).check().value();
        QCOMPARE(check.orphanScans, QStringList {orphan});
    }

    void keeperWritesAfterThePause()
    {
        ManualClock clock(kNow);
        IntakeSession session(testing::environment(m_store.get(), clock.clock()), m_catalogue);
        testing::answerHotel(session);
        DraftKeeper keeper(clock.clock());
        keeper.setSession(&session);
        QSignalSpy kept(&keeper, &DraftKeeper::kept);
        keeper.changed();
        clock.advance(DraftKeeper::kDelayMs / 2);
        keeper.changed(); // still typing: the delay starts again
        clock.advance(DraftKeeper::kDelayMs / 2 + 100);
        QTest::qWait(50);
        QCOMPARE(kept.count(), 0);
        clock.advance(DraftKeeper::kDelayMs);
        QTRY_COMPARE(kept.count(), 1);
        QCOMPARE(cases::DraftStore(*m_store).list().value().size(), 1);
        session.setApplicant(cases::testing::person());
        QVERIFY(keeper.flush().value()); // quitting: at once
        QCOMPARE(kept.count(), 2);
    }

private:
    catalogue::CataloguePtr m_catalogue;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cases::CaseStore> m_store;
};

QTEST_GUILESS_MAIN(TestIntakeDraft)
#include "tst_intakeDraft.moc"
