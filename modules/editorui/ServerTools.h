#pragma once

#include "authoring/DocumentEdit.h"
#include "sync/CatalogueEditorClient.h"
#include "sync/SyncSettings.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QAction;
class QMenuBar;

namespace ow::editorui {

class EditorWindow;
class FaqProposalsDialog;
class SignInDialog;
class SubmissionDialog;
class SubmissionsDialog;

/// The editor's side of the review server (docs/editor.md "Review on the server"): signing in as a
/// catalogue editor, the editing locks of matters, submitting the saved folder for review, the
/// editor's submissions with the reviewers' comments (marked on the tree's entries they are about)
/// and withdrawing one. Without a session the editor works offline: it edits and saves folders, but
/// takes no locks and submits nothing.
///
/// Locks: the first edit of a matter's file takes the locks of the matters in it (two hours,
/// renewed every half hour while the session lasts); a matter another editor holds is read-only,
/// the form says who holds it and until when, and its edits are refused. Submitting releases the
/// locks on the server; closing the window releases the rest.
class ServerTools : public QObject
{
    Q_OBJECT

public:
    static constexpr int kRenewMinutes = 30;

    explicit ServerTools(EditorWindow *window);

    /// Adds the Review menu (审核) to the window's menu bar.
    void addMenu(QMenuBar *bar);

    bool isSignedIn() const { return !m_session.token.isEmpty(); }
    const sync::CatalogueEditorSession &session() const { return m_session; }
    /// Whether an edit of `file` may go on: always offline; signed in, once the locks of the file's
    /// matters are this editor's (taken now if need be). False with the reason in the status bar.
    bool mayEdit(const QString &file);
    /// The entry chosen in the tree: its matter read-only while another editor holds it.
    void entryShown(const authoring::NodeRef &entry);
    /// Releases every lock this session holds (closing the window, signing out).
    void releaseAll();
    /// The locks of other editors as last seen, by matter.
    const QHash<QString, sync::MatterLock> &othersLocks() const { return m_others; }
    QStringList heldLocks() const { return m_held.keys(); }

    void openSignIn();
    void openSubmit();
    void openSubmissions();
    /// 常见问题建议: the questions the counters recorded often, to adopt into the matters' FAQ.
    void openFaqProposals();
    void signOut();
    /// The dialogs while open (for tests), else null.
    SignInDialog *signInDialog() const;
    SubmissionDialog *submissionDialog() const;
    SubmissionsDialog *submissionsDialog() const;
    FaqProposalsDialog *faqProposalsDialog() const;

Q_SIGNALS:
    void sessionChanged();

private:
    sync::SyncSettings server() const;
    /// The matter codes of a file of the open catalogue (its top-level `matter` entries).
    QStringList mattersOf(const QString &file) const;
    void refreshLocks();
    void renewLocks();
    /// Marks the tree's matters and materials that a returned submission's 中/低 items are about.
    void markComments(const QJsonArray &submissions);
    void updateActions();

    EditorWindow *m_window = nullptr;
    QString m_serverUrl;
    sync::CatalogueEditorSession m_session;
    QHash<QString, sync::MatterLock> m_held;
    QHash<QString, sync::MatterLock> m_others;
    QTimer m_renew;
    QAction *m_signInAction = nullptr;
    QAction *m_submitAction = nullptr;
    QAction *m_submissionsAction = nullptr;
    QAction *m_faqProposalsAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QPointer<SignInDialog> m_signIn;
    QPointer<SubmissionDialog> m_submit;
    QPointer<SubmissionsDialog> m_submissions;
    QPointer<FaqProposalsDialog> m_faqProposals;
};

} // namespace ow::editorui
