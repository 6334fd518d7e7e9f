#pragma once

#include "authoring/CatalogueDocument.h"
#include "authoring/LiveLint.h"

#include <QMainWindow>
#include <QSet>
#include <QTimer>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QThread;
class QUndoStack;

namespace ow::editorui {

class AuthoringTools;
class CatalogueTree;
class NodeForm;
class ProblemsPanel;
class SampleEditor;
class ServerTools;

/// onewindow-editor's window: the open catalogue's tree, the selected entry's form, the live lint's
/// problems and the changes saving would make for the counters. Every change goes through the undo
/// stack as an authoring::Edit; the document writes only what changed when saved (docs/editor.md).
class EditorWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit EditorWindow(QWidget *parent = nullptr);
    ~EditorWindow() override;

    /// Opens a catalogue folder (closing the one open, which must have no unsaved changes or be
    /// given up); false with the reason in the status bar.
    bool openCatalogue(const QString &directory);
    /// Saves after showing what the counters would see change; false when cancelled or failed.
    bool save();
    /// Runs the lint waiting for the pause in typing at once.
    void lintNow();

    authoring::CatalogueDocument *document() const { return m_document.get(); }
    QUndoStack *undoStack() const { return m_undo; }
    CatalogueTree *tree() const { return m_tree; }
    NodeForm *form() const { return m_form; }
    ProblemsPanel *problems() const { return m_problems; }
    QPlainTextEdit *changes() const { return m_changes; }
    /// The sample editor's window (docs/editor.md "Sample marks"), shown for the selected material
    /// (Ctrl+M); created when first asked for.
    SampleEditor *sampleEditor();
    /// The last message of the status bar (saved, an edit refused, a save failed).
    QString message() const;
    /// Shows a message in the status bar, in red for a problem.
    void say(const QString &text, bool problem = false);
    /// The lint of the open catalogue (null before one is opened).
    authoring::LiveLint *lint() const { return m_lint.get(); }
    /// Puts edits on the undo stack as one step (a new file and the lines that use it).
    void pushEdits(const QList<authoring::Edit> &edits, const QString &text);
    /// The preview, the new matter and the table import (docs/editor.md).
    AuthoringTools *tools() const { return m_tools; }
    /// Signing in to the review server, matter locks, submitting (docs/editor.md).
    ServerTools *serverTools() const { return m_server; }

Q_SIGNALS:
    /// The lint's findings were shown anew: the catalogue as edited was loaded again.
    void lintShown();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void applyEdit(const authoring::Edit &edit, const authoring::NodeRef &focus);
    void push(
        const Result<authoring::Edit> &edit, const QString &text, int merge = -1, bool fromForm = false);
    void addEntry(bool asChild);
    /// Adds an entry of `keyword` (a required material, a faq) to the matter (or, for a faq, the
    /// bundle) the selection is in, after its last entry of that keyword, or at its end.
    void addToTop(const QString &keyword);
    void focusNewEntry();
    void moveEntry(int direction);
    void removeEntry();
    void goTo(const authoring::NodeRef &node, const QString &file, int line);
    void startLint();
    /// Takes the result of the lint running in the background, waiting for it if need be.
    void collectLint();
    void showLint();
    void showChanges();
    bool confirmDiscard();
    void updateTitle();

    std::unique_ptr<authoring::CatalogueDocument> m_document;
    SampleEditor *m_sampleEditor = nullptr;
    std::unique_ptr<authoring::LiveLint> m_lint;
    AuthoringTools *m_tools = nullptr;
    ServerTools *m_server = nullptr;
    QUndoStack *m_undo = nullptr;
    CatalogueTree *m_tree = nullptr;
    NodeForm *m_form = nullptr;
    ProblemsPanel *m_problems = nullptr;
    QPlainTextEdit *m_changes = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_message = nullptr;
    QTimer m_lintTimer;
    QSet<QString> m_lintFiles; ///< files edited since the last lint
    bool m_typing = false; ///< the edit being pushed comes from a field of the form
    /// The lint after a pause in typing runs here, on a snapshot of the text, so typing never waits.
    std::unique_ptr<QThread> m_lintThread;
    std::shared_ptr<authoring::LiveLint::Run> m_lintResult;
    bool m_lintAgain = false; ///< edits came while a lint was running
};

} // namespace ow::editorui
