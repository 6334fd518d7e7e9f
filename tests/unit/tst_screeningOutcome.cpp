#include "catalogue/CatalogueDiff.h"
#include "catalogue/CatalogueLoader.h"
#include "catalogue/Linter.h"
#include "catalogue/SituationEngine.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::catalogue;

namespace {

const QString kData = QStringLiteral(OW_TEST_DATA_DIR "/outcomes");

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.toString());
    return lines.join(u'\n');
}

/// A copy of the outcome test catalogue with one matter file replaced, for the loader's error cases.
class DefectCopy
{
public:
    DefectCopy(const QString &matterFile, const QString &text)
    {
        QDirIterator it(kData, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString source = it.next();
            const QString target = m_dir.path() + source.mid(kData.size());
            QDir().mkpath(QFileInfo(target).absolutePath());
            QFile::copy(source, target);
        }
        QFile file(m_dir.path() + QStringLiteral("/matters/") + matterFile);
        file.remove();
        if (file.open(QIODevice::WriteOnly))
            file.write(text.toUtf8());
    }
    CatalogueLoader::Outcome load() const { return CatalogueLoader::load(m_dir.path()); }

private:
    QTemporaryDir m_dir;
};

const char *const kFreightHead = "matter T-001: 道路普通货物运输经营许可\n"
                                 "  department: transport\n"
                                 "  promised-days: 5\n"
                                 "  require application\n"
                                 "  question vehicle-mass: 车辆总质量\n"
                                 "    type: number\n";

} // namespace

/// Screening outcomes (docs/catalogue-format.md §12): read, reached by the engine, walked, linted.
class TestScreeningOutcome : public QObject
{
    Q_OBJECT

private:
    CataloguePtr m_catalogue;
    std::unique_ptr<SituationEngine> m_engine;
    const Matter *m_freight = nullptr;
    const Matter *m_food = nullptr;
    const Matter *m_filing = nullptr;

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
        const CatalogueLoader::Outcome loaded = CatalogueLoader::load(kData);
        QVERIFY2(loaded.diagnostics.isEmpty(), qPrintable(describe(loaded.diagnostics)));
        m_catalogue = loaded.catalogue;
        m_engine = std::make_unique<SituationEngine>(m_catalogue);
        m_freight = m_catalogue->matter(QStringLiteral("T-001"));
        m_food = m_catalogue->matter(QStringLiteral("F-001"));
        m_filing = m_catalogue->matter(QStringLiteral("F-002"));
        QVERIFY(m_freight && m_food && m_filing);
    }

    void loaderReadsBothForms()
    {
        QCOMPARE(m_freight->outcomes.size(), 1);
        const ScreeningOutcome &light = m_freight->outcomes.first();
        QCOMPARE(light.id, QStringLiteral("light-vehicle"));
        QCOMPARE(light.kind, OutcomeKind::NotRequired);
        QVERIFY(light.reason.startsWith(QStringLiteral("使用总质量4.5吨")));
        QVERIFY(light.when);
        QVERIFY(light.fromOption.isEmpty());

        QCOMPARE(m_food->outcomes.size(), 1);
        const ScreeningOutcome &refer = m_food->outcomes.first();
        QCOMPARE(refer.id, QStringLiteral("scope.prepacked"));
        QCOMPARE(refer.fromOption, QStringLiteral("scope.prepacked"));
        QCOMPARE(refer.kind, OutcomeKind::Refer);
        QCOMPARE(refer.targetCode, QStringLiteral("F-002"));
        QCOMPARE(refer.where.line, 13);
    }

    void numberRangeEndsTheWalk()
    {
        const Evaluation e
            = m_engine->evaluate(*m_freight, answers(*m_freight, {QStringLiteral("vehicle-mass=4.5")}));
        QVERIFY(e.outcome);
        QCOMPARE(e.outcome->id, QStringLiteral("light-vehicle"));
        QVERIFY(!e.nextQuestion); // the drivers question is not asked
        QVERIFY(!e.complete); // no case can be accepted on an outcome
        QVERIFY(e.checklist.lines.isEmpty());
        QCOMPARE(e.visibleQuestions.size(), 1);
    }

    void aboveTheRangeGoesOn()
    {
        const Evaluation e
            = m_engine->evaluate(*m_freight, answers(*m_freight, {QStringLiteral("vehicle-mass=4.6")}));
        QVERIFY(!e.outcome);
        QCOMPARE(e.nextQuestion->id, QStringLiteral("drivers"));
        QVERIFY(e.checklist.find(QStringLiteral("vehicle-licence")));
    }

    void laterAnswersAreDroppedOnceAnOutcomeIsReached()
    {
        const Evaluation e = m_engine->evaluate(*m_freight,
            answers(*m_freight, {QStringLiteral("vehicle-mass=3"), QStringLiteral("drivers=hired")}));
        QVERIFY(e.outcome);
        QVERIFY(!e.effectiveAnswers.contains(QStringLiteral("drivers")));
        QCOMPARE(e.situationKey, QStringLiteral("vehicle-mass=3"));
    }

    void optionRefersToAnotherMatter()
    {
        const Evaluation e = m_engine->evaluate(*m_food,
            answers(*m_food, {QStringLiteral("entity=individual"), QStringLiteral("scope=prepacked")}));
        QVERIFY(e.outcome);
        QCOMPARE(e.outcome->kind, OutcomeKind::Refer);
        QCOMPARE(e.outcome->targetCode, QStringLiteral("F-002"));
        QVERIFY(e.checklist.lines.isEmpty());
        const Evaluation bulk = m_engine->evaluate(
            *m_food, answers(*m_food, {QStringLiteral("entity=individual"), QStringLiteral("scope=bulk")}));
        QVERIFY(!bulk.outcome);
        QVERIFY(bulk.complete);
    }

    void referralCarriesTheSharedAnswers()
    {
        const Answers given
            = answers(*m_food, {QStringLiteral("entity=company"), QStringLiteral("scope=prepacked")});
        const Answers shared = SituationEngine::sharedAnswers(*m_food, given, *m_filing);
        QCOMPARE(shared.questionIds(), QStringList {QStringLiteral("entity")});
        const Evaluation opened = m_engine->evaluate(*m_filing, shared);
        QVERIFY(opened.complete);
        QVERIFY(opened.checklist.find(QStringLiteral("business-licence")));
    }

    void sharedAnswersSkipWhatTheTargetCannotTake()
    {
        // Same id, but another type or an option the target does not have: not carried over.
        Matter target = *m_filing;
        target.questions.first().options.removeLast(); // "individual" is no longer an option
        Question number;
        number.id = QStringLiteral("scope");
        number.type = QuestionType::Number;
        target.questions.append(number);
        const Answers given
            = answers(*m_food, {QStringLiteral("entity=individual"), QStringLiteral("scope=prepacked")});
        QVERIFY(SituationEngine::sharedAnswers(*m_food, given, target).isEmpty());
    }

    void situationsListTheOutcomePaths()
    {
        const QList<Situation> situations = m_engine->situations(*m_freight);
        // Up to 4.5 t ends in the outcome; above it goes on to both driver answers.
        QCOMPARE(situations.size(), 3);
        int ended = 0;
        for (const Situation &s : situations) {
            if (s.outcome) {
                ++ended;
                QVERIFY(s.checklist.lines.isEmpty());
                QVERIFY(!s.answers.contains(QStringLiteral("drivers")));
            }
        }
        QCOMPARE(ended, 1);
    }

    void cleanCatalogueLintsClean()
    {
        const LintReport report = Linter(m_catalogue).run();
        QVERIFY2(report.diagnostics.isEmpty(), qPrintable(describe(report.diagnostics)));
    }

    void questionPastAnOutcomeIsReported()
    {
        DefectCopy copy(QStringLiteral("freight.txt"),
            QString::fromUtf8(kFreightHead)
                + QStringLiteral("  outcome light: not-required\n"
                                 "    when: vehicle-mass <= 4.5\n"
                                 "    reason: 无需办理\n"
                                 "  question trailer: 是否有挂车？\n"
                                 "    when: vehicle-mass < 3\n"
                                 "    option yes: 有\n"
                                 "      materials: vehicle-licence\n"
                                 "    option no: 没有\n"));
        const CatalogueLoader::Outcome loaded = copy.load();
        QVERIFY2(!hasErrors(loaded.diagnostics), qPrintable(describe(loaded.diagnostics)));
        const LintReport report = Linter(loaded.catalogue).run();
        Diagnostics dangling;
        for (const Diagnostic &d : report.diagnostics) {
            QVERIFY2(d.rule != QStringLiteral("unreachable-question"), qPrintable(d.toString()));
            if (d.rule == QStringLiteral("outcome-dangling"))
                dangling.append(d);
        }
        QCOMPARE(dangling.size(), 1);
        QCOMPARE(dangling.first().where.line, 10);
        QVERIFY(dangling.first().message.contains(QStringLiteral("light")));
    }

    void diffReportsAChangedOutcome()
    {
        // Only the reason changes: no material moves, yet the situation ending in it changed.
        QFile original(kData + QStringLiteral("/matters/freight.txt"));
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(original.readAll());
        QVERIFY(text.contains(QStringLiteral("无需办理道路运输经营许可")));
        DefectCopy copy(QStringLiteral("freight.txt"),
            QString(text).replace(
                QStringLiteral("无需办理道路运输经营许可"), QStringLiteral("无需申请许可")));
        const CatalogueLoader::Outcome changed = copy.load();
        QVERIFY2(changed.catalogue, qPrintable(describe(changed.diagnostics)));
        const SituationEngine after(changed.catalogue);
        const CatalogueDiff diff(*m_engine, after);
        QCOMPARE(diff.situations.size(), 1);
        const CatalogueDiff::SituationChange &change = diff.situations.first();
        QCOMPARE(change.key, QStringLiteral("vehicle-mass=3.5"));
        QVERIFY(change.outcomeBefore.endsWith(QStringLiteral("无需办理道路运输经营许可")));
        QVERIFY(change.outcomeAfter.endsWith(QStringLiteral("无需申请许可")));
        QVERIFY(diff.text().contains(QStringLiteral("outcome: not-required: ")));
        QVERIFY(CatalogueDiff(*m_engine, *m_engine).isEmpty());
    }

    void loaderErrors_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("line");
        QTest::newRow("no reason") << QStringLiteral(
            "  outcome light: not-required\n    when: vehicle-mass < 4\n")
                                   << QStringLiteral("missing-field") << 7;
        QTest::newRow("empty reason")
            << QStringLiteral("  outcome light: not-required\n    when: vehicle-mass < 4\n    reason:\n")
            << QStringLiteral("missing-field") << 9;
        QTest::newRow("no when") << QStringLiteral("  outcome light: not-required\n    reason: 无需办理\n")
                                 << QStringLiteral("missing-field") << 7;
        QTest::newRow("refer without matter")
            << QStringLiteral("  outcome light: refer\n    when: vehicle-mass < 4\n    reason: 请办理备案\n")
            << QStringLiteral("missing-field") << 7;
        QTest::newRow("unknown target") << QStringLiteral(
            "  outcome light: refer\n    when: vehicle-mass < 4\n    matter: X-404\n    reason: 请办理备案\n")
                                        << QStringLiteral("unknown-id") << 9;
        QTest::newRow("refers to itself") << QStringLiteral(
            "  outcome light: refer\n    when: vehicle-mass < 4\n    matter: T-001\n    reason: 请办理备案\n")
                                          << QStringLiteral("unknown-id") << 9;
        QTest::newRow("not-required with matter")
            << QStringLiteral("  outcome light: not-required\n    when: vehicle-mass < 4\n    matter: "
                              "F-002\n    reason: 无需办理\n")
            << QStringLiteral("parse") << 9;
        QTest::newRow("bad kind") << QStringLiteral(
            "  outcome light: maybe\n    when: vehicle-mass < 4\n    reason: 无需办理\n")
                                  << QStringLiteral("parse") << 7;
        QTest::newRow("twice") << QStringLiteral("  outcome light: not-required\n    when: vehicle-mass < 4\n"
                                                 "    reason: 无需办理\n  outcome light: not-required\n"
                                                 "    when: vehicle-mass < 2\n    reason: 无需办理\n")
                               << QStringLiteral("duplicate-id") << 10;
        QTest::newRow("condition on unknown question")
            << QStringLiteral("  outcome light: not-required\n    when: weight < 4\n    reason: 无需办理\n")
            << QStringLiteral("unknown-id") << 8;
        QTest::newRow("option outcome without reason") << QStringLiteral(
            "  question kind: 车辆类型\n    option van: 面包车\n      outcome: not-required\n"
            "    option truck: 货车\n") << QStringLiteral("missing-field")
                                                       << 9;
    }
    void loaderErrors()
    {
        QFETCH(QString, body);
        QFETCH(QString, rule);
        QFETCH(int, line);
        DefectCopy copy(QStringLiteral("freight.txt"), QString::fromUtf8(kFreightHead) + body);
        const CatalogueLoader::Outcome loaded = copy.load();
        QVERIFY(!loaded.catalogue);
        QCOMPARE(loaded.diagnostics.size(), 1);
        const Diagnostic &d = loaded.diagnostics.first();
        QVERIFY2(d.rule == rule && d.where.line == line, qPrintable(d.toString()));
    }
};

QTEST_GUILESS_MAIN(TestScreeningOutcome)
#include "tst_screeningOutcome.moc"
