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

class CatalogueTree;
class NodeForm;
class ProblemsPanel;

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
    /// The last message of the status bar (saved, an edit refused, a save failed).
    QString message() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void applyEdit(const authoring::Edit &edit, const authoring::NodeRef &focus);
    void push(
        const Result<authoring::Edit> &edit, const QString &text, int merge = -1, bool fromForm = false);
    void addEntry(bool asChild);
    void moveEntry(int direction);
    void removeEntry();
    void goTo(const authoring::NodeRef &node, const QString &file, int line);
    void startLint();
    /// Takes the result of the lint running in the background, waiting for it if need be.
    void collectLint();
    void showLint();
    void showChanges();
    void say(const QString &text, bool problem = false);
    bool confirmDiscard();
    void updateTitle();

    std::unique_ptr<authoring::CatalogueDocument> m_document;
    std::unique_ptr<authoring::LiveLint> m_lint;
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
