// The next catalogue version fetched ahead (docs/sync-protocol.md, "Catalogues"): the real server
// announces a version published for a later day in `next` of GET /catalogues/current; the workstation
// downloads and checks it at once, keeps using the current one, and uses the next one from its
// effective day by its own clock in the hall's time zone — with the server gone, and at Shanghai's
// midnight, not UTC's. The sync worker says so on its first round of that day, offline too.

#include "../editor/EditorTestSupport.h"
#include "SyncTestSupport.h"
#include "catalogue/CatalogueLoader.h"
#include "core/ManualClock.h"
#include "sync/CatalogueUpdater.h"
#include "sync/SyncWorker.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace ow;
using namespace ow::sync;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kDemo = QStringLiteral(OW_DEMO_CATALOGUE);
const QString kNextVersion = u"2026.12.9"_s;

/// A copy of the demo catalogue under another version.
bool writeNextVersion(const QString &target)
{
    if (!ow::test::copyFolder(kDemo, target))
        return false;
    QFile file(target + u"/catalogue.txt"_s);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QString text = QString::fromUtf8(file.readAll());
    file.close();
    const qsizetype at = text.indexOf(u"version:"_s);
    const qsizetype end = text.indexOf(u'\n', at);
    if (at < 0 || end < 0)
        return false;
    text.replace(at, end - at, u"version: "_s + kNextVersion);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) > 0;
}

} // namespace

class TestCataloguePrefetch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(path(u"server"_s));
        QVERIFY(m_server->start());
    }

    void theNextVersionIsFetchedAheadAndUsedFromItsDay()
    {
        const QString key = m_server->publisherKey(u"catalogue-office"_s);
        QVERIFY(writeNextVersion(path(u"next"_s)));
        QString output;
        for (const QString &folder : {kDemo, path(u"next"_s)})
            QCOMPARE(runCli({u"catalogue"_s, u"publish"_s, folder, u"--server"_s, m_server->url(), u"--key"_s,
                                key},
                         &output),
                0);
        const QString current = catalogue::CatalogueLoader::loadOrError(kDemo).value()->version;
        // The demo version current again today, the next one from a later day (立改废释: 改).
        const QTimeZone shanghai("Asia/Shanghai");
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(shanghai).date();
        const QDate effective = today.addDays(3);
        SyncClient publisher {QUrl(m_server->url()), key};
        const auto publish = [&](const QString &version, const QString &reason, const QDate &day) {
            return publisher.call("POST", u"/catalogues/publications"_s, {},
                QJsonDocument(QJsonObject {{u"version"_s, version}, {u"reason"_s, reason},
                                  {u"effective"_s, day.toString(Qt::ISODate)}})
                    .toJson(QJsonDocument::Compact));
        };
        VERIFY_OK(publish(current, u"释"_s, today));
        VERIFY_OK(publish(kNextVersion, u"改"_s, effective));

        auto store = enrolled(*m_server, path(u"a"_s), u"W07"_s);
        auto client = clientFor(*store);
        const ManualClock clock(QDateTime(today, QTime(10, 0), shanghai).toUTC());
        CatalogueUpdater updater(*client, path(u"a"_s), clock.clock());
        const Result<QString> inUse = updater.update();
        VERIFY_OK(inUse);
        const QString root = CatalogueUpdater::cataloguesDirectory(path(u"a"_s));
        QCOMPARE(*inUse, QDir(root).filePath(current));
        // Fetched and checked now, not used yet.
        const auto scheduled = CatalogueUpdater::scheduled(path(u"a"_s));
        QVERIFY(scheduled);
        QCOMPARE(scheduled->version, kNextVersion);
        QCOMPARE(scheduled->effective, effective);
        QCOMPARE(scheduled->zone.id(), QByteArray("Asia/Shanghai"));
        const QString next = QDir(root).filePath(kNextVersion);
        QCOMPARE(catalogue::CatalogueLoader::loadOrError(next).value()->version, kNextVersion);
        QCOMPARE(CatalogueUpdater::latestLocalCatalogue(path(u"a"_s), clock.clock()), *inUse);

        // The server is gone; the day comes by the workstation's clock.
        m_server->kill();
        SyncWorker worker(path(u"a"_s), clock.clock());
        QSignalSpy switched(&worker, &SyncWorker::catalogueInstalled);
        clock.set(QDateTime(effective.addDays(-1), QTime(23, 59), shanghai).toUTC());
        worker.start();
        QTRY_VERIFY(worker.backoff() > 0); // the first round failed: offline
        QCOMPARE(CatalogueUpdater::latestLocalCatalogue(path(u"a"_s), clock.clock()), *inUse);
        QCOMPARE(switched.size(), 0);
        // Half past midnight in Shanghai is still the day before in UTC: the hall's day counts.
        clock.advance(31 * 60 * 1000);
        const QDateTime halfPastMidnight = QDateTime(effective, QTime(0, 30), shanghai).toUTC();
        QCOMPARE(clock.now(), halfPastMidnight);
        QCOMPARE(halfPastMidnight.date(), effective.addDays(-1));
        QCOMPARE(CatalogueUpdater::latestLocalCatalogue(path(u"a"_s), clock.clock()), next);
        QTRY_COMPARE(switched.size(), 1);
        QCOMPARE(switched.at(0).at(0).toString(), next);
        worker.stop();
    }
};

QTEST_GUILESS_MAIN(TestCataloguePrefetch)
#include "tst_cataloguePrefetch.moc"
