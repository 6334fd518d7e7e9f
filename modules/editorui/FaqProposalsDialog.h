#pragma once

#include "sync/SyncSettings.h"

#include <QDialog>
#include <QJsonArray>

class QComboBox;
class QLabel;
class QTreeWidget;

namespace ow::editorui {

class EditorWindow;

/// 常见问题建议 (docs/editor.md "Frequent questions"): the questions the hall's counters recorded often,
/// for the open catalogue's matters and bundles, each with how often it was asked and the answers the
/// clerks gave. 采纳 (Enter) writes the chosen one as a `faq` block at the end of its matter — one
/// undoable step — for the author to edit and submit for review as usual.
class FaqProposalsDialog : public QDialog
{
    Q_OBJECT

public:
    FaqProposalsDialog(EditorWindow *window, const sync::SyncSettings &server);

    /// Reads the proposals from the server again; false (the reason shown) when it cannot.
    bool reload();
    /// Adopts the chosen proposal with the chosen answer; false (the reason shown) when nothing was
    /// written.
    bool adopt();

    QTreeWidget *list() const { return m_list; }
    QComboBox *answerChoice() const { return m_answer; }
    QLabel *messageLabel() const { return m_message; }

private:
    void showChosen();

    EditorWindow *m_window = nullptr;
    sync::SyncSettings m_server;
    QJsonArray m_proposals; ///< those of the open catalogue, in the list's order
    QTreeWidget *m_list = nullptr;
    QComboBox *m_answer = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace ow::editorui
