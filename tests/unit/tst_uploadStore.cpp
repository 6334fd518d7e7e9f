// Scan uploads on the server without HTTP, and the counter's sync against the server in this
// process: a chunk goes to the partial file as it arrives (never held whole), a chunk cut off
// mid-way leaves only the acknowledged bytes and the upload resumes there with the right SHA-256, a
// second connection cannot write into an upload being received, unfinished uploads expire on the
// server's Clock (logged), and a counter whose upload expired sends the scan again from the start.

#include "CaseTestSupport.h"
#include "core/ManualClock.h"
#include "core/Sha256.h"
#include "server/Api.h"
#include "server/CredentialStore.h"
#include "server/HttpFrontend.h"
#include "server/RequestLog.h"
#include "server/ServerSchema.h"
#include "server/UploadStore.h"
#include "server/UploadSweeper.h"
#include "sync/SyncClient.h"
#include "sync/SyncProtocol.h"
#include "sync/SyncRound.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace ow;
using namespace ow::server;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

QByteArray scanBytes(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char((i * 131 + i / 977) & 0xff);
    return bytes;
}

} // namespace

class TestUploadStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void chunkGoesToTheFileAsItArrives();
    void chunkCutMidWayResumesAtTheAcknowledgedOffset();
    void secondConnectionCannotWriteIntoAnUploadBeingReceived();
    void chunkPastTheEndIsRefused();
    void unfinishedUploadExpires();
    void sweeperRunsOnTheClockAndLogs();
    void counterRestartsAnExpiredUpload();

private:
    UploadStore store() const
    {
        return UploadStore(*m_db, m_dir->filePath(u"attachments"_s), m_clock.clock());
    }
    QString partialFileOf(const QString &sha256) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    ManualClock m_clock {QDateTime::currentDateTimeUtc()};
    const UploadStore::Uploader m_w7 {u"credential-w7"_s, u"33030201"_s};
};

void TestUploadStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Result<std::unique_ptr<storage::Database>> db
        = ServerSchema::open(u"sqlite:"_s + m_dir->filePath(u"server.db"_s));
    QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().toString()));
    m_db = std::move(*db);
    QVERIFY(ServerSchema::migrate(*m_db).has_value());
}

void TestUploadStore::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

QString TestUploadStore::partialFileOf(const QString &sha256) const
{
    QDirIterator files(m_dir->filePath(u"attachments/partial"_s), {sha256 + u".part"_s}, QDir::Files,
        QDirIterator::Subdirectories);
    return files.hasNext() ? files.next() : QString();
}

void TestUploadStore::chunkGoesToTheFileAsItArrives()
{
    UploadStore uploads = store();
    const QByteArray scan = scanBytes(3 * kMiB);
    const QString sha = Sha256::hex(scan);
    std::unique_ptr<UploadSink> sink;
    Result<UploadStore::Outcome> begun = uploads.begin(sha, m_w7, 0, scan.size(), -1, &sink);
    QVERIFY(begun.has_value());
    QCOMPARE(begun->refusal, UploadStore::Refusal::None);
    QVERIFY(sink);
    // The sink is the partial file itself: each piece is in the file before the chunk ends, so
    // nothing in between holds the chunk whole.
    QCOMPARE(sink->device().fileName(), partialFileOf(sha));
    for (qint64 at = 0; at < kMiB; at += qint64(64 * 1024)) {
        QVERIFY(sink->write(QByteArrayView(scan).sliced(at, qint64(64 * 1024))));
        QCOMPARE(sink->written(), at + qint64(64 * 1024));
        QVERIFY(const_cast<QFileDevice &>(sink->device()).flush());
        QCOMPARE(QFileInfo(partialFileOf(sha)).size(), at + qint64(64 * 1024));
    }
    // Not acknowledged yet: the server still holds nothing of it.
    QCOMPARE(uploads.progress(sha, m_w7)->received, qint64(0));
    Result<UploadStore::Outcome> finished = uploads.finish(std::move(sink));
    QVERIFY(finished.has_value());
    QCOMPARE(finished->progress.received, kMiB);
    QCOMPARE(uploads.progress(sha, m_w7)->received, kMiB);
}

void TestUploadStore::chunkCutMidWayResumesAtTheAcknowledgedOffset()
{
    UploadStore uploads = store();
    const QByteArray scan = scanBytes(3 * kMiB + 17);
    const QString sha = Sha256::hex(scan);
    QCOMPARE(uploads.append(sha, m_w7, 0, scan.size(), scan.first(kMiB))->progress.received, kMiB);
    {
        // The second chunk stops half-way (the connection was cut): its bytes do not count.
        std::unique_ptr<UploadSink> sink;
        QVERIFY(uploads.begin(sha, m_w7, kMiB, scan.size(), kMiB, &sink).has_value());
        QVERIFY(sink);
        QVERIFY(sink->write(QByteArrayView(scan).sliced(kMiB, qint64(300 * 1000))));
    }
    QCOMPARE(QFileInfo(partialFileOf(sha)).size(), kMiB);
    QCOMPARE(uploads.progress(sha, m_w7)->received, kMiB);
    // A crash leaves the file longer than what was acknowledged: still only the recorded bytes count,
    // and the next chunk writes over the rest.
    {
        QFile partial(partialFileOf(sha));
        QVERIFY(partial.open(QIODevice::Append));
        partial.write("garbage the server never acknowledged");
    }
    QCOMPARE(uploads.progress(sha, m_w7)->received, kMiB);
    Result<UploadStore::Outcome> wrongOffset = uploads.append(
        sha, m_w7, kMiB + qint64(300 * 1000), scan.size(), scan.mid(kMiB + qint64(300 * 1000)));
    QCOMPARE(wrongOffset->refusal, UploadStore::Refusal::OffsetMismatch);
    QCOMPARE(wrongOffset->progress.received, kMiB);
    Result<UploadStore::Outcome> rest = uploads.append(sha, m_w7, kMiB, scan.size(), scan.mid(kMiB));
    QVERIFY2(rest.has_value(), rest ? "" : qPrintable(rest.error().toString()));
    QCOMPARE(rest->refusal, UploadStore::Refusal::None);
    QVERIFY(rest->progress.complete);
    const std::optional<QString> stored = uploads.completeFile(sha);
    QVERIFY(stored);
    QFile file(*stored);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(Sha256::hexOf(file), sha);
    QVERIFY(partialFileOf(sha).isEmpty());
}

void TestUploadStore::secondConnectionCannotWriteIntoAnUploadBeingReceived()
{
    UploadStore uploads = store();
    const QByteArray scan = scanBytes(2 * kMiB);
    const QString sha = Sha256::hex(scan);
    std::unique_ptr<UploadSink> first;
    QVERIFY(uploads.begin(sha, m_w7, 0, scan.size(), kMiB, &first).has_value());
    QVERIFY(first);
    QVERIFY(first->write(scan.first(1000)));
    std::unique_ptr<UploadSink> second;
    Result<UploadStore::Outcome> refused = uploads.begin(sha, m_w7, 0, scan.size(), kMiB, &second);
    QVERIFY(refused.has_value());
    QCOMPARE(refused->refusal, UploadStore::Refusal::Busy);
    QVERIFY(!second);
    // Neither does the sweep remove it, however old its record.
    QVERIFY(first->write(QByteArrayView(scan).sliced(1000, kMiB - 1000)));
    QVERIFY(uploads.finish(std::move(first)).has_value());
    QVERIFY(uploads.begin(sha, m_w7, kMiB, scan.size(), kMiB, &first).has_value());
    m_clock.advance(8LL * 24 * 3600 * 1000);
    QVERIFY(uploads.sweep()->isEmpty());
    first.reset();
    QCOMPARE(uploads.sweep()->size(), 1);
}

void TestUploadStore::chunkPastTheEndIsRefused()
{
    UploadStore uploads = store();
    const QByteArray scan = scanBytes(100000);
    const QString sha = Sha256::hex(scan);
    // Declared too long: refused before any byte is read.
    std::unique_ptr<UploadSink> sink;
    QCOMPARE(uploads.begin(sha, m_w7, 0, scan.size(), scan.size() + 1, &sink)->refusal,
        UploadStore::Refusal::Invalid);
    QVERIFY(!sink);
    // Of unknown length (chunked): refused at the first byte past the end, and nothing is kept.
    QVERIFY(uploads.begin(sha, m_w7, 0, scan.size(), -1, &sink).has_value());
    QVERIFY(sink->write(scan));
    QVERIFY(!sink->write("x"));
    QVERIFY(sink->overflow());
    sink.reset();
    QCOMPARE(uploads.progress(sha, m_w7)->received, qint64(0));
    QCOMPARE(QFileInfo(partialFileOf(sha)).size(), qint64(0));
}

void TestUploadStore::unfinishedUploadExpires()
{
    UploadStore uploads = store();
    const QByteArray scan = scanBytes(2 * kMiB);
    const QString sha = Sha256::hex(scan);
    QVERIFY(uploads.append(sha, m_w7, 0, scan.size(), scan.first(kMiB)).has_value());
    m_clock.advance(6LL * 24 * 3600 * 1000);
    QVERIFY(uploads.sweep()->isEmpty());
    QCOMPARE(uploads.progress(sha, m_w7)->received, kMiB);
    m_clock.advance(2LL * 24 * 3600 * 1000);
    Result<QList<UploadStore::Expired>> removed = uploads.sweep();
    QVERIFY(removed.has_value());
    QCOMPARE(removed->size(), 1);
    QCOMPARE(removed->constFirst().uploader, m_w7.id);
    QCOMPARE(removed->constFirst().sha256, sha);
    QCOMPARE(removed->constFirst().received, kMiB);
    QVERIFY(partialFileOf(sha).isEmpty());
    QCOMPARE(uploads.progress(sha, m_w7)->received, qint64(0));
    // Resuming it is answered clearly, with where to start again.
    Result<UploadStore::Outcome> resumed = uploads.append(sha, m_w7, kMiB, scan.size(), scan.mid(kMiB));
    QCOMPARE(resumed->refusal, UploadStore::Refusal::OffsetMismatch);
    QCOMPARE(resumed->progress.received, 0);
    QVERIFY2(resumed->message.contains(u"removed after 7 day"_s), qPrintable(resumed->message));
    QVERIFY(
        uploads.append(sha, m_w7, 0, scan.size(), scan.first(kMiB))->refusal == UploadStore::Refusal::None);
    QVERIFY(uploads.append(sha, m_w7, kMiB, scan.size(), scan.mid(kMiB))->progress.complete);
    // A partial file without a record (its first chunk never acknowledged) goes too, once as old.
    const QString orphan = m_dir->filePath(u"attachments/partial/0123/"_s) + QString(64, u'e') + u".part"_s;
    QVERIFY(QDir().mkpath(QFileInfo(orphan).absolutePath()));
    QFile file(orphan);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("half a chunk");
    QVERIFY(file.flush());
    QVERIFY(file.setFileTime(m_clock.now(), QFileDevice::FileModificationTime));
    file.close();
    QVERIFY(uploads.sweep()->isEmpty());
    m_clock.advance(8LL * 24 * 3600 * 1000);
    QCOMPARE(uploads.sweep()->size(), 1);
    QVERIFY(!QFileInfo::exists(orphan));
}

void TestUploadStore::sweeperRunsOnTheClockAndLogs()
{
    QTemporaryFile logFile;
    QVERIFY(logFile.open());
    RequestLog log(logFile.handle());
    Api::Options options;
    options.dataDirectory = m_dir->path();
    options.uploadExpiryDays = 3;
    Api api(*m_db, options, m_clock.clock());
    UploadStore uploads = store();
    const QByteArray scan = scanBytes(2 * kMiB);
    const QString sha = Sha256::hex(scan);
    QVERIFY(uploads.append(sha, m_w7, 0, scan.size(), scan.first(kMiB)).has_value());

    UploadSweeper sweeper(api, log, m_clock.clock());
    QSignalSpy swept(&sweeper, &UploadSweeper::swept);
    sweeper.start(3600 * 1000);
    QTRY_COMPARE(swept.size(), 1);
    QCOMPARE(swept.at(0).at(0).toInt(), 0);
    m_clock.advance(3LL * 24 * 3600 * 1000 + 1);
    QTRY_COMPARE(swept.size(), 2);
    QCOMPARE(swept.at(1).at(0).toInt(), 1);
    QVERIFY(partialFileOf(sha).isEmpty());
    QVERIFY(log.flush(5000));
    QFile written(logFile.fileName());
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray lines = written.readAll();
    QVERIFY2(lines.contains("\"event\":\"upload-expired\""), lines.constData());
    QVERIFY(lines.contains(sha.toLatin1()));
    QVERIFY(lines.contains("\"credential\":\"credential-w7\""));
}

void TestUploadStore::counterRestartsAnExpiredUpload()
{
    // The server in this process, on the test's clock.
    QTemporaryFile logFile;
    QVERIFY(logFile.open());
    RequestLog log(logFile.handle());
    Api::Options options;
    options.dataDirectory = m_dir->path();
    Api api(*m_db, options, m_clock.clock());
    HttpFrontend http(api, log, HttpLimits(), m_clock.clock());
    Result<quint16> port = http.listen(QHostAddress::LocalHost, 0, std::nullopt);
    QVERIFY(port.has_value());
    CredentialStore credentials(*m_db, m_clock.clock());
    Result<IssuedSecret> code = credentials.issueEnrolCode(u"33030201"_s, u"W07"_s);
    QVERIFY(code.has_value());
    auto enrolled = credentials.enrol(code->secret, u"pc"_s);
    QVERIFY(enrolled && *enrolled);
    const QString token = (*enrolled)->second;

    // The counter: a scan of three chunks in its attachment store.
    QTemporaryDir counter;
    auto store = cases::CaseStore::open(counter.path(), cases::testing::workstation());
    QVERIFY(store.has_value());
    const QByteArray scan = scanBytes(3 * kMiB - 5);
    Result<QString> sha = (*store)->attachments().put(scan);
    QVERIFY2(sha.has_value(), sha ? "" : qPrintable(sha.error().toString()));

    sync::SyncClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(*port)), token);
    QVERIFY(client.uploadChunk(*sha, 0, scan.size(), scan.first(kMiB)).has_value());
    m_clock.advance(8LL * 24 * 3600 * 1000);
    QCOMPARE(api.sweepUploads()->size(), 1);

    // Resuming where it left off is answered with where to start again — not an error.
    Result<sync::UploadStatus> resumed = client.uploadChunk(*sha, kMiB, scan.size(), scan.mid(kMiB, kMiB));
    QVERIFY2(resumed.has_value(), resumed ? "" : qPrintable(resumed.error().toString()));
    QCOMPARE(resumed->received, qint64(0));
    QVERIFY(!resumed->complete);
    // And the round's upload sends the scan again from the start, to the end.
    sync::SyncRound round(**store, client);
    sync::RoundReport report;
    Result<void> sent = round.upload(*sha, report);
    QVERIFY2(sent.has_value(), sent ? "" : qPrintable(sent.error().toString()));
    QCOMPARE(report.attachmentsUploaded, 1);
    QFile onServer(m_dir->filePath(u"attachments/"_s) + sha->left(2) + u'/' + *sha);
    QVERIFY(onServer.open(QIODevice::ReadOnly));
    QCOMPARE(Sha256::hexOf(onServer), *sha);
}

QTEST_GUILESS_MAIN(TestUploadStore)
#include "tst_uploadStore.moc"
