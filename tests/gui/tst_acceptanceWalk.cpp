// The acceptance walk (模拟受理) on the submitted version, against the real onewindow-server: a
// version changing the hotel permit's floor plan to two copies is submitted and graded 高; the
// counter lists its changed situations, downloads the submission's package (checked, unpacked apart
// from the catalogues in use), walks the situation in the counter's own interview and checklist on
// that version, and records it with the answers walked. The catalogue in use is left as it was. The
// screenshot of the walk is taken in Chinese at 1366×768.

#include "../editor/EditorTestSupport.h"
#include "../unit/SyncTestSupport.h"
#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "catalogue/CatalogueLoader.h"
#include "sync/AcceptanceWalks.h"
#include "sync/CataloguePackage.h"
#include "sync/CatalogueUpdater.h"
#include "ui/AcceptanceWalkInterview.h"
#include "ui/AcceptanceWalksDialog.h"
#include "ui/InterviewPage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPushButton>
#include <QScopeGuard>
#include <QTimeZone>
#include <QTreeWidget>

using namespace ow;
using namespace ow::sync;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kDemo = QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo");
const QString kSubmittedVersion = u"2026.12.9"_s;
const QString kWalked = u"situation:330302-GA-001/premises=rented;agent=self"_s;

/// Replaces `from` by `to` once in a file of the folder.
bool edit(const QString &file, const QString &from, const QString &to)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    QString text = QString::fromUtf8(in.readAll());
    in.close();
    if (!text.contains(from))
        return false;
    text.replace(text.indexOf(from), from.size(), to);
    QFile out(file);
    return out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(text.toUtf8()) > 0;
}

QPushButton *button(QWidget &parent, const QString &text)
{
    for (QPushButton *b : parent.findChildren<QPushButton *>())
        if (b->text().remove(u'&') == text)
            return b;
    return nullptr;
}

} // namespace

class TestAcceptanceWalk : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QString m_publisher;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(path(u"server"_s));
        QVERIFY(m_server->start());
        m_publisher = m_server->publisherKey(u"catalogue-office"_s);
        QString output;
        QCOMPARE(runCli({u"catalogue"_s, u"publish"_s, kDemo, u"--server"_s, m_server->url(), u"--key"_s,
                            m_publisher},
                     &output),
            0);
    }

    void theWalkRunsOnTheSubmittedVersion()
    {
        // The editor's version: the hotel permit's floor plan in two copies.
        const QString folder = path(u"submitted"_s);
        QVERIFY(ow::test::copyFolder(kDemo, folder));
        const auto demo = catalogue::CatalogueLoader::loadOrError(kDemo);
        QVERIFY(demo);
        QVERIFY(edit(folder + u"/catalogue.txt"_s, u"version: "_s + (*demo)->version,
            u"version: "_s + kSubmittedVersion));
        QVERIFY(edit(folder + u"/matters/330302-GA-001.txt"_s, u"  require floor-plan\n"_s,
            u"  require floor-plan\n    copies: 2\n"_s));
        auto package = CataloguePackage::fromDirectory(folder, (*demo)->id, kSubmittedVersion);
        QVERIFY(package);
        QJsonObject body = package->toJson();
        body.insert(u"reason"_s, u"改"_s);
        body.insert(u"note"_s, u"旅馆平面图改为两份"_s);
        body.insert(u"editor"_s, u"张编辑"_s);
        SyncClient publisher {QUrl(m_server->url()), m_publisher};
        const auto submitted = publisher.call(
            "POST", u"/catalogues/submissions"_s, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
        VERIFY_OK(submitted);
        const qint64 id = submitted->value(u"id"_s).toInteger();
        QStringList items;
        for (const QJsonValue &item : submitted->value(u"items"_s).toArray())
            items.append(item.toObject().value(u"item"_s).toString());
        QVERIFY2(items.contains(kWalked), qPrintable(items.join(u' ')));
        const auto graded = publisher.call("POST", u"/catalogues/submissions/%1/reviews"_s.arg(id), {},
            QJsonDocument(QJsonObject {{u"items"_s, QJsonArray::fromStringList(items)}, {u"grade"_s, u"高"_s},
                              {u"reviewer"_s, u"李评审"_s}})
                .toJson(QJsonDocument::Compact));
        VERIFY_OK(graded);
        QCOMPARE(graded->value(u"state"_s).toString(), u"reviewed"_s);

        // The counter.
        auto store = enrolled(*m_server, path(u"counter"_s), u"W07"_s);
        auto client = clientFor(*store);
        SubmittedCatalogues versions;
        ui::AcceptanceWalksDialog dialog([&] { return AcceptanceWalks::pending(*client); },
            [&](const PendingWalk &walk) { return versions.open(*client, walk); },
            [&](const PendingWalk &walk, const QString &objection, const QString &answers) {
                return AcceptanceWalks::record(*client, walk, u"1001"_s, objection, answers);
            });
        auto *list = dialog.findChild<QTreeWidget *>();
        QVERIFY(list->topLevelItemCount() >= 4);
        const QList<PendingWalk> pending = AcceptanceWalks::pending(*client).value();
        int row = -1;
        for (int i = 0; i < pending.size(); ++i)
            if (pending.at(i).item == kWalked)
                row = i;
        QVERIFY(row >= 0);
        list->setCurrentItem(list->topLevelItem(row));
        dialog.show();

        bool walked = false;
        connect(&dialog, &ui::AcceptanceWalksDialog::walkOpened, this, [&](QDialog *shown) {
            auto *interview = qobject_cast<ui::AcceptanceWalkInterview *>(shown);
            QVERIFY(interview);
            // A failed check leaves the walk, so the test ends instead of waiting on the dialog.
            const auto leave = qScopeGuard([interview] {
                if (interview->isVisible())
                    interview->reject();
            });
            const intake::InterviewSession *session = interview->interviewPage()->session();
            QVERIFY(session);
            // The submitted version, not the one in use: two copies of the floor plan.
            QCOMPARE(session->engine().catalogue().version, kSubmittedVersion);
            const auto line
                = std::find_if(session->checklist().lines.cbegin(), session->checklist().lines.cend(),
                    [](const catalogue::ChecklistLine &l) { return l.materialId == u"floor-plan"_s; });
            QVERIFY(line != session->checklist().lines.cend());
            QCOMPARE(line->copies, 2);
            QVERIFY(!session->engine().catalogue().rootDir.startsWith(path(u"counter"_s)));
            QVERIFY(QTest::qWaitForWindowExposed(interview));
            QVERIFY(interview->width() <= 1366 && interview->height() <= 768);
            ow::test::saveScreenshot(*interview, u"zh-acceptance-walk-interview.png"_s);
            QTest::mouseClick(
                button(*interview, ui::AcceptanceWalkInterview::tr("&Walked, no objection").remove(u'&')),
                Qt::LeftButton);
            walked = true;
        });
        dialog.walkSelected();
        QVERIFY(walked);

        // Recorded for this counter, with the answers walked; not offered here again.
        const auto status = publisher.call("GET", u"/catalogues/submissions/%1"_s.arg(id));
        VERIFY_OK(status);
        const QJsonArray walks = status->value(u"walks"_s).toArray();
        QCOMPARE(walks.size(), 1);
        const QJsonObject recorded = walks.at(0).toObject();
        QVERIFY(recorded.value(u"item"_s).toString().endsWith(u"330302-GA-001/premises=rented;agent=self"_s));
        QCOMPARE(recorded.value(u"clerk"_s).toString(), u"1001"_s);
        QCOMPARE(recorded.value(u"answers"_s).toString(), u"premises=rented;agent=self"_s);
        const QList<PendingWalk> after = AcceptanceWalks::pending(*client).value();
        QVERIFY(std::none_of(
            after.cbegin(), after.cend(), [](const PendingWalk &w) { return w.item == kWalked; }));
        // The catalogue in use is not touched: nothing of the submitted version under the data folder.
        QVERIFY(!QDir(CatalogueUpdater::cataloguesDirectory(path(u"counter"_s))).exists(kSubmittedVersion));
    }
};

int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestAcceptanceWalk>(argc, argv);
}
#include "tst_acceptanceWalk.moc"
