#include "catalogue/CatalogueLoader.h"
#include "catalogue/SituationEngine.h"

#include <QTest>
#include <algorithm>

using namespace ow::catalogue;

/// The situation engine on a small catalogue that exercises every rule of the checklist.
class TestSituationEngine : public QObject
{
    Q_OBJECT

private:
    CataloguePtr m_catalogue;
    std::unique_ptr<SituationEngine> m_engine;
    const Matter *m_hygiene = nullptr;
    const Matter *m_shop = nullptr;

    Answers answers(const Matter &matter, const QStringList &texts) const
    {
        Answers result;
        for (const QString &text : texts) {
            auto parsed = m_engine->parseAnswer(matter, text);
            if (!parsed)
                qFatal("bad answer in test: %s", qPrintable(parsed.error().toString()));
            result.set(parsed->first, parsed->second);
        }
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto loaded = CatalogueLoader::loadOrError(QStringLiteral(OW_TEST_DATA_DIR "/engine/basic"));
        QVERIFY2(loaded.has_value(), loaded ? "" : qPrintable(loaded.error().toString()));
        m_catalogue = *loaded;
        m_engine = std::make_unique<SituationEngine>(m_catalogue);
        m_hygiene = m_catalogue->matter(QStringLiteral("M1"));
        m_shop = m_catalogue->matter(QStringLiteral("M2"));
        QVERIFY(m_hygiene && m_shop);
    }

    void noAnswersShowsFirstQuestionAndBasicMaterials()
    {
        const Evaluation e = m_engine->evaluate(*m_hygiene, {});
        QCOMPARE(e.visibleQuestions.size(), 1);
        QCOMPARE(e.nextQuestion->id, QStringLiteral("place"));
        QVERIFY(!e.complete);
        QCOMPARE(e.checklist.materialIds(),
            (QStringList {QStringLiteral("application"), QStringLiteral("id-card")}));
        const ChecklistLine *id = e.checklist.find(QStringLiteral("id-card"));
        QCOMPARE(id->reasons.size(), 1);
        QVERIFY(id->reasons.first().questionId.isEmpty()); // basic material
    }

    void answeringRevealsDependentQuestions()
    {
        const Evaluation e
            = m_engine->evaluate(*m_hygiene, answers(*m_hygiene, {QStringLiteral("place=bath")}));
        QCOMPARE(e.visibleQuestions.size(), 3);
        QCOMPARE(e.nextQuestion->id, QStringLiteral("area"));
        const Evaluation hotel
            = m_engine->evaluate(*m_hygiene, answers(*m_hygiene, {QStringLiteral("place=hotel")}));
        QCOMPARE(hotel.visibleQuestions.size(), 2); // area is not asked for a hotel
        QCOMPARE(hotel.nextQuestion->id, QStringLiteral("premises"));
        QVERIFY(hotel.effectiveAnswers.isNotApplicable(QStringLiteral("area")));
    }

    void numberThresholdAddsMaterials_data()
    {
        QTest::addColumn<double>("area");
        QTest::addColumn<bool>("fireCheck");
        QTest::newRow("below") << 149.0 << false;
        QTest::newRow("at") << 150.0 << true;
        QTest::newRow("above") << 400.0 << true;
    }
    void numberThresholdAddsMaterials()
    {
        QFETCH(double, area);
        QFETCH(bool, fireCheck);
        Answers a = answers(*m_hygiene, {QStringLiteral("place=bath"), QStringLiteral("premises=none")});
        a.set(QStringLiteral("area"), Answer::numeric(area));
        const Evaluation e = m_engine->evaluate(*m_hygiene, a);
        QVERIFY(e.complete);
        QCOMPARE(e.checklist.find(QStringLiteral("fire-check")) != nullptr, fireCheck);
        QCOMPARE(e.checklist.find(QStringLiteral("floor-plan")) != nullptr, fireCheck);
    }

    void numberOutOfRangeIsNotAccepted()
    {
        Answers a = answers(*m_hygiene, {QStringLiteral("place=bath")});
        a.set(QStringLiteral("area"), Answer::numeric(-5));
        const Evaluation e = m_engine->evaluate(*m_hygiene, a);
        QCOMPARE(e.nextQuestion->id, QStringLiteral("area"));
        QVERIFY(!e.effectiveAnswers.contains(QStringLiteral("area")));
    }

    void optionShorthandRequiresMaterial()
    {
        const Evaluation e
            = m_engine->evaluate(*m_hygiene, answers(*m_hygiene, {QStringLiteral("place=pool")}));
        QVERIFY(e.complete);
        const ChecklistLine *water = e.checklist.find(QStringLiteral("water-report"));
        QVERIFY(water);
        QCOMPARE(water->reasons.size(), 1);
        QCOMPARE(water->reasons.first().questionId, QStringLiteral("place"));
        QCOMPARE(water->reasons.first().answerText, QStringLiteral("游泳场所"));
    }

    void multiChoiceUnionsAndMergesDuplicates()
    {
        const Evaluation e = m_engine->evaluate(*m_hygiene,
            answers(
                *m_hygiene, {QStringLiteral("place=hotel"), QStringLiteral("premises=rented+new-build")}));
        QVERIFY(e.complete);
        // id-card is required twice (basic, and for a rented place with 2 copies): one line, most copies.
        QCOMPARE(e.checklist.materialIds().count(QStringLiteral("id-card")), 1);
        const ChecklistLine *id = e.checklist.find(QStringLiteral("id-card"));
        QCOMPARE(id->copies, 2);
        QCOMPARE(id->reasons.size(), 2);
        QCOMPARE(id->notes, QStringList {QStringLiteral("出租人身份证")});
        // floor-plan: waivable in the library, but the new-build line says no: waivable only if all allow.
        const ChecklistLine *plan = e.checklist.find(QStringLiteral("floor-plan"));
        QVERIFY(!plan->waivable);
        QVERIFY(e.checklist.find(QStringLiteral("lease")));
        // Order follows the requirement lines: application, id-card, floor-plan, lease.
        QCOMPARE(e.checklist.materialIds(),
            (QStringList {QStringLiteral("application"), QStringLiteral("id-card"),
                QStringLiteral("floor-plan"), QStringLiteral("lease")}));
    }

    void multiChoiceReasonNamesTheOptionNotTheWholeAnswer()
    {
        // "lease" is required by the option "rented" alone: its reason names 租赁, not 租赁, 新建.
        const Evaluation e = m_engine->evaluate(*m_hygiene,
            answers(
                *m_hygiene, {QStringLiteral("place=hotel"), QStringLiteral("premises=rented+new-build")}));
        const ChecklistLine *lease = e.checklist.find(QStringLiteral("lease"));
        QVERIFY(lease);
        QCOMPARE(lease->reasons.size(), 1);
        QCOMPARE(lease->reasons.first().questionId, QStringLiteral("premises"));
        QCOMPARE(lease->reasons.first().answerText, QStringLiteral("租赁"));
        const ChecklistLine *plan = e.checklist.find(QStringLiteral("floor-plan"));
        QVERIFY(plan);
        QVERIFY(std::any_of(plan->reasons.cbegin(), plan->reasons.cend(), [](const Reason &reason) {
            return reason.questionId == QStringLiteral("premises")
                && reason.answerText == QStringLiteral("新建");
        }));
    }

    void hotelWithoutNewBuildKeepsWaivable()
    {
        const Evaluation e = m_engine->evaluate(*m_hygiene,
            answers(*m_hygiene, {QStringLiteral("place=hotel"), QStringLiteral("premises=none")}));
        QVERIFY(e.checklist.find(QStringLiteral("floor-plan"))->waivable);
    }

    void dataSharedIsMarked()
    {
        const Evaluation e = m_engine->evaluate(*m_shop, answers(*m_shop, {QStringLiteral("scale=large")}));
        QVERIFY(e.checklist.find(QStringLiteral("licence"))->dataShared);
        QVERIFY(!e.checklist.find(QStringLiteral("id-card"))->dataShared);
    }

    void changingAnEarlierAnswerPreviewsTheDifference()
    {
        const Answers before = answers(*m_hygiene,
            {QStringLiteral("place=bath"), QStringLiteral("area=200"), QStringLiteral("premises=rented")});
        const ChangePreview p = m_engine->previewChange(
            *m_hygiene, before, QStringLiteral("place"), Answer::single(QStringLiteral("pool")));
        QCOMPARE(p.droppedQuestions, (QStringList {QStringLiteral("area"), QStringLiteral("premises")}));
        QStringList gained, lost;
        for (const ChecklistLine &l : p.gained)
            gained << l.materialId;
        for (const ChecklistLine &l : p.lost)
            lost << l.materialId;
        QCOMPARE(gained, QStringList {QStringLiteral("water-report")});
        QCOMPARE(lost,
            (QStringList {
                QStringLiteral("floor-plan"), QStringLiteral("fire-check"), QStringLiteral("lease")}));
        QVERIFY(!p.resulting.contains(QStringLiteral("area")));
        QVERIFY(p.changesAnything());

        const ChangePreview same
            = m_engine->previewChange(*m_hygiene, before, QStringLiteral("area"), Answer::numeric(300));
        QVERIFY(!same.changesAnything());
    }

    void invalidOptionIsIgnored()
    {
        Answers a;
        a.set(QStringLiteral("place"), Answer::single(QStringLiteral("castle")));
        const Evaluation e = m_engine->evaluate(*m_hygiene, a);
        QCOMPARE(e.nextQuestion->id, QStringLiteral("place"));
        QVERIFY(e.effectiveAnswers.isEmpty());
    }

    void situationsEnumerateEveryLeaf()
    {
        bool truncated = true;
        const QList<Situation> all = m_engine->situations(*m_hygiene, 1000, &truncated);
        QVERIFY(!truncated);
        // hotel × 4 premises subsets + bath × 2 area intervals × 4 subsets + pool = 4 + 8 + 1
        QCOMPARE(all.size(), 13);
        QCOMPARE(all.first().key, QStringLiteral("place=hotel;premises=none"));
        QCOMPARE(all.last().key, QStringLiteral("place=pool"));
        QStringList keys;
        for (const Situation &s : all)
            keys << s.key;
        QVERIFY(keys.contains(QStringLiteral("place=bath;area=149;premises=rented")));
        QVERIFY(keys.contains(QStringLiteral("place=bath;area=150;premises=rented")));
        QCOMPARE(keys.removeDuplicates(), 0);
        // Not asked questions are marked so conditions over them are decided.
        QVERIFY(all.first().answers.isNotApplicable(QStringLiteral("area")));
        // The number question's path label names the interval.
        QCOMPARE(all.at(4).path.at(1), QStringLiteral("< 150 平方米"));
        QCOMPARE(all.at(8).path.at(1), QStringLiteral("≥ 150 平方米"));
    }

    void situationsStopAtTheLimit()
    {
        bool truncated = false;
        const QList<Situation> some = m_engine->situations(*m_hygiene, 5, &truncated);
        QVERIFY(truncated);
        QCOMPARE(some.size(), 5);
    }

    void situationsAreDeterministic()
    {
        const QList<Situation> a = m_engine->situations(*m_hygiene);
        const QList<Situation> b = m_engine->situations(*m_hygiene);
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(a.at(i).key, b.at(i).key);
            QCOMPARE(a.at(i).checklist.materialIds(), b.at(i).checklist.materialIds());
        }
    }

    void bundleMergesByMaterial()
    {
        const Bundle *bundle = m_catalogue->bundle(QStringLiteral("open-shop"));
        QVERIFY(bundle);
        QMap<QString, Answers> byMatter;
        byMatter.insert(QStringLiteral("M1"), answers(*m_hygiene, {QStringLiteral("premises=none")}));
        byMatter.insert(QStringLiteral("M2"), answers(*m_shop, {QStringLiteral("scale=small")}));
        const BundleEvaluation e = m_engine->evaluateBundle(*bundle, byMatter);
        QVERIFY(e.complete); // the preset answered place=hotel
        QCOMPARE(
            e.perMatter.value(QStringLiteral("M1")).effectiveAnswers.find(QStringLiteral("place"))->option,
            QStringLiteral("hotel"));

        const ChecklistLine *id = e.checklist.find(QStringLiteral("id-card"));
        QVERIFY(id);
        QCOMPARE(id->matterCodes, (QStringList {QStringLiteral("M1"), QStringLiteral("M2")}));
        QCOMPARE(
            id->form, MaterialForm::VerifyOriginalKeepCopy); // M1 copy, M2 verify-original: stricter wins
        QCOMPARE(id->copies, 2); // most copies
        // Review points: the material's own once, M2's extra point tagged with M2.
        QCOMPARE(id->reviewPoints.size(), 2);
        QCOMPARE(id->reviewPoints.at(1).id, QStringLiteral("photo"));
        QCOMPARE(id->reviewPoints.at(1).matterCode, QStringLiteral("M2"));
        // floor-plan: waivable in M1 (hotel, no new build) and in M2 → waivable.
        QVERIFY(e.checklist.find(QStringLiteral("floor-plan"))->waivable);
        QCOMPARE(e.checklist.materialIds().count(QStringLiteral("application")), 1);
    }

    void bundleWaivableOnlyIfEveryMatterAllows()
    {
        const Bundle *bundle = m_catalogue->bundle(QStringLiteral("open-shop"));
        QMap<QString, Answers> byMatter;
        byMatter.insert(QStringLiteral("M1"), answers(*m_hygiene, {QStringLiteral("premises=new-build")}));
        const BundleEvaluation e = m_engine->evaluateBundle(*bundle, byMatter);
        QVERIFY(!e.complete); // M2 not answered yet
        QVERIFY(!e.checklist.find(QStringLiteral("floor-plan"))->waivable);
    }

    void parseAnswerRejectsBadInput()
    {
        QVERIFY(!m_engine->parseAnswer(*m_hygiene, QStringLiteral("place")).has_value());
        QVERIFY(!m_engine->parseAnswer(*m_hygiene, QStringLiteral("nope=hotel")).has_value());
        QVERIFY(!m_engine->parseAnswer(*m_hygiene, QStringLiteral("place=castle")).has_value());
        QVERIFY(!m_engine->parseAnswer(*m_hygiene, QStringLiteral("area=big")).has_value());
        QVERIFY(!m_engine->parseAnswer(*m_hygiene, QStringLiteral("premises=rented+attic")).has_value());
        auto multi = m_engine->parseAnswer(*m_hygiene, QStringLiteral("premises=new-build+rented"));
        QVERIFY(multi.has_value());
        QCOMPARE(
            multi->second.options, (QStringList {QStringLiteral("new-build"), QStringLiteral("rented")}));
    }

    void parseAnswerQuotesOnlyAnExcerpt()
    {
        // A hostile --answer: a megabyte with an escape sequence. The message quotes a short,
        // escaped excerpt of it, never the whole input or a raw control character.
        const QString hostile = QStringLiteral("\x1b[2J") + QString(1 << 20, QLatin1Char('x'));
        const QStringList inputs {
            hostile, QStringLiteral("place=") + hostile, hostile + QStringLiteral("=a")};
        for (const QString &text : inputs) {
            auto parsed = m_engine->parseAnswer(*m_hygiene, text);
            QVERIFY(!parsed.has_value());
            const QString message = parsed.error().message();
            QVERIFY2(message.size() < 400, qPrintable(QString::number(message.size())));
            QVERIFY(!message.contains(QChar(0x1b)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSituationEngine)
#include "tst_situationEngine.moc"
