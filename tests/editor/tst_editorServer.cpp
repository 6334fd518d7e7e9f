// onewindow-editor against the real onewindow-server (docs/editor.md "Review on the server"): a
// catalogue editor signs in (an unreachable address, a wrong password and a clerk without the role
// each refused beside their field); the first edit of a matter takes its lock, which a second
// editor's session sees as held; a matter the second editor holds is read-only in the window, with
// who and until when; submitting saves first and lists the review items (the screenshot for the
// docs), releasing the lock; a reviewer's 中 with its comment comes back under 我的提交 and on the
// tree's entry it is about. In Chinese, at 1366×768.

#include "../gui/CounterScreen.h"
#include "../gui/ScreenTestSupport.h"
#include "../unit/SyncTestSupport.h"
#include "EditorTestSupport.h"
#include "accounts/PasswordHash.h"
#include "authoring/CatalogueDocument.h"
#include "editorui/CatalogueTree.h"
#include "editorui/EditorWindow.h"
#include "editorui/NodeForm.h"
#include "editorui/ServerTools.h"
#include "editorui/SignInDialog.h"
#include "editorui/SubmissionDialog.h"
#include "editorui/SubmissionsDialog.h"
#include "server/HallAccountRepository.h"
#include "sync/CatalogueEditorClient.h"
#include "sync/CataloguePackage.h"
#include "ui/ConfirmDialog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace ow;
using namespace ow::authoring;
using namespace ow::editorui;
using namespace ow::sync;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;
using ow::test::saveScreenshot;

namespace {

const QString kBase = QStringLiteral(OW_ENGINE_CATALOGUES "/basic");
const QString kChanged = QStringLiteral(OW_ENGINE_CATALOGUES "/changed");
const QString kHall = u"33030201"_s;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestEditorServer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QString m_publisher;
    QString m_folder;

    /// Fills the sign-in dialog and presses its button.
    void signIn(
        SignInDialog *dialog, const QString &server, const QString &staffNumber, const QString &password)
    {
        dialog->findChild<QLineEdit *>(u"server"_s)->setText(server);
        dialog->findChild<QLineEdit *>(u"staffNumber"_s)->setText(staffNumber);
        dialog->findChild<QLineEdit *>(u"password"_s)->setText(password);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"signIn"_s), Qt::LeftButton);
    }
    static bool shown(SignInDialog *dialog, const QString &label)
    {
        return !dialog->findChild<QLabel *>(label)->isHidden();
    }
    /// A second editor's session, as another onewindow-editor would hold it.
    std::unique_ptr<SyncClient> otherEditor()
    {
        auto client = std::make_unique<SyncClient>(QUrl(m_server->url()));
        Result<CatalogueEditorSession> session
            = CatalogueEditorClient(*client).signIn(u"5002"_s, u"wang-pass-1"_s);
        if (!session)
            qWarning("%s", qPrintable(session.error().toString()));
        return client;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings().remove(u"editor/server"_s);
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server"_s));
        QVERIFY(m_server->start());
        m_publisher = m_server->publisherKey(u"目录办"_s);
        {
            auto db = server::ServerSchema::open(m_server->databaseSpec());
            QVERIFY(db);
            server::HallAccountRepository accounts(**db, Clock::system());
            QVERIFY(accounts.add(kHall, u"test"_s, u"5001"_s, u"张编辑"_s, u"catalogue"_s,
                accounts::PasswordHash::create(u"zhang-pass-1"_s)));
            QVERIFY(accounts.add(kHall, u"test"_s, u"5002"_s, u"王编辑"_s, u"catalogue"_s,
                accounts::PasswordHash::create(u"wang-pass-1"_s)));
            QVERIFY(accounts.add(kHall, u"test"_s, u"1001"_s, u"李受理"_s, u"intake"_s,
                accounts::PasswordHash::create(u"intake-pass-1"_s)));
        }
        // Counters use version 1.0; the editor works on 1.1 in a folder of his own.
        Result<CataloguePackage> base = CataloguePackage::fromDirectory(kBase, u"engine-test"_s, u"1.0"_s);
        QVERIFY(base);
        SyncClient publisher(QUrl(m_server->url()), m_publisher);
        QVERIFY(publisher.call("POST", u"/catalogues"_s, {}, compact(base->toJson())));
        m_folder = m_dir.filePath(u"catalogue"_s);
        QVERIFY(test::copyFolder(kChanged, m_folder));
    }

    void signInLockSubmitAndReadTheComments()
    {
        EditorWindow window;
        QVERIFY(window.openCatalogue(m_folder));
        window.show();
        ServerTools *tools = window.serverTools();
        QVERIFY(!tools->isSignedIn());
        // Offline, edits go on without any lock.
        QVERIFY(tools->mayEdit(u"matters/shop.txt"_s));

        tools->openSignIn();
        SignInDialog *dialog = tools->signInDialog();
        QVERIFY(dialog);
        QTcpServer closed;
        closed.listen(QHostAddress::LocalHost, 0);
        const QString nowhere = u"http://127.0.0.1:%1"_s.arg(closed.serverPort());
        closed.close();
        signIn(dialog, nowhere, u"5001"_s, u"zhang-pass-1"_s);
        QVERIFY(shown(dialog, u"serverProblem"_s));
        signIn(dialog, m_server->url(), u"5001"_s, u"wrong"_s);
        QVERIFY(!shown(dialog, u"serverProblem"_s));
        QVERIFY(shown(dialog, u"passwordProblem"_s));
        QVERIFY(dialog->findChild<QLineEdit *>(u"password"_s)->text().isEmpty());
        signIn(dialog, m_server->url(), u"1001"_s, u"intake-pass-1"_s);
        QVERIFY(shown(dialog, u"staffNumberProblem"_s));
        QVERIFY(dialog->findChild<QLabel *>(u"staffNumberProblem"_s)->text().contains(u"1001"_s));
        signIn(dialog, m_server->url(), u"5001"_s, u"zhang-pass-1"_s);
        QTRY_VERIFY(tools->isSignedIn());
        QCOMPARE(tools->session().name, u"张编辑"_s);
        QCOMPARE(SignInDialog::rememberedServer(), m_server->url());

        // The first edit of 食品经营许可 (M2) takes its lock; a second editor sees it held.
        const NodeRef m2 {u"matters/shop.txt"_s, 1};
        QCOMPARE(window.document()->node(m2)->id, u"M2"_s);
        window.pushEdits({*window.document()->setValue(m2, u"食品经营许可（含网络经营）"_s)}, u"rename"_s);
        QVERIFY(window.document()->isModified());
        QCOMPARE(tools->heldLocks(), QStringList({u"M2"_s}));
        std::unique_ptr<SyncClient> wang = otherEditor();
        CatalogueEditorClient other(*wang);
        Result<MatterLock> refused = other.lock(u"M2"_s);
        QVERIFY(refused);
        QVERIFY(!refused->mine);
        QCOMPARE(refused->editor, u"5001"_s);

        // M1 is the second editor's: read-only here, with who and until when.
        QVERIFY(other.lock(u"M1"_s) && other.lock(u"M1"_s)->mine);
        const NodeRef m1 {u"matters/hygiene.txt"_s, 1};
        QCOMPARE(window.document()->node(m1)->id, u"M1"_s);
        const QString before = window.document()->text(m1.file);
        window.pushEdits({*window.document()->setValue(m1, u"公共场所卫生许可（改）"_s)}, u"rename"_s);
        QCOMPARE(window.document()->text(m1.file), before);
        QVERIFY2(window.message().contains(u"5002"_s), qPrintable(window.message()));
        QVERIFY(window.tree()->select(m1));
        QVERIFY(!window.form()->isEnabled());
        QVERIFY2(window.message().contains(u"5002"_s), qPrintable(window.message()));
        QVERIFY(window.tree()->select(m2));
        QVERIFY(window.form()->isEnabled());
        QVERIFY(window.tree()->select(m1));
        QVERIFY(!window.form()->isEnabled());
        QVERIFY(other.release(u"M1"_s));
        QVERIFY(window.tree()->select(m2));

        // Submitting asks to save first, then uploads the folder as saved.
        ui::ConfirmDialog::setNextAnswer(ui::ConfirmDialog::Choice::Confirm);
        tools->openSubmit();
        QVERIFY(!window.document()->isModified());
        SubmissionDialog *submit = tools->submissionDialog();
        QVERIFY(submit);
        submit->findChild<QPlainTextEdit *>(u"note"_s)->setPlainText(u"食品经营许可名称按新办法调整"_s);
        QTest::mouseClick(submit->findChild<QPushButton *>(u"submit"_s), Qt::LeftButton);
        QTRY_VERIFY(!submit->answer().isEmpty());
        const QJsonObject status = submit->answer();
        QCOMPARE(status.value(u"editor"_s).toString(), u"5001"_s);
        QCOMPARE(status.value(u"state"_s).toString(), u"in-review"_s);
        QVERIFY(submit->findChild<QTreeWidget *>(u"items"_s)->topLevelItemCount() > 0);
        saveScreenshot(*submit, u"zh-editor-submit.png"_s);
        submit->close();
        // The server released the lock with the submission.
        QVERIFY(other.lock(u"M2"_s) && other.lock(u"M2"_s)->mine);
        QVERIFY(other.release(u"M2"_s));

        // A reviewer gives the matter 中 with a comment and the rest 高: returned to the editor.
        const qint64 id = status.value(u"id"_s).toInteger();
        SyncClient reviewer(QUrl(m_server->url()), m_publisher);
        QJsonArray rest;
        for (const QJsonValue &item : status.value(u"items"_s).toArray())
            if (item.toObject().value(u"item"_s).toString() != u"matter:M2"_s)
                rest.append(item.toObject().value(u"item"_s));
        QVERIFY(reviewer.call("POST", u"/catalogues/submissions/%1/reviews"_s.arg(id), {},
            compact({{u"item"_s, u"matter:M2"_s}, {u"grade"_s, u"中"_s},
                {u"comment"_s, u"名称应与许可证一致"_s}, {u"reviewer"_s, u"李评审"_s}})));
        QVERIFY(reviewer.call("POST", u"/catalogues/submissions/%1/reviews"_s.arg(id), {},
            compact({{u"items"_s, rest}, {u"grade"_s, u"高"_s}, {u"reviewer"_s, u"李评审"_s}})));

        tools->openSubmissions();
        SubmissionsDialog *mine = tools->submissionsDialog();
        QVERIFY(mine);
        QCOMPARE(mine->list()->topLevelItemCount(), 1);
        QCOMPARE(mine->submissions().at(0).toObject().value(u"state"_s).toString(), u"returned"_s);
        bool commented = false;
        for (int row = 0; row < mine->items()->topLevelItemCount(); ++row)
            commented = commented || mine->items()->topLevelItem(row)->text(3) == u"名称应与许可证一致"_s;
        QVERIFY(commented);
        QVERIFY(!mine->findChild<QPushButton *>(u"withdraw"_s)->isEnabled());
        // The comment is on the matter's entry in the tree too.
        QTreeWidgetItem *entry = window.tree()->itemFor(m2);
        QVERIFY(entry);
        QVERIFY2(entry->text(1).contains(u"名称应与许可证一致"_s), qPrintable(entry->text(1)));
        mine->close();
        tools->signOut();
        QVERIFY(!tools->isSignedIn());
    }
};

/// A 1366×768 screen, and the hall's language: the screenshot goes into the documentation.
int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestEditorServer>(argc, argv);
}
#include "tst_editorServer.moc"
