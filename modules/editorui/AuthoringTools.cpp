#include "editorui/AuthoringTools.h"

#include "authoring/CatalogueDocument.h"
#include "authoring/NewEntry.h"
#include "authoring/NewMatterFile.h"
#include "editorui/CatalogueTree.h"
#include "editorui/EditorWindow.h"
#include "editorui/ImportTableDialog.h"
#include "editorui/KeywordLabels.h"
#include "editorui/NewMatterDialog.h"
#include "editorui/NodeForm.h"
#include "editorui/PreviewWindow.h"
#include "ui/FileDialog.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QTableWidget>

namespace ow::editorui {

using authoring::CatalogueDocument;
using authoring::Edit;
using authoring::NodeRef;

AuthoringTools::AuthoringTools(EditorWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_preview = new PreviewWindow(window);
    connect(window->form(), &NodeForm::attributeAdded, this, &AuthoringTools::addAttribute);
    connect(window->form(), &NodeForm::attributeRemoved, this, [this](const NodeRef &attribute) {
        const NodeRef entry = m_window->form()->entry();
        const Result<Edit> edit = m_window->document()->remove(attribute);
        if (!edit) {
            m_window->say(edit.error().message(), true);
            return;
        }
        const catalogue::TextNode *node = m_window->document()->node(attribute);
        m_window->pushEdits({*edit}, tr("Delete %1").arg(keywordLabel(node ? node->keyword : QString())));
        m_window->tree()->select(entry);
        m_window->form()->attributes()->setFocus();
    });
    // The preview follows the lint (the catalogue as edited) and the entry chosen in the tree.
    connect(window, &EditorWindow::lintShown, this, [this] {
        if (m_preview->isVisible() && m_window->document() && m_window->lint())
            m_preview->reload(*m_window->document(), *m_window->lint());
    });
    connect(window->tree(), &CatalogueTree::nodeSelected, this, [this](const NodeRef &ref) {
        if (!m_preview->isVisible() || !m_window->document() || !m_window->lint())
            return;
        const PreviewWindow::Subject subject = PreviewWindow::subjectAt(*m_window->document(), ref);
        if (subject.isValid() && !(subject == m_preview->subject()))
            m_preview->preview(*m_window->document(), *m_window->lint(), subject);
    });
}

void AuthoringTools::addAttribute(const NodeRef &entry, const QString &keyword)
{
    CatalogueDocument *document = m_window->document();
    const catalogue::TextNode *node = document ? document->node(entry) : nullptr;
    if (!node)
        return;
    // After the entry's own attributes, before its questions, options or review points.
    NodeRef after;
    for (const catalogue::TextNode &child : node->children)
        if (!authoring::NewEntry::isEntry(child.keyword, node->keyword))
            after = NodeRef {entry.file, child.where.line};
    const Result<Edit> edit = document->addBlock(entry.file, entry, after, {keyword + QLatin1Char(':')});
    if (!edit) {
        m_window->say(edit.error().message(), true);
        return;
    }
    m_window->pushEdits({*edit}, tr("Add %1").arg(keywordLabel(keyword)));
    m_window->tree()->select(entry);
    m_window->form()->editAttribute(edit->focus.isValid() ? edit->focus.line : edit->first + 1);
}

NewMatterDialog *AuthoringTools::newMatterDialog() const
{
    return m_newMatter.data();
}

ImportTableDialog *AuthoringTools::importDialog() const
{
    return m_import.data();
}

void AuthoringTools::addActions(QMenu *file, QMenu *check)
{
    QAction *newMatter = new QAction(tr("New &matter…"), m_window);
    newMatter->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(newMatter, &QAction::triggered, this, &AuthoringTools::newMatter);
    QAction *import = new QAction(tr("&Import a material table…"), m_window);
    connect(import, &QAction::triggered, this, &AuthoringTools::importTable);
    // After Open, before Save: they add to the catalogue like opening does.
    const QList<QAction *> existing = file->actions();
    QAction *before = existing.size() > 1 ? existing.at(1) : nullptr;
    file->insertAction(before, newMatter);
    file->insertAction(before, import);

    QAction *preview = check->addAction(tr("Pre&view at the counter"));
    preview->setObjectName(QStringLiteral("previewAction"));
    preview->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_P)});
    connect(preview, &QAction::triggered, this, &AuthoringTools::openPreview);
}

void AuthoringTools::openPreview()
{
    CatalogueDocument *document = m_window->document();
    if (!document || !m_window->lint()) {
        m_window->say(tr("Open a catalogue first."), true);
        return;
    }
    m_window->lintNow();
    m_preview->preview(
        *document, *m_window->lint(), PreviewWindow::subjectAt(*document, m_window->tree()->currentNode()));
    m_preview->show();
    m_preview->raise();
    m_preview->activateWindow();
}

void AuthoringTools::newMatter()
{
    CatalogueDocument *document = m_window->document();
    if (!document) {
        m_window->say(tr("Open a catalogue first."), true);
        return;
    }
    if (m_newMatter)
        return;
    m_newMatter = new NewMatterDialog(*document, m_window);
    m_newMatter->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_newMatter, &QDialog::accepted, this, [this, dialog = m_newMatter.data()] {
        CatalogueDocument *document = m_window->document();
        if (!document)
            return;
        const authoring::NewMatterFile::Fields fields = dialog->fields();
        const Result<Edit> edit = authoring::NewMatterFile::edit(*document, fields);
        if (!edit) {
            m_window->say(edit.error().message(), true);
            return;
        }
        m_window->pushEdits({*edit}, tr("New matter %1").arg(fields.code));
        m_window->say(tr("Matter %1 added in %2; it is written when you save (Ctrl+Z takes it back).")
                          .arg(fields.code, edit->file));
        m_window->tree()->setFocus();
    });
    m_newMatter->open();
}

void AuthoringTools::importTable()
{
    CatalogueDocument *document = m_window->document();
    if (!document) {
        m_window->say(tr("Open a catalogue first."), true);
        return;
    }
    const PreviewWindow::Subject subject
        = PreviewWindow::subjectAt(*document, m_window->tree()->currentNode());
    if (!subject.isValid() || subject.bundle) {
        m_window->say(
            tr("Choose the matter to import into in the tree first (the matter or an entry inside it)."),
            true);
        return;
    }
    const QString path
        = ui::FileDialog::getOpenFileNames(m_window, tr("Import a material table into %1").arg(subject.id),
            QDir::homePath(), tr("Material tables (*.csv *.xlsx);;All files (*)"))
              .value(0);
    if (path.isEmpty())
        return;
    m_import = new ImportTableDialog(document->directory(), document->texts(), path, subject.id, m_window);
    m_import->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_import, &QDialog::accepted, this, [this, dialog = m_import.data()] { applyImport(dialog); });
    m_import->open();
}

void AuthoringTools::applyImport(ImportTableDialog *dialog)
{
    CatalogueDocument *document = m_window->document();
    const tableimport::ImportDraft *draft = dialog->draft();
    if (!document || !draft || !draft->applicable())
        return;
    const tableimport::ImportPlan &plan = draft->plan;
    QList<Edit> edits;
    if (!plan.materialFile.isEmpty()) {
        QStringList lines = draft->texts.value(plan.materialFile).split(QLatin1Char('\n'));
        if (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        const Result<Edit> created = document->createFile(plan.materialFile, lines);
        if (!created) {
            m_window->say(tr("Not imported: %1").arg(created.error().toString()), true);
            return;
        }
        edits.append(*created);
    }
    Result<Edit> changed = document->replaceText(plan.matterFile, draft->texts.value(plan.matterFile));
    if (!changed) {
        m_window->say(tr("Not imported: %1").arg(changed.error().toString()), true);
        return;
    }
    // The matter's own line stands above the lines added: it is the entry to show afterwards.
    for (const catalogue::TextNode &node : document->nodes(plan.matterFile))
        if (node.keyword == u"matter" && node.id == plan.matterCode)
            changed->focus = changed->focusBefore = {plan.matterFile, node.where.line};
    edits.append(*changed);
    m_window->pushEdits(edits, tr("Import %1").arg(plan.tableName));
    m_window->say(
        tr("Imported from %1: %n requirement(s) added to %2; written when you save (Ctrl+Z takes it "
           "back).",
            nullptr, int(plan.requirements.size()))
            .arg(plan.tableName, plan.matterCode));
}

} // namespace ow::editorui
