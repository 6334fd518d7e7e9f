// The condition builder of onewindow-editor, driven by keys on a copy of the demo catalogue: a
// requirement's condition built from rows (a question picked by its text, a relation, options
// checked with Space, a number), joined by 或, applied with Enter as one edit of one line, undone with
// Ctrl+Z; text typed beside the rows rebuilds them, text that does not parse keeps them and says
// where; a number outside the question's range is refused; a question's condition offers only the
// questions before it; each Alt key is used once. In Chinese, at 1366×768, with the screenshot for
// docs/editor.md.

#include "../gui/CounterScreen.h"
#include "../gui/MnemonicSupport.h"
#include "../gui/ScreenTestSupport.h"
#include "EditorTestSupport.h"
#include "authoring/CatalogueDocument.h"
#include "editorui/CatalogueTree.h"
#include "editorui/ConditionBuilder.h"
#include "editorui/EditorWindow.h"
#include "editorui/NodeForm.h"
#include "editorui/ProblemsPanel.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ow;
using namespace ow::authoring;
using namespace ow::editorui;
using namespace Qt::StringLiterals;
using ow::test::saveScreenshot;

namespace {

const QString kFile = u"matters/330302-WJ-001.txt"_s;

NodeRef findNode(const CatalogueDocument &document, const QString &keyword, const QString &id)
{
    std::function<NodeRef(const QList<catalogue::TextNode> &)> search
        = [&](const QList<catalogue::TextNode> &nodes) {
              for (const catalogue::TextNode &node : nodes) {
                  if (node.keyword == keyword && node.id == id)
                      return NodeRef {kFile, node.where.line};
                  if (NodeRef inside = search(node.children); inside.isValid())
                      return inside;
              }
              return NodeRef {};
          };
    return search(document.nodes(kFile));
}

void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier, int times = 1)
{
    for (int i = 0; i < times; ++i) {
        QWidget *target = QApplication::focusWidget();
        QVERIFY2(target, "no widget has the keyboard focus");
        QTest::keyClick(target, Qt::Key(key), modifiers);
    }
}

} // namespace

class TestConditionBuilder : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;

    void openIn(EditorWindow &window)
    {
        QVERIFY(window.openCatalogue(m_root));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Alt keys reach the active window only.
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
    }

    /// The `when:` line written under `require MATERIAL` (the first such requirement), or empty.
    static QString whenUnder(const CatalogueDocument &document, const QString &material)
    {
        const QStringList lines = document.text(kFile).split(u'\n');
        const int at = int(lines.indexOf(u"  require "_s + material));
        return at >= 0 && at + 1 < lines.size() && lines.at(at + 1).startsWith(u"    when:"_s)
            ? lines.at(at + 1)
            : QString();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_root = m_dir->filePath(u"demo"_s);
        QVERIFY(test::copyFolder(QStringLiteral(OW_DEMO_CATALOGUE), m_root));
    }

    void buildByKeyboard()
    {
        EditorWindow window;
        openIn(window);
        CatalogueDocument &document = *window.document();
        const QString original = document.text(kFile);
        ConditionBuilder *builder = window.form()->conditionBuilder();

        // A matter takes no condition: no builder.
        QVERIFY(window.tree()->select(findNode(document, u"matter"_s, u"330302-WJ-001"_s)));
        QVERIFY(!builder->isVisible());

        // A requirement without a condition: the builder is there, empty.
        const NodeRef plans = findNode(document, u"require"_s, u"public-place-plans"_s);
        QVERIFY(window.tree()->select(plans));
        QVERIFY(builder->isVisible());
        QCOMPARE(builder->rowList()->count(), 0);
        QVERIFY(builder->textEdit()->text().isEmpty());

        // Alt+L adds a row on the first question, shown by its text (its id in the tooltip).
        // (A button's Alt key clicks it the way a mouse would, pressed for a moment.)
        press(Qt::Key_L, Qt::AltModifier);
        QTRY_COMPARE(builder->rowList()->count(), 1);
        QCOMPARE(QApplication::focusWidget(), builder->questionBox());
        QCOMPARE(builder->questionBox()->currentText(), u"经营场所属于哪一类公共场所？"_s);
        QCOMPARE(builder->questionBox()
                     ->itemData(builder->questionBox()->currentIndex(), Qt::ToolTipRole)
                     .toString(),
            u"place-type"_s);
        // Relation (Alt+O): 是其中之一, two Downs from 是; options (Alt+H) checked with Space.
        press(Qt::Key_O, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), builder->operatorBox());
        press(Qt::Key_Down, Qt::NoModifier, 2);
        QCOMPARE(builder->operatorBox()->currentText(), u"是其中之一"_s);
        press(Qt::Key_H, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), builder->optionList());
        press(Qt::Key_Space);
        press(Qt::Key_Down);
        press(Qt::Key_Space);
        QCOMPARE(builder->textEdit()->text(), u"place-type in (lodging, bath)"_s);
        QVERIFY2(builder->rowList()->item(0)->text().contains(u"沐浴场所"_s),
            qPrintable(builder->rowList()->item(0)->text()));
        QCOMPARE(whenUnder(document, u"public-place-plans"_s), QString()); // nothing written yet
        // Enter applies: one edit, one line added under the requirement.
        press(Qt::Key_Return);
        QCOMPARE(whenUnder(document, u"public-place-plans"_s), u"    when: place-type in (lodging, bath)"_s);
        QCOMPARE(window.undoStack()->count(), 1);
        QCOMPARE(document.text(kFile).size(),
            original.size() + u"    when: place-type in (lodging, bath)\n"_s.size());

        // A second row: the bath's area at least 150 square metres, joined by 或 (Alt+J).
        press(Qt::Key_L, Qt::AltModifier);
        QTRY_COMPARE(builder->rowList()->count(), 2);
        press(Qt::Key_Down, Qt::NoModifier, 3);
        QCOMPARE(builder->questionBox()->currentText(), u"沐浴场所的经营面积是多少？"_s);
        press(Qt::Key_O, Qt::AltModifier);
        press(Qt::Key_Down, Qt::NoModifier, 5);
        QCOMPARE(builder->operatorBox()->currentText(), u"≥ 大于或等于"_s);
        press(Qt::Key_B, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), builder->numberEdit());
        // Below the question's min (1): said, and not applied.
        press(Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), u"0"_s);
        QVERIFY2(builder->message().contains(u"行 2"_s) || builder->message().contains(u"第 2 行"_s),
            qPrintable(builder->message()));
        press(Qt::Key_Return);
        QCOMPARE(window.undoStack()->count(), 1);
        press(Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), u"150"_s);
        QVERIFY(builder->message().isEmpty());
        QCOMPARE(builder->textEdit()->text(), u"place-type in (lodging, bath) and bath-area >= 150"_s);
        press(Qt::Key_J, Qt::AltModifier);
        press(Qt::Key_Down);
        QCOMPARE(builder->textEdit()->text(), u"place-type in (lodging, bath) or bath-area >= 150"_s);
        QVERIFY(builder->rowList()->item(1)->text().startsWith(u"或 "_s));
        press(Qt::Key_Return);
        QCOMPARE(whenUnder(document, u"public-place-plans"_s),
            u"    when: place-type in (lodging, bath) or bath-area >= 150"_s);
        QCOMPARE(window.undoStack()->count(), 2);
        window.lintNow();
        QCOMPARE(window.problems()->topLevelItemCount(), 0);
        builder->rowList()->setCurrentRow(1);
        // The row's fields are laid out again (the unit beside the number) before the picture is taken.
        QApplication::processEvents();
        saveScreenshot(window, u"zh-editor-condition.png"_s);

        // The text beside the rows (Alt+W): text that does not parse says where and keeps the rows.
        press(Qt::Key_W, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), builder->textEdit());
        press(Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), u"place-type = "_s);
        QVERIFY2(builder->message().contains(u"14"_s), qPrintable(builder->message()));
        QCOMPARE(builder->rowList()->count(), 2);
        press(Qt::Key_Return);
        QCOMPARE(window.undoStack()->count(), 2);
        // Text that parses rebuilds the rows.
        QTest::keyClicks(QApplication::focusWidget(), u"beauty"_s);
        QCOMPARE(builder->rowList()->count(), 1);
        QVERIFY(builder->rowList()->item(0)->text().contains(u"美容美发场所"_s));
        QVERIFY(builder->message().isEmpty());
        press(Qt::Key_Return);
        QCOMPARE(whenUnder(document, u"public-place-plans"_s), u"    when: place-type = beauty"_s);

        // Ctrl+Z undoes each applied condition; the builder follows. (In a text field Ctrl+Z undoes the
        // typing, as everywhere.)
        window.tree()->setFocus();
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(whenUnder(document, u"public-place-plans"_s),
            u"    when: place-type in (lodging, bath) or bath-area >= 150"_s);
        QCOMPARE(builder->rowList()->count(), 2);
        press(Qt::Key_Z, Qt::ControlModifier);
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(document.text(kFile), original);
        QCOMPARE(builder->rowList()->count(), 0);

        // Emptied, an existing condition's line goes away (one edit).
        const NodeRef evaluation = findNode(document, u"require"_s, u"hygiene-evaluation"_s);
        QVERIFY(window.tree()->select(evaluation));
        QCOMPARE(builder->rowList()->count(), 1);
        builder->rowList()->setFocus();
        press(Qt::Key_Delete);
        QCOMPARE(builder->textEdit()->text(), QString());
        press(Qt::Key_Return);
        // The matter's faq about the same baths keeps its own condition.
        QCOMPARE(document.text(kFile).count(u"when: bath-area >= 150"_s), 1);
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(document.text(kFile), original);

        QVERIFY(window.frameGeometry().width() <= 1366);
        QVERIFY(window.frameGeometry().height() <= 768);
    }

    void questionsOfAQuestionComeBeforeIt()
    {
        EditorWindow window;
        openIn(window);
        CatalogueDocument &document = *window.document();
        QVERIFY(window.tree()->select(findNode(document, u"question"_s, u"lodging-facilities"_s)));
        ConditionBuilder *builder = window.form()->conditionBuilder();
        QVERIFY(builder->isVisible());
        QCOMPARE(builder->rowList()->count(), 1);
        builder->rowList()->setCurrentRow(0);
        QStringList offered;
        for (int i = 0; i < builder->questionBox()->count(); ++i)
            offered.append(builder->questionBox()->itemData(i).toString());
        QCOMPARE(offered, (QStringList {u"place-type"_s, u"linen-washing"_s}));
        // A later question typed as text is refused, named.
        builder->textEdit()->setFocus();
        press(Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), u"agent = self"_s);
        press(Qt::Key_Return);
        QVERIFY2(builder->message().contains(u"是否委托他人办理？"_s), qPrintable(builder->message()));
        QCOMPARE(window.undoStack()->count(), 0);
    }

    void eachAltKeyOnce()
    {
        EditorWindow window;
        openIn(window);
        QVERIFY(window.tree()->select(findNode(*window.document(), u"require"_s, u"hygiene-evaluation"_s)));
        QVERIFY(window.form()->conditionBuilder()->isVisible());
        const QStringList clashes = test::collisions(test::windowMnemonics(&window));
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u"; "_s)));
    }
};

/// A 1366×768 screen, and the hall's language: the screenshot goes into the documentation.
int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestConditionBuilder>(argc, argv);
}
#include "tst_conditionBuilder.moc"
