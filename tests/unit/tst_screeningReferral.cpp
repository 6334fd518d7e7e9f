#include "catalogue/CatalogueLoader.h"
#include "documents/HallSettings.h"
#include "intake/IntakeSession.h"

#include <QTest>

using namespace ow;
using namespace ow::intake;

/// The intake side of a screening outcome (tests/data/outcomes): no case on it, the referral opens
/// the other matter with the shared answers, the one-time notice only for an outcome.
class TestScreeningReferral : public QObject
{
    Q_OBJECT

    catalogue::CataloguePtr m_catalogue;
    std::optional<documents::HallSettings> m_settings;

    IntakeSession open(const QString &code) const
    {
        IntakeEnvironment environment; // no store: nothing here is stored
        environment.clerkName = QStringLiteral("李四");
        environment.settings = *m_settings;
        IntakeSession session(environment, m_catalogue);
        session.openMatter(*m_catalogue->matter(code));
        return session;
    }

    static void answer(IntakeSession &session, const QString &questionId, const QString &option)
    {
        session.setAnswer(0, questionId, catalogue::Answer::single(option));
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto loaded = catalogue::CatalogueLoader::loadOrError(QStringLiteral(OW_TEST_DATA_DIR "/outcomes"));
        QVERIFY2(loaded.has_value(), loaded ? "" : qPrintable(loaded.error().toString()));
        m_catalogue = *loaded;
        Result<documents::HallSettings> settings = documents::HallSettings::builtIn();
        QVERIFY(settings.has_value());
        m_settings = *settings;
    }

    void referralOpensTheOtherMatterWithSharedAnswers()
    {
        IntakeSession session = open(QStringLiteral("F-001"));
        answer(session, QStringLiteral("entity"), QStringLiteral("individual"));
        answer(session, QStringLiteral("scope"), QStringLiteral("prepacked"));
        QVERIFY(session.liveInterview()->outcome());
        QVERIFY(!session.liveInterview()->isComplete());
        QVERIFY(!session.interview().isComplete()); // the case holds no situation to accept
        QVERIFY(session.outcomeNotice().has_value());

        QVERIFY(session.followReferral());
        const InterviewSession *opened = session.liveInterview();
        QCOMPARE(opened->parts().constFirst().matter->code, QStringLiteral("F-002"));
        QCOMPARE(opened->answer(0, QStringLiteral("entity"))->option, QStringLiteral("individual"));
        QVERIFY(opened->isComplete());
        QVERIFY(!opened->outcome());
        QCOMPARE(session.interview().parts.constFirst().matter->code, QStringLiteral("F-002"));
        QVERIFY(!session.followReferral()); // the filing ends in no referral
    }

    void noReferralNoChange()
    {
        IntakeSession session = open(QStringLiteral("T-001"));
        session.setAnswer(0, QStringLiteral("vehicle-mass"), catalogue::Answer::numeric(3));
        QVERIFY(session.liveInterview()->outcome());
        QVERIFY(!session.followReferral()); // 无需办理 names no matter
        QCOMPARE(session.liveInterview()->parts().constFirst().matter->code, QStringLiteral("T-001"));
        QVERIFY(session.outcomeNotice().has_value());
    }

    void noOutcomeNoNotice()
    {
        IntakeSession session = open(QStringLiteral("T-001"));
        session.setAnswer(0, QStringLiteral("vehicle-mass"), catalogue::Answer::numeric(10));
        QVERIFY(!session.liveInterview()->outcome());
        QVERIFY(!session.outcomeNotice().has_value());
        QVERIFY(!session.followReferral());
    }
};

QTEST_GUILESS_MAIN(TestScreeningReferral)
#include "tst_screeningReferral.moc"
