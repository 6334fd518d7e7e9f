// The hotel permit (旅馆业特种行业许可证核发) built from nothing in onewindow-editor, as a catalogue
// editor who never saw the text format would: the demo catalogue without the matter, and its
// application form without its sample; the matter made with 新建事项, its attributes chosen from
// 添加属性 and typed, its required materials, questions and options added and named in the form, until
// it says what the demo's says line for line; a condition written in the condition builder; the sample
// chosen and marked in the sample editor, each mark tied to its review point; then saved. The result
// lints clean and its situations and checklists (`onewindow-cli catalogue paths`) are the demo's. In
// Chinese, at 1366×768, with the screenshot for docs/editor.md.

#include "../gui/CounterScreen.h"
#include "../gui/ScreenTestSupport.h"
#include "EditorTestSupport.h"
#include "authoring/CatalogueDocument.h"
#include "authoring/SampleMarks.h"
#include "catalogue/CatalogueLoader.h"
#include "catalogue/PathsReport.h"
#include "editorui/AuthoringTools.h"
#include "editorui/CatalogueTree.h"
#include "editorui/ConditionBuilder.h"
#include "editorui/EditorWindow.h"
#include "editorui/NewMatterDialog.h"
#include "editorui/NodeForm.h"
#include "editorui/ProblemsPanel.h"
#include "editorui/SampleEditor.h"
#include "editorui/SampleMarkView.h"
#include "ui/ConfirmDialog.h"
#include "ui/FileDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace ow;
using namespace ow::authoring;
using namespace ow::editorui;
using namespace Qt::StringLiterals;
using ow::test::press;
using ow::test::saveScreenshot;

namespace {

const QString kCode = u"330302-GA-001"_s;
const QString kMatterFile = u"matters/330302-GA-001.txt"_s;
const QString kFormFile = u"materials/other-departments.txt"_s;

/// Chinese text as an input method commits it where the keyboard focus is.
void commitText(const QString &text)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY2(target, "no widget has the keyboard focus");
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(target, &event);
}

/// Replaces what the focused field holds by typed text.
void typeOver(const QString &text)
{
    press(Qt::Key_A, Qt::ControlModifier);
    QWidget *target = QApplication::focusWidget();
    QVERIFY(target);
    if (text.front().unicode() < 0x80)
        QTest::keyClicks(target, text);
    else
        commitText(text);
}

/// A matter file's lines without its comments and blank lines (what the editor's user does not write).
QStringList entryLines(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(u'\n'))
        if (!line.trimmed().isEmpty() && !line.trimmed().startsWith(u'#'))
            lines.append(line);
    return lines;
}

/// The paths of one matter, as `onewindow-cli catalogue paths --matter` prints them.
QString pathsOf(const QString &directory)
{
    const Result<catalogue::CataloguePtr> loaded = catalogue::CatalogueLoader::loadOrError(directory);
    if (!loaded)
        return loaded.error().toString();
    const catalogue::SituationEngine engine(*loaded);
    return catalogue::PathsReport(engine).text(kCode);
}

} // namespace

class TestBuildFromNothing : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;

    /// The matter's entry `keyword id`, wherever edits above it have moved it.
    static NodeRef entry(
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

    /// A click on an entry in the tree, as the user chooses it.
    static void click(EditorWindow &window, const NodeRef &ref)
    {
        QTreeWidgetItem *item = window.tree()->itemFor(ref);
        QVERIFY2(item, qPrintable(ref.file + u":"_s + QString::number(ref.line)));
        window.tree()->scrollToItem(item);
        const QRect rect = window.tree()->visualItemRect(item);
        QTest::mouseClick(window.tree()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(window.tree()->currentNode(), ref);
    }

    /// The new entry's placeholder id has the focus: typed over, then its text after Alt+X.
    static void name(const QString &id, const QString &text = {})
    {
        typeOver(id);
        if (text.isEmpty())
            return;
        press(Qt::Key_X, Qt::AltModifier);
        typeOver(text);
    }

    /// Alt+W, the condition's text beside the rows, typed and applied with Enter.
    static void condition(EditorWindow &window, const QString &text)
    {
        press(Qt::Key_W, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), window.form()->conditionBuilder()->textEdit());
        QTest::keyClicks(QApplication::focusWidget(), text);
        QVERIFY2(window.form()->conditionBuilder()->message().isEmpty(),
            qPrintable(window.form()->conditionBuilder()->message()));
        press(Qt::Key_Return);
    }

    /// 添加属性 (Alt+N): the attribute chosen from its menu, its value typed into the cell that opens.
    static void addAttribute(EditorWindow &window, const QString &keyword, const QString &value)
    {
        bool chosen = false;
        QTimer picker;
        picker.setInterval(10);
        // The menu runs its own event loop: it is answered from inside it.
        connect(&picker, &QTimer::timeout, &picker, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            picker.stop();
            for (QAction *action : menu->actions())
                if (action->data().toString() == keyword)
                    menu->setActiveAction(action);
            QTest::keyClick(menu, Qt::Key_Return);
            chosen = true;
        });
        picker.start();
        press(Qt::Key_N, Qt::AltModifier);
        QTRY_VERIFY2(chosen, qPrintable(keyword));
        // The offscreen platform does not give the window back its activation when a popup closes, as
        // a desktop does.
        QTRY_VERIFY(!QApplication::activePopupWidget());
        QApplication::setActiveWindow(&window);
        QTRY_VERIFY(window.form()->attributes()->isAncestorOf(QApplication::focusWidget()));
        typeOver(value);
        press(Qt::Key_Return);
        const QString written = keyword + u": "_s + value;
        // (The cell's editor hands its text over a moment after Enter.)
        QTRY_VERIFY2(
            window.document()->text(window.form()->entry().file).contains(written), qPrintable(written));
    }

    /// The selected mark tied to a review point, chosen by keyboard (Alt+R, then the arrows).
    static void tie(SampleEditor *editor, const QString &point)
    {
        QTest::keyClick(editor, Qt::Key_R, Qt::AltModifier);
        QComboBox *points = editor->pointChoice();
        QTRY_COMPARE(QApplication::focusWidget(), points);
        press(Qt::Key_Home);
        for (int i = 0; i < points->count() && points->currentData().toString() != point; ++i)
            press(Qt::Key_Down);
        QCOMPARE(points->currentData().toString(), point);
    }

    static void backToTheWindow(EditorWindow &window)
    {
        window.activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), &window);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_root = m_dir->filePath(u"demo"_s);
        QVERIFY(test::copyFolder(QStringLiteral(OW_DEMO_CATALOGUE), m_root));
        // Without the matter, and with its application form's sample and marks taken away.
        QVERIFY(QFile::remove(m_root + u"/"_s + kMatterFile));
        QString form = QString::fromUtf8(test::fileBytes(m_root + u"/"_s + kFormFile));
        const QString sample
            = u"  sample: samples/hotel-police-form.png\n    mark hotel: 226, 136, 718, 170\n"
              u"    mark security: 226, 348, 718, 58\n    mark signature: 226, 483, 688, 158\n"_s;
        QVERIFY(form.contains(sample));
        form.remove(sample);
        QVERIFY(test::writeBytes(m_root + u"/"_s + kFormFile, form.toUtf8()));
    }

    void hotelPermitFromNothing()
    {
        const QString expected = pathsOf(QStringLiteral(OW_DEMO_CATALOGUE));
        QVERIFY2(expected.contains(u"situation 4/4"_s), qPrintable(expected));

        EditorWindow window;
        QVERIFY(window.openCatalogue(m_root));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Alt keys reach the active window only.
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        CatalogueDocument &document = *window.document();
        QVERIFY(!document.contains(kMatterFile));

        // 新建事项 (Ctrl+Shift+M): code, name, department and promised days, all by keyboard.
        window.tree()->setFocus();
        press(Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        NewMatterDialog *dialog = window.tools()->newMatterDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), dialog->codeEdit());
        QTest::keyClicks(dialog->codeEdit(), kCode);
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog->nameEdit());
        commitText(u"旅馆业特种行业许可证核发"_s);
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog->departmentBox());
        for (int i = 0; i < dialog->departmentBox()->count()
             && dialog->departmentBox()->currentData().toString() != u"police"_s;
             ++i)
            press(Qt::Key_Down);
        QCOMPARE(dialog->departmentBox()->currentText(), u"温州市公安局鹿城区分局"_s);
        press(Qt::Key_Tab); // the kind: a promised case, as it is
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog->daysBox());
        typeOver(u"10"_s);
        QCOMPARE(dialog->daysBox()->value(), 10);
        QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
        press(Qt::Key_Return);
        QTRY_VERIFY(!window.tools()->newMatterDialog());
        backToTheWindow(window);
        QVERIFY(document.contains(kMatterFile));
        const NodeRef matter {kMatterFile, 1};
        QCOMPARE(window.tree()->currentNode(), matter);

        // The dialog writes `kind: promised`, the default the demo leaves out: taken away with Delete
        // on its row.
        press(Qt::Key_T, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), window.form()->attributes());
        while (window.form()->attributes()->currentRow() < 0
            || window.form()->attributes()->item(window.form()->attributes()->currentRow(), 0)->toolTip()
                != u"kind")
            press(Qt::Key_Down);
        press(Qt::Key_Delete);
        QVERIFY(!document.text(kMatterFile).contains(u"kind:"_s));
        QCOMPARE(window.tree()->currentNode(), matter);

        // The matter's other attributes, each chosen from 添加属性 and typed.
        addAttribute(window, u"legal-days"_s, u"20"_s);
        addAttribute(window, u"frequency"_s, u"middle"_s);
        addAttribute(window, u"keywords"_s, u"特种行业许可证, 旅馆, 宾馆, 酒店, 民宿, 治安"_s);
        addAttribute(window, u"basis"_s,
            u"《旅馆业治安管理办法》第四条；《国务院对确需保留的行政审批项目设定行政许可的决定》"_s);

        // The basic materials: the first with Ctrl+R (add a required material), the next ones after it
        // with Ctrl+N; each id typed over the placeholder.
        window.tree()->setFocus();
        press(Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), window.form()->idEdit());
        name(u"hotel-police-form"_s);
        const QStringList basic {u"business-licence"_s, u"id-card"_s, u"floor-plan"_s,
            u"hotel-security-rules"_s, u"fire-check-cert"_s};
        for (const QString &material : basic) {
            press(Qt::Key_N, Qt::ControlModifier);
            QCOMPARE(QApplication::focusWidget(), window.form()->idEdit());
            name(material);
            if (material == u"id-card")
                addAttribute(window, u"note"_s, u"法定代表人（负责人）和治安保卫负责人"_s);
            if (material == u"floor-plan")
                addAttribute(window, u"note"_s, u"旅馆各楼层平面图，标明客房、总台、监控室位置"_s);
        }

        // The questions and their options: Ctrl+Shift+N inside, Ctrl+N after.
        click(window, matter);
        press(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        name(u"premises"_s, u"旅馆的房屋是自有还是租用？"_s);
        press(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        name(u"own"_s, u"自有房产"_s);
        addAttribute(window, u"materials"_s, u"real-estate-cert"_s);
        press(Qt::Key_N, Qt::ControlModifier);
        name(u"rented"_s, u"租用"_s);
        addAttribute(window, u"materials"_s, u"lease-contract, real-estate-cert"_s);
        click(window, entry(document, kMatterFile, u"question"_s, u"premises"_s));
        press(Qt::Key_N, Qt::ControlModifier);
        name(u"agent"_s, u"是否委托他人办理？"_s);
        press(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        name(u"self"_s, u"法定代表人（负责人）本人办理"_s);
        press(Qt::Key_N, Qt::ControlModifier);
        name(u"agent"_s, u"委托他人办理"_s);
        addAttribute(window, u"materials"_s, u"authorisation-letter, agent-id-card"_s);

        // The matter now says what the demo's says, line for line (comments and blank lines are the
        // author's own).
        QCOMPARE(entryLines(document.text(kMatterFile)),
            entryLines(
                QString::fromUtf8(test::fileBytes(QStringLiteral(OW_DEMO_CATALOGUE "/") + kMatterFile))));

        // A condition written in the condition builder's text (Alt+W) and taken back: the options'
        // materials already say it.
        click(window, entry(document, kMatterFile, u"require"_s, u"fire-check-cert"_s));
        const QString before = document.text(kMatterFile);
        condition(window, u"premises = rented"_s);
        QVERIFY(document.text(kMatterFile)
                    .contains(u"  require fire-check-cert\n    when: premises = rented\n"_s));
        window.tree()->setFocus();
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(document.text(kMatterFile), before);

        // The application form's sample: chosen from the samples folder (Alt+I) and three marks drawn
        // on it, each tied to the next review point without one.
        click(window, SampleMarks::findMaterial(document, u"hotel-police-form"_s));
        press(Qt::Key_M, Qt::ControlModifier);
        SampleEditor *editor = window.sampleEditor();
        QVERIFY(editor->isVisible());
        QVERIFY(QTest::qWaitFor([editor] { return QApplication::activeWindow() == editor; }));
        const int asked = ui::FileDialog::askCount();
        ui::FileDialog::setNextFileNames({m_root + u"/samples/hotel-police-form.png"_s});
        QTest::keyClick(editor, Qt::Key_I, Qt::AltModifier);
        QTRY_COMPARE(ui::FileDialog::askCount(), asked + 1);
        QTRY_VERIFY2(editor->problem().isEmpty(), qPrintable(editor->problem()));
        SampleMarkView *view = editor->view();
        const QList<std::pair<QString, QRect>> marks {{u"hotel"_s, {226, 136, 718, 170}},
            {u"security"_s, {226, 348, 718, 58}}, {u"signature"_s, {226, 483, 688, 158}}};
        for (const auto &[point, mark] : marks) {
            QWidget *surface = view->viewport();
            const QPoint from = view->mapFromScene(QPointF(mark.topLeft()));
            const QPoint to = view->mapFromScene(QPointF(mark.bottomRight()));
            QTest::mousePress(surface, Qt::LeftButton, {}, from);
            QTest::mouseMove(surface, from + (to - from) / 4);
            QTest::mouseMove(surface, from + (to - from) / 2);
            QTest::mouseMove(surface, to);
            QTest::mouseRelease(surface, Qt::LeftButton, {}, to);
            tie(editor, point);
        }
        const std::optional<SampleMarks> drawn
            = SampleMarks::read(document, SampleMarks::findMaterial(document, u"hotel-police-form"_s));
        QVERIFY(drawn);
        QCOMPARE(drawn->image, u"samples/hotel-police-form.png"_s);
        QCOMPARE(drawn->marks.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(drawn->marks.at(i).pointId, marks.at(i).first);
            QVERIFY(drawn->marks.at(i).rect);
            // Drawn by hand on a scaled view: within a pixel or two of the demo's.
            const QRect want = marks.at(i).second;
            const QRect got = *drawn->marks.at(i).rect;
            QVERIFY2(std::abs(got.left() - want.left()) <= 2 && std::abs(got.top() - want.top()) <= 2
                    && std::abs(got.right() - want.right()) <= 2
                    && std::abs(got.bottom() - want.bottom()) <= 2,
                qPrintable(drawn->marks.at(i).value));
        }
        editor->close(); // its title bar's close button, which the offscreen platform does not draw
        backToTheWindow(window);

        // Checked: nothing left to fix. Saved after the changes for the counters are shown.
        window.lintNow();
        QStringList problems;
        for (int i = 0; i < window.problems()->topLevelItemCount(); ++i)
            problems.append(window.problems()->topLevelItem(i)->text(2));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
        click(window, entry(document, kMatterFile, u"question"_s, u"premises"_s));
        click(window, entry(document, kMatterFile, u"option"_s, u"rented"_s));
        saveScreenshot(window, u"zh-editor-hotel-permit.png"_s);
        QVERIFY(window.frameGeometry().width() <= 1366);
        QVERIFY(window.frameGeometry().height() <= 768);
        window.tree()->setFocus();
        ui::ConfirmDialog::setNextAnswer(ui::ConfirmDialog::Choice::Confirm);
        press(Qt::Key_S, Qt::ControlModifier);
        QVERIFY2(ui::ConfirmDialog::lastText().contains(kCode), qPrintable(ui::ConfirmDialog::lastText()));
        QVERIFY(!window.isWindowModified());
        QVERIFY(QFileInfo::exists(m_root + u"/"_s + kMatterFile));

        // The catalogue as saved: its paths are the demo's, situation by situation.
        QCOMPARE(pathsOf(m_root), expected);
    }
};

/// A 1366×768 screen, and the hall's language.
int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestBuildFromNothing>(argc, argv);
}
#include "tst_buildFromNothing.moc"
