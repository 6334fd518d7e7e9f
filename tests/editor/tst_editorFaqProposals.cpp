// 审核 → 常见问题建议 in onewindow-editor against the real onewindow-server: questions recorded at a
// counter of the hall (synced as consultation activities) come back grouped per matter, only those of
// the open catalogue's matters, with how often they were asked and the answers given; adopting one
// (Enter) writes a faq block at the end of its matter as one undoable step, its id made from the
// question and the chosen answer on its line, and undo gives back the file's bytes. The screenshot
// for docs/editor.md, in Chinese at 1366×768.

#include "../gui/CounterScreen.h"
#include "../gui/ScreenTestSupport.h"
#include "../unit/SyncTestSupport.h"
#include "EditorTestSupport.h"
#include "accounts/PasswordHash.h"
#include "authoring/CatalogueDocument.h"
#include "authoring/FaqEntry.h"
#include "cases/ClerkActivityLog.h"
#include "editorui/EditorWindow.h"
#include "editorui/FaqProposalsDialog.h"
#include "editorui/ServerTools.h"
#include "editorui/SignInDialog.h"
#include "server/HallAccountRepository.h"
#include "sync/CataloguePackage.h"
#include "sync/SyncRound.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace ow;
using namespace ow::editorui;
using namespace ow::sync;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kBase = QStringLiteral(OW_ENGINE_CATALOGUES "/basic");
const QString kHall = u"33030201"_s;

} // namespace

class TestEditorFaqProposals : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QString m_folder;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings().remove(u"editor/server"_s);
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server"_s));
        QVERIFY(m_server->start());
        {
            auto db = server::ServerSchema::open(m_server->databaseSpec());
            QVERIFY(db);
            server::HallAccountRepository accounts(**db, Clock::system());
            QVERIFY(accounts.add(kHall, u"test"_s, u"5001"_s, u"张编辑"_s, u"catalogue"_s,
                accounts::PasswordHash::create(u"zhang-pass-1"_s)));
        }
        Result<CataloguePackage> base = CataloguePackage::fromDirectory(kBase, u"engine-test"_s, u"1.0"_s);
        QVERIFY(base);
        SyncClient publisher(QUrl(m_server->url()), m_server->publisherKey(u"目录办"_s));
        QVERIFY(publisher.call(
            "POST", u"/catalogues"_s, {}, QJsonDocument(base->toJson()).toJson(QJsonDocument::Compact)));
        m_folder = m_dir.filePath(u"catalogue"_s);
        QVERIFY(test::copyFolder(kBase, m_folder));

        // A counter of the hall answered three wordings of one question on M1, and another question
        // on a matter the catalogue does not have.
        auto store = enrolled(*m_server, m_dir.filePath(u"w07"_s), u"W07"_s);
        QVERIFY(store);
        const QList<std::tuple<QString, QString, QString>> asked {
            {u"M1"_s, u"可以委托他人代办吗？"_s, u"可以，受托人带身份证和委托书。"_s},
            {u"M1"_s, u"可以委托他人代办吗"_s, u"可以。"_s},
            {u"M1"_s, u"能委托他人代办吗？"_s, u"可以，受托人带身份证和委托书。"_s},
            {u"X9"_s, u"多久能办好？"_s, u"三天。"_s}, {u"X9"_s, u"多久能办好"_s, u"三天。"_s},
            {u"X9"_s, u"多久能办好呢"_s, u"三天。"_s}};
        int minute = 0;
        for (const auto &[matter, question, answer] : asked) {
            cases::ClerkActivity a;
            a.kind = QString(cases::ClerkActivity::kConsultation);
            a.staffNumber = u"1001"_s;
            a.clerkName = u"李受理"_s;
            a.at = QDateTime::currentDateTimeUtc().addSecs(-3600 + 60 * ++minute);
            a.matter = matter;
            a.detail = QJsonObject {{u"question"_s, question}, {u"answer"_s, answer}};
            QVERIFY(cases::ClerkActivityLog(*store).record(a));
        }
        auto client = clientFor(*store);
        const Result<RoundReport> synced = SyncRound(*store, *client).run();
        QVERIFY2(synced, synced ? "" : qPrintable(synced.error().toString()));
        QCOMPARE(synced->activitiesSent, 6);
    }

    void adoptedAsOneUndoableBlock()
    {
        EditorWindow window;
        QVERIFY(window.openCatalogue(m_folder));
        window.resize(1366, 768);
        window.show();
        ServerTools *tools = window.serverTools();
        QVERIFY(!window.findChild<QAction *>(u"faqProposalsAction"_s)->isEnabled());
        tools->openSignIn();
        SignInDialog *signIn = tools->signInDialog();
        signIn->findChild<QLineEdit *>(u"server"_s)->setText(m_server->url());
        signIn->findChild<QLineEdit *>(u"staffNumber"_s)->setText(u"5001"_s);
        signIn->findChild<QLineEdit *>(u"password"_s)->setText(u"zhang-pass-1"_s);
        QTest::mouseClick(signIn->findChild<QPushButton *>(u"signIn"_s), Qt::LeftButton);
        QTRY_VERIFY(tools->isSignedIn());
        QVERIFY(window.findChild<QAction *>(u"faqProposalsAction"_s)->isEnabled());

        const QString file = u"matters/hygiene.txt"_s;
        const QString before = window.document()->text(file);
        const int undoBefore = window.undoStack()->count();
        window.findChild<QAction *>(u"faqProposalsAction"_s)->trigger();
        FaqProposalsDialog *dialog = tools->faqProposalsDialog();
        QVERIFY(dialog);
        QTreeWidget *list = dialog->list();
        // X9 is no matter of this catalogue: only M1's proposal.
        QTRY_COMPARE(list->topLevelItemCount(), 1);
        QTreeWidgetItem *row = list->topLevelItem(0);
        QCOMPARE(row->text(0), u"公共场所卫生许可"_s);
        QCOMPARE(row->text(1), u"可以委托他人代办吗？"_s);
        QCOMPARE(row->text(2), u"3"_s);
        QCOMPARE(row->text(3), u"可以，受托人带身份证和委托书。"_s);
        QCOMPARE(dialog->answerChoice()->count(), 2);
        QCOMPARE(dialog->answerChoice()->currentText(), u"可以，受托人带身份证和委托书。"_s);
        QVERIFY(row->toolTip(1).contains(u"能委托他人代办吗？"_s));
        dialog->activateWindow();
        list->setFocus();
        test::saveScreenshot(*dialog, u"zh-editor-faq-proposals.png"_s);
        QVERIFY(dialog->width() <= 1366 && dialog->height() <= 768);

        // Enter adopts it: one step, at the end of M1, the id from the question.
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_VERIFY(!tools->faqProposalsDialog());
        const QString after = window.document()->text(file);
        QVERIFY2(
            after.endsWith(
                u"  faq kywttrdbm: 可以委托他人代办吗？\n    answer: 可以，受托人带身份证和委托书。\n"_s),
            qPrintable(after.right(200)));
        QCOMPARE(window.undoStack()->count(), undoBefore + 1);
        QCOMPARE(tools->heldLocks(), QStringList {u"M1"_s});
        window.undoStack()->undo();
        QCOMPARE(window.document()->text(file), before);
        window.undoStack()->redo();
        QCOMPARE(window.document()->text(file), after);
        window.undoStack()->undo();
    }

    void idsStayUnique()
    {
        QList<catalogue::TextNode> siblings(1);
        siblings[0].id = u"kywttrdbm"_s;
        QCOMPARE(authoring::FaqEntry::idFor(u"可以委托他人代办吗？"_s, siblings), u"kywttrdbm-2"_s);
        QCOMPARE(authoring::FaqEntry::idFor(u"？？"_s, {}), u"faq"_s);
        const QStringList block = authoring::FaqEntry::block(u"问\n题"_s, u"第一行\n第二行"_s, {});
        QCOMPARE(block.at(1), u"  answer: 第一行 第二行"_s);
    }
};

int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestEditorFaqProposals>(argc, argv);
}

#include "tst_editorFaqProposals.moc"
