#include "editorui/EditorWindow.h"

#include "authoring/EntryCondition.h"
#include "authoring/NewEntry.h"
#include "catalogue/CatalogueDiff.h"
#include "editorui/AuthoringTools.h"
#include "editorui/CatalogueTree.h"
#include "editorui/EditCommand.h"
#include "editorui/KeywordLabels.h"
#include "editorui/NodeForm.h"
#include "editorui/ProblemsPanel.h"
#include "editorui/SampleEditor.h"
#include "editorui/ServerTools.h"
#include "ui/ConfirmDialog.h"
#include "ui/FileDialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ow::editorui {

using authoring::CatalogueDocument;
using authoring::Edit;
using authoring::LiveLint;
using authoring::NewEntry;
using authoring::NodeRef;

EditorWindow::EditorWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("editorWindow"));
    m_undo = new QUndoStack(this);
    m_tree = new CatalogueTree(this);
    m_form = new NodeForm(this);
    m_problems = new ProblemsPanel(this);
    m_changes = new QPlainTextEdit(this);
    m_changes->setObjectName(QStringLiteral("pendingChanges"));
    m_changes->setReadOnly(true);

    auto *treePanel = new QWidget(this);
    auto *treeLabel = new QLabel(tr("&Catalogue:"), treePanel);
    treeLabel->setBuddy(m_tree);
    auto *treeLayout = new QVBoxLayout(treePanel);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->addWidget(treeLabel);
    treeLayout->addWidget(m_tree);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(treePanel);
    top->addWidget(m_form);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("bottomTabs"));
    m_tabs->addTab(m_problems, tr("&Problems"));
    m_tabs->addTab(m_changes, tr("Chan&ges for the counters"));
    auto *main = new QSplitter(Qt::Vertical, this);
    main->addWidget(top);
    main->addWidget(m_tabs);
    main->setStretchFactor(0, 3);
    main->setStretchFactor(1, 1);
    setCentralWidget(main);

    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("lintCounts"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("statusMessage"));
    statusBar()->addWidget(m_message, 1);
    statusBar()->addPermanentWidget(m_counts);

    m_lintTimer.setSingleShot(true);
    m_lintTimer.setInterval(300);
    connect(&m_lintTimer, &QTimer::timeout, this, &EditorWindow::startLint);
    connect(m_tree, &CatalogueTree::nodeSelected, this, [this](const NodeRef &ref) {
        m_form->show(m_document.get(), ref);
        m_server->entryShown(ref);
    });
    connect(m_form, &NodeForm::valueEdited, this, [this](const NodeRef &ref, const QString &value) {
        if (m_document)
            push(m_document->setValue(ref, value), tr("Change the text"), EditCommand::TypingValue, true);
    });
    connect(m_form, &NodeForm::idEdited, this, [this](const NodeRef &ref, const QString &id) {
        if (m_document)
            push(m_document->setId(ref, id), tr("Change the id"), EditCommand::TypingId, true);
    });
    connect(m_form, &NodeForm::attributeEdited, this, [this](const NodeRef &ref, const QString &value) {
        if (!m_document)
            return;
        const catalogue::TextNode *node = m_document->node(ref);
        push(m_document->setValue(ref, value),
            tr("Change %1").arg(node ? keywordLabel(node->keyword) : QString()));
    });
    connect(m_form, &NodeForm::conditionEdited, this, [this](const NodeRef &entry, const QString &text) {
        if (m_document)
            push(authoring::EntryCondition(*m_document, entry).edit(*m_document, text),
                tr("Change the condition"));
    });
    connect(m_problems, &ProblemsPanel::problemActivated, this, &EditorWindow::goTo);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_changes)
            showChanges();
    });
    connect(m_undo, &QUndoStack::cleanChanged, this, &EditorWindow::updateTitle);

    createActions();
    updateTitle();
    // The window starts within the screen: catalogue staff work on a counter's 1366×768 too.
    const QSize room = screen() ? screen()->availableGeometry().size() : QSize(1366, 768);
    resize(QSize(1366, 768).boundedTo(room));
}

EditorWindow::~EditorWindow()
{
    if (m_lintThread)
        m_lintThread->wait();
    m_undo->clear();
    m_lint.reset();
}

void EditorWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open catalogue folder…"));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, [this] {
        const QString directory = ui::FileDialog::getExistingDirectory(
            this, tr("Open a catalogue folder"), m_document ? m_document->directory() : QDir::homePath());
        if (!directory.isEmpty())
            openCatalogue(directory);
    });
    QAction *saveAction = file->addAction(tr("&Save"));
    saveAction->setObjectName(QStringLiteral("saveAction"));
    saveAction->setShortcut(QKeySequence::Save);
    connect(saveAction, &QAction::triggered, this, [this] { save(); });
    QAction *changes = file->addAction(tr("Show the &changes for the counters"));
    changes->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(changes, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_changes);
        showChanges();
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *addAfter = edit->addAction(tr("&Add an entry after this one"));
    addAfter->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(addAfter, &QAction::triggered, this, [this] { addEntry(false); });
    QAction *addInside = edit->addAction(tr("Add an entry &inside this one"));
    addInside->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(addInside, &QAction::triggered, this, [this] { addEntry(true); });
    QAction *addRequired = edit->addAction(tr("Add a required ma&terial to the matter"));
    addRequired->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(addRequired, &QAction::triggered, this, [this] { addToTop(QStringLiteral("require")); });
    QAction *addFaq = edit->addAction(tr("Add a fre&quently asked question"));
    addFaq->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(addFaq, &QAction::triggered, this, [this] { addToTop(QStringLiteral("faq")); });
    QAction *up = edit->addAction(tr("Move u&p"));
    up->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up));
    connect(up, &QAction::triggered, this, [this] { moveEntry(-1); });
    QAction *down = edit->addAction(tr("Move &down"));
    down->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down));
    connect(down, &QAction::triggered, this, [this] { moveEntry(+1); });
    QAction *marks = edit->addAction(tr("Edit the sample's &marks…"));
    marks->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(marks, &QAction::triggered, this, [this] {
        SampleEditor *editor = sampleEditor();
        editor->showNode(m_tree->currentNode());
        editor->show();
        editor->raise();
        editor->activateWindow();
    });
    QAction *remove = edit->addAction(tr("De&lete the entry"));
    // Delete removes an entry only in the tree; in a text field it deletes a character.
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_tree->addAction(remove);
    connect(remove, &QAction::triggered, this, &EditorWindow::removeEntry);

    QMenu *check = menuBar()->addMenu(tr("Chec&k"));
    QAction *lintAll = check->addAction(tr("Check the &whole catalogue"));
    lintAll->setShortcut(QKeySequence(Qt::Key_F7));
    connect(lintAll, &QAction::triggered, this, [this] {
        if (!m_lint)
            return;
        lintNow();
        m_lint->lintAll();
        showLint();
    });
    QAction *next = check->addAction(tr("&Next problem"));
    next->setShortcut(QKeySequence(Qt::Key_F8));
    connect(next, &QAction::triggered, this, [this] {
        lintNow();
        m_tabs->setCurrentWidget(m_problems);
        if (!m_problems->selectNext())
            say(tr("No problems."));
    });

    m_tools = new AuthoringTools(this);
    m_tools->addActions(file, check);
    m_server = new ServerTools(this);
    m_server->addMenu(menuBar());
}

SampleEditor *EditorWindow::sampleEditor()
{
    if (m_sampleEditor)
        return m_sampleEditor;
    m_sampleEditor = new SampleEditor([this] { return m_document.get(); }, m_undo, this);
    connect(m_sampleEditor, &SampleEditor::editRequested, this,
        [this](const Edit &edit, const QString &text) { push(edit, text); });
    connect(m_sampleEditor, &SampleEditor::markChosen, this,
        [this](const NodeRef &node) { m_tree->select(node); });
    // It follows the tree while open, and shows the document again after every edit and undo.
    connect(m_tree, &CatalogueTree::nodeSelected, m_sampleEditor, [this](const NodeRef &ref) {
        if (m_sampleEditor->isVisible())
            m_sampleEditor->showNode(ref, true);
    });
    connect(m_undo, &QUndoStack::indexChanged, m_sampleEditor, &SampleEditor::refresh);
    return m_sampleEditor;
}

bool EditorWindow::openCatalogue(const QString &directory)
{
    if (m_document && m_document->isModified() && !confirmDiscard())
        return false;
    Result<std::unique_ptr<CatalogueDocument>> opened = CatalogueDocument::open(directory);
    if (!opened) {
        say(tr("Cannot open the catalogue: %1").arg(opened.error().toString()), true);
        return false;
    }
    if (m_lintThread) {
        // Its result is about the catalogue being closed.
        m_lintThread->wait();
        m_lintThread.reset();
        m_lintResult.reset();
    }
    m_lintAgain = false;
    m_undo->clear();
    m_lint.reset();
    m_document = std::move(*opened);
    m_lint = std::make_unique<LiveLint>(*m_document);
    m_tree->load(m_document.get());
    m_form->show(m_document.get(), {});
    m_lintFiles.clear();
    m_lint->lintAll();
    showLint();
    m_changes->clear();
    updateTitle();
    m_tree->setFocus();
    say(tr("Opened %1 (%n files).", nullptr, int(m_document->files().size()))
            .arg(QDir::toNativeSeparators(directory)));
    return true;
}

void EditorWindow::push(const Result<Edit> &edit, const QString &text, int merge, bool fromForm)
{
    if (!edit) {
        say(edit.error().message(), true);
        return;
    }
    if (edit->isNoOp())
        return;
    // Signed in, a matter is edited under its lock on the review server; another editor's is read-only.
    if (!m_server->mayEdit(edit->file))
        return;
    m_typing = fromForm;
    m_undo->push(new EditCommand(
        *edit, text, [this](const Edit &e, const NodeRef &focus) { applyEdit(e, focus); },
        EditCommand::Merge(merge)));
    m_typing = false;
}

void EditorWindow::pushEdits(const QList<Edit> &edits, const QString &text)
{
    m_undo->beginMacro(text);
    for (const Edit &edit : edits)
        push(edit, text);
    m_undo->endMacro();
}

void EditorWindow::applyEdit(const Edit &edit, const NodeRef &focus)
{
    if (Result<void> applied = m_document->apply(edit); !applied) {
        say(applied.error().toString(), true);
        return;
    }
    const bool inPlace = edit.removed.size() == 1 && edit.inserted.size() == 1;
    if (inPlace) {
        // Lines did not move: the entries are renamed where they stand, the field typed in kept.
        m_tree->refreshTexts(edit.file);
        QTreeWidgetItem *item = m_tree->itemFor(focus);
        if (item && item != m_tree->currentItem())
            m_tree->select(focus);
        else if (m_form->entry().file == edit.file)
            m_form->refresh(m_typing);
    } else {
        m_tree->rebuildFile(edit.file);
        if (!m_tree->select(focus))
            m_form->show(m_document.get(), {});
    }
    m_lintFiles.insert(edit.file);
    m_lintTimer.start();
    updateTitle();
}

void EditorWindow::addEntry(bool asChild)
{
    const NodeRef current = m_tree->currentNode();
    const catalogue::TextNode *node = m_document ? m_document->node(current) : nullptr;
    if (!node) {
        say(tr("Choose an entry in the tree first."), true);
        return;
    }
    Result<Edit> edit = fail(Error::Code::Invalid, QString());
    QString keyword;
    if (asChild) {
        keyword = NewEntry::childKeyword(node->keyword);
        if (keyword.isEmpty()) {
            say(tr("A %1 has no entries inside it; add its attributes in the form.")
                    .arg(keywordLabel(node->keyword)),
                true);
            return;
        }
        edit = m_document->addBlock(current.file, current, {}, NewEntry::block(keyword, node->children));
    } else {
        keyword = node->keyword;
        const NodeRef parent = m_document->parentOf(current);
        const catalogue::TextNode *parentNode = m_document->node(parent);
        const QList<catalogue::TextNode> &siblings
            = parentNode ? parentNode->children : m_document->nodes(current.file);
        edit = m_document->addBlock(current.file, parent, current, NewEntry::block(keyword, siblings));
    }
    push(edit, tr("Add %1").arg(keywordLabel(keyword)));
    if (edit)
        focusNewEntry();
}

void EditorWindow::addToTop(const QString &keyword)
{
    // Ctrl+Shift+N in a matter adds a question, and Ctrl+N needs an entry to add after: a new matter's
    // first required material (Ctrl+R) or faq (Ctrl+Shift+F) comes from here, after its last one.
    NodeRef top = m_document ? m_tree->currentNode() : NodeRef {};
    while (top.isValid() && m_document->parentOf(top).isValid())
        top = m_document->parentOf(top);
    const catalogue::TextNode *node = top.isValid() ? m_document->node(top) : nullptr;
    const bool fits
        = node && (node->keyword == u"matter" || (keyword == u"faq" && node->keyword == u"bundle"));
    if (!fits) {
        say(keyword == u"faq" ? tr("Choose a matter or a bundle, or an entry inside it, first.")
                              : tr("Choose a matter or an entry inside it first."),
            true);
        return;
    }
    NodeRef after;
    for (const catalogue::TextNode &child : node->children)
        if (child.keyword == keyword)
            after = NodeRef {top.file, child.where.line};
    const Result<Edit> edit
        = m_document->addBlock(top.file, top, after, NewEntry::block(keyword, node->children));
    push(edit, tr("Add %1").arg(keywordLabel(keyword)));
    if (edit)
        focusNewEntry();
}

void EditorWindow::focusNewEntry()
{
    // The placeholder id is the first thing to write over.
    QLineEdit *field = m_form->idEdit()->isEnabled() ? m_form->idEdit() : m_form->valueEdit();
    field->setFocus();
    field->selectAll();
}

void EditorWindow::moveEntry(int direction)
{
    const NodeRef current = m_tree->currentNode();
    if (!m_document || !current.isValid())
        return;
    push(m_document->move(current, direction), direction < 0 ? tr("Move up") : tr("Move down"));
    m_tree->setFocus();
}

void EditorWindow::removeEntry()
{
    const NodeRef current = m_tree->currentNode();
    const catalogue::TextNode *node = m_document ? m_document->node(current) : nullptr;
    if (!node)
        return;
    push(m_document->remove(current), tr("Delete %1").arg(keywordLabel(node->keyword)));
    say(tr("Deleted; Ctrl+Z brings it back."));
}

void EditorWindow::goTo(const NodeRef &node, const QString &file, int line)
{
    const NodeRef target = node.isValid() ? node : NodeRef {file, line};
    if (!m_tree->select(target)) {
        say(tr("%1:%2 is not an entry of the tree (see the file itself).").arg(file).arg(line), true);
        return;
    }
    m_form->show(m_document.get(), m_tree->currentNode(), target);
    m_tree->setFocus();
}

void EditorWindow::startLint()
{
    if (!m_lint || m_lintFiles.isEmpty())
        return;
    if (m_lintThread) {
        m_lintAgain = true;
        return;
    }
    const QString scope = m_lintFiles.size() == 1 ? m_lint->runScope(*m_lintFiles.cbegin()) : QString();
    m_lintFiles.clear();
    m_lintResult = std::make_shared<LiveLint::Run>();
    m_lintThread.reset(QThread::create(
        [result = m_lintResult, directory = m_document->directory(), texts = m_document->texts(), scope,
            findings = m_lint->lintFindings(), memo = m_lint->loadMemo()] {
            *result = LiveLint::run(directory, texts, scope, findings, memo);
        }));
    QThread *thread = m_lintThread.get();
    connect(thread, &QThread::finished, this, [this, thread] {
        if (m_lintThread.get() == thread)
            collectLint();
    });
    m_lintThread->start();
}

void EditorWindow::collectLint()
{
    if (!m_lintThread)
        return;
    m_lintThread->wait();
    m_lintThread.reset();
    m_lint->adopt(std::move(*m_lintResult));
    m_lintResult.reset();
    showLint();
    if (m_lintAgain) {
        m_lintAgain = false;
        m_lintTimer.start();
    }
}

void EditorWindow::lintNow()
{
    m_lintTimer.stop();
    collectLint();
    m_lintTimer.stop();
    if (!m_lint || m_lintFiles.isEmpty())
        return;
    if (m_lintFiles.size() == 1)
        m_lint->relint(*m_lintFiles.cbegin());
    else
        m_lint->lintAll();
    m_lintFiles.clear();
    showLint();
}

void EditorWindow::showLint()
{
    m_problems->setProblems(m_lint->problems());
    m_counts->setText(tr("%1 errors, %2 warnings").arg(m_lint->errorCount()).arg(m_lint->warningCount()));
    m_tabs->setTabText(m_tabs->indexOf(m_problems), tr("&Problems (%1)").arg(m_lint->problems().size()));
    Q_EMIT lintShown();
}

void EditorWindow::showChanges()
{
    if (!m_document)
        return;
    const catalogue::CatalogueDiff diff = LiveLint::pendingChanges(*m_document);
    m_changes->setPlainText(diff.isEmpty() ? tr("No situation gains or loses a material.") : diff.text());
}

bool EditorWindow::save()
{
    if (!m_document)
        return false;
    lintNow();
    const QStringList files = m_document->modifiedFiles();
    if (files.isEmpty()) {
        say(tr("Nothing to save."));
        return true;
    }
    const catalogue::CatalogueDiff diff = LiveLint::pendingChanges(*m_document);
    m_changes->setPlainText(diff.isEmpty() ? tr("No situation gains or loses a material.") : diff.text());

    QString details
        = QStringLiteral("<p>%1</p>")
              .arg(tr("Files to write: %1").arg(files.join(QStringLiteral(", ")).toHtmlEscaped()));
    if (diff.isEmpty()) {
        details += QStringLiteral("<p>%1</p>").arg(tr("No situation gains or loses a material."));
    } else {
        QStringList items;
        for (const catalogue::CatalogueDiff::SituationChange &change : diff.situations) {
            if (items.size() == 8) {
                items.append(tr("… and more (see Changes for the counters)"));
                break;
            }
            QStringList parts;
            const auto names = [](const QList<catalogue::CatalogueDiff::MaterialChange> &list) {
                QStringList out;
                for (const auto &m : list)
                    out.append(m.name);
                return out.join(QStringLiteral("、"));
            };
            if (change.kind == catalogue::CatalogueDiff::SituationChange::Kind::Added)
                parts.append(tr("new situation"));
            else if (change.kind == catalogue::CatalogueDiff::SituationChange::Kind::Removed)
                parts.append(tr("situation removed"));
            if (!change.gained.isEmpty())
                parts.append(tr("gains %1").arg(names(change.gained)));
            if (!change.lost.isEmpty())
                parts.append(tr("loses %1").arg(names(change.lost)));
            if (!change.changed.isEmpty())
                parts.append(tr("asks differently for %1").arg(names(change.changed)));
            items.append(
                QStringLiteral("%1 %2: %3")
                    .arg(change.matterCode, change.path.join(QStringLiteral(" › ")), parts.join(tr("; "))));
        }
        for (QString &item : items)
            item = QStringLiteral("<li>%1</li>").arg(item.toHtmlEscaped());
        details
            += QStringLiteral("<p>%1</p><ul>%2</ul>")
                   .arg(tr("%n situation(s) change for the counters:", nullptr, int(diff.situations.size())),
                       items.join(QString()));
    }
    if (m_lint && m_lint->errorCount() > 0)
        details += QStringLiteral("<p><b>%1</b></p>")
                       .arg(tr("The catalogue still has %n error(s): it cannot be published until they are "
                               "corrected.",
                           nullptr, m_lint->errorCount()));
    const ui::ConfirmDialog::Choice choice = ui::ConfirmDialog::ask(this, tr("Save the catalogue"),
        tr("Save %n changed file(s)?", nullptr, int(files.size())), details, tr("&Save"));
    if (choice != ui::ConfirmDialog::Choice::Confirm) {
        say(tr("Not saved."));
        return false;
    }
    const Result<CatalogueDocument::SaveReport> saved = m_document->save();
    if (!saved) {
        say(tr("Not saved: %1").arg(saved.error().toString()), true);
        return false;
    }
    m_undo->setClean();
    say(tr("Saved %n file(s).", nullptr, int(saved->written.size())));
    m_lint->lintAll();
    showLint();
    updateTitle();
    return true;
}

QString EditorWindow::message() const
{
    return m_message->text();
}

void EditorWindow::say(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #b01c1c;") : QString());
}

bool EditorWindow::confirmDiscard()
{
    return ui::ConfirmDialog::ask(this, tr("Unsaved changes"), tr("Give up the changes not saved?"),
               QStringLiteral("<p>%1</p>")
                   .arg(tr("Changed files: %1")
                            .arg(m_document->modifiedFiles().join(QStringLiteral(", ")).toHtmlEscaped())),
               tr("&Give up the changes"))
        == ui::ConfirmDialog::Choice::Confirm;
}

void EditorWindow::closeEvent(QCloseEvent *event)
{
    if (m_document && m_document->isModified() && !confirmDiscard()) {
        event->ignore();
        return;
    }
    m_server->releaseAll();
    event->accept();
}

void EditorWindow::updateTitle()
{
    const QString name = m_document ? QDir(m_document->directory()).dirName() : tr("no catalogue open");
    setWindowTitle(tr("OneWindow catalogue editor — %1[*]").arg(name));
    setWindowModified(m_document && m_document->isModified());
}

} // namespace ow::editorui
