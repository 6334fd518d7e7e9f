#include "GuiTestSupport.h"
#include "evaluator/OnScreenEvaluator.h"
#include "ui/EvaluatorPadWindow.h"

#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using ow::test::saveScreenshot;
using namespace ow::drivers::evaluator;
using ow::ui::EvaluatorPadWindow;

/// The applicant-facing touch evaluator: shows the clerk and case on request, answers with the level
/// touched, flags bad ratings, ignores touches when nothing is asked.
class TestEvaluatorPad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void touchAnswersTheRequest()
    {
        OnScreenEvaluator evaluator;
        EvaluatorPadWindow window(&evaluator, QStringLiteral("鹿城区行政服务中心"));
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.isAskingForRating());

        QSignalSpy received(&evaluator, &Evaluator::ratingReceived);
        evaluator.requestRating(
            QStringLiteral("33030201202611220100017"), QStringLiteral("王丽"), QStringLiteral("0107"));
        QVERIFY(window.isAskingForRating());
        QCOMPARE(window.shownCaseNumber(), QStringLiteral("33030201202611220100017"));
        saveScreenshot(window, QStringLiteral("evaluator-pad.png"));

        QTest::mouseClick(window.buttonFor(RatingLevel::Satisfied), Qt::LeftButton);
        QCOMPARE(received.count(), 1);
        QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("33030201202611220100017"));
        const Rating rating = received.at(0).at(1).value<Rating>();
        QCOMPARE(rating.value(), 4);
        QVERIFY(!rating.isBad());
        QVERIFY(!window.isAskingForRating()); // thanks page

        // A second touch after the answer must not produce another rating.
        QTest::mouseClick(window.buttonFor(RatingLevel::VeryDissatisfied), Qt::LeftButton);
        QCOMPARE(received.count(), 1);
    }

    void badRatingByKeyIsFlagged()
    {
        OnScreenEvaluator evaluator;
        EvaluatorPadWindow window(&evaluator, QStringLiteral("鹿城区行政服务中心"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy received(&evaluator, &Evaluator::ratingReceived);
        evaluator.requestRating(QStringLiteral("C1"), QStringLiteral("王丽"), QStringLiteral("0107"));
        QTest::keyClick(&window, Qt::Key_2);
        QCOMPARE(received.count(), 1);
        QVERIFY(received.at(0).at(1).value<Rating>().isBad());
    }

    void timeoutReturnsToTheGreeting()
    {
        OnScreenEvaluator evaluator(50);
        EvaluatorPadWindow window(&evaluator, QStringLiteral("鹿城区行政服务中心"));
        window.show();
        QSignalSpy failed(&evaluator, &Evaluator::ratingFailed);
        evaluator.requestRating(QStringLiteral("C2"), QStringLiteral("王丽"), QStringLiteral("0107"));
        QVERIFY(window.isAskingForRating());
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(!window.isAskingForRating());
        QTest::keyClick(&window, Qt::Key_5); // nothing is asked any more
        QCOMPARE(failed.count(), 1);
    }
};

QTEST_MAIN(TestEvaluatorPad)
#include "tst_evaluatorPad.moc"
