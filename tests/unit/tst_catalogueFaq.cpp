#include "catalogue/CatalogueLoader.h"
#include "catalogue/FaqFilter.h"
#include "catalogue/FaqReader.h"
#include "catalogue/LoadMemo.h"
#include "catalogue/SituationEngine.h"

#include <QTest>

using namespace ow;
using namespace ow::catalogue;
using namespace Qt::StringLiterals;

namespace {

const QString kMatterFile = u"matters/330302-WJ-001.txt"_s;
const QString kBundleFile = u"bundles/opening.txt"_s;

QString baseDir()
{
    return QStringLiteral(OW_TEST_DATA_DIR "/loader/base");
}

// The base folder's health matter, with `faqs` written after its last line.
QString matterWith(const QString &faqs)
{
    return u"matter 330302-WJ-001: 公共场所卫生许可\n"
           u"  department: health\n"
           u"  promised-days: 15\n"
           u"  question place-type: 经营场所属于哪一类？\n"
           u"    option lodging: 住宿场所\n"
           u"    option bath: 沐浴场所\n"
           u"  question area: 经营面积是多少？\n"
           u"    type: number\n"
           u"    when: place-type = bath\n"
           u"  question extras: 另有哪些项目？\n"
           u"    type: multi\n"
           u"    option pool: 游泳池\n"
           u"  require id-card\n"
           u"  require floor-plan\n"
           u"    when: place-type = lodging\n"_s
        + faqs;
}

QString bundleWith(const QString &faqs)
{
    return u"bundle opening: 开办\n"
           u"  lead: culture\n"
           u"  matter 330302-WJ-001\n"
           u"    preset place-type: bath\n"
           u"  matter 330302-WH-002\n"_s
        + faqs;
}

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.toString());
    return lines.join(u'\n');
}

Diagnostics errorsOf(const Diagnostics &diagnostics)
{
    Diagnostics errors;
    for (const Diagnostic &d : diagnostics)
        if (d.severity == Diagnostic::Severity::Error)
            errors.append(d);
    return errors;
}

QStringList idsOf(const QList<const Faq *> &faqs)
{
    QStringList ids;
    for (const Faq *faq : faqs)
        ids.append(faq->id);
    return ids;
}

} // namespace

class TestCatalogueFaq : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matterFaqsLoadInOrder();
    void longestTextsLoad();
    void defects_data();
    void defects();
    void shownWhenTheConditionHolds();
    void bundleFaqsReadTheMembersQuestions();
    void bundleFaqUnknownQuestion();
    void incrementalLoadSeesTheEdit();
    void demoCatalogueAnswersItsApplicants();
};

void TestCatalogueFaq::matterFaqsLoadInOrder()
{
    const QString faqs = u"  faq agent: 可以委托他人代办吗？\n"
                         u"    answer: 可以。受托人带本人身份证原件和委托书即可办理。\n"
                         u"  faq bath-water: 浴池水要检测吗？\n"
                         u"    when: place-type = bath\n"
                         u"    answer: 要：水质检测报告。\\n 不是换行\n"_s;
    const auto outcome = CatalogueLoader::load(baseDir(), {{kMatterFile, matterWith(faqs)}});
    QVERIFY2(outcome.catalogue, qPrintable(describe(outcome.diagnostics)));
    const Matter *matter = outcome.catalogue->matter(u"330302-WJ-001"_s);
    QVERIFY(matter);
    QCOMPARE(matter->faqs.size(), 2);
    const Faq &agent = matter->faqs.at(0);
    QCOMPARE(agent.id, u"agent"_s);
    QCOMPARE(agent.question, u"可以委托他人代办吗？"_s);
    QCOMPARE(agent.answer, u"可以。受托人带本人身份证原件和委托书即可办理。"_s);
    QVERIFY(!agent.when);
    QCOMPARE(agent.where, (SourceLocation {kMatterFile, 16, 3}));
    const Faq &water = matter->faqs.at(1);
    QCOMPARE(water.id, u"bath-water"_s);
    QVERIFY(water.when);
    QCOMPARE(water.when->toString(), u"place-type = bath"_s);
    // One line, taken as written: a backslash and n are two characters, not a line break.
    QCOMPARE(water.answer, u"要：水质检测报告。\\n 不是换行"_s);
    // A faq neither asks nor requires anything: the checklists stay what they were.
    QCOMPARE(matter->questions.size(), 3);
    QCOMPARE(matter->requirements.size(), 2);
}

void TestCatalogueFaq::longestTextsLoad()
{
    const QString question = QString(FaqReader::kMaxQuestionLength - 1, u'问') + u'？';
    // Characters, not UTF-16 units: a character outside the BMP counts once.
    const QString answer = QString(FaqReader::kMaxAnswerLength - 2, u'答') + u"𠀀"_s + u'。';
    const auto outcome = CatalogueLoader::load(
        baseDir(), {{kMatterFile, matterWith(u"  faq long: %1\n    answer: %2\n"_s.arg(question, answer))}});
    QVERIFY2(outcome.catalogue, qPrintable(describe(outcome.diagnostics)));
    QCOMPARE(outcome.catalogue->matter(u"330302-WJ-001"_s)->faqs.first().answer, answer);
}

void TestCatalogueFaq::defects_data()
{
    QTest::addColumn<QString>("faqs");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("no answer") << u"  faq fee: 要收费吗？\n"_s << u"missing-field"_s << 16 << u"'answer'"_s;
    QTest::newRow("empty answer") << u"  faq fee: 要收费吗？\n    answer:\n"_s << u"missing-field"_s << 17
                                  << u"needs a value"_s;
    QTest::newRow("empty question") << u"  faq fee:\n    answer: 不收费。\n"_s << u"missing-field"_s << 16
                                    << u"needs a text"_s;
    QTest::newRow("no id") << u"  faq: 要收费吗？\n    answer: 不收费。\n"_s << u"missing-field"_s << 16
                           << u"needs an id"_s;
    QTest::newRow("duplicate id") << u"  faq fee: 要收费吗？\n    answer: 不收费。\n"
                                     u"  faq fee: 收多少钱？\n    answer: 不收费。\n"_s
                                  << u"duplicate-id"_s << 18 << u"line 16"_s;
    QTest::newRow("question too long")
        << u"  faq fee: %1\n    answer: 不收费。\n"_s.arg(QString(FaqReader::kMaxQuestionLength + 1, u'问'))
        << u"parse"_s << 16 << u"201"_s;
    QTest::newRow("answer too long") << u"  faq fee: 要收费吗？\n    answer: %1\n"_s.arg(
        QString(FaqReader::kMaxAnswerLength + 1, u'答'))
                                     << u"parse"_s << 17 << u"1001"_s;
    QTest::newRow("answer twice") << u"  faq fee: 要收费吗？\n    answer: 不收费。\n    answer: 收费。\n"_s
                                  << u"parse"_s << 18 << u"answer"_s;
    QTest::newRow("unknown keyword") << u"  faq fee: 要收费吗？\n    answer: 不收费。\n    hint: 看情况\n"_s
                                     << u"parse"_s << 18 << u"answer, when"_s;
    QTest::newRow("when names an unknown question")
        << u"  faq fee: 要收费吗？\n    answer: 不收费。\n    when: place = bath\n"_s << u"unknown-id"_s << 18
        << u"place"_s;
    QTest::newRow("when names an unknown option")
        << u"  faq fee: 要收费吗？\n    answer: 不收费。\n    when: place-type = sauna\n"_s << u"unknown-id"_s
        << 18 << u"sauna"_s;
    QTest::newRow("when does not parse")
        << u"  faq fee: 要收费吗？\n    answer: 不收费。\n    when: place-type =\n"_s << u"condition"_s << 18
        << QString();
    QTest::newRow("when compares a choice with a number")
        << u"  faq fee: 要收费吗？\n    answer: 不收费。\n    when: place-type >= 3\n"_s << u"condition"_s
        << 18 << QString();
}

void TestCatalogueFaq::defects()
{
    QFETCH(QString, faqs);
    QFETCH(QString, rule);
    QFETCH(int, line);
    QFETCH(QString, phrase);
    const auto outcome = CatalogueLoader::load(baseDir(), {{kMatterFile, matterWith(faqs)}});
    QVERIFY(!outcome.catalogue);
    // One defect, one error, at its line: nothing cascades from it.
    const Diagnostics errors = errorsOf(outcome.diagnostics);
    QVERIFY2(errors.size() == 1, qPrintable(describe(outcome.diagnostics)));
    QCOMPARE(errors.first().rule, rule);
    QCOMPARE(errors.first().where.file, kMatterFile);
    QCOMPARE(errors.first().where.line, line);
    QVERIFY2(errors.first().message.contains(phrase), qPrintable(errors.first().message));
}

void TestCatalogueFaq::shownWhenTheConditionHolds()
{
    const QString faqs
        = u"  faq agent: 可以委托他人代办吗？\n    answer: 可以。\n"
          u"  faq big-bath: 大浴室要卫生学评价吗？\n    when: area >= 150\n    answer: 要。\n"
          u"  faq hotel: 住宿场所要交平面图吗？\n    when: place-type = lodging\n    answer: 要。\n"
          u"  faq small: 小浴室呢？\n    when: not (area >= 150)\n    answer: 不要。\n"_s;
    const auto outcome = CatalogueLoader::load(baseDir(), {{kMatterFile, matterWith(faqs)}});
    QVERIFY2(outcome.catalogue, qPrintable(describe(outcome.diagnostics)));
    const SituationEngine engine(outcome.catalogue);
    const Matter &matter = *outcome.catalogue->matter(u"330302-WJ-001"_s);
    auto shownFor = [&](const Answers &answers) {
        return idsOf(FaqFilter::shown(matter.faqs, engine.evaluate(matter, answers).effectiveAnswers));
    };
    // Nothing answered: only what holds always; a condition waiting for an answer is not shown yet.
    QCOMPARE(shownFor({}), (QStringList {u"agent"_s}));
    Answers bath;
    bath.set(u"place-type"_s, Answer::single(u"bath"_s));
    QCOMPARE(shownFor(bath), (QStringList {u"agent"_s}));
    bath.set(u"area"_s, Answer::numeric(200));
    QCOMPARE(shownFor(bath), (QStringList {u"agent"_s, u"big-bath"_s}));
    bath.set(u"area"_s, Answer::numeric(80));
    QCOMPARE(shownFor(bath), (QStringList {u"agent"_s, u"small"_s}));
    // A lodging is never asked the area: `not (area >= 150)` holds for it, as §9 says.
    Answers lodging;
    lodging.set(u"place-type"_s, Answer::single(u"lodging"_s));
    QCOMPARE(shownFor(lodging), (QStringList {u"agent"_s, u"hotel"_s, u"small"_s}));
}

void TestCatalogueFaq::bundleFaqsReadTheMembersQuestions()
{
    const QString faqs = u"  faq order: 先办哪一个？\n    answer: 一次受理，一并办理。\n"
                         u"  faq pool: 游泳池要另外检测吗？\n    when: extras has pool\n    answer: 要。\n"_s;
    const auto outcome = CatalogueLoader::load(baseDir(), {{kBundleFile, bundleWith(faqs)}});
    QVERIFY2(outcome.catalogue, qPrintable(describe(outcome.diagnostics)));
    const Bundle *bundle = outcome.catalogue->bundle(u"opening"_s);
    QVERIFY(bundle);
    QCOMPARE(bundle->faqs.size(), 2);
    QCOMPARE(bundle->faqs.at(1).where, (SourceLocation {kBundleFile, 8, 3}));
    QMap<QString, Answers> answers;
    Answers health;
    health.set(u"place-type"_s, Answer::single(u"bath"_s));
    answers.insert(u"330302-WJ-001"_s, health);
    QCOMPARE(
        idsOf(FaqFilter::shown(bundle->faqs, FaqFilter::bundleAnswers(*bundle, *outcome.catalogue, answers))),
        (QStringList {u"order"_s}));
    health.set(u"extras"_s, Answer::multi({u"pool"_s}));
    answers.insert(u"330302-WJ-001"_s, health);
    QCOMPARE(
        idsOf(FaqFilter::shown(bundle->faqs, FaqFilter::bundleAnswers(*bundle, *outcome.catalogue, answers))),
        (QStringList {u"order"_s, u"pool"_s}));
}

void TestCatalogueFaq::bundleFaqUnknownQuestion()
{
    const auto outcome = CatalogueLoader::load(baseDir(),
        {{kBundleFile,
            bundleWith(u"  faq pool: 游泳池呢？\n    when: pool-size > 3\n    answer: 要。\n"_s)}});
    const Diagnostics errors = errorsOf(outcome.diagnostics);
    QVERIFY2(errors.size() == 1, qPrintable(describe(outcome.diagnostics)));
    QCOMPARE(errors.first().rule, u"unknown-id"_s);
    QCOMPARE(errors.first().where, (SourceLocation {kBundleFile, 7, 11}));
}

void TestCatalogueFaq::incrementalLoadSeesTheEdit()
{
    // The editor's load after each edit reads again only the file that changed: a faq edited there
    // must be what the next load shows.
    const QString before = matterWith(u"  faq fee: 要收费吗？\n    answer: 不收费。\n"_s);
    const auto first = CatalogueLoader::load(baseDir(), {{kMatterFile, before}}, nullptr);
    QVERIFY(first.catalogue);
    const QString after = matterWith(u"  faq fee: 要收费吗？\n    answer: 不收取任何费用。\n"_s);
    const auto second = CatalogueLoader::load(baseDir(), {{kMatterFile, after}}, first.memo);
    QVERIFY(second.catalogue);
    QCOMPARE(second.catalogue->matter(u"330302-WJ-001"_s)->faqs.first().answer, u"不收取任何费用。"_s);
    const auto bad = CatalogueLoader::load(
        baseDir(), {{kMatterFile, matterWith(u"  faq fee: 要收费吗？\n"_s)}}, second.memo);
    QVERIFY(!bad.catalogue);
    QCOMPARE(errorsOf(bad.diagnostics).size(), 1);
}

void TestCatalogueFaq::demoCatalogueAnswersItsApplicants()
{
    const auto outcome
        = CatalogueLoader::load(QStringLiteral(OW_TEST_DATA_DIR "/../../resources/catalogue/demo"));
    QVERIFY2(outcome.catalogue, qPrintable(describe(outcome.diagnostics)));
    const Catalogue &demo = *outcome.catalogue;
    for (const QString &code : {u"330302-WJ-001"_s, u"330302-SC-002"_s, u"330302-JT-001"_s})
        QVERIFY2(demo.matter(code)->faqs.size() >= 2, qPrintable(code));
    QVERIFY(demo.bundle(u"hotel"_s)->faqs.size() >= 2);
    // The big bath's entry waits for its area, as the counter asks it.
    const SituationEngine engine(outcome.catalogue);
    const Matter &health = *demo.matter(u"330302-WJ-001"_s);
    Answers bath;
    bath.set(u"place-type"_s, Answer::single(u"bath"_s));
    const QStringList before
        = idsOf(FaqFilter::shown(health.faqs, engine.evaluate(health, bath).effectiveAnswers));
    bath.set(u"bath-area"_s, Answer::numeric(200));
    const QStringList after
        = idsOf(FaqFilter::shown(health.faqs, engine.evaluate(health, bath).effectiveAnswers));
    QVERIFY(!before.contains(u"evaluation"_s));
    QVERIFY(after.contains(u"evaluation"_s));
}

QTEST_GUILESS_MAIN(TestCatalogueFaq)
#include "tst_catalogueFaq.moc"
