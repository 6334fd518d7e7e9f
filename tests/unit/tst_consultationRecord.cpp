// A consultation at the counter: the interview's checklist given without a case is recorded in the
// clerk-activity log with its matter, answers and whether it was printed, with an outbox row; an
// intake with a stored case, no matter open or no store records nothing.

#include "CaseTestSupport.h"
#include "cases/ClerkActivityLog.h"
#include "catalogue/CatalogueLoader.h"
#include "intake/ConsultationRecord.h"
#include "intake/IntakeSession.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::intake;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2026, 3, 16), QTime(6, 0), Qt::UTC);

} // namespace

class TestConsultationRecord : public QObject
{
    Q_OBJECT

    catalogue::CataloguePtr m_catalogue;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cases::CaseStore> m_store;

    IntakeEnvironment environment() const
    {
        IntakeEnvironment e;
        e.store = m_store.get();
        e.clerkId = u"1001"_s;
        e.clerkName = u"李四"_s;
        e.settings = documents::HallSettings::builtIn().value();
        e.calendar = std::make_shared<const WorkingCalendar>(WorkingCalendar::loadBuiltIn().value());
        e.clock = Clock::fixed(kNow);
        return e;
    }
    /// The hotel permit asked up to its checklist.
    void answerHotel(IntakeSession &session) const
    {
        session.openMatter(*m_catalogue->matter(u"330302-WJ-001"_s));
        session.setAnswer(0, u"place-type"_s, catalogue::Answer::single(u"lodging"_s));
        session.setAnswer(0, u"linen-washing"_s, catalogue::Answer::single(u"outsourced"_s));
    }

private Q_SLOTS:
    void initTestCase()
    {
        Result<catalogue::CataloguePtr> loaded = catalogue::CatalogueLoader::loadOrError(
            QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"));
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().toString()));
        m_catalogue = *loaded;
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::move(*cases::CaseStore::open(m_dir->path(), cases::testing::workstation()));
    }

    void aChecklistWithoutACaseIsAConsultation()
    {
        const IntakeEnvironment env = environment();
        IntakeSession session(env, m_catalogue);
        QCOMPARE(ConsultationRecord::record(env, session, true).value(), false); // no matter open
        answerHotel(session);
        QCOMPARE(ConsultationRecord::record(env, session, true).value(), true);
        cases::ClerkActivityLog log(*m_store);
        const QList<cases::ClerkActivity> recorded = log.list().value();
        QCOMPARE(recorded.size(), 1);
        const cases::ClerkActivity &a = recorded.first();
        QCOMPARE(a.kind, u"consultation"_s);
        QCOMPARE(a.staffNumber, u"1001"_s);
        QCOMPARE(a.clerkName, u"李四"_s);
        QCOMPARE(a.matter, u"330302-WJ-001"_s);
        QCOMPARE(a.at, kNow);
        QCOMPARE(a.detail.value(u"checklistPrinted"_s).toBool(), true);
        QCOMPARE(a.detail.value(u"answers"_s).toObject().value(u"place-type"_s).toString(), u"lodging"_s);
        QCOMPARE(log.pendingOutbox(10).value().size(), 1);
    }

    void aRecordedQuestionIsAConsultationWithItsAnswers()
    {
        IntakeEnvironment env = environment();
        IntakeSession session(env, m_catalogue);
        QCOMPARE(ConsultationRecord::recordQuestion(env, session, u"问"_s, u"答"_s).value(), false);
        answerHotel(session);
        QCOMPARE(ConsultationRecord::recordQuestion(
                     env, session, u"  可以委托他人代办吗？ "_s, u"可以，带委托书。\n"_s)
                     .value(),
            true);
        // During an intake that becomes a case too: every question answered is worth recording.
        session.setApplicant(cases::testing::person());
        QVERIFY(session.save());
        QCOMPARE(
            ConsultationRecord::recordQuestion(env, session, u"多久能拿证？"_s, u"七个工作日。"_s).value(),
            true);
        const QList<cases::ClerkActivity> recorded = cases::ClerkActivityLog(*m_store).list().value();
        QCOMPARE(recorded.size(), 2);
        const cases::ClerkActivity &a = recorded.first();
        QCOMPARE(a.kind, u"consultation"_s);
        QCOMPARE(a.matter, u"330302-WJ-001"_s);
        QCOMPARE(a.detail.value(u"question"_s).toString(), u"可以委托他人代办吗？"_s);
        QCOMPARE(a.detail.value(u"answer"_s).toString(), u"可以，带委托书。"_s);
        QCOMPARE(a.detail.value(u"answers"_s).toObject().value(u"place-type"_s).toString(), u"lodging"_s);
        QVERIFY(!a.detail.contains(u"checklistPrinted"_s));
        QCOMPARE(recorded.at(1).question(), u"多久能拿证？"_s);
        // An empty answer is refused, naming the field, and nothing is recorded.
        const Result<bool> empty = ConsultationRecord::recordQuestion(env, session, u"问题"_s, u" "_s);
        QVERIFY(!empty);
        QVERIFY(empty.error().message().contains(u"(answer)"_s));
        QCOMPARE(cases::ClerkActivityLog(*m_store).list().value().size(), 2);
    }

    void nothingForACaseOrWithoutAStore()
    {
        IntakeEnvironment env = environment();
        IntakeSession session(env, m_catalogue);
        answerHotel(session);
        session.setApplicant(cases::testing::person());
        QVERIFY(session.save()); // the applicant stays: a case is started
        QVERIFY(session.isStored());
        QCOMPARE(ConsultationRecord::record(env, session, true).value(), false);
        IntakeEnvironment checklistOnly = env;
        checklistOnly.store = nullptr;
        IntakeSession standalone(checklistOnly, m_catalogue);
        answerHotel(standalone);
        QCOMPARE(ConsultationRecord::record(checklistOnly, standalone, false).value(), false);
        QVERIFY(cases::ClerkActivityLog(*m_store).list().value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConsultationRecord)
#include "tst_consultationRecord.moc"
