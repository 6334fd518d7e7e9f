#pragma once

#include "authoring/DocumentEdit.h"

#include <QObject>
#include <QPointer>

class QMenu;

namespace ow::editorui {

class EditorWindow;
class ImportTableDialog;
class NewMatterDialog;
class PreviewWindow;

/// The editor's tools that reach beyond one entry of the tree: the preview that is the counter's own
/// interview and checklist (预览, F5 or Ctrl+P), a new matter in a file of its own (新建事项), and a
/// department's material table imported into the selected matter (导入材料表…). What they change goes
/// through the window's undo stack like any other edit, and is written only when saved.
class AuthoringTools : public QObject
{
    Q_OBJECT

public:
    explicit AuthoringTools(EditorWindow *window);

    /// Puts the tools' actions into the window's File and Check menus.
    void addActions(QMenu *file, QMenu *check);

    /// Opens the preview (or brings it forward) on the matter or bundle chosen in the tree.
    void openPreview();
    /// Asks for a new matter's code, name, department and kind, and adds it in a new file.
    void newMatter();
    /// Asks for a table file and plans it into the selected matter.
    void importTable();

    PreviewWindow *preview() const { return m_preview; }
    /// The dialogs while open (for tests), else null.
    NewMatterDialog *newMatterDialog() const;
    ImportTableDialog *importDialog() const;

    /// Adds `keyword:` with no value after the entry's last attribute, and starts typing its value.
    void addAttribute(const authoring::NodeRef &entry, const QString &keyword);

private:
    void applyImport(ImportTableDialog *dialog);

    EditorWindow *m_window = nullptr;
    PreviewWindow *m_preview = nullptr;
    QPointer<NewMatterDialog> m_newMatter;
    QPointer<ImportTableDialog> m_import;
};

} // namespace ow::editorui
