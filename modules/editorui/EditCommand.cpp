#include "editorui/EditCommand.h"

namespace ow::editorui {

EditCommand::EditCommand(authoring::Edit edit, const QString &text, Apply apply, Merge merge)
    : m_edit(std::move(edit))
    , m_apply(std::move(apply))
    , m_merge(merge)
{
    setText(text);
}

void EditCommand::redo()
{
    m_apply(m_edit, m_edit.focus);
}

void EditCommand::undo()
{
    m_apply(m_edit.inverse(), m_edit.focusBefore);
}

bool EditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const EditCommand *>(other);
    const authoring::Edit &edit = next->m_edit;
    // Only one line changed twice in a row: the merged edit goes from the first text to the last.
    if (edit.file != m_edit.file || edit.first != m_edit.first || edit.removed.size() != 1
        || m_edit.inserted.size() != 1 || edit.removed != m_edit.inserted)
        return false;
    m_edit.inserted = edit.inserted;
    m_edit.focus = edit.focus;
    setObsolete(m_edit.isNoOp());
    return true;
}

} // namespace ow::editorui
