// Practice quizzes (业务练习): every question a real situation with the engine's checklist, drawn by
// frequency class and by a walk down the question tree, distractors from the matter and related
// matters, bundles; the marking of right, wrong and missed picks against the pass mark.

#include "catalogue/BundleSituations.h"
#include "catalogue/CatalogueLoader.h"
#include "catalogue/PracticeQuiz.h"
#include "catalogue/PracticeScore.h"

#include <QJsonArray>
#include <QTest>

using namespace ow;
using namespace ow::catalogue;
using namespace Qt::StringLiterals;

class TestPracticeQuiz : public QObject
{
    Q_OBJECT

    CataloguePtr m_catalogue;
    std::unique_ptr<SituationEngine> m_engine;

    QList<PracticeQuestion> quiz(const QStringList &subjects, int questions, quint32 seed) const
    {
        PracticeSettings settings;
        settings.questionCount = questions;
        Result<QList<PracticeQuestion>> drawn = PracticeQuiz(*m_engine, settings).generate(subjects, seed);
        if (!drawn)
            qFatal("%s", qPrintable(drawn.error().toString()));
        return *drawn;
    }

    /// The question of one situation as the quiz asks it, with its choices.
    PracticeQuestion question(const QString &subject, const QString &key) const
    {
        for (const auto &[question, weight] : PracticeQuiz(*m_engine).situationsOf(subject))
            if (question.situationKey == key)
                return question;
        qFatal("no situation %s of %s", qPrintable(key), qPrintable(subject));
    }

    /// Answers from a situation key, read by the engine's own parser.
    Answers answersOf(const Matter &matter, const QString &key) const
    {
        Answers answers;
        for (const QString &part : key.split(u';', Qt::SkipEmptyParts)) {
            auto parsed = m_engine->parseAnswer(matter, part);
            if (!parsed)
                qFatal("%s", qPrintable(parsed.error().toString()));
            answers.set(parsed->first, parsed->second);
        }
        return answers;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto loaded = CatalogueLoader::loadOrError(QStringLiteral(OW_TEST_DATA_DIR "/practice"));
        QVERIFY2(loaded.has_value(), loaded ? "" : qPrintable(loaded.error().toString()));
        m_catalogue = *loaded;
        m_engine = std::make_unique<SituationEngine>(m_catalogue);
    }

    void everyQuestionIsARealSituationWithTheEnginesChecklist()
    {
        QSet<QString> bundleKeys;
        bool truncated = false;
        const Bundle *bundle = m_catalogue->bundle(u"open-pool"_s);
        for (const BundleSituation &situation : BundleSituations(*m_engine).of(*bundle, 1000, &truncated)) {
            QStringList keys;
            for (qsizetype m = 0; m < situation.keys.size(); ++m)
                keys.append(bundle->members.at(m).matterCode + u':' + situation.keys.at(m));
            bundleKeys.insert(keys.join(u" | "_s));
        }
        int bundles = 0;
        for (quint32 seed = 1; seed <= 40; ++seed) {
            for (const PracticeQuestion &q : quiz({}, 10, seed)) {
                QVERIFY(!q.required().isEmpty());
                QVERIFY(q.subject() != u"H-003"_s); // only a data-shared material: nothing to bring
                for (const QString &id : q.required())
                    QVERIFY2(q.choices.contains(id), qPrintable(q.situationKey + u" lacks "_s + id));
                QCOMPARE(QSet<QString>(q.choices.cbegin(), q.choices.cend()).size(), q.choices.size());
                QVERIFY(q.choices.size() > q.required().size());
                if (!q.bundleId.isEmpty()) {
                    ++bundles;
                    QVERIFY2(bundleKeys.contains(q.situationKey), qPrintable(q.situationKey));
                    continue;
                }
                const Matter *matter = m_catalogue->matter(q.matterCode);
                QVERIFY(matter);
                const Evaluation evaluation = m_engine->evaluate(*matter, answersOf(*matter, q.situationKey));
                QVERIFY2(evaluation.complete, qPrintable(q.situationKey)); // a situation, not a half-walk
                QVERIFY(!evaluation.outcome);
                QCOMPARE(evaluation.situationKey, q.situationKey);
                QCOMPARE(q.checklist.materialIds(), evaluation.checklist.materialIds());
                QCOMPARE(q.facts.size(), evaluation.situationPath.size());
                // Options as the counter labels them; a number as its interval ("≥ 500 平方米").
                for (qsizetype i = 0; i < q.facts.size(); ++i)
                    if (!q.facts.at(i).answer.contains(u"平方米"_s))
                        QCOMPARE(q.facts.at(i).answer, evaluation.situationPath.at(i));
            }
        }
        QVERIFY(bundles > 0); // the whole catalogue includes its bundles
    }

    void theSituationInWords()
    {
        const PracticeQuestion q = question(u"H-001"_s, u"place-type=swim;area=500"_s);
        QCOMPARE(q.facts.size(), 2);
        QCOMPARE(q.facts.at(0).question, u"经营场所属于哪一类？"_s);
        QCOMPARE(q.facts.at(0).answer, u"游泳场所"_s);
        QCOMPARE(q.facts.at(1).answer, u"≥ 500 平方米"_s);
        QCOMPARE(q.required(),
            (QStringList {u"water-report"_s, u"application-form"_s, u"id-card"_s, u"floor-plan"_s}));
    }

    void walkWeights()
    {
        // Three first answers alike; the first splits in two, then in two again.
        const QList<double> weights = PracticeQuiz::walkWeights(
            {u"a=1;b=1;c=1"_s, u"a=1;b=1;c=2"_s, u"a=1;b=2"_s, u"a=2"_s, u"a=3"_s, u""_s});
        QCOMPARE(weights.at(0), 1.0 / 12);
        QCOMPARE(weights.at(2), 1.0 / 6);
        QCOMPARE(weights.at(3), 1.0 / 3);
        QCOMPARE(weights.at(5), 1.0); // a matter without questions has one situation
    }

    void situationChancesFollowTheWalkWithoutOutcomes()
    {
        // lodging's four situations share a third, swimming's two another; the outcome's third drops out.
        QHash<QString, double> chance;
        double sum = 0;
        for (const auto &[q, weight] : PracticeQuiz(*m_engine).situationsOf(u"H-001"_s)) {
            chance.insert(q.situationKey, weight);
            sum += weight;
        }
        QCOMPARE(chance.size(), 6);
        QVERIFY(qFuzzyCompare(sum, 1.0));
        QVERIFY(qFuzzyCompare(chance.value(u"place-type=lodging;central-ac=no;rooms=large"_s), 1.0 / 8));
        QVERIFY(qFuzzyCompare(chance.value(u"place-type=swim;area=499"_s), 1.0 / 4));
    }

    void seededRunFollowsTheWeights()
    {
        // One question a quiz over many seeds: matters by class 6 : 3 : 1, then situations by the walk.
        QHash<QString, int> matters;
        QHash<QString, int> situations;
        const int runs = 4000;
        for (quint32 seed = 0; seed < runs; ++seed) {
            const PracticeQuestion q = quiz({u"H-001"_s, u"H-002"_s, u"T-001"_s}, 1, seed).first();
            ++matters[q.subject()];
            if (q.matterCode == u"H-001"_s)
                ++situations[q.situationKey.section(u';', 0, 0)];
        }
        QVERIFY2(qAbs(matters.value(u"H-001"_s) / double(runs) - 0.6) < 0.03,
            qPrintable(QString::number(matters.value(u"H-001"_s))));
        QVERIFY(qAbs(matters.value(u"H-002"_s) / double(runs) - 0.3) < 0.03);
        QVERIFY(qAbs(matters.value(u"T-001"_s) / double(runs) - 0.1) < 0.02); // low frequency still comes
        const int h1 = matters.value(u"H-001"_s);
        QVERIFY(qAbs(situations.value(u"place-type=lodging"_s) / double(h1) - 0.5) < 0.05);
        QVERIFY(qAbs(situations.value(u"place-type=swim"_s) / double(h1) - 0.5) < 0.05);
        // The same seed draws the same quiz.
        const QList<PracticeQuestion> a = quiz({}, 10, 7);
        const QList<PracticeQuestion> b = quiz({}, 10, 7);
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(a.at(i).situationKey, b.at(i).situationKey);
            QCOMPARE(a.at(i).choices, b.at(i).choices);
        }
    }

    void noSituationTwiceWhileOthersRemain()
    {
        // H-001 has six situations to ask: six questions ask each once; a seventh starts over.
        const QList<PracticeQuestion> six = quiz({u"H-001"_s}, 6, 3);
        QSet<QString> keys;
        for (const PracticeQuestion &q : six)
            keys.insert(q.situationKey);
        QCOMPARE(keys.size(), 6);
        QCOMPARE(quiz({u"H-001"_s}, 7, 3).size(), 7);
    }

    void matterWithOneSituation()
    {
        const QList<PracticeQuestion> questions = quiz({u"T-001"_s}, 3, 11);
        QCOMPARE(questions.size(), 3); // asked again: there is no other
        for (const PracticeQuestion &q : questions) {
            QCOMPARE(q.situationKey, QString());
            QVERIFY(q.facts.isEmpty());
            QCOMPARE(q.required(), (QStringList {u"id-card"_s, u"vehicle-licence"_s, u"driver-licence"_s}));
            // No other matter of the transport department: the related ones are the bundle's.
            QCOMPARE(q.choices.size(), 3 + PracticeSettings().relatedDistractors);
            const QStringList hygiene {u"application-form"_s, u"business-licence"_s, u"floor-plan"_s,
                u"water-report"_s, u"ac-report"_s, u"fire-check"_s};
            for (const QString &id : q.choices)
                QVERIFY(q.required().contains(id) || hygiene.contains(id));
        }
    }

    void distractorsFromTheMatterAndRelatedMatters()
    {
        PracticeSettings settings;
        settings.questionCount = 1;
        settings.relatedDistractors = 2;
        const PracticeQuestion q
            = PracticeQuiz(*m_engine, settings).generate({u"H-002"_s}, 5).value().first();
        if (q.situationKey == u"changed=no"_s)
            QVERIFY(q.choices.contains(u"floor-plan"_s)); // the same matter, another situation
        QCOMPARE(q.choices.size(), q.required().size() + (q.situationKey == u"changed=no"_s ? 1 : 0) + 2);
        for (const QString &id : q.choices)
            QVERIFY(m_catalogue->material(id));
        // Lodging: the data-shared business licence is offered, but is not one to bring.
        const PracticeQuestion lodging = quiz({u"H-001"_s}, 6, 1).first();
        QVERIFY(lodging.choices.contains(u"business-licence"_s));
        QVERIFY(!lodging.required().contains(u"business-licence"_s));
    }

    void bundleQuestions()
    {
        const QList<PracticeQuestion> questions = quiz({u"open-pool"_s}, 2, 9);
        QCOMPARE(questions.size(), 2);
        QVERIFY(questions.at(0).situationKey != questions.at(1).situationKey);
        for (const PracticeQuestion &q : questions) {
            QCOMPARE(q.bundleId, u"open-pool"_s);
            QCOMPARE(q.subject(), u"open-pool"_s);
            QCOMPARE(q.matterCodes, (QStringList {u"H-001"_s, u"T-001"_s}));
            QCOMPARE(q.frequency, FrequencyClass::High);
            QCOMPARE(q.facts.first().answer, u"游泳场所"_s); // the bundle's preset, told too
            QVERIFY(q.required().contains(u"water-report"_s));
            QVERIFY(q.required().contains(u"vehicle-licence"_s));
            QCOMPARE(q.required().count(u"id-card"_s), 1); // handed in once for both matters
        }
    }

    void nothingToAsk()
    {
        Result<QList<PracticeQuestion>> none = PracticeQuiz(*m_engine).generate({u"H-003"_s}, 1);
        QVERIFY(!none);
        QCOMPARE(none.error().code(), Error::Code::Invalid);
        Result<QList<PracticeQuestion>> unknown = PracticeQuiz(*m_engine).generate({u"X-404"_s}, 1);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code(), Error::Code::NotFound);
    }

    void markAllRight()
    {
        const PracticeQuestion q = question(u"H-001"_s, u"place-type=lodging;central-ac=no;rooms=small"_s);
        const QuestionScore score = PracticeScore::mark(q, q.required(), 80);
        QCOMPARE(score.score, 3);
        QCOMPARE(score.maxScore, 3);
        QVERIFY(score.passed);
        QVERIFY(score.missed.isEmpty());
        QVERIFY(score.wrong.isEmpty());
    }

    void markOneMissed()
    {
        const PracticeQuestion q = question(u"H-001"_s, u"place-type=lodging;central-ac=no;rooms=small"_s);
        const QuestionScore score = PracticeScore::mark(q, {u"id-card"_s, u"application-form"_s}, 80);
        QCOMPARE(score.missed, QStringList {u"floor-plan"_s});
        QCOMPARE(score.score, 2);
        QVERIFY(!score.passed); // 2 of 3 is under 80 %
        QVERIFY(!q.checklist.find(u"floor-plan"_s)->reviewPoints.isEmpty()); // shown after answering
        QVERIFY(PracticeScore::mark(q, {u"id-card"_s, u"application-form"_s}, 60).passed);
    }

    void markOneExtra()
    {
        const PracticeQuestion q = question(u"H-002"_s, u"changed=no"_s);
        QuestionScore score
            = PracticeScore::mark(q, {u"application-form"_s, u"id-card"_s, u"floor-plan"_s}, 80);
        QCOMPARE(score.wrong, QStringList {u"floor-plan"_s});
        QCOMPARE(score.score, 1);
        QCOMPARE(score.maxScore, 2);
        QVERIFY(!score.passed);
        // The data-shared licence is a wrong pick too: the hall fetches it.
        const PracticeQuestion lodging
            = question(u"H-001"_s, u"place-type=lodging;central-ac=no;rooms=small"_s);
        QStringList picks = lodging.required();
        picks.append(u"business-licence"_s);
        score = PracticeScore::mark(lodging, picks, 50);
        QCOMPARE(score.wrong, QStringList {u"business-licence"_s});
        QVERIFY(PracticeScore::isDataShared(lodging, u"business-licence"_s));
        QCOMPARE(score.score, 2);
        // Never below zero, and a pick counted once.
        score = PracticeScore::mark(q, {u"floor-plan"_s, u"floor-plan"_s, u"fire-check"_s}, 80);
        QCOMPARE(score.score, 0);
        QCOMPARE(score.wrong.size(), 2);
    }

    void quizTotalAndDetail()
    {
        PracticeScore total(80);
        const PracticeQuestion a = question(u"H-001"_s, u"place-type=swim;area=500"_s); // 4 to bring
        const PracticeQuestion b = question(u"T-001"_s, QString()); // 3 to bring
        total.add(a, a.required());
        const QuestionScore &second = total.add(b, {u"id-card"_s, u"vehicle-licence"_s});
        QCOMPARE(second.missed, QStringList {u"driver-licence"_s});
        QCOMPARE(total.score(), 6);
        QCOMPARE(total.maxScore(), 7);
        QCOMPARE(total.percent(), 85);
        QVERIFY(total.passed());
        QVERIFY(!PracticeScore(90).passed());

        const QJsonObject detail = second.detail(b);
        QCOMPARE(detail.value("score"_L1).toInt(), 2);
        QCOMPARE(detail.value("maxScore"_L1).toInt(), 3);
        QCOMPARE(detail.value("passed"_L1).toBool(), false);
        QCOMPARE(detail.value("missed"_L1).toArray(), QJsonArray {u"driver-licence"_s});
        const PracticeQuestion pool = quiz({u"open-pool"_s}, 1, 2).first();
        const QJsonObject bundled = PracticeScore::mark(pool, pool.required(), 80).detail(pool);
        QCOMPARE(bundled.value("bundle"_L1).toString(), u"open-pool"_s);
        QCOMPARE(bundled.value("matters"_L1).toArray().size(), 2);
        QVERIFY(bundled.value("passed"_L1).toBool());
    }

    void settingsFromTheConfiguration()
    {
        const PracticeSettings given = PracticeSettings::fromConfig(u" 20 "_s, u"90"_s);
        QCOMPARE(given.questionCount, 20);
        QCOMPARE(given.passMarkPercent, 90);
        for (const auto &[questions, mark] : {std::pair {u""_s, u""_s}, std::pair {u"0"_s, u"0"_s},
                 std::pair {u"51"_s, u"101"_s}, std::pair {u"ten"_s, u"80%"_s}}) {
            const PracticeSettings kept = PracticeSettings::fromConfig(questions, mark);
            QCOMPARE(kept.questionCount, 10);
            QCOMPARE(kept.passMarkPercent, 80);
        }
    }

    void oneRecordPerSubjectOfAQuiz()
    {
        PracticeScore total(80);
        const PracticeQuestion swim = question(u"H-001"_s, u"place-type=swim;area=500"_s);
        const PracticeQuestion transport = question(u"T-001"_s, QString());
        const PracticeQuestion lodging
            = question(u"H-001"_s, u"place-type=lodging;central-ac=no;rooms=small"_s);
        total.add(swim, swim.required());
        total.add(transport, {u"id-card"_s, u"vehicle-licence"_s});
        total.add(lodging, {u"id-card"_s, u"application-form"_s, u"business-licence"_s});
        const QList<SubjectScore> subjects = total.bySubject({swim, transport, lodging});
        QCOMPARE(subjects.size(), 2);
        const SubjectScore &hygiene = subjects.at(0);
        QCOMPARE(hygiene.subject, u"H-001"_s);
        QCOMPARE(hygiene.situations, (QStringList {swim.situationKey, lodging.situationKey}));
        QCOMPARE(hygiene.score, 4 + 1); // the data-shared licence costs the point it would not earn
        QCOMPARE(hygiene.maxScore, 7);
        QVERIFY(!hygiene.passed);
        QCOMPARE(hygiene.missed, QStringList {u"floor-plan"_s});
        QCOMPARE(hygiene.wrong, QStringList {u"business-licence"_s});
        QCOMPARE(hygiene.detail.value("questions"_L1).toArray().size(), 2);
        QCOMPARE(hygiene.detail.value("maxScore"_L1).toInt(), 7);
        QCOMPARE(hygiene.detail.value("situation"_L1).toString(),
            swim.situationKey + u" / "_s + lodging.situationKey);
        QCOMPARE(subjects.at(1).subject, u"T-001"_s);
        QCOMPARE(subjects.at(1).score, 2);
        QCOMPARE(subjects.at(1).detail.value("passed"_L1).toBool(), false);
        // A subject passes on its own share: all right on the transport question alone passes it.
        PracticeScore again(80);
        again.add(transport, transport.required());
        QVERIFY(again.bySubject({transport}).first().passed);
    }
};

QTEST_GUILESS_MAIN(TestPracticeQuiz)
#include "tst_practiceQuiz.moc"
