// onewindow-cli's side of the catalogue's review and acceptance against the real onewindow-server:
// editing locks, a submission linted and split into items, a 中 without a comment refused, the
// rest graded 高, the changed situations walked at three counters with their workstation tokens,
// the two departments' sign-offs, publishing the submission (refused before it is accepted), a
// rollback and the list of publications.

#include "SyncTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kBase = QStringLiteral(OW_ENGINE_CATALOGUES "/basic");
const QString kChanged = QStringLiteral(OW_ENGINE_CATALOGUES "/changed");

} // namespace

class TestCatalogueReviewCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;

    /// Workstation tokens of three counters, enrolled straight in the server's database.
    QStringList counterTokens()
    {
        auto db = server::ServerSchema::open(m_server->databaseSpec());
        if (!db)
            qFatal("cannot open the server database");
        server::CredentialStore store(**db, Clock());
        QStringList tokens;
        for (const QString &counter : {u"W01"_s, u"W02"_s, u"W03"_s}) {
            const QString code = store.issueEnrolCode(u"33030201"_s, counter)->secret;
            tokens.append((*store.enrol(code, u"pc-"_s + counter))->second);
        }
        return tokens;
    }

    int cli(const QStringList &arguments, const QString &key, QString *output)
    {
        return runCli(arguments + QStringList {u"--server"_s, m_server->url(), u"--key"_s, key}, output);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server"_s));
        QVERIFY(m_server->start());
    }

    void reviewWalkSignOffPublishAndRollBack()
    {
        const QString publisher = m_server->publisherKey(u"目录办"_s);
        const QString health = m_server->departmentKey(u"health"_s);
        const QString market = m_server->departmentKey(u"market"_s);
        QString out;
        QCOMPARE(cli({u"catalogue"_s, u"publish"_s, kBase}, publisher, &out), 0);

        QCOMPARE(cli({u"catalogue"_s, u"lock"_s, u"M2"_s, u"--editor"_s, u"王编辑"_s}, publisher, &out), 0);
        QVERIFY2(out.contains(u"locked for 王编辑"_s), qPrintable(out));
        QCOMPARE(cli({u"catalogue"_s, u"lock"_s, u"M2"_s, u"--editor"_s, u"张编辑"_s}, publisher, &out), 1);
        QVERIFY2(out.contains(u"being edited by 王编辑"_s), qPrintable(out));
        QCOMPARE(cli({u"catalogue"_s, u"lock"_s, u"M2"_s, u"--editor"_s, u"王编辑"_s, u"--release"_s},
                     publisher, &out),
            0);

        QCOMPARE(cli({u"catalogue"_s, u"submit"_s, kChanged, u"--reason"_s, u"变"_s}, publisher, &out), 1);
        QVERIFY2(out.contains(u"立, 改, 废 and 释"_s), qPrintable(out));
        QCOMPARE(cli({u"catalogue"_s, u"submit"_s, kChanged, u"--reason"_s, u"改"_s, u"--editor"_s,
                         u"张编辑"_s, u"--note"_s, u"消防合格证两份"_s},
                     publisher, &out),
            0);
        QVERIFY2(out.contains(u"as submission 1: 8 review item"_s) && out.contains(u", 6 situation"_s),
            qPrintable(out));

        QCOMPARE(cli({u"catalogue"_s, u"review"_s, u"1"_s, u"--item"_s, u"matter:M2"_s, u"--grade"_s, u"中"_s,
                         u"--reviewer"_s, u"李评审"_s},
                     publisher, &out),
            1);
        QVERIFY2(out.contains(u"needs a comment"_s), qPrintable(out));
        QCOMPARE(cli({u"catalogue"_s, u"review"_s, u"1"_s, u"--rest"_s, u"--grade"_s, u"高"_s,
                         u"--reviewer"_s, u"李评审"_s},
                     publisher, &out),
            0);
        QVERIFY2(out.contains(u"reviewed"_s), qPrintable(out));
        QCOMPARE(cli({u"catalogue"_s, u"publish"_s, u"--submission"_s, u"1"_s}, publisher, &out), 1);

        const QStringList tokens = counterTokens();
        for (const QString &token : tokens) {
            QCOMPARE(cli({u"catalogue"_s, u"pending-walks"_s, u"--json"_s}, token, &out), 0);
            const QJsonArray walks
                = QJsonDocument::fromJson(out.toUtf8()).object().value(u"walks"_s).toArray();
            QCOMPARE(walks.size(), 6);
            for (const QJsonValue &walk : walks)
                QCOMPARE(cli({u"catalogue"_s, u"accept-walk"_s, u"1"_s, u"--situation"_s,
                                 walk.toObject().value(u"item"_s).toString(), u"--clerk"_s, u"1001"_s},
                             token, &out),
                    0);
        }
        QVERIFY2(out.contains(u"walked"_s), qPrintable(out));
        QCOMPARE(cli({u"catalogue"_s, u"sign-off"_s, u"1"_s, u"--signer"_s, u"卫健后台"_s}, health, &out), 0);
        QCOMPARE(cli({u"catalogue"_s, u"sign-off"_s, u"1"_s, u"--signer"_s, u"市监后台"_s}, market, &out), 0);
        QVERIFY2(out.contains(u"accepted"_s), qPrintable(out));
        QCOMPARE(cli({u"catalogue"_s, u"publish"_s, u"--submission"_s, u"1"_s}, publisher, &out), 0);
        QVERIFY2(out.contains(u"Published version 1.1"_s), qPrintable(out));

        QCOMPARE(
            cli({u"catalogue"_s, u"rollback"_s, u"1.0"_s, u"--reason"_s, u"释"_s, u"--note"_s, u"暂回旧版"_s},
                publisher, &out),
            0);
        QVERIFY2(out.contains(u"Version 1.0 is current again"_s), qPrintable(out));
        QCOMPARE(cli({u"catalogue"_s, u"publications"_s}, publisher, &out), 0);
        QCOMPARE(out.count(u'\n'), 3);
        QVERIFY2(out.contains(u"(rollback)"_s), qPrintable(out));
        QCOMPARE(cli({u"catalogue"_s, u"submission"_s}, publisher, &out), 0);
        QVERIFY2(out.contains(u"1.1\tpublished\t改"_s), qPrintable(out));
    }

    void aWholeCatalogueIsGradedInSeveralRequests()
    {
        // Every matter, material and situation of the demo catalogue is an item against the test
        // catalogue: far more item ids than one small request holds.
        const QString publisher = m_server->publisherKey(u"目录办"_s);
        QString out;
        QCOMPARE(cli({u"catalogue"_s, u"submit"_s, QStringLiteral(OW_DEMO_CATALOGUE), u"--reason"_s, u"立"_s,
                         u"--editor"_s, u"张编辑"_s, u"--json"_s},
                     publisher, &out),
            0);
        const QJsonObject submitted = QJsonDocument::fromJson(out.toUtf8()).object();
        QVERIFY2(submitted.value(u"items"_s).toArray().size() > 500, qPrintable(out.left(2000)));
        const QString id = QString::number(submitted.value(u"id"_s).toInteger());
        QCOMPARE(cli({u"catalogue"_s, u"review"_s, id, u"--rest"_s, u"--grade"_s, u"高"_s, u"--reviewer"_s,
                         u"李评审"_s, u"--json"_s},
                     publisher, &out),
            0);
        QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).object().value(u"state"_s).toString(), u"reviewed"_s);
    }
};

QTEST_GUILESS_MAIN(TestCatalogueReviewCommand)
#include "tst_catalogueReviewCommand.moc"
