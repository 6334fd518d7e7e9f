// The editor's tools beyond one entry, driven in its window on a copy of the demo catalogue: the
// preview (F5) is the counter's own interview page and checklist on the catalogue as edited, keeps
// the answers that still fit after an edit, and shows the loader's errors instead of a stale
// interview; 新建事项 adds a matter in a file of its own that undo takes away and save writes; a
// department's material table is planned off the GUI thread, shown, and imported as one undoable
// step written only on save, or refused whole. In Chinese, at 1366×768, with the screenshots for
// docs/editor.md.

#include "../gui/CounterScreen.h"
#include "../gui/ScreenTestSupport.h"
#include "EditorTestSupport.h"
#include "authoring/CatalogueDocument.h"
#include "authoring/LiveLint.h"
#include "editorui/AuthoringTools.h"
#include "editorui/CatalogueTree.h"
#include "editorui/EditorWindow.h"
#include "editorui/ImportTableDialog.h"
#include "editorui/NewMatterDialog.h"
#include "editorui/PreviewWindow.h"
#include "intake/InterviewSession.h"
#include "ui/ChecklistPanel.h"
#include "ui/ConfirmDialog.h"
#include "ui/FileDialog.h"
#include "ui/InterviewPage.h"
#include "ui/MaterialDetailPanel.h"
#include "ui/QuestionWidget.h"
#include "ui/SampleViewer.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace ow;
using namespace ow::authoring;
using namespace ow::editorui;
using namespace Qt::StringLiterals;
using ow::test::press;
using ow::test::saveScreenshot;

namespace {

const QString kHygieneFile = u"matters/330302-WJ-001.txt"_s;
const QString kHotelFile = u"matters/330302-GA-001.txt"_s;
const QString kHotelTable = QStringLiteral(OW_TEST_DATA_DIR "/tableimport/hotel-permit.csv");

/// The node of `keyword id` anywhere in a file.
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

/// The wrapped labels of `page` given less height than their text needs, by half a line or more: text
/// drawn over what lies below it (a question's hint over its options) or cut off (the checklist's
/// summary).
QStringList squeezedOn(const ui::InterviewPage &page)
{
    QStringList squeezed;
    for (const QLabel *label : page.findChildren<QLabel *>()) {
        if (!label->isVisible() || !label->wordWrap())
            continue;
        const int needs = label->heightForWidth(label->width());
        if (label->height() + label->fontMetrics().height() / 2 <= needs)
            squeezed.append(u"\"%1\" is %2 px high, needs %3"_s.arg(label->text().left(16))
                                .arg(label->height())
                                .arg(needs));
    }
    return squeezed;
}

} // namespace

class TestEditorTools : public QObject
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

    /// Sets an entry's value as typing in the form would.
    static void setValue(EditorWindow &window, const NodeRef &ref, const QString &value)
    {
        const Result<Edit> edit = window.document()->setValue(ref, value);
        QVERIFY(edit);
        window.pushEdits({*edit}, u"test"_s);
    }

    /// After a dialog closed: the keyboard is the editor window's again, on the tree.
    static void backToTheWindow(EditorWindow &window)
    {
        window.activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), &window);
        window.tree()->setFocus();
    }

    static void answer(ui::InterviewPage *page, const QString &question, const catalogue::Answer &given)
    {
        ui::QuestionWidget *widget = page->questionWidget(0, question);
        QVERIFY2(widget && widget->isVisible(), qPrintable(question));
        Q_EMIT widget->answerChosen(given);
    }

private Q_SLOTS:
    /// The editor runs in the counter's look (app/editor), as the preview's page needs.
    void initTestCase() { ui::Theme::apply(*qApp); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_root = m_dir->filePath(u"demo"_s);
        QVERIFY(test::copyFolder(QStringLiteral(OW_DEMO_CATALOGUE), m_root));
    }

    void previewFollowsTheCatalogueAsEdited()
    {
        const QMap<QString, QByteArray> before = test::folderBytes(m_root);
        EditorWindow window;
        openIn(window);
        CatalogueDocument &document = *window.document();
        // Any entry inside the matter previews the matter.
        QVERIFY(window.tree()->select(findNode(document, kHygieneFile, u"question"_s, u"bath-area"_s)));
        window.tree()->setFocus();
        press(Qt::Key_F5);
        PreviewWindow *preview = window.tools()->preview();
        QVERIFY(preview->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(preview));
        QCOMPARE(preview->subject().id, u"330302-WJ-001"_s);
        ui::InterviewPage *page = preview->page();
        QVERIFY(page->hasSession());
        QVERIFY(preview->windowTitle().contains(u"公共场所卫生许可"_s));

        // Answered as at the counter: the checklist with its review points and annotated samples.
        answer(page, u"place-type"_s, catalogue::Answer::single(u"bath"_s));
        answer(page, u"bath-area"_s, catalogue::Answer::numeric(200));
        QVERIFY(page->session()->answer(0, u"bath-area"_s));
        QVERIFY(page->checklistPanel()->materialIds().contains(u"id-card"_s));
        QVERIFY(page->checklistPanel()->selectMaterial(u"id-card"_s));
        QVERIFY(page->sampleViewer()->hasImage());
        QVERIFY(page->sampleViewer()->points()->count() > 0);
        QVERIFY(preview->frameGeometry().width() <= 1366);
        QVERIFY(preview->frameGeometry().height() <= 768);
        // Answering re-fills the cards and the checklist: their layouts settle on the next turn of the
        // event loop, and grab() does not wait for it (the preview drawn before then was squeezed).
        QCoreApplication::processEvents();
        const QStringList squeezed = squeezedOn(*page);
        QVERIFY2(squeezed.isEmpty(), qPrintable(squeezed.join(u"; "_s)));
        saveScreenshot(*preview, u"zh-editor-preview.png"_s);

        // An option's text edited in the editor: the preview shows it, with the answers kept.
        const NodeRef bath = findNode(document, kHygieneFile, u"option"_s, u"bath"_s);
        setValue(window, bath, u"沐浴场所（含足浴、汗蒸）"_s);
        window.lintNow();
        QVERIFY2(page->hasSession(), qPrintable(preview->notice()));
        QVERIFY(page->session()->answer(0, u"place-type"_s));
        QVERIFY(page->session()->answer(0, u"bath-area"_s));
        QVERIFY2(page->session()->parts().constFirst().evaluation.situationPath.contains(
                     u"沐浴场所（含足浴、汗蒸）"_s),
            qPrintable(page->session()->parts().constFirst().evaluation.situationPath.join(u" / "_s)));
        QCoreApplication::processEvents();
        QVERIFY2(squeezedOn(*page).isEmpty(), qPrintable(squeezedOn(*page).join(u"; "_s)));

        // The area's minimum raised above the answer: that answer no longer fits, the others stay.
        const NodeRef minimum = findNode(document, kHygieneFile, u"min"_s, QString());
        QVERIFY(minimum.isValid());
        QCOMPARE(document.parentOf(minimum), findNode(document, kHygieneFile, u"question"_s, u"bath-area"_s));
        setValue(window, minimum, u"300"_s);
        window.lintNow();
        QVERIFY2(page->hasSession(), qPrintable(preview->notice()));
        QVERIFY(page->session()->answer(0, u"place-type"_s));
        QVERIFY(!page->session()->answer(0, u"bath-area"_s));
        window.undoStack()->undo();
        window.lintNow();
        answer(page, u"bath-area"_s, catalogue::Answer::numeric(200));

        // A catalogue the loader cannot read: its errors, not the interview as it was before.
        const NodeRef days = findNode(document, kHygieneFile, u"promised-days"_s, QString());
        QVERIFY(days.isValid());
        setValue(window, days, u"七"_s);
        window.lintNow();
        QVERIFY(preview->showsErrors());
        QVERIFY(!page->hasSession());
        QVERIFY(preview->errors()->count() >= 1);
        QVERIFY2(preview->errors()->item(0)->text().contains(kHygieneFile),
            qPrintable(preview->errors()->item(0)->text()));

        // Corrected (undone): the interview comes back, answered as it was.
        window.undoStack()->undo();
        window.lintNow();
        QVERIFY(!preview->showsErrors());
        QVERIFY(page->hasSession());
        QVERIFY(page->session()->answer(0, u"bath-area"_s));

        // Another matter chosen in the tree is previewed in turn; Esc closes the preview.
        QVERIFY(window.tree()->select(findNode(document, kHotelFile, u"matter"_s, u"330302-GA-001"_s)));
        QCOMPARE(preview->subject().id, u"330302-GA-001"_s);
        QVERIFY(page->hasSession());
        QTest::keyClick(preview, Qt::Key_Escape);
        QVERIFY(!preview->isVisible());
        // Nothing was written by any of it.
        window.undoStack()->setClean();
        QCOMPARE(test::folderBytes(m_root), before);
    }

    void newMatterInAFileOfItsOwn()
    {
        const QMap<QString, QByteArray> before = test::folderBytes(m_root);
        EditorWindow window;
        openIn(window);
        CatalogueDocument &document = *window.document();
        window.tree()->setFocus();
        press(Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        NewMatterDialog *dialog = window.tools()->newMatterDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), dialog->codeEdit());
        QTest::keyClicks(dialog->codeEdit(), u"330302-WJ-001"_s);
        QVERIFY(!dialog->problem().isEmpty()); // the code is taken
        dialog->codeEdit()->clear();
        QTest::keyClicks(dialog->codeEdit(), u"330302-GA-009"_s);
        dialog->nameEdit()->setText(u"印章刻制业特种行业许可证核发"_s);
        dialog->departmentBox()->setCurrentIndex(dialog->departmentBox()->findData(u"police"_s));
        QCOMPARE(dialog->departmentBox()->currentText(), u"温州市公安局鹿城区分局"_s);
        dialog->daysBox()->setValue(10);
        QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
        dialog->nameEdit()->setFocus();
        press(Qt::Key_Return);
        QTRY_VERIFY(!window.tools()->newMatterDialog());
        backToTheWindow(window);

        const QString file = u"matters/330302-GA-009.txt"_s;
        QVERIFY(document.contains(file));
        QCOMPARE(window.tree()->currentNode(), (NodeRef {file, 1}));
        QVERIFY(window.isWindowModified());
        QVERIFY(!QFileInfo::exists(m_root + u"/"_s + file));

        // Undone: out of the catalogue and the tree; redone: back.
        const int matters = window.tree()->topLevelItem(2)->childCount();
        press(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!document.contains(file));
        QCOMPARE(window.tree()->topLevelItem(2)->childCount(), matters - 1);
        QVERIFY(!window.isWindowModified());
        press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(document.contains(file));

        // Saved like any changed file; every other file stays byte for byte.
        ui::ConfirmDialog::setNextAnswer(ui::ConfirmDialog::Choice::Confirm);
        QVERIFY(window.save());
        QCOMPARE(test::fileBytes(m_root + u"/"_s + file),
            u"matter 330302-GA-009: 印章刻制业特种行业许可证核发\n  department: police\n  kind: promised\n"
            u"  promised-days: 10\n"_s.toUtf8());
        const QMap<QString, QByteArray> after = test::folderBytes(m_root);
        QCOMPARE(after.size(), before.size() + 1);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key()));
    }

    void materialTableImportedIntoTheSelectedMatter()
    {
        const QMap<QString, QByteArray> before = test::folderBytes(m_root);
        EditorWindow window;
        openIn(window);
        CatalogueDocument &document = *window.document();
        const QString matterBefore = document.text(kHotelFile);
        QVERIFY(window.tree()->select(findNode(document, kHotelFile, u"matter"_s, u"330302-GA-001"_s)));

        ui::FileDialog::setNextFileNames({kHotelTable});
        window.tools()->importTable();
        ImportTableDialog *dialog = window.tools()->importDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isPlanned());
        QVERIFY2(dialog->failure().isEmpty(), qPrintable(dialog->failure()));
        QVERIFY(dialog->draft()->applicable());
        QVERIFY(dialog->planView()->topLevelItemCount() >= 3);
        QPushButton *importButton = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(importButton->isEnabled());
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        saveScreenshot(*dialog, u"zh-editor-import.png"_s);
        const int steps = window.undoStack()->count();
        importButton->click();

        // One step of the undo stack, in memory only.
        const QString materialFile = u"materials/imported-330302-GA-001.txt"_s;
        QVERIFY(document.contains(materialFile));
        QVERIFY(document.text(kHotelFile).contains(u"# Imported from hotel-permit.csv"_s));
        QCOMPARE(window.undoStack()->count(), steps + 1);
        QCOMPARE(test::folderBytes(m_root), before);
        window.lintNow();
        QCOMPARE(window.lint()->errorCount(), 0);

        backToTheWindow(window);
        press(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!document.contains(materialFile));
        QCOMPARE(document.text(kHotelFile), matterBefore);
        press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(document.contains(materialFile));

        ui::ConfirmDialog::setNextAnswer(ui::ConfirmDialog::Choice::Confirm);
        QVERIFY(window.save());
        QVERIFY(QFileInfo::exists(m_root + u"/"_s + materialFile));
        QCOMPARE(QString::fromUtf8(test::fileBytes(m_root + u"/"_s + kHotelFile)), document.text(kHotelFile));
        const QMap<QString, QByteArray> after = test::folderBytes(m_root);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            if (it.key() != kHotelFile)
                QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key()));
    }

    void tableWithARefusedRowIsNotImported()
    {
        const QString table = m_dir->filePath(u"refused.csv"_s);
        QVERIFY(test::writeBytes(table,
            u"序号,材料名称,所属情形,来源渠道,形式审查要点,是否容缺,内容审查要点,空表,示例\n"
            u"1,居民身份证,基本材料,公安局,原件纸质1,否,/,/,/\n"
            u"2,房屋租赁合同,在月球上,申请人自备,原件纸质1,否,/,/,/\n"_s.toUtf8()));
        EditorWindow window;
        openIn(window);
        CatalogueDocument &document = *window.document();
        QVERIFY(window.tree()->select(findNode(document, kHotelFile, u"matter"_s, u"330302-GA-001"_s)));
        ui::FileDialog::setNextFileNames({table});
        window.tools()->importTable();
        ImportTableDialog *dialog = window.tools()->importDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isPlanned());
        QCOMPARE(dialog->draft()->plan.refused.size(), 1);
        QCOMPARE(dialog->draft()->plan.refused.first().row, 3);
        QVERIFY(!dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(dialog->planView()->topLevelItem(0)->child(0)->text(2).contains(u"在月球上"_s));
        dialog->reject();
        QVERIFY(!document.isModified());

        // No matter chosen: nothing is asked.
        QVERIFY(window.tree()->select(
            findNode(document, u"materials/identity.txt"_s, u"material"_s, u"id-card"_s)));
        const int asked = ui::FileDialog::askCount();
        window.tools()->importTable();
        QCOMPARE(ui::FileDialog::askCount(), asked);
        QVERIFY(!window.message().isEmpty());
    }
};

/// A 1366×768 screen, and the hall's language: the screenshots go into the documentation.
int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestEditorTools>(argc, argv);
}
#include "tst_editorTools.moc"
