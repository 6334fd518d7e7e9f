// The workstation's non-visual parts: number entry, catalogue location, checklist grouping and the
// change summary (the interview session itself is tested in tests/unit/tst_interviewSession).

#include "GuiTestSupport.h"
#include "catalogue/SituationEngine.h"
#include "intake/InterviewSession.h"
#include "ui/CatalogueLocation.h"
#include "ui/ChangeSummary.h"
#include "ui/ChecklistModel.h"
#include "ui/NumberQuestionWidget.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::catalogue;
using namespace ow::ui;
using ow::intake::InterviewSession;

class TestUiParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseNumber_data();
    void parseNumber();
    void catalogueCandidates();
    void catalogueChoosesExistingFolder();
    void checklistGroupsBasicFirst();
    void changeSummaryNamesWhatChanges();
};

void TestUiParts::parseNumber_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");
    QTest::newRow("plain") << QStringLiteral("150") << true << 150.0;
    QTest::newRow("decimal") << QStringLiteral("0.5") << true << 0.5;
    QTest::newRow("spaces") << QStringLiteral("  42 ") << true << 42.0;
    QTest::newRow("full-width") << QStringLiteral("１５０") << true << 150.0;
    QTest::newRow("full-width point") << QStringLiteral("１２．５") << true << 12.5;
    QTest::newRow("thousands") << QStringLiteral("1,200") << true << 1200.0;
    QTest::newRow("negative") << QStringLiteral("-3") << true << -3.0;
    QTest::newRow("empty") << QString() << false << 0.0;
    QTest::newRow("letters") << QStringLiteral("abc") << false << 0.0;
    QTest::newRow("unit typed") << QStringLiteral("150平方米") << false << 0.0;
}

void TestUiParts::parseNumber()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(double, value);
    const std::optional<double> parsed = NumberQuestionWidget::parseNumber(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, value);
}

void TestUiParts::catalogueCandidates()
{
    QCOMPARE(CatalogueLocation::candidates(
                 QStringLiteral("/x/cat"), QStringLiteral("/env"), QStringLiteral("/opt/ow/bin")),
        QStringList {QStringLiteral("/x/cat")});
    QCOMPARE(CatalogueLocation::candidates(QString(), QStringLiteral("/env"), QStringLiteral("/opt/ow/bin")),
        (QStringList {QStringLiteral("/env"), QStringLiteral("/opt/ow/share/onewindow/catalogue/demo"),
            QStringLiteral("/opt/resources/catalogue/demo")}));
    QCOMPARE(CatalogueLocation::candidates(QString(), QString(), QStringLiteral("/b/build/bin")).size(), 2);
}

void TestUiParts::catalogueChoosesExistingFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("missing"));
    QCOMPARE(CatalogueLocation::choose({missing, dir.path()}), dir.path());
    QCOMPARE(CatalogueLocation::choose({missing}), missing); // the loader then names it in its error
}

void TestUiParts::checklistGroupsBasicFirst()
{
    const CataloguePtr catalogue = test::uiCatalogue();
    QVERIFY(catalogue);
    const Matter *matter = catalogue->matter(QStringLiteral("330302-WJ-001"));
    QVERIFY(matter);
    Answers answers;
    answers.set(QStringLiteral("place-type"), Answer::single(QStringLiteral("swim")));
    const Evaluation evaluation = SituationEngine(catalogue).evaluate(*matter, answers);

    ChecklistModel model;
    model.setChecklist(evaluation.checklist);
    QCOMPARE(model.lineCount(), evaluation.checklist.lines.size());
    QCOMPARE(model.basicCount(), 5);
    // Row 0 is the basic heading, the situation heading follows the basic lines.
    QCOMPARE(
        model.data(model.index(0), ChecklistModel::KindRole).toInt(), int(ChecklistModel::RowKind::Heading));
    QCOMPARE(
        model.data(model.index(6), ChecklistModel::KindRole).toInt(), int(ChecklistModel::RowKind::Heading));
    QCOMPARE(model.line(7)->materialId, QStringLiteral("water-report"));
    QCOMPARE(model.data(model.index(7), ChecklistModel::NumberRole).toInt(), 6);
    QVERIFY(!model.line(0));
    QVERIFY(model.flags(model.index(0)) == Qt::NoItemFlags); // the keyboard skips headings
    QCOMPARE(model.dataSharedCount(), 1); // business licence
    // The data-shared line shows no form, copies or medium (nothing is handed in); the others do.
    int sharedRows = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const ChecklistLine *line = model.line(row);
        if (!line)
            continue;
        const QStringList chips = model.data(model.index(row), ChecklistModel::ChipsRole).toStringList();
        if (line->dataShared) {
            ++sharedRows;
            QVERIFY(model.data(model.index(row), ChecklistModel::DataSharedRole).toBool());
            QCOMPARE(chips, QStringList());
        } else {
            QCOMPARE(chips.size(), 3);
        }
    }
    QCOMPARE(sharedRows, 1);
    QCOMPARE(model.waivableCount(), 1); // health certificates
    QVERIFY(model.data(model.index(7), ChecklistModel::ReasonsRole)
                .toStringList()
                .constFirst()
                .contains(QStringLiteral("游泳场所")));
}

void TestUiParts::changeSummaryNamesWhatChanges()
{
    const CataloguePtr catalogue = test::uiCatalogue();
    const SituationEngine engine(catalogue);
    const Matter &matter = *catalogue->matter(QStringLiteral("330302-WJ-001"));
    InterviewSession session(engine, matter);
    session.setAnswer(0, QStringLiteral("place-type"), Answer::single(QStringLiteral("lodging")));
    session.setAnswer(0, QStringLiteral("central-ac"), Answer::single(QStringLiteral("yes")));
    const Answer swim = Answer::single(QStringLiteral("swim"));
    const ChangePreview preview = session.preview(0, QStringLiteral("place-type"), swim);
    QVERIFY(preview.changesAnything());
    const Answers &before = session.parts().constFirst().evaluation.effectiveAnswers;
    const ChangeSummary summary(matter, before, QStringLiteral("place-type"), swim, preview);
    QVERIFY(summary.heading().contains(QStringLiteral("住宿场所")));
    QVERIFY(summary.heading().contains(QStringLiteral("游泳场所")));
    const QString details = summary.detailsHtml();
    QVERIFY(details.contains(QStringLiteral("是否使用集中空调通风系统？"))); // dropped
    QVERIFY(details.contains(QStringLiteral("水质检测报告"))); // gained
    QVERIFY(details.contains(QStringLiteral("集中空调通风系统卫生检测报告"))); // lost
}

QTEST_MAIN(TestUiParts)
#include "tst_uiParts.moc"
