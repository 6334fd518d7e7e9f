// Frequently asked questions (faq, docs/catalogue-format.md §15) in onewindow-editor, by keys on a copy of
// the demo catalogue: the demo's faqs are entries of the tree under their matter and bundle; Ctrl+Shift+F
// adds one with its answer after the matter's last faq (and in a bundle), named by typing over its
// placeholder; its answer is an attribute of the form; its condition is the builder's, as a
// requirement's; Delete removes it and Ctrl+Z brings it back; the catalogue lints clean throughout.

#include "../gui/CounterScreen.h"
#include "../gui/ScreenTestSupport.h"
#include "EditorTestSupport.h"
#include "authoring/CatalogueDocument.h"
#include "authoring/EntryCondition.h"
#include "authoring/NewEntry.h"
#include "editorui/CatalogueTree.h"
#include "editorui/EditorWindow.h"
#include "editorui/NodeForm.h"
#include "editorui/ProblemsPanel.h"

#include <QApplication>
#include <QLineEdit>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ow;
using namespace ow::authoring;
using namespace ow::editorui;
using namespace Qt::StringLiterals;
using ow::test::press;

namespace {

const QString kMatterFile = u"matters/330302-WJ-001.txt"_s;
const QString kBundleFile = u"bundles/bundles.txt"_s;

NodeRef findNode(
    const CatalogueDocument &document, const QString &file, const QString &keyword, const QString &id)
{
    std::function<NodeRef(const QList<catalogue::TextNode> &)> search
        = [&](const QList<catalogue::TextNode> &nodes) {
              for (const catalogue::TextNode &node : nodes) {
                  if (node.keyword == keyword && node.id == id)
                      return NodeRef {file, node.where.line};
                  if (NodeRef inside = search(node.children); inside.isValid())
                      return inside;
              }
              return NodeRef {};
          };
    return search(document.nodes(file));
}

} // namespace

class TestEditorFaq : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_root = m_dir->filePath(u"demo"_s);
        QVERIFY(test::copyFolder(QStringLiteral(OW_DEMO_CATALOGUE), m_root));
    }

    void newFaqStartsWithItsAnswer()
    {
        QCOMPARE(NewEntry::block(u"faq"_s, {}).size(), 2);
        QVERIFY(NewEntry::block(u"faq"_s, {}).at(0).startsWith(u"faq new-faq: "_s));
        QVERIFY(NewEntry::block(u"faq"_s, {}).at(1).startsWith(u"  answer: "_s));
        QVERIFY(NewEntry::isEntry(u"faq"_s, u"matter"_s));
        QVERIFY(NewEntry::isEntry(u"faq"_s, u"bundle"_s));
        QVERIFY(!NewEntry::isEntry(u"answer"_s, u"faq"_s));
        QCOMPARE(NewEntry::missingAttributes(u"faq"_s, {}), QStringList {u"answer"_s});
    }

    void addEditConditionDeleteUndo()
    {
        EditorWindow window;
        QVERIFY(window.openCatalogue(m_root));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CatalogueDocument &document = *window.document();
        QCOMPARE(window.problems()->topLevelItemCount(), 0);

        // The demo's faqs are entries of the tree, under their matter.
        const NodeRef matter = findNode(document, kMatterFile, u"matter"_s, u"330302-WJ-001"_s);
        const NodeRef fee = findNode(document, kMatterFile, u"faq"_s, u"fee"_s);
        QVERIFY(fee.isValid());
        QTreeWidgetItem *feeItem = window.tree()->itemFor(fee);
        QVERIFY(feeItem);
        QCOMPARE(feeItem->parent(), window.tree()->itemFor(matter));
        QCOMPARE(feeItem->text(1), u"办理卫生许可证要收费吗？"_s);

        // Ctrl+Shift+F from a question of the matter: a faq after the matter's last one.
        const NodeRef evaluation = findNode(document, kMatterFile, u"faq"_s, u"evaluation"_s);
        QVERIFY(window.tree()->select(findNode(document, kMatterFile, u"question"_s, u"place-type"_s)));
        window.tree()->setFocus();
        press(Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QApplication::focusWidget(), window.form()->idEdit());
        QTest::keyClicks(QApplication::focusWidget(), u"hours"_s);
        const QString text = document.text(kMatterFile);
        const qsizetype added = text.indexOf(u"\n  faq hours: "_s);
        QVERIFY2(added > text.indexOf(u"  faq evaluation: "_s), qPrintable(text));
        QVERIFY(text.mid(added).contains(u"\n    answer: "_s));
        const NodeRef hours = findNode(document, kMatterFile, u"faq"_s, u"hours"_s);
        QCOMPARE(window.tree()->currentNode(), hours);
        QCOMPARE(window.tree()->itemFor(hours)->parent(), window.tree()->itemFor(matter));
        QVERIFY(evaluation.isValid());

        // The question in the form's text, the answer in the attributes.
        window.form()->valueEdit()->setFocus();
        press(Qt::Key_A, Qt::ControlModifier);
        window.form()->valueEdit()->insert(u"周六能办吗？"_s);
        QTableWidget *attributes = window.form()->attributes();
        int answerRow = -1;
        for (int row = 0; row < attributes->rowCount(); ++row)
            if (attributes->item(row, 0)->toolTip() == u"answer"_s)
                answerRow = row;
        QVERIFY(answerRow >= 0);
        attributes->item(answerRow, 1)->setText(u"周六上午可以办理。"_s);
        QVERIFY2(document.text(kMatterFile)
                     .contains(u"  faq hours: 周六能办吗？\n    answer: 周六上午可以办理。\n"_s),
            qPrintable(document.text(kMatterFile)));

        // Its condition is the builder's, over any question of the matter, as a requirement's.
        const EntryCondition condition(document, hours);
        QVERIFY(condition.isValid());
        QCOMPARE(condition.allowed().size(), condition.questions().size());
        const Result<Edit> when = condition.edit(document, u"place-type = bath"_s);
        QVERIFY(when.has_value());
        QVERIFY(document.apply(*when).has_value());
        QVERIFY(
            document.text(kMatterFile)
                .contains(
                    u"  faq hours: 周六能办吗？\n    when: place-type = bath\n    answer: 周六上午可以办理。\n"_s));
        window.lintNow();
        QCOMPARE(window.problems()->topLevelItemCount(), 0);

        // Deleted from the tree, and back.
        const QString withHours = document.text(kMatterFile);
        QVERIFY(window.tree()->select(findNode(document, kMatterFile, u"faq"_s, u"hours"_s)));
        window.tree()->setFocus();
        press(Qt::Key_Delete);
        QVERIFY(!document.text(kMatterFile).contains(u"faq hours"_s));
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(document.text(kMatterFile), withHours);

        // In a bundle too; in a material there is nowhere to put one.
        QVERIFY(window.tree()->select(findNode(document, kBundleFile, u"bundle"_s, u"hotel"_s)));
        window.tree()->setFocus();
        press(Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(document.text(kBundleFile).contains(u"  faq new-faq: "_s));
        // A bundle's faq builds its condition over its matters' questions, a shared one once.
        const NodeRef bundleFaq = window.tree()->currentNode();
        const EntryCondition overMatters(document, bundleFaq);
        QVERIFY(overMatters.isValid());
        QStringList ids;
        for (const ConditionQuestion &question : overMatters.questions())
            ids.append(question.id);
        QVERIFY(ids.contains(u"place-type"_s)); // the hygiene permit's
        QVERIFY(ids.contains(u"lodging-facilities"_s));
        QCOMPARE(ids.count(u"agent"_s), 1); // asked by several of the hotel's matters
        const Result<Edit> poolWhen = overMatters.edit(document, u"lodging-facilities in (pool, both)"_s);
        QVERIFY(poolWhen.has_value());
        QVERIFY(document.apply(*poolWhen).has_value());
        window.lintNow();
        QCOMPARE(window.problems()->topLevelItemCount(), 0);
        const int steps = window.undoStack()->count();
        const QString material = u"materials/enterprise.txt"_s;
        QVERIFY(window.tree()->select(NodeRef {material, document.nodes(material).first().where.line}));
        window.tree()->setFocus();
        press(Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(window.undoStack()->count(), steps);
    }
};

int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestEditorFaq>(argc, argv);
}
#include "tst_editorFaq.moc"
