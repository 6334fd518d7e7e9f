#include "editorui/ServerTools.h"

#include "catalogue/CatalogueLoader.h"
#include "core/Clock.h"
#include "editorui/CatalogueTree.h"
#include "editorui/EditorWindow.h"
#include "editorui/FaqProposalsDialog.h"
#include "editorui/NodeForm.h"
#include "editorui/SignInDialog.h"
#include "editorui/SubmissionDialog.h"
#include "editorui/SubmissionsDialog.h"
#include "ui/HallServerRequest.h"

#include <QAction>
#include <QJsonObject>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidgetItem>

namespace ow::editorui {

using namespace Qt::StringLiterals;
using authoring::NodeRef;

namespace {

QString localTime(const QDateTime &utc)
{
    return utc.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
}

} // namespace

ServerTools::ServerTools(EditorWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_renew.setInterval(kRenewMinutes * 60 * 1000);
    connect(&m_renew, &QTimer::timeout, this, &ServerTools::renewLocks);
}

SignInDialog *ServerTools::signInDialog() const
{
    return m_signIn;
}

SubmissionDialog *ServerTools::submissionDialog() const
{
    return m_submit;
}

SubmissionsDialog *ServerTools::submissionsDialog() const
{
    return m_submissions;
}

FaqProposalsDialog *ServerTools::faqProposalsDialog() const
{
    return m_faqProposals;
}

void ServerTools::addMenu(QMenuBar *bar)
{
    QMenu *menu = bar->addMenu(tr("&Review"));
    m_signInAction = menu->addAction(tr("Sign &in to the review server…"));
    m_signInAction->setObjectName(u"signInAction"_s);
    connect(m_signInAction, &QAction::triggered, this, &ServerTools::openSignIn);
    m_submitAction = menu->addAction(tr("&Submit for review…"));
    m_submitAction->setObjectName(u"submitAction"_s);
    connect(m_submitAction, &QAction::triggered, this, &ServerTools::openSubmit);
    m_submissionsAction = menu->addAction(tr("&My submissions…"));
    m_submissionsAction->setObjectName(u"submissionsAction"_s);
    connect(m_submissionsAction, &QAction::triggered, this, &ServerTools::openSubmissions);
    m_faqProposalsAction = menu->addAction(tr("&Frequent questions from the counters…"));
    m_faqProposalsAction->setObjectName(u"faqProposalsAction"_s);
    connect(m_faqProposalsAction, &QAction::triggered, this, &ServerTools::openFaqProposals);
    menu->addSeparator();
    m_signOutAction = menu->addAction(tr("Sign &out"));
    connect(m_signOutAction, &QAction::triggered, this, &ServerTools::signOut);
    updateActions();
}

void ServerTools::updateActions()
{
    if (!m_signInAction)
        return;
    m_submitAction->setEnabled(isSignedIn());
    m_submissionsAction->setEnabled(isSignedIn());
    m_faqProposalsAction->setEnabled(isSignedIn());
    m_signOutAction->setEnabled(isSignedIn());
}

sync::SyncSettings ServerTools::server() const
{
    sync::SyncSettings settings;
    settings.server = m_serverUrl;
    settings.token = m_session.token;
    return settings;
}

void ServerTools::openSignIn()
{
    if (m_signIn) {
        m_signIn->raise();
        return;
    }
    m_signIn = new SignInDialog(m_window);
    m_signIn->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_signIn, &QDialog::accepted, this, [this] {
        releaseAll();
        m_session = m_signIn->session();
        m_serverUrl = m_signIn->server();
        m_renew.start();
        refreshLocks();
        updateActions();
        m_window->say(
            tr("Signed in to %1 as %2 (%3); session until %4.")
                .arg(m_serverUrl, m_session.name, m_session.staffNumber, localTime(m_session.expires)));
        Q_EMIT sessionChanged();
    });
    m_signIn->open();
}

void ServerTools::signOut()
{
    releaseAll();
    m_session = {};
    m_others.clear();
    m_renew.stop();
    updateActions();
    m_window->form()->setEnabled(true);
    m_window->say(tr("Signed out: edits are saved to the folder only."));
    Q_EMIT sessionChanged();
}

QStringList ServerTools::mattersOf(const QString &file) const
{
    QStringList codes;
    const authoring::CatalogueDocument *document = m_window->document();
    if (!document || !document->contains(file))
        return codes;
    for (const catalogue::TextNode &node : document->nodes(file))
        if (node.keyword == u"matter"_s && !node.id.isEmpty())
            codes.append(node.id);
    return codes;
}

void ServerTools::refreshLocks()
{
    if (!isSignedIn())
        return;
    Result<QList<sync::MatterLock>> locks = fail(Error::Code::Io, QString());
    const QString staffNumber = m_session.staffNumber;
    ui::runHallServerRequest(m_window, server(),
        [&](sync::SyncClient &client) { locks = sync::CatalogueEditorClient(client).locks(staffNumber); });
    if (!locks)
        return;
    m_others.clear();
    for (const sync::MatterLock &lock : std::as_const(*locks))
        if (!lock.mine)
            m_others.insert(lock.matter, lock);
}

bool ServerTools::mayEdit(const QString &file)
{
    if (!isSignedIn())
        return true;
    for (const QString &matter : mattersOf(file)) {
        if (m_held.contains(matter))
            continue;
        Result<sync::MatterLock> taken = fail(Error::Code::Io, QString());
        ui::runHallServerRequest(m_window, server(),
            [&](sync::SyncClient &client) { taken = sync::CatalogueEditorClient(client).lock(matter); });
        if (!taken) {
            m_window->say(
                tr("Matter %1 could not be locked on the server: %2").arg(matter, taken.error().message()),
                true);
            return false;
        }
        if (!taken->mine) {
            m_others.insert(matter, *taken);
            if (m_window->form()->entry().file == file)
                m_window->form()->setEnabled(false);
            m_window->say(tr("Read-only: matter %1 is being edited by %2 until %3.")
                              .arg(matter, taken->editor, localTime(taken->expires)),
                true);
            return false;
        }
        m_held.insert(matter, *taken);
        m_others.remove(matter);
    }
    return true;
}

void ServerTools::entryShown(const NodeRef &entry)
{
    if (!isSignedIn())
        return;
    const QDateTime now = Clock().nowUtc();
    for (const QString &matter : mattersOf(entry.file)) {
        const auto other = m_others.constFind(matter);
        if (other != m_others.cend() && other->expires > now) {
            m_window->form()->setEnabled(false);
            m_window->say(tr("Read-only: matter %1 is being edited by %2 until %3.")
                              .arg(matter, other->editor, localTime(other->expires)),
                true);
            return;
        }
    }
    m_window->form()->setEnabled(true);
}

void ServerTools::renewLocks()
{
    if (!isSignedIn())
        return;
    const QStringList held = m_held.keys();
    QList<sync::MatterLock> renewed;
    ui::runHallServerRequest(m_window, server(), [&](sync::SyncClient &client) {
        sync::CatalogueEditorClient editor(client);
        for (const QString &matter : held)
            if (Result<sync::MatterLock> lock = editor.lock(matter); lock && lock->mine)
                renewed.append(*lock);
    });
    // Taken over here, on the window's thread: the request ran on a thread of its own.
    for (const sync::MatterLock &lock : std::as_const(renewed))
        m_held.insert(lock.matter, lock);
    refreshLocks();
}

void ServerTools::releaseAll()
{
    if (!isSignedIn() || m_held.isEmpty())
        return;
    const QStringList held = m_held.keys();
    ui::runHallServerRequest(m_window, server(), [&held](sync::SyncClient &client) {
        sync::CatalogueEditorClient editor(client);
        // A lock that cannot be released now expires by itself within two hours.
        for (const QString &matter : held)
            if (Result<void> released = editor.release(matter); !released)
                qWarning("onewindow-editor: %s", qUtf8Printable(released.error().toString()));
    });
    m_held.clear();
}

void ServerTools::openSubmit()
{
    authoring::CatalogueDocument *document = m_window->document();
    if (!isSignedIn() || !document) {
        m_window->say(tr("Sign in and open a catalogue first."), true);
        return;
    }
    // The package is built from the folder on disk: what is submitted is what was saved, so unsaved
    // changes are saved first (the save shows what changes for the counters and asks).
    if (document->isModified()) {
        m_window->say(tr("What is submitted is the folder as saved: save the changes first."));
        if (!m_window->save())
            return;
    }
    const catalogue::CatalogueLoader::Outcome loaded
        = catalogue::CatalogueLoader::load(document->directory());
    if (!loaded.catalogue) {
        m_window->say(tr("The catalogue has errors; fix them before submitting (F7)."), true);
        return;
    }
    sync::SubmissionRequest request;
    request.directory = document->directory();
    request.catalogueId = loaded.catalogue->id;
    request.version = loaded.catalogue->version;
    m_submit = new SubmissionDialog(m_window, server(), request, Clock().today());
    m_submit->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_submit, &SubmissionDialog::submitted, this, [this](const QJsonObject &status) {
        // The server released this editor's locks on the submitted matters.
        for (const QJsonValue &value : status.value(u"items"_s).toArray())
            m_held.remove(value.toObject().value(u"matter"_s).toString());
        refreshLocks();
    });
    m_submit->open();
}

void ServerTools::openSubmissions()
{
    if (!isSignedIn()) {
        m_window->say(tr("Sign in first."), true);
        return;
    }
    m_submissions = new SubmissionsDialog(m_window, server(), m_session.staffNumber);
    m_submissions->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_submissions, &SubmissionsDialog::loaded, this, &ServerTools::markComments);
    m_submissions->open();
    m_submissions->reload();
}

void ServerTools::openFaqProposals()
{
    if (!isSignedIn() || !m_window->document()) {
        m_window->say(tr("Sign in and open a catalogue first."), true);
        return;
    }
    m_faqProposals = new FaqProposalsDialog(m_window, server());
    m_faqProposals->setAttribute(Qt::WA_DeleteOnClose);
    m_faqProposals->open();
    m_faqProposals->reload();
}

void ServerTools::markComments(const QJsonArray &submissions)
{
    const authoring::CatalogueDocument *document = m_window->document();
    if (!document)
        return;
    // The comments of the latest returned submission: the editor's next version answers them.
    QHash<QString, QStringList> comments; // "matter CODE" or "material ID" → "中：comment"
    for (const QJsonValue &value : submissions) {
        const QJsonObject s = value.toObject();
        if (s.value(u"state"_s).toString() != u"returned"_s)
            continue;
        for (const QJsonValue &itemValue : s.value(u"items"_s).toArray()) {
            const QJsonObject item = itemValue.toObject();
            const QString grade = item.value(u"grade"_s).toString();
            if (grade != u"中"_s && grade != u"低"_s)
                continue;
            const QString id = item.value(u"item"_s).toString();
            const QString kind = id.section(u':', 0, 0);
            const QString key = kind == u"material"_s ? u"material "_s + id.section(u':', 1)
                                                      : u"matter "_s + item.value(u"matter"_s).toString();
            comments[key].append(
                tr("%1: %2 (%3)")
                    .arg(grade, item.value(u"comment"_s).toString(), item.value(u"reviewer"_s).toString()));
        }
        break;
    }
    for (const QString &file : document->files())
        for (const catalogue::TextNode &node : document->nodes(file)) {
            const QStringList said = comments.value(node.keyword + u' ' + node.id);
            if (said.isEmpty())
                continue;
            QTreeWidgetItem *item = m_window->tree()->itemFor(NodeRef {file, node.where.line});
            // Marked once: the list may be read again while the tree stands.
            if (item && item->toolTip(0) != said.join(u'\n')) {
                item->setForeground(0, QColor(0xb0, 0x00, 0x20));
                item->setForeground(1, QColor(0xb0, 0x00, 0x20));
                item->setText(1, tr("〔review: %1〕").arg(said.join(u"; "_s)) + u' ' + item->text(1));
                item->setToolTip(0, said.join(u'\n'));
            }
        }
}

} // namespace ow::editorui
