#include "catalogue/CatalogueLoader.h"
#include "catalogue/LintMaterialRules.h"
#include "catalogue/Linter.h"
#include "catalogue/MatterLimits.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace Qt::StringLiterals;
using namespace ow::catalogue;

namespace {

QString lintDir(const char *name)
{
    return QStringLiteral(OW_TEST_DATA_DIR "/lint/") + QString::fromUtf8(name);
}

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.toString());
    return lines.join(QLatin1Char('\n'));
}

// Loads a test catalogue, which must load cleanly: the linter assumes it.
CataloguePtr load(const QString &directory)
{
    const CatalogueLoader::Outcome outcome = CatalogueLoader::load(directory);
    if (hasErrors(outcome.diagnostics) || !outcome.catalogue)
        qWarning().noquote() << describe(outcome.diagnostics);
    return outcome.catalogue;
}

int errorsOf(const Diagnostics &diagnostics)
{
    return int(std::count_if(diagnostics.cbegin(), diagnostics.cend(),
        [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; }));
}

QList<Diagnostic> withRule(const Diagnostics &diagnostics, const QString &rule)
{
    QList<Diagnostic> found;
    for (const Diagnostic &d : diagnostics)
        if (d.rule == rule)
            found.append(d);
    return found;
}

ConditionPtr condition(const char *text)
{
    auto parsed = parseCondition(QString::fromUtf8(text));
    return parsed ? *parsed : nullptr;
}

Material reviewedMaterial(const QString &id, const QString &name)
{
    Material material;
    material.id = id;
    material.name = name;
    material.category = MaterialCategory::Other;
    ReviewPoint point;
    point.id = QStringLiteral("p");
    point.text = QStringLiteral("核对");
    material.reviewPoints.append(point);
    material.where = {QStringLiteral("materials/m.txt"), 1, 1};
    return material;
}

Option option(const char *id, QStringList materials = {})
{
    Option o;
    o.id = QString::fromUtf8(id);
    o.label = o.id;
    o.materialIds = materials;
    return o;
}

Question question(const char *id, QuestionType type, QList<Option> options, const char *when = nullptr)
{
    Question q;
    q.id = QString::fromUtf8(id);
    q.text = q.id;
    q.type = type;
    q.options = std::move(options);
    if (when)
        q.when = condition(when);
    return q;
}

Requirement require(const QString &materialId, const char *when = nullptr)
{
    Requirement r;
    r.materialId = materialId;
    if (when)
        r.when = condition(when);
    return r;
}

// Expands `materials:` shorthands the way the loader does, so code-built matters behave like loaded ones.
void addOptionRequirements(Matter &matter)
{
    for (const Question &q : matter.questions) {
        for (const Option &o : q.options) {
            for (const QString &materialId : o.materialIds) {
                Requirement r;
                r.materialId = materialId;
                auto when = std::make_shared<Condition>();
                when->kind = q.type == QuestionType::Multi ? Condition::Kind::Has : Condition::Kind::Equals;
                when->questionId = q.id;
                when->optionIds = {o.id};
                r.when = when;
                r.fromOption = q.id + QLatin1Char('.') + o.id;
                matter.requirements.append(r);
            }
        }
    }
}

// A catalogue of one matter over materials a and b, both reviewed and other-category (so clean).
CataloguePtr oneMatter(QList<Question> questions, QList<Requirement> requirements)
{
    auto catalogue = std::make_shared<Catalogue>();
    catalogue->materials = {reviewedMaterial(QStringLiteral("a"), QStringLiteral("营业执照")),
        reviewedMaterial(QStringLiteral("b"), QStringLiteral("房屋租赁合同"))};
    Matter matter;
    matter.code = QStringLiteral("M-1");
    matter.name = QStringLiteral("事项");
    matter.questions = std::move(questions);
    matter.requirements = std::move(requirements);
    addOptionRequirements(matter);
    matter.where = {QStringLiteral("matters/m.txt"), 1, 1};
    catalogue->matters.append(matter);
    catalogue->index();
    return catalogue;
}

} // namespace

class TestLinter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanCatalogueHasNoFinding();
    void plantedDefect_data();
    void plantedDefect();
    void literalConditions();
    void tooManySituations();
    void sampleMissingFollowsCategory_data();
    void sampleMissingFollowsCategory();
    void vagueNames_data();
    void vagueNames();
    void multiChoiceWithoutEffect();
    void questionRevealingAnotherHasEffect();
    void optionsRevealingDifferentQuestionsDiffer();
    void revealingOptionGivesQuestionEffect();
    void threeIdenticalOptionsReportedAgainstTheFirst();
    void optionConditionAlwaysTrue();
    void numberQuestionNobodyCompares();
    void numberQuestionWhoseIntervalsChangeNothing();
    void numberQuestionWithEffectIsQuiet();
    void identicalSiblingsAmongThousandsOfOptions();
    void oneErrorHidesNoWarning();
    void sampleThatDoesNotDecodeIsAnError();
    void decodesWhole_data();
    void decodesWhole();
    void matterPastTheLimitsIsRefused();
    void manyQuestionsEnumerateFewerSituations();
};

void TestLinter::cleanCatalogueHasNoFinding()
{
    const CataloguePtr catalogue = load(lintDir("clean"));
    QVERIFY(catalogue);
    const LintReport report = Linter(catalogue).run();
    QVERIFY2(report.diagnostics.isEmpty(), qPrintable(describe(report.diagnostics)));
    QCOMPARE(report.matters, 2);
    QCOMPARE(report.questions, 4);
    // T-001: who (2) × [owned: services (4) | leased: area below/above 150 (2) × services (4)] = 24;
    // T-002 asks nothing: 1.
    QCOMPARE(report.situations, 25);
    QCOMPARE(report.materials, 9);
    QCOMPARE(report.bundles, 1);
    QVERIFY(!report.truncated);
}

void TestLinter::plantedDefect_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");

    const QString matter = QStringLiteral("matters/t-001.txt");
    const QString library = QStringLiteral("materials/library.txt");
    QTest::newRow("unreachable-question") << u"unreachable-question"_s << matter << 16;
    QTest::newRow("unreachable-option") << u"unreachable-option"_s << matter << 15;
    QTest::newRow("condition-never") << u"condition-never"_s << matter << 19;
    QTest::newRow("condition-always") << u"condition-always"_s << matter << 18;
    QTest::newRow("question-no-effect") << u"question-no-effect"_s << matter << 16;
    QTest::newRow("identical-siblings") << u"identical-siblings"_s << matter << 15;
    QTest::newRow("material-unused") << u"material-unused"_s << library << 25;
    QTest::newRow("no-review-points") << u"no-review-points"_s << library << 2;
    QTest::newRow("sample-missing") << u"sample-missing"_s << library << 20;
    QTest::newRow("vague-name") << u"vague-name"_s << library << 15;
}

void TestLinter::plantedDefect()
{
    QFETCH(QString, rule);
    QFETCH(QString, file);
    QFETCH(int, line);

    const CataloguePtr catalogue = load(lintDir(QTest::currentDataTag()));
    QVERIFY(catalogue);
    const LintReport report = Linter(catalogue).run();
    QVERIFY2(report.diagnostics.size() == 1, qPrintable(describe(report.diagnostics)));
    const Diagnostic &finding = report.diagnostics.first();
    QCOMPARE(finding.rule, rule);
    QCOMPARE(finding.severity, Diagnostic::Severity::Warning);
    QCOMPARE(finding.where.file, file);
    QCOMPARE(finding.where.line, line);
    QVERIFY(!finding.message.isEmpty());
}

void TestLinter::literalConditions()
{
    const CataloguePtr catalogue = load(lintDir("condition-literal"));
    QVERIFY(catalogue);
    const LintReport report = Linter(catalogue).run();
    QVERIFY2(report.diagnostics.size() == 2, qPrintable(describe(report.diagnostics)));
    QCOMPARE(report.diagnostics.at(0).rule, u"condition-always"_s);
    QCOMPARE(report.diagnostics.at(0).where.line, 17);
    QCOMPARE(report.diagnostics.at(1).rule, u"condition-never"_s);
    QCOMPARE(report.diagnostics.at(1).where.line, 20);
    for (const Diagnostic &d : report.diagnostics) {
        QCOMPARE(d.severity, Diagnostic::Severity::Warning);
        QCOMPARE(d.where.file, u"matters/t-001.txt"_s);
    }
}

void TestLinter::tooManySituations()
{
    const CataloguePtr catalogue = load(lintDir("too-many-situations"));
    QVERIFY(catalogue);
    const LintReport report = Linter(catalogue).run();
    // Only the warning: the truncated matter's other rules are skipped, its materials count as used.
    QVERIFY2(report.diagnostics.size() == 1, qPrintable(describe(report.diagnostics)));
    const Diagnostic &finding = report.diagnostics.first();
    QCOMPARE(finding.rule, u"too-many-situations"_s);
    QCOMPARE(finding.severity, Diagnostic::Severity::Warning);
    QCOMPARE(finding.where.file, u"matters/t-002.txt"_s);
    QCOMPARE(finding.where.line, 2);
    QVERIFY(report.truncated);
    QCOMPARE(report.matters, 2);
    QCOMPARE(report.questions, 2 + 14);
    QCOMPARE(report.situations, 4 + Linter::SituationLimit);
}

void TestLinter::sampleMissingFollowsCategory_data()
{
    QTest::addColumn<int>("category");
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("outline");
    QTest::addColumn<QString>("referenceText");
    QTest::addColumn<bool>("warned");

    const QString path = QStringLiteral("forms/x.txt");
    QTest::newRow("form without sample")
        << int(MaterialCategory::Form) << QString() << QString() << QString() << true;
    QTest::newRow("form with sample")
        << int(MaterialCategory::Form) << path << QString() << QString() << false;
    QTest::newRow("form with only an outline")
        << int(MaterialCategory::Form) << QString() << path << QString() << true;
    QTest::newRow("certificate without sample")
        << int(MaterialCategory::Certificate) << QString() << QString() << path << true;
    QTest::newRow("certificate with sample")
        << int(MaterialCategory::Certificate) << path << QString() << QString() << false;
    QTest::newRow("technical without outline")
        << int(MaterialCategory::Technical) << path << QString() << QString() << true;
    QTest::newRow("technical with outline")
        << int(MaterialCategory::Technical) << QString() << path << QString() << false;
    QTest::newRow("application without reference")
        << int(MaterialCategory::Application) << path << QString() << QString() << true;
    QTest::newRow("application with reference")
        << int(MaterialCategory::Application) << QString() << QString() << path << false;
    QTest::newRow("pledge without reference")
        << int(MaterialCategory::Pledge) << QString() << QString() << QString() << true;
    QTest::newRow("pledge with reference")
        << int(MaterialCategory::Pledge) << QString() << QString() << path << false;
    QTest::newRow("other needs nothing")
        << int(MaterialCategory::Other) << QString() << QString() << QString() << false;
}

void TestLinter::sampleMissingFollowsCategory()
{
    QFETCH(int, category);
    QFETCH(QString, sample);
    QFETCH(QString, outline);
    QFETCH(QString, referenceText);
    QFETCH(bool, warned);

    Material material = reviewedMaterial(QStringLiteral("m"), QStringLiteral("营业执照"));
    material.category = MaterialCategory(category);
    if (!sample.isEmpty())
        material.sample = Sample {sample, {}, {}};
    material.outline = outline;
    material.referenceText = referenceText;
    Catalogue catalogue;
    catalogue.materials.append(material);
    catalogue.index();

    Diagnostics diagnostics;
    LintMaterialRules(catalogue, {QStringLiteral("m")}, diagnostics).run();
    const QList<Diagnostic> found = withRule(diagnostics, QStringLiteral("sample-missing"));
    QCOMPARE(found.size(), warned ? 1 : 0);
    QCOMPARE(diagnostics.size(), found.size()); // reviewed, used and well named: nothing else
    if (warned)
        QCOMPARE(found.first().where, material.where);
}

void TestLinter::vagueNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("vague");

    QTest::newRow("其他材料") << u"其他材料"_s << true;
    QTest::newRow("相关材料") << u"相关材料"_s << true;
    QTest::newRow("有关材料") << u"申请人有关材料"_s << true;
    QTest::newRow("其他证明") << u"其他证明"_s << true;
    QTest::newRow("相关证明") << u"场所使用相关证明"_s << true;
    QTest::newRow("ends in 等") << u"身份证、户口簿等"_s << true;
    QTest::newRow("等材料") << u"营业执照、章程等材料"_s << true;
    QTest::newRow("等证明") << u"学历、职称等证明"_s << true;
    QTest::newRow("等 in brackets") << u"身份证明（身份证、护照等）"_s << true;
    QTest::newRow("standard name") << u"不动产权证书"_s << false;
    QTest::newRow("等 inside a word") << u"等级评定证书"_s << false;
    QTest::newRow("specific 证明") << u"无犯罪记录证明"_s << false;
}

void TestLinter::vagueNames()
{
    QFETCH(QString, name);
    QFETCH(bool, vague);
    QCOMPARE(LintMaterialRules::isVagueName(name), vague);
}

void TestLinter::multiChoiceWithoutEffect()
{
    // A multi-choice question whose options carry no material and reveal nothing.
    const CataloguePtr catalogue
        = oneMatter({question("kind", QuestionType::Single, {option("x"), option("y", {u"b"_s})}),
                        question("extras", QuestionType::Multi, {option("p"), option("q")})},
            {require(u"a"_s)});
    const LintReport report = Linter(catalogue).run();
    QVERIFY2(report.diagnostics.size() == 1, qPrintable(describe(report.diagnostics)));
    QCOMPARE(report.diagnostics.first().rule, u"question-no-effect"_s);
    QVERIFY(report.diagnostics.first().message.contains(u"extras"_s));
    QCOMPARE(report.situations, 2 * 4);
}

void TestLinter::questionRevealingAnotherHasEffect()
{
    // "kind" changes no material itself, but y reveals a question whose answer does.
    const CataloguePtr catalogue = oneMatter(
        {question("kind", QuestionType::Single, {option("x"), option("y")}),
            question("detail", QuestionType::Single, {option("d1"), option("d2", {u"b"_s})}, "kind = y")},
        {require(u"a"_s)});
    const LintReport report = Linter(catalogue).run();
    QVERIFY2(report.diagnostics.isEmpty(), qPrintable(describe(report.diagnostics)));
}

void TestLinter::optionsRevealingDifferentQuestionsDiffer()
{
    // x and y have equal checklists on their own, but only y asks "detail": not identical.
    const CataloguePtr catalogue = oneMatter(
        {question("kind", QuestionType::Single, {option("x"), option("y"), option("z", {u"b"_s})}),
            question("detail", QuestionType::Single, {option("d1"), option("d2", {u"b"_s})}, "kind = y")},
        {require(u"a"_s)});
    const LintReport report = Linter(catalogue).run();
    QVERIFY2(withRule(report.diagnostics, u"identical-siblings"_s).isEmpty(),
        qPrintable(describe(report.diagnostics)));
    QVERIFY2(report.diagnostics.isEmpty(), qPrintable(describe(report.diagnostics)));
}

void TestLinter::revealingOptionGivesQuestionEffect()
{
    // x and z change nothing, but y asks "detail": the question matters, only x and z are duplicates.
    const CataloguePtr catalogue = oneMatter(
        {question("kind", QuestionType::Single, {option("x"), option("y"), option("z")}),
            question("detail", QuestionType::Single, {option("d1"), option("d2", {u"b"_s})}, "kind = y")},
        {require(u"a"_s)});
    const LintReport report = Linter(catalogue).run();
    QVERIFY2(report.diagnostics.size() == 1, qPrintable(describe(report.diagnostics)));
    QCOMPARE(report.diagnostics.first().rule, u"identical-siblings"_s);
    QVERIFY(report.diagnostics.first().message.contains(u"“x” and “z”"_s));
}

void TestLinter::threeIdenticalOptionsReportedAgainstTheFirst()
{
    Question kind = question("kind", QuestionType::Single,
        {option("w"), option("x", {u"b"_s}), option("y", {u"b"_s}), option("z", {u"b"_s})});
    for (int i = 0; i < kind.options.size(); ++i)
        kind.options[i].where = {QStringLiteral("matters/m.txt"), 10 + i, 5};
    const CataloguePtr catalogue = oneMatter({kind}, {require(u"a"_s)});
    const LintReport report = Linter(catalogue).run();
    QVERIFY2(report.diagnostics.size() == 2, qPrintable(describe(report.diagnostics)));
    for (const Diagnostic &d : report.diagnostics) {
        QCOMPARE(d.rule, u"identical-siblings"_s);
        QVERIFY(d.message.contains(u"“x”"_s));
    }
    QCOMPARE(report.diagnostics.at(0).where.line, 12); // y
    QCOMPARE(report.diagnostics.at(1).where.line, 13); // z
}

void TestLinter::optionConditionAlwaysTrue()
{
    // "detail" is asked only when kind = y, so its option's own "kind = y" always holds where it counts.
    Question detail
        = question("detail", QuestionType::Single, {option("d1"), option("d2", {u"b"_s})}, "kind = y");
    detail.options[1].when = condition("kind = y");
    const CataloguePtr catalogue
        = oneMatter({question("kind", QuestionType::Single, {option("x", {u"b"_s}), option("y")}), detail},
            {require(u"a"_s)});
    const LintReport report = Linter(catalogue).run();
    QVERIFY2(report.diagnostics.size() == 1, qPrintable(describe(report.diagnostics)));
    QCOMPARE(report.diagnostics.first().rule, u"condition-always"_s);
}

namespace {

Question numberQuestion(const char *id)
{
    Question q = question(id, QuestionType::Number, {});
    q.minimum = 0;
    q.where = {QStringLiteral("matters/m.txt"), 7, 3};
    return q;
}

} // namespace

void TestLinter::numberQuestionNobodyCompares()
{
    // Single- and multi-choice questions without effect were reported; a number question was not.
    const CataloguePtr catalogue
        = oneMatter({question("kind", QuestionType::Single, {option("x"), option("y", {u"b"_s})}),
                        numberQuestion("area")},
            {require(u"a"_s)});
    const LintReport report = Linter(catalogue).run();
    QVERIFY2(report.diagnostics.size() == 1, qPrintable(describe(report.diagnostics)));
    QCOMPARE(report.diagnostics.first().rule, u"question-no-effect"_s);
    QCOMPARE(report.diagnostics.first().where.line, 7);
    QVERIFY(report.diagnostics.first().message.contains(u"area"_s));
}

void TestLinter::numberQuestionWhoseIntervalsChangeNothing()
{
    // Both sides of 150 require b: the answer splits the situations but never changes the checklist.
    const CataloguePtr catalogue = oneMatter({numberQuestion("area")},
        {require(u"a"_s), require(u"b"_s, "area >= 150"), require(u"b"_s, "area < 150")});
    const LintReport report = Linter(catalogue).run();
    QVERIFY2(withRule(report.diagnostics, u"question-no-effect"_s).size() == 1,
        qPrintable(describe(report.diagnostics)));
    QCOMPARE(report.situations, 2);
}

void TestLinter::numberQuestionWithEffectIsQuiet()
{
    const CataloguePtr catalogue
        = oneMatter({numberQuestion("area")}, {require(u"a"_s), require(u"b"_s, "area >= 150")});
    const LintReport report = Linter(catalogue).run();
    QVERIFY2(report.diagnostics.isEmpty(), qPrintable(describe(report.diagnostics)));
}

void TestLinter::identicalSiblingsAmongThousandsOfOptions()
{
    // Every option requires a or b alternately: each option after the first two duplicates one of them.
    QList<Option> options;
    for (int i = 0; i < 3000; ++i) {
        Option o = option("o", {i % 2 ? u"b"_s : u"a"_s});
        o.id = u"o%1"_s.arg(i);
        o.where = {QStringLiteral("matters/m.txt"), 10 + i, 5};
        options.append(o);
    }
    const CataloguePtr catalogue = oneMatter({question("kind", QuestionType::Single, options)}, {});
    const LintReport report = Linter(catalogue).run();
    const QList<Diagnostic> found = withRule(report.diagnostics, u"identical-siblings"_s);
    QCOMPARE(found.size(), 2998);
    QVERIFY(found.first().message.contains(u"“o0” and “o2”"_s));
    QVERIFY(found.last().message.contains(u"“o1” and “o2999”"_s));
    QCOMPARE(found.last().where.line, 10 + 2999);
}

void TestLinter::oneErrorHidesNoWarning()
{
    const CatalogueLoader::Outcome outcome = CatalogueLoader::load(lintDir("errors-hide-nothing"));
    QVERIFY(!outcome.catalogue);
    QVERIFY(outcome.partial);
    QCOMPARE(errorsOf(outcome.diagnostics), 1);
    const LintReport report = Linter(outcome.partial, outcome.diagnostics).run();
    QStringList found;
    for (const Diagnostic &d : report.diagnostics)
        found.append(u"%1:%2 %3"_s.arg(d.where.file).arg(d.where.line).arg(d.rule));
    // T-002 holds the error: counted, but its own question without effect is not reported beside it.
    QCOMPARE(found,
        (QStringList {
            u"materials/library.txt:15 vague-name"_s, u"matters/t-001.txt:16 question-no-effect"_s}));
    QCOMPARE(report.matters, 2);
    QCOMPARE(report.questions, 3 + 1);
    QCOMPARE(report.situations, 8 + 2);
    QVERIFY(report.materials > 0);
}

void TestLinter::sampleThatDoesNotDecodeIsAnError()
{
    // The loader reads the size from the header of the PNG cut in half; only decoding finds the cut.
    const CataloguePtr catalogue = load(lintDir("sample-damaged"));
    QVERIFY(catalogue);
    const LintReport report = Linter(catalogue).run();
    const QList<Diagnostic> found = withRule(report.diagnostics, u"sample-damaged"_s);
    QVERIFY2(found.size() == 4 && report.diagnostics.size() == 4, qPrintable(describe(report.diagnostics)));
    for (const Diagnostic &d : found) {
        QCOMPARE(d.severity, Diagnostic::Severity::Error);
        QCOMPARE(d.where.file, u"materials/library.txt"_s);
        QVERIFY(d.message.contains(u"samples/id-card.png"_s));
    }
    QCOMPARE(found.first().where.line, 31);
}

void TestLinter::decodesWhole_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("whole");
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(Qt::white);
    for (int y = 0; y < 48; ++y)
        for (int x = 0; x < 64; ++x)
            image.setPixel(x, y, qRgb(x * 4, y * 5, (x * y) % 256));
    for (const char *format : {"png", "jpeg"}) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, format));
        const QByteArray bytes = buffer.data();
        QByteArray damaged = bytes;
        for (qsizetype i = bytes.size() / 2; i < bytes.size() / 2 + 40; ++i)
            damaged[i] = char(0x5a);
        const QByteArray name(format);
        QTest::newRow(QByteArray(name + " whole").constData()) << bytes << true;
        QTest::newRow(QByteArray(name + " cut short").constData())
            << bytes.left(bytes.size() * 2 / 3) << false;
        QTest::newRow(QByteArray(name + " without its last byte").constData()) << bytes.chopped(1) << false;
        if (name == "png") // a JPEG decoder cannot tell damaged scan data from a picture
            QTest::newRow(QByteArray(name + " damaged inside").constData()) << damaged << false;
    }
    QTest::newRow("not an image") << QByteArray("hello") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestLinter::decodesWhole()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, whole);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"sample"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    QCOMPARE(LintMaterialRules::decodesWhole(path), whole);
}

void TestLinter::matterPastTheLimitsIsRefused()
{
    QList<Question> questions;
    for (int i = 0; i <= MatterLimits::MaxQuestions; ++i) {
        Question q = question("q", QuestionType::Single, {option("x"), option("y")});
        q.id = u"q%1"_s.arg(i);
        q.where = {QStringLiteral("matters/m.txt"), 10 + i, 3};
        questions.append(q);
    }
    const CataloguePtr catalogue = oneMatter(questions, {require(u"a"_s), require(u"b"_s)});
    const LintReport report = Linter(catalogue).run();
    QVERIFY2(report.diagnostics.size() == 1, qPrintable(describe(report.diagnostics)));
    const Diagnostic &refused = report.diagnostics.first();
    QCOMPARE(refused.rule, u"too-large"_s);
    QCOMPARE(refused.severity, Diagnostic::Severity::Error);
    QCOMPARE(refused.where.line, 10 + MatterLimits::MaxQuestions);
    QCOMPARE(report.situations, 0);
    QCOMPARE(report.questions, MatterLimits::MaxQuestions + 1);
}

void TestLinter::manyQuestionsEnumerateFewerSituations()
{
    // 400 questions, each asked whatever came before: 2^400 situations. Enumerating 10,000 of them would
    // keep four million answers; the answer budget stops it sooner.
    QList<Question> questions;
    for (int i = 0; i < 400; ++i) {
        Question q = question("q", QuestionType::Single, {option("x"), option("y", {u"b"_s})});
        q.id = u"q%1"_s.arg(i);
        questions.append(q);
    }
    const CataloguePtr catalogue = oneMatter(questions, {require(u"a"_s)});
    const LintReport report = Linter(catalogue).run();
    QVERIFY(report.truncated);
    QCOMPARE(report.situations, int(MatterLimits::AnswerBudget / 400));
    QCOMPARE(withRule(report.diagnostics, u"too-many-situations"_s).size(), 1);
}

QTEST_GUILESS_MAIN(TestLinter)
#include "tst_linter.moc"
