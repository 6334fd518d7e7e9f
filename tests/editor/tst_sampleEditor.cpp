// The sample editor of onewindow-editor on a copy of the demo catalogue: a mark drawn, moved and
// resized on the identity card's sample by mouse, then moved, resized, chosen and deleted by keyboard
// and tied to another review point; each change rewrites only the mark's line in the format's whole
// pixels, and undoing everything gives back the exact bytes. A sample that is cut short or missing is
// said, naming the file. In Chinese, at 1366×768, with the screenshot for docs/editor.md.

#include "../gui/CounterScreen.h"
#include "../gui/MnemonicSupport.h"
#include "../gui/ScreenTestSupport.h"
#include "EditorTestSupport.h"
#include "authoring/CatalogueDocument.h"
#include "authoring/SampleGeometry.h"
#include "authoring/SampleMarks.h"
#include "editorui/CatalogueTree.h"
#include "editorui/EditorWindow.h"
#include "editorui/ProblemsPanel.h"
#include "editorui/SampleEditor.h"
#include "editorui/SampleMarkView.h"
#include "ui/FileDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ow;
using namespace ow::authoring;
using namespace ow::editorui;
using namespace Qt::StringLiterals;
using ow::test::saveScreenshot;
using Handle = SampleGeometry::Handle;

namespace {

const QString kFile = u"materials/identity.txt"_s;

/// The lines of a text that differ from another's, both split at line ends.
QStringList changedLines(const QString &before, const QString &after)
{
    const QStringList a = before.split(u'\n');
    const QStringList b = after.split(u'\n');
    QStringList changed;
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i)
        if (a.value(i) != b.value(i))
            changed.append(b.value(i));
    return changed;
}

} // namespace

class TestSampleEditor : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;

    /// Opens the catalogue, selects a material in the tree and opens its sample with Ctrl+M.
    SampleEditor *openSample(EditorWindow &window, const QString &materialId)
    {
        if (!window.openCatalogue(m_root))
            return nullptr;
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return nullptr;
        const NodeRef material = SampleMarks::findMaterial(*window.document(), materialId);
        if (!window.tree()->select(material))
            return nullptr;
        window.tree()->setFocus();
        QTest::keyClick(window.tree(), Qt::Key_M, Qt::ControlModifier);
        SampleEditor *editor = window.sampleEditor();
        // The window takes the keyboard: its own keys (Alt, Insert, Ctrl+Z) work at once.
        // (qWaitForWindowActive alone passes at once: a window counts as active while the window it
        // belongs to is; wait for the activation itself.)
        if (!editor->isVisible()
            || !QTest::qWaitFor([editor] { return QApplication::activeWindow() == editor; }))
            return nullptr;
        return editor;
    }

    static QPoint viewPoint(SampleMarkView *view, QPointF image) { return view->mapFromScene(image); }
    static QPointF imagePoint(SampleMarkView *view, QPoint point) { return view->mapToScene(point); }

    static void drag(SampleMarkView *view, QPoint from, QPoint to)
    {
        QWidget *surface = view->viewport();
        QTest::mousePress(surface, Qt::LeftButton, {}, from);
        // In steps, as a hand moves: the first few pixels do not yet count as a drag.
        QTest::mouseMove(surface, from + (to - from) / 4);
        QTest::mouseMove(surface, from + (to - from) / 2);
        QTest::mouseMove(surface, to);
        QTest::mouseRelease(surface, Qt::LeftButton, {}, to);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_root = m_dir->filePath(u"demo"_s);
        QVERIFY(test::copyFolder(QStringLiteral(OW_DEMO_CATALOGUE), m_root));
    }

    void drawMoveResizeByMouseAndKeyboard()
    {
        EditorWindow window;
        SampleEditor *editor = openSample(window, u"id-card"_s);
        QVERIFY(editor);
        CatalogueDocument &document = *window.document();
        const QString original = document.text(kFile);
        SampleMarkView *view = editor->view();
        QCOMPARE(editor->materialId(), u"id-card"_s);
        QVERIFY(editor->problem().isEmpty());
        QCOMPARE(view->imageSize(), QSize(1000, 1240));
        QCOMPARE(view->rects().size(), 4);
        QCOMPARE(view->rects().at(0), QRect(228, 92, 308, 60));
        QCOMPARE(editor->markList()->count(), 4);
        QCOMPARE(editor->pointChoice()->count(), 4);
        const QStringList clashes = test::collisions(test::windowMnemonics(editor));
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u"; "_s)));
        const SampleGeometry geometry(view->imageSize());

        // Drawn by dragging on a bare part of the image: one line added after the marks, tied to the
        // material's first review point (every point already has a mark).
        QPoint from = viewPoint(view, QPointF(100, 700));
        QPoint to = viewPoint(view, QPointF(320, 800));
        QRect rect = geometry.drawn(imagePoint(view, from), imagePoint(view, to));
        QVERIFY(rect.width() > 200 && rect.height() > 90);
        drag(view, from, to);
        QStringList changed = changedLines(original, document.text(kFile));
        QCOMPARE(changed.first(), u"    mark name: "_s + SampleGeometry::formatValue(rect));
        QVERIFY(document.text(kFile).contains(u"    mark validity: 388, 1070, 488, 62\n    mark name: "_s
            + SampleGeometry::formatValue(rect) + u"\n"_s));
        QCOMPARE(document.text(kFile).count(u'\n'), original.count(u'\n') + 1);
        QCOMPARE(view->selected(), 4);
        QCOMPARE(view->rects().at(4), rect);
        QCOMPARE(window.undoStack()->count(), 1);
        const int line = SampleMarks::read(document, SampleMarks::findMaterial(document, u"id-card"_s))
                             ->marks.at(4)
                             .node.line;
        // The tree follows the new mark.
        QCOMPARE(window.tree()->currentNode(), (NodeRef {kFile, line}));

        // Moved by dragging its inside: the same line rewritten, nothing else.
        QString before = document.text(kFile);
        from = viewPoint(view, QRectF(rect).center());
        to = from + QPoint(60, 25);
        QRect expected = geometry.moved(rect, imagePoint(view, to) - imagePoint(view, from));
        drag(view, from, to);
        QCOMPARE(changedLines(before, document.text(kFile)),
            QStringList {u"    mark name: "_s + SampleGeometry::formatValue(expected)});
        QCOMPARE(
            document.lineText(kFile, line), u"    mark name: "_s + SampleGeometry::formatValue(expected));
        rect = expected;

        // Resized by its bottom-right handle.
        before = document.text(kFile);
        from = viewPoint(view, SampleGeometry::handlePoint(QRectF(rect), Handle::BottomRight));
        to = from + QPoint(30, -12);
        expected = geometry.resized(rect, Handle::BottomRight, imagePoint(view, to) - imagePoint(view, from));
        QVERIFY(expected.size() != rect.size() && expected.topLeft() == rect.topLeft());
        drag(view, from, to);
        QCOMPARE(changedLines(before, document.text(kFile)),
            QStringList {u"    mark name: "_s + SampleGeometry::formatValue(expected)});
        rect = expected;
        // A click on another mark selects it and changes nothing.
        before = document.text(kFile);
        const QPoint onPhoto = viewPoint(view, QPointF(700, 200));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onPhoto);
        QCOMPARE(view->selected(), 2);
        QCOMPARE(document.text(kFile), before);
        QCOMPARE(editor->markList()->currentRow(), 2);

        // By keyboard: Tab goes to the next marks, arrows move by 1 % of the image (10 × 12 pixels
        // here), Shift+arrows resize.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Tab);
        QTest::keyClick(view, Qt::Key_Tab);
        QCOMPARE(view->selected(), 4);
        QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(document.lineText(kFile, line),
            u"    mark name: "_s + SampleGeometry::formatValue(rect.translated(10, 0)));
        QTest::keyClick(view, Qt::Key_Up);
        rect.translate(10, -12);
        QCOMPARE(document.lineText(kFile, line), u"    mark name: "_s + SampleGeometry::formatValue(rect));
        QTest::keyClick(view, Qt::Key_Right, Qt::ShiftModifier);
        QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
        rect.setSize(rect.size() + QSize(10, 12));
        QCOMPARE(document.lineText(kFile, line), u"    mark name: "_s + SampleGeometry::formatValue(rect));
        // Shift+Tab back; past the last mark Tab leaves the image for the next control.
        QTest::keyClick(view, Qt::Key_Backtab);
        QCOMPARE(view->selected(), 3);
        QTest::keyClick(view, Qt::Key_Tab);
        QCOMPARE(view->selected(), 4);
        QTest::keyClick(view, Qt::Key_Tab);
        QCOMPARE(view->selected(), 4);
        QVERIFY(!view->hasFocus());

        // Tied to another review point, chosen by its text.
        QComboBox *points = editor->pointChoice();
        QCOMPARE(points->currentData().toString(), u"name"_s);
        QVERIFY(points->currentText().contains(u"核对姓名"_s));
        points->setFocus();
        QTest::keyClick(points, Qt::Key_Down);
        QCOMPARE(document.lineText(kFile, line), u"    mark number: "_s + SampleGeometry::formatValue(rect));
        QCOMPARE(editor->markList()->item(4)->text(), u"5  核对身份证号码是否跟申请表的一致"_s);

        // Zoom with Ctrl++ and Ctrl+-: the marks keep their place on the image.
        view->setFocus();
        const qreal fitted = view->zoom();
        QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(view->zoom() > fitted);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(view->zoom() < fitted);
        QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
        QVERIFY(view->isFitting());
        QCOMPARE(view->rects().at(4), rect);

        // The live lint follows: the demo stays clean with the new mark.
        window.lintNow();
        QCOMPARE(window.problems()->topLevelItemCount(), 0);
        view->setSelected(4);
        saveScreenshot(*editor, u"zh-editor-sample.png"_s);
        QVERIFY(editor->frameGeometry().width() <= 1366 && editor->frameGeometry().height() <= 768);

        // Deleted with Delete; then every change undone with Ctrl+Z in this window: the exact bytes.
        before = document.text(kFile);
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(document.text(kFile).count(u'\n'), original.count(u'\n'));
        QCOMPARE(view->rects().size(), 4);
        const int steps = window.undoStack()->count();
        QCOMPARE(steps, 9);
        for (int i = 0; i < steps; ++i)
            QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(window.undoStack()->index(), 0);
        QCOMPARE(document.text(kFile), original);
        QVERIFY(document.modifiedFiles().isEmpty()); // the bytes as they were opened
        QCOMPARE(view->rects().size(), 4);
        QCOMPARE(editor->markList()->count(), 4);
        // And redone.
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(view->rects().size(), 5);
    }

    void keyboardOnlyMarkStaysInside()
    {
        EditorWindow window;
        SampleEditor *editor = openSample(window, u"passport"_s);
        QVERIFY(editor);
        CatalogueDocument &document = *window.document();
        SampleMarkView *view = editor->view();
        const int marks = int(view->rects().size());
        // Insert adds a mark in the middle; arrows past the edge stop at it.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Insert);
        QCOMPARE(view->rects().size(), marks + 1);
        QCOMPARE(view->selected(), marks);
        for (int i = 0; i < 80; ++i)
            QTest::keyClick(view, Qt::Key_Left);
        QCOMPARE(view->rects().at(marks).x(), 0);
        const SampleMarks read
            = *SampleMarks::read(document, SampleMarks::findMaterial(document, u"passport"_s));
        QCOMPARE(read.marks.at(marks).rect, view->rects().at(marks));
        // Pressing Left at the edge changes nothing: no empty step on the undo stack.
        const int steps = window.undoStack()->count();
        QTest::keyClick(view, Qt::Key_Left);
        QCOMPARE(window.undoStack()->count(), steps);
    }

    void materialWithoutSampleGetsOne()
    {
        EditorWindow window;
        SampleEditor *editor = openSample(window, u"house-purchase-contract"_s);
        QVERIFY(editor);
        CatalogueDocument &document = *window.document();
        const QString file = u"materials/premises.txt"_s;
        const QString original = document.text(file);
        QVERIFY2(editor->problem().contains(u"samples/house-purchase-contract.png"_s),
            qPrintable(editor->problem()));

        // An image outside the catalogue folder is refused: the counters would never receive it.
        QTemporaryDir elsewhere;
        const QString outside = elsewhere.filePath(u"contract.png"_s);
        QVERIFY(QFile::copy(m_root + u"/samples/lease-contract.png"_s, outside));
        // (A button's Alt key clicks it a moment later, as a hand would see it pressed: wait for it.)
        const int asked = ui::FileDialog::askCount();
        ui::FileDialog::setNextFileNames({outside});
        QTest::keyClick(editor, Qt::Key_I, Qt::AltModifier);
        QTRY_COMPARE(ui::FileDialog::askCount(), asked + 1);
        QCOMPARE(document.text(file), original);
        QCOMPARE(window.undoStack()->count(), 0);

        // One in its samples folder: the material's sample line is added after its other lines.
        ui::FileDialog::setNextFileNames({m_root + u"/samples/lease-contract.png"_s});
        QTest::keyClick(editor, Qt::Key_I, Qt::AltModifier);
        QTRY_COMPARE(ui::FileDialog::askCount(), asked + 2);
        QVERIFY(ui::FileDialog::lastSuggestion().endsWith(u"/samples"_s));
        QCOMPARE(
            changedLines(original, document.text(file)).first(), u"  sample: samples/lease-contract.png"_s);
        QVERIFY(document.text(file).contains(
            u"  common-error: 提交的是认购书而不是网签备案的买卖合同\n  sample: samples/lease-contract.png\n"_s));
        QVERIFY(editor->problem().isEmpty());
        QCOMPARE(editor->view()->rects().size(), 0);

        // A first mark, by keyboard, tied to the material's first review point.
        editor->view()->setFocus();
        QTest::keyClick(editor->view(), Qt::Key_Insert);
        QCOMPARE(editor->view()->rects().size(), 1);
        QVERIFY(document.text(file).contains(u"  sample: samples/lease-contract.png\n    mark seal: "_s));
        window.lintNow();
        QCOMPARE(window.problems()->topLevelItemCount(), 0);
        // Undone twice: the file as it was.
        QTest::keyClick(editor->view(), Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(editor->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(document.text(file), original);
        QVERIFY(!editor->problem().isEmpty());
    }

    void sampleThatCannotBeShownIsNamed()
    {
        // Cut short: the PNG loses its second half.
        const QString image = m_root + u"/samples/passport.png"_s;
        const QByteArray whole = test::fileBytes(image);
        QVERIFY(test::writeBytes(image, whole.left(whole.size() / 2)));
        EditorWindow window;
        SampleEditor *editor = openSample(window, u"passport"_s);
        QVERIFY(editor);
        QVERIFY2(editor->problem().contains(u"samples/passport.png"_s), qPrintable(editor->problem()));
        QVERIFY(!editor->view()->isVisible());
        // The marks are still listed, to be deleted or tied again.
        QVERIFY(editor->markList()->count() > 0);

        // Missing: said too, once the file is gone and the editor looks again.
        QVERIFY(QFile::remove(image));
        editor->refresh();
        editor->showNode(SampleMarks::findMaterial(*window.document(), u"passport"_s));
        QVERIFY2(editor->problem().contains(u"samples/passport.png"_s), qPrintable(editor->problem()));

        // An entry outside the material library: the editor asks for a material.
        editor->showNode(NodeRef {u"matters/330302-WJ-001.txt"_s, 1});
        QVERIFY(editor->materialId().isEmpty());
        QVERIFY(!editor->problem().isEmpty());
    }
};

/// A 1366×768 screen, and the hall's language: the screenshot goes into the documentation.
int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestSampleEditor>(argc, argv);
}
#include "tst_sampleEditor.moc"
