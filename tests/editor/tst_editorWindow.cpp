// onewindow-editor's window driven by keys on a copy of the demo catalogue: an edit typed into the
// form, undone and redone with Ctrl+Z / Ctrl+Shift+Z; an entry added, renamed, moved and deleted;
// a problem of the live lint followed to its entry with Enter; saving shows the situations that
// change and writes only the edited file; a file changed on disk is not overwritten; each Alt key is
// used once. In Chinese, at 1366×768, with the screenshots for docs/editor.md.

#include "../gui/CounterScreen.h"
#include "../gui/MnemonicSupport.h"
#include "../gui/ScreenTestSupport.h"
#include "EditorTestSupport.h"
#include "authoring/CatalogueDocument.h"
#include "editorui/CatalogueTree.h"
#include "editorui/EditorWindow.h"
#include "editorui/NodeForm.h"
#include "editorui/ProblemsPanel.h"
#include "ui/ConfirmDialog.h"

#include <QApplication>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUndoStack>

using namespace ow;
using namespace ow::authoring;
using namespace ow::editorui;
using namespace Qt::StringLiterals;
using ow::test::press;
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

/// Chinese text as an input method commits it where the keyboard focus is.
void commitText(const QString &text)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY2(target, "no widget has the keyboard focus");
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(target, &event);
}

} // namespace

class TestEditorWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;

    void openIn(EditorWindow &window)
    {
        QVERIFY(window.openCatalogue(m_root));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
    }

    QString fileText() const { return QString::fromUtf8(test::fileBytes(m_root + u"/"_s + kFile)); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_root = m_dir->filePath(u"demo"_s);
        QVERIFY(test::copyFolder(QStringLiteral(OW_DEMO_CATALOGUE), m_root));
    }

    void editUndoJumpAndSave()
    {
        const QMap<QString, QByteArray> before = test::folderBytes(m_root);
        EditorWindow window;
        openIn(window);
        CatalogueDocument &document = *window.document();
        const QString original = document.text(kFile);
        QCOMPARE(window.problems()->topLevelItemCount(), 0); // the demo lints clean

        // The matter's name, typed into the form: one line changes, the tree follows.
        const NodeRef matter = findNode(document, u"matter"_s, u"330302-WJ-001"_s);
        QVERIFY(window.tree()->select(matter));
        window.form()->valueEdit()->setFocus();
        press(Qt::Key_A, Qt::ControlModifier);
        commitText(u"公共场所卫生许可（新办）"_s);
        QVERIFY(document.text(kFile).contains(u"matter 330302-WJ-001: 公共场所卫生许可（新办）\n"_s));
        QCOMPARE(window.tree()->currentItem()->text(1), u"公共场所卫生许可（新办）"_s);
        QCOMPARE(window.undoStack()->count(), 1); // the typing is one step
        QVERIFY(window.isWindowModified());

        // Undone and redone from the tree.
        window.tree()->setFocus();
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(document.text(kFile), original);
        QCOMPARE(window.form()->valueEdit()->text(), u"公共场所卫生许可（新发证）"_s);
        QVERIFY(!window.isWindowModified());
        press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(document.text(kFile).contains(u"（新办）"_s));

        // An attribute edited in the table.
        QTableWidget *attributes = window.form()->attributes();
        int daysRow = -1;
        for (int row = 0; row < attributes->rowCount(); ++row)
            if (attributes->item(row, 0)->toolTip() == u"promised-days"_s)
                daysRow = row;
        QVERIFY(daysRow >= 0);
        attributes->item(daysRow, 1)->setText(u"5"_s);
        QVERIFY(document.text(kFile).contains(u"  promised-days: 5\n"_s));

        // A requirement naming a material that does not exist: the problem is listed, and Enter on
        // it goes back to the entry.
        const NodeRef idCard = findNode(document, u"require"_s, u"id-card"_s);
        QVERIFY(window.tree()->select(idCard));
        window.form()->idEdit()->setFocus();
        press(Qt::Key_End);
        QTest::keyClicks(QApplication::focusWidget(), u"-x"_s);
        // The lint runs by itself after the pause in typing, in the background.
        QTRY_COMPARE(window.problems()->topLevelItemCount(), 1);
        QTreeWidgetItem *problem = window.problems()->topLevelItem(0);
        QVERIFY2(problem->text(2).contains(u"id-card-x"_s), qPrintable(problem->text(2)));
        QVERIFY(window.tree()->select(matter));
        window.problems()->setFocus();
        window.problems()->setCurrentItem(problem);
        press(Qt::Key_Return);
        QCOMPARE(window.tree()->currentNode(), idCard);
        QCOMPARE(QApplication::focusWidget(), window.tree());
        saveScreenshot(window, u"zh-editor.png"_s);
        press(Qt::Key_Z, Qt::ControlModifier);
        window.lintNow();
        QCOMPARE(window.problems()->topLevelItemCount(), 0);

        // A new option inside the first question, named by typing over its placeholder id, moved up
        // and deleted (and back) from the tree.
        const NodeRef placeType = findNode(document, u"question"_s, u"place-type"_s);
        QVERIFY(window.tree()->select(placeType));
        const int options = window.tree()->currentItem()->childCount();
        window.tree()->setFocus();
        press(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QApplication::focusWidget(), window.form()->idEdit());
        QTest::keyClicks(QApplication::focusWidget(), u"sauna"_s);
        QVERIFY(document.text(kFile).contains(u"    option sauna: "_s));
        QTreeWidgetItem *added = window.tree()->currentItem();
        QCOMPARE(added->parent()->childCount(), options + 1);
        QCOMPARE(added->parent()->indexOfChild(added), options);
        window.tree()->setFocus();
        press(Qt::Key_Up, Qt::ControlModifier);
        added = window.tree()->currentItem();
        QVERIFY(added->text(0).endsWith(u"sauna"_s));
        QCOMPARE(added->parent()->indexOfChild(added), options - 1);
        const QString withSauna = document.text(kFile);
        press(Qt::Key_Delete);
        QVERIFY(!document.text(kFile).contains(u"option sauna"_s));
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(document.text(kFile), withSauna);

        // The changes for the counters, then saving: only the edited file is written.
        window.tree()->setFocus();
        press(Qt::Key_D, Qt::ControlModifier);
        QVERIFY(window.changes()->toPlainText().contains(u"330302-WJ-001"_s));
        saveScreenshot(window, u"zh-editor-changes.png"_s);
        ui::ConfirmDialog::setNextAnswer(ui::ConfirmDialog::Choice::Confirm);
        press(Qt::Key_S, Qt::ControlModifier);
        QVERIFY2(ui::ConfirmDialog::lastText().contains(u"330302-WJ-001"_s),
            qPrintable(ui::ConfirmDialog::lastText()));
        QVERIFY(!window.isWindowModified());
        const QMap<QString, QByteArray> after = test::folderBytes(m_root);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            if (it.key() != kFile)
                QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key()));
        QCOMPARE(fileText(), withSauna);
        QVERIFY(window.frameGeometry().width() <= 1366);
        QVERIFY(window.frameGeometry().height() <= 768);
    }

    void cancelledSaveWritesNothing()
    {
        EditorWindow window;
        openIn(window);
        const NodeRef matter = findNode(*window.document(), u"matter"_s, u"330302-WJ-001"_s);
        QVERIFY(window.tree()->select(matter));
        window.form()->valueEdit()->setFocus();
        QTest::keyClicks(QApplication::focusWidget(), u"X"_s);
        ui::ConfirmDialog::setNextAnswer(ui::ConfirmDialog::Choice::Cancel);
        const QString before = fileText();
        press(Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(fileText(), before);
        QVERIFY(window.isWindowModified());
        // Closing with changes asks first; cancelled, the window stays.
        ui::ConfirmDialog::setNextAnswer(ui::ConfirmDialog::Choice::Cancel);
        QVERIFY(!window.close());
        ui::ConfirmDialog::setNextAnswer(ui::ConfirmDialog::Choice::Confirm);
        QVERIFY(window.close());
    }

    void fileChangedOnDiskIsNotOverwritten()
    {
        EditorWindow window;
        openIn(window);
        const NodeRef matter = findNode(*window.document(), u"matter"_s, u"330302-WJ-001"_s);
        QVERIFY(window.tree()->select(matter));
        window.form()->valueEdit()->setFocus();
        QTest::keyClicks(QApplication::focusWidget(), u"X"_s);
        const QByteArray theirs = test::fileBytes(m_root + u"/"_s + kFile) + "# a colleague's note\n";
        QVERIFY(test::writeBytes(m_root + u"/"_s + kFile, theirs));
        ui::ConfirmDialog::setNextAnswer(ui::ConfirmDialog::Choice::Confirm);
        QVERIFY(!window.save());
        QCOMPARE(test::fileBytes(m_root + u"/"_s + kFile), theirs);
        QVERIFY(window.message().contains(kFile));
        QVERIFY(window.isWindowModified());
        ui::ConfirmDialog::setNextAnswer(ui::ConfirmDialog::Choice::Confirm);
    }

    void eachAltKeyOnce()
    {
        EditorWindow window;
        openIn(window);
        const NodeRef matter = findNode(*window.document(), u"matter"_s, u"330302-WJ-001"_s);
        QVERIFY(window.tree()->select(matter));
        const QStringList clashes = test::collisions(test::windowMnemonics(&window));
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u"; "_s)));
    }
};

/// A 1366×768 screen, and the hall's language: the screenshots go into the documentation.
int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestEditorWindow>(argc, argv);
}
#include "tst_editorWindow.moc"
