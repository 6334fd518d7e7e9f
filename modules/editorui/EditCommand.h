#pragma once

#include "authoring/DocumentEdit.h"

#include <QUndoCommand>
#include <functional>

namespace ow::editorui {

/// One edit of the open catalogue on the undo stack: redo applies the edit, undo its inverse. Typing
/// in one field makes one command: consecutive edits of the same line merge.
class EditCommand : public QUndoCommand
{
public:
    /// Applies an edit to the document and shows the node it names.
    using Apply = std::function<void(const authoring::Edit &edit, const authoring::NodeRef &focus)>;
    enum Merge
    {
        NoMerge = -1,
        TypingValue = 1,
        TypingId = 2
    };

    EditCommand(authoring::Edit edit, const QString &text, Apply apply, Merge merge = NoMerge);

    void redo() override;
    void undo() override;
    int id() const override { return m_merge; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    authoring::Edit m_edit;
    Apply m_apply;
    Merge m_merge;
};

} // namespace ow::editorui
