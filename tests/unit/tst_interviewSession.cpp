// The interview without widgets: answers that no longer apply are dropped, start over keeps a
// bundle's presets, and one evaluation per answer leaves the same state as evaluating afresh.

#include "catalogue/CatalogueLoader.h"
#include "catalogue/SituationEngine.h"
#include "intake/InterviewSession.h"

#include <QTest>
#include <algorithm>

using namespace ow;
using namespace ow::catalogue;
using ow::intake::InterviewSession;

class TestInterviewSession : public QObject
{
    Q_OBJECT

    CataloguePtr m_catalogue;

    /// Every part's evaluation is what the engine says of its answers from scratch.
    static bool evaluatedAfresh(const SituationEngine &engine, const InterviewSession &session)
    {
        for (const InterviewSession::Part &part : session.parts()) {
            const Evaluation fresh = engine.evaluate(*part.matter, part.answers);
            if (fresh.effectiveAnswers != part.evaluation.effectiveAnswers
                || fresh.complete != part.evaluation.complete
                || fresh.situationKey != part.evaluation.situationKey
                || fresh.checklist.materialIds() != part.evaluation.checklist.materialIds()
                || fresh.nextQuestion != part.evaluation.nextQuestion)
                return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const CatalogueLoader::Outcome outcome
            = CatalogueLoader::load(QStringLiteral(OW_TEST_DATA_DIR "/ui"));
        QVERIFY(outcome.catalogue);
        m_catalogue = outcome.catalogue;
    }

    void dropsAnswersThatNoLongerApply()
    {
        const SituationEngine engine(m_catalogue);
        InterviewSession session(engine, *m_catalogue->matter(QStringLiteral("330302-WJ-001")));
        QVERIFY(!session.isComplete());
        session.setAnswer(0, QStringLiteral("place-type"), Answer::single(QStringLiteral("bath")));
        session.setAnswer(0, QStringLiteral("bath-area"), Answer::numeric(300));
        session.setAnswer(0, QStringLiteral("place-type"), Answer::single(QStringLiteral("beauty")));
        session.setAnswer(0, QStringLiteral("place-type"), Answer::single(QStringLiteral("bath")));
        // The area was dropped when the place changed; it does not come back with the old answer.
        QVERIFY(!session.answer(0, QStringLiteral("bath-area")));
        QCOMPARE(session.parts().constFirst().evaluation.nextQuestion->id, QStringLiteral("bath-area"));
        QVERIFY(evaluatedAfresh(engine, session));
    }

    void clearKeepsPresets()
    {
        const SituationEngine engine(m_catalogue);
        InterviewSession session(engine, *m_catalogue->bundle(QStringLiteral("open-hotel")));
        QCOMPARE(session.parts().size(), 2);
        QVERIFY(session.isPreset(0, QStringLiteral("place-type")));
        session.setAnswer(0, QStringLiteral("lodging-kind"), Answer::single(QStringLiteral("inn")));
        QVERIFY(evaluatedAfresh(engine, session));
        session.clear();
        QVERIFY(!session.answer(0, QStringLiteral("lodging-kind")));
        QCOMPARE(session.answer(0, QStringLiteral("place-type"))->option, QStringLiteral("lodging"));
        QVERIFY(evaluatedAfresh(engine, session));
    }

    void bundleAnswerLeavesTheOtherMatterAlone()
    {
        const SituationEngine engine(m_catalogue);
        InterviewSession session(engine, *m_catalogue->bundle(QStringLiteral("open-hotel")));
        const Answers other = session.parts().at(1).evaluation.effectiveAnswers;
        session.setAnswer(0, QStringLiteral("lodging-kind"), Answer::single(QStringLiteral("inn")));
        QCOMPARE(session.parts().at(1).evaluation.effectiveAnswers, other);
        QVERIFY(evaluatedAfresh(engine, session));
    }

    void sharedQuestionIsAskedOnce()
    {
        // The demo's restaurant bundle: company set-up, food licence and fire check each ask
        // 是否委托他人办理？ with the same options (worded for each matter).
        const CatalogueLoader::Outcome demo
            = CatalogueLoader::load(QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"));
        QVERIFY(demo.catalogue);
        const SituationEngine engine(demo.catalogue);
        InterviewSession session(engine, *demo.catalogue->bundle(QStringLiteral("catering-enterprise")));
        QCOMPARE(session.parts().size(), 3);
        const QString agent = QStringLiteral("agent");
        for (int part = 0; part < 3; ++part)
            QVERIFY(session.parts().at(part).matter->findQuestion(agent));
        // Asked in the first matter only; the others follow it.
        QCOMPARE(session.askedIn(0, agent), 0);
        QCOMPARE(session.askedIn(1, agent), 0);
        QCOMPARE(session.askedIn(2, agent), 0);
        // Questions of one matter alone are asked where they are.
        QCOMPARE(session.askedIn(1, QStringLiteral("vending")), 1);

        session.setAnswer(0, agent, Answer::single(agent));
        for (int part = 0; part < 3; ++part) {
            QVERIFY2(session.answer(part, agent), qPrintable(session.parts().at(part).matter->code));
            QCOMPARE(session.answer(part, agent)->option, agent);
            QVERIFY(
                session.parts().at(part).evaluation.checklist.find(QStringLiteral("authorisation-letter")));
        }
        // Changed once, changed everywhere, and the letter leaves the merged checklist.
        const ChangePreview preview = session.preview(0, agent, Answer::single(QStringLiteral("self")));
        QVERIFY(std::any_of(preview.lost.cbegin(), preview.lost.cend(), [](const ChecklistLine &line) {
            return line.materialId == QStringLiteral("authorisation-letter");
        }));
        session.setAnswer(0, agent, Answer::single(QStringLiteral("self")));
        for (int part = 0; part < 3; ++part)
            QCOMPARE(session.answer(part, agent)->option, QStringLiteral("self"));
        QVERIFY(!session.checklist().find(QStringLiteral("authorisation-letter")));
        QVERIFY(evaluatedAfresh(engine, session));
    }
};

QTEST_GUILESS_MAIN(TestInterviewSession)
#include "tst_interviewSession.moc"
