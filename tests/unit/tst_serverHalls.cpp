// onewindow-server end to end, between halls and clocks: scans readable only by the hall that
// uploaded them, unfinished uploads per uploader, QR tokens and event ids that one hall cannot take
// from another, impossible events refused one by one, the later edit kept whatever the counters'
// clocks say, and each counter's clock skew recorded. SQLite by default; PostgreSQL as
// tst_serverHalls_postgres under scripts/with-postgres.

#include "CaseTestSupport.h"
#include "ServerTestSupport.h"
#include "server/CounterClocks.h"
#include "server/CredentialStore.h"
#include "server/ServerSchema.h"
#include "sync/SyncProtocol.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::server;
using namespace ow::server::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kHallA = u"33030201"_s;
const QString kHallB = u"33030202"_s;

QString sha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QByteArray scanBytes(int size, int seed)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = char((i * 7919 + seed * 31) % 251);
    return data;
}

QString numberOf(const QString &hall, int counter, int serial)
{
    return CaseNumber::make(hall, QDate(2026, 3, 16), CaseNumber::sequenceFor(counter, serial))->toString();
}

QString idOf(const QJsonObject &entry)
{
    return entry.value(u"event"_s).toObject().value(u"id"_s).toString();
}

} // namespace

class TestServerHalls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void scanOfAnotherHallIsNotReadable();
    void unfinishedUploadBelongsToItsUploader();
    void qrTokenIsUniqueAcrossHalls();
    void eventIdCollisionIsRejected();
    void impossibleEventsAreRefusedOneByOne();
    void laterEditWinsWhateverTheClocks();
    void clockSkewIsRecordedPerCounter();

private:
    QString enrol(const QString &hall, int counter);
    Case snapshot(const QString &number, int counter = 7);
    HttpResult post(const QString &token, const QJsonArray &entries, const QDateTime &sent = {});
    HttpResult put(
        const QString &token, const QString &sha, qint64 offset, qint64 total, const QByteArray &chunk);
    HttpResult get(const QString &token, const QString &path);
    QString createCase(const QString &token, Case c, int counter = 7);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_database;
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
    QNetworkAccessManager m_manager;
};

void TestServerHalls::initTestCase()
{
    if (qEnvironmentVariable("OW_SERVER_TEST_BACKEND") == u"postgresql"_s
        && qEnvironmentVariableIsEmpty("OW_TEST_POSTGRES"))
        QSKIP("PostgreSQL tests need OW_TEST_POSTGRES; run them with scripts/with-postgres");
}

void TestServerHalls::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString postgres = qEnvironmentVariable("OW_SERVER_TEST_BACKEND") == u"postgresql"_s
        ? qEnvironmentVariable("OW_TEST_POSTGRES")
        : QString();
    m_database = postgres.isEmpty() ? u"sqlite:"_s + m_dir->filePath(u"server.db"_s) : postgres;
    if (!postgres.isEmpty()) {
        Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(m_database);
        QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().toString()));
        QVERIFY(
            (*db)->exec(u"DROP TABLE IF EXISTS "_s + ServerSchema::tables().join(u", "_s) + u" CASCADE"_s));
    }
    m_server = std::make_unique<ServerProcess>(QStringLiteral(OW_SERVER_PATH), m_dir->path(), m_database);
    QVERIFY2(m_server->start(), qPrintable(m_server->startError()));
}

void TestServerHalls::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

QString TestServerHalls::enrol(const QString &hall, int counter)
{
    Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(m_database);
    if (!db)
        return {};
    CredentialStore store(**db, Clock());
    const Result<IssuedSecret> code
        = store.issueEnrolCode(hall, u"W%1"_s.arg(counter, 2, 10, QLatin1Char('0')));
    if (!code)
        return {};
    const HttpResult enrolled = m_http.call("POST", m_server->url(u"/api/v1/enrol"_s),
        QJsonDocument(QJsonObject {{u"code"_s, code->secret}, {u"machine"_s, u"pc"_s}}).toJson());
    return enrolled.json().value(u"token"_s).toString();
}

Case TestServerHalls::snapshot(const QString &number, int counter)
{
    Case c = ow::cases::testing::draft();
    c.number = number;
    c.qrToken = QrToken::generate();
    c.hall = number.left(8);
    c.counter = u"W%1"_s.arg(counter, 2, 10, QLatin1Char('0'));
    c.firstHandler = u"clerk-042"_s;
    c.created = QDateTime::currentDateTimeUtc().addSecs(-60);
    c.updated = c.created;
    return c;
}

HttpResult TestServerHalls::post(const QString &token, const QJsonArray &entries, const QDateTime &sent)
{
    QNetworkRequest request(m_server->url(u"/api/v1/events"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    if (sent.isValid())
        request.setRawHeader(
            QByteArray(sync::protocol::kSentHeader.data(), sync::protocol::kSentHeader.size()),
            CaseJson::timeText(sent).toLatin1());
    QNetworkReply *reply = m_manager.post(request, batch(entries));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    reply->deleteLater();
    return result;
}

HttpResult TestServerHalls::put(
    const QString &token, const QString &sha, qint64 offset, qint64 total, const QByteArray &chunk)
{
    return m_http.call("PUT",
        m_server->url(u"/api/v1/attachments/%1/upload?offset=%2&total=%3"_s.arg(sha).arg(offset).arg(total)),
        chunk, token, "application/octet-stream");
}

HttpResult TestServerHalls::get(const QString &token, const QString &path)
{
    return m_http.call("GET", m_server->url(u"/api/v1"_s + path), {}, token);
}

QString TestServerHalls::createCase(const QString &token, Case c, int counter)
{
    Q_UNUSED(counter);
    const QJsonObject created = outboxEntry(
        &c, c.number, EventKind::Created, QDateTime::currentDateTimeUtc().addSecs(-30), CaseState::Draft);
    const HttpResult result = post(token, {created});
    const QJsonObject first = result.json().value(u"results"_s).toArray().first().toObject();
    return first.value(u"status"_s).toString() + u' ' + first.value(u"message"_s).toString();
}

void TestServerHalls::scanOfAnotherHallIsNotReadable()
{
    const QString a = enrol(kHallA, 7);
    const QString b = enrol(kHallB, 7);
    const QByteArray data = scanBytes(200 * 1024, 1);
    const QString hash = sha256(data);
    QCOMPARE(put(a, hash, 0, data.size(), data).json().value(u"complete"_s).toBool(), true);
    Case mine = snapshot(numberOf(kHallA, 7, 1));
    mine.attachments.append(
        CaseAttachment {hash, u"id-card"_s, u"scan.png"_s, u"image/png"_s, data.size(), {}});
    QVERIFY(createCase(a, mine).startsWith(u"stored"_s));
    QCOMPARE(get(a, u"/attachments/"_s + hash).body, data);

    // Hall B knows the hash (a leaked receipt, a log) and cites it in a case of its own.
    Case theirs = snapshot(numberOf(kHallB, 7, 1));
    theirs.departmentId = u"sc"_s;
    theirs.attachments = mine.attachments;
    QVERIFY(createCase(b, theirs).startsWith(u"stored"_s));
    QCOMPARE(get(b, u"/attachments/"_s + hash).status, 404);
    const QString sc = [&] {
        auto db = ServerSchema::open(m_database);
        return CredentialStore(**db, Clock()).issueDepartmentKey(u"sc"_s)->secret;
    }();
    QCOMPARE(get(sc, u"/attachments/"_s + hash).status, 404);
    // The progress answer does not tell B that the file exists.
    const HttpResult progress = get(b, u"/attachments/"_s + hash + u"/upload"_s);
    QCOMPARE(progress.status, 200);
    QCOMPARE(progress.json().value(u"complete"_s).toBool(), false);
    QCOMPARE(progress.json().value(u"received"_s).toInteger(), 0);
    // A chunk sent "as if complete" is an ordinary first chunk, not a way in.
    const HttpResult partial = put(b, hash, 0, data.size(), data.left(1000));
    QCOMPARE(partial.json().value(u"complete"_s).toBool(), false);
    QCOMPARE(get(b, u"/attachments/"_s + hash).status, 404);
    // Wrong bytes under the hash are refused; all of the right bytes prove B holds the scan.
    QCOMPARE(put(b, hash, 1000, data.size(), scanBytes(data.size() - 1000, 9)).status, 422);
    QCOMPARE(put(b, hash, 0, data.size(), data).json().value(u"complete"_s).toBool(), true);
    QCOMPARE(get(b, u"/attachments/"_s + hash).body, data);
    QCOMPARE(get(sc, u"/attachments/"_s + hash).body, data);
}

void TestServerHalls::unfinishedUploadBelongsToItsUploader()
{
    const QString w7 = enrol(kHallA, 7);
    const QString w8 = enrol(kHallA, 8);
    const QByteArray data = scanBytes(100 * 1024, 2);
    const QString hash = sha256(data);
    QCOMPARE(put(w7, hash, 0, data.size(), data.left(40000)).json().value(u"received"_s).toInteger(), 40000);
    // Another workstation sees nothing of it and cannot append to it.
    QCOMPARE(get(w8, u"/attachments/"_s + hash + u"/upload"_s).json().value(u"received"_s).toInteger(), 0);
    const HttpResult append = put(w8, hash, 40000, data.size(), data.mid(40000, 1000));
    QCOMPARE(append.status, 409);
    QCOMPARE(append.json().value(u"received"_s).toInteger(), 0);
    // The declared total is fixed by the first chunk.
    const HttpResult resized = put(w7, hash, 40000, data.size() + 1, data.mid(40000, 1000));
    QCOMPARE(resized.status, 422);
    QCOMPARE(resized.errorCode(), u"invalid"_s);
    const HttpResult rest = put(w7, hash, 40000, data.size(), data.mid(40000));
    QCOMPARE(rest.json().value(u"complete"_s).toBool(), true);
    // Complete for the hall: the other counter of the hall need not send it again.
    QCOMPARE(get(w8, u"/attachments/"_s + hash + u"/upload"_s).json().value(u"complete"_s).toBool(), true);
}

void TestServerHalls::qrTokenIsUniqueAcrossHalls()
{
    const QString a = enrol(kHallA, 7);
    const QString b = enrol(kHallB, 7);
    Case mine = snapshot(numberOf(kHallA, 7, 2));
    QVERIFY(createCase(a, mine).startsWith(u"stored"_s));
    Case theirs = snapshot(numberOf(kHallB, 7, 2));
    theirs.qrToken = mine.qrToken;
    const QString taken = createCase(b, theirs);
    QVERIFY2(taken.startsWith(u"rejected"_s) && taken.contains(u"QR token"_s), qPrintable(taken));
    theirs.qrToken = u"not-a-token"_s;
    QVERIFY(createCase(b, theirs).startsWith(u"rejected"_s));
    // The token still leads to hall A's case.
    const HttpResult page = m_http.call("GET", m_server->url(u"/s/"_s + mine.qrToken));
    QCOMPARE(page.status, 200);
    QVERIFY(QString::fromUtf8(page.body).contains(mine.matterName));
}

void TestServerHalls::eventIdCollisionIsRejected()
{
    const QString a = enrol(kHallA, 7);
    const QString b = enrol(kHallB, 7);
    Case mine = snapshot(numberOf(kHallA, 7, 3));
    const QJsonObject first = outboxEntry(
        &mine, mine.number, EventKind::Created, QDateTime::currentDateTimeUtc(), CaseState::Draft);
    QCOMPARE(
        post(a, {first}).json().value(u"results"_s)[0].toObject().value(u"status"_s).toString(), u"stored"_s);
    Case theirs = snapshot(numberOf(kHallB, 7, 3));
    const QJsonObject clash = outboxEntry(&theirs, theirs.number, EventKind::Created,
        QDateTime::currentDateTimeUtc(), CaseState::Draft, idOf(first));
    const QJsonObject result = post(b, {clash}).json().value(u"results"_s)[0].toObject();
    QCOMPARE(result.value(u"status"_s).toString(), u"rejected"_s);
    QVERIFY(result.value(u"message"_s).toString().contains(u"already used"_s));
    // Hall A's event is where it was, and its own repeat is still a duplicate.
    QCOMPARE(post(a, {first}).json().value(u"results"_s)[0].toObject().value(u"status"_s).toString(),
        u"duplicate"_s);
    QCOMPARE(get(a, u"/cases/"_s + mine.number).json().value(u"events"_s).toArray().size(), 1);

    // A department that reuses the id on another case is refused too, not failed on.
    const QString wj = [&] {
        auto db = ServerSchema::open(m_database);
        return CredentialStore(**db, Clock()).issueDepartmentKey(u"wj"_s)->secret;
    }();
    Case other = snapshot(numberOf(kHallA, 7, 8));
    QVERIFY(createCase(a, other).startsWith(u"stored"_s));
    const HttpResult department
        = m_http.call("POST", m_server->url(u"/api/v1/department/cases/"_s + other.number + u"/events"_s),
            QJsonDocument(
                QJsonObject {{u"id"_s, idOf(first)}, {u"kind"_s, u"in-review"_s}, {u"clerk"_s, u"li"_s}})
                .toJson(),
            wj);
    QCOMPARE(department.status, 409);
    QCOMPARE(department.errorCode(), u"conflict"_s);
}

void TestServerHalls::impossibleEventsAreRefusedOneByOne()
{
    const QString a = enrol(kHallA, 7);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Case c = snapshot(numberOf(kHallA, 7, 4));
    const QJsonObject created = outboxEntry(&c, c.number, EventKind::Created, now, CaseState::Draft);
    QJsonObject hugeClerk = outboxEntry(nullptr, c.number, EventKind::Note, now, CaseState::Draft);
    QJsonObject event = hugeClerk.value(u"event"_s).toObject();
    event.insert(u"clerk"_s, QString(1024 * 1024, u'x'));
    hugeClerk.insert(u"event"_s, event);
    const QJsonObject future = outboxEntry(nullptr, c.number, EventKind::Note,
        QDateTime(QDate(2099, 1, 1), QTime(0, 0), Qt::UTC), CaseState::Draft);
    Case other = snapshot(numberOf(kHallA, 7, 5));
    const QJsonObject acceptedFirst
        = outboxEntry(&other, other.number, EventKind::Accepted, now, CaseState::Accepted);
    c.state = CaseState::Accepted;
    const QJsonObject accepted
        = outboxEntry(&c, c.number, EventKind::Accepted, now.addSecs(1), CaseState::Accepted);
    const HttpResult reply = post(a, {created, hugeClerk, future, acceptedFirst, accepted});
    QCOMPARE(reply.status, 200);
    const QJsonArray results = reply.json().value(u"results"_s).toArray();
    QCOMPARE(results.size(), 5);
    const QStringList expected {u"stored"_s, u"rejected"_s, u"rejected"_s, u"rejected"_s, u"stored"_s};
    for (int i = 0; i < 5; ++i) {
        const QJsonObject r = results.at(i).toObject();
        QCOMPARE(r.value(u"status"_s).toString(), expected.at(i));
        if (expected.at(i) == u"rejected"_s) {
            QCOMPARE(r.value(u"code"_s).toString(), u"invalid"_s);
            QVERIFY(!r.value(u"message"_s).toString().isEmpty());
            QVERIFY(r.value(u"message"_s).toString().size() < 400);
        }
    }
    QVERIFY(results.at(2).toObject().value(u"message"_s).toString().contains(u"clock"_s));
    QVERIFY(results.at(3).toObject().value(u"message"_s).toString().contains(u"created"_s));
    QCOMPARE(get(a, u"/cases/"_s + c.number).json().value(u"case"_s).toObject().value(u"state"_s).toString(),
        u"accepted"_s);
    QCOMPARE(get(a, u"/cases/"_s + other.number).status, 404);
    QVERIFY(!reply.json().value(u"time"_s).toString().isEmpty());
}

void TestServerHalls::laterEditWinsWhateverTheClocks()
{
    // W07's clock is 5 minutes fast, W08's 2 hours slow. W07 opens and accepts the case; then W08
    // corrects it. The server must keep W08's edit: it came later, at the same stage.
    const QString w7 = enrol(kHallA, 7);
    const QString w8 = enrol(kHallA, 8);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Case c = snapshot(numberOf(kHallA, 7, 6));
    const QJsonObject created
        = outboxEntry(&c, c.number, EventKind::Created, now.addSecs(300), CaseState::Draft);
    c.state = CaseState::Accepted;
    const QJsonObject accepted
        = outboxEntry(&c, c.number, EventKind::Accepted, now.addSecs(310), CaseState::Accepted);
    QCOMPARE(post(w7, {created, accepted}).status, 200);
    c.promisedDays = 10;
    QJsonObject corrected
        = outboxEntry(&c, c.number, EventKind::Updated, now.addSecs(-7200), CaseState::Accepted);
    QJsonObject event = corrected.value(u"event"_s).toObject();
    event.insert(u"counter"_s, u"W08"_s);
    corrected.insert(u"event"_s, event);
    const QJsonObject result = post(w8, {corrected}).json().value(u"results"_s)[0].toObject();
    QCOMPARE(result.value(u"status"_s).toString(), u"stored"_s);
    const QJsonObject held = get(w7, u"/cases/"_s + c.number).json().value(u"case"_s).toObject();
    QCOMPARE(held.value(u"promisedDays"_s).toInt(), 10);
    QCOMPARE(held.value(u"state"_s).toString(), u"accepted"_s);

    // A snapshot of an earlier stage that arrives late does not replace a later stage's.
    Case stale = c;
    stale.state = CaseState::Draft;
    stale.promisedDays = 3;
    QJsonObject late = outboxEntry(&stale, c.number, EventKind::Updated, now.addSecs(600), CaseState::Draft);
    QCOMPARE(
        post(w7, {late}).json().value(u"results"_s)[0].toObject().value(u"status"_s).toString(), u"stored"_s);
    const QJsonObject after = get(w7, u"/cases/"_s + c.number).json().value(u"case"_s).toObject();
    QCOMPARE(after.value(u"promisedDays"_s).toInt(), 10);
    QCOMPARE(after.value(u"state"_s).toString(), u"accepted"_s);
}

void TestServerHalls::clockSkewIsRecordedPerCounter()
{
    const QString w7 = enrol(kHallA, 7);
    const QString w8 = enrol(kHallA, 8);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Case c = snapshot(numberOf(kHallA, 7, 7));
    QCOMPARE(
        post(w7, {outboxEntry(&c, c.number, EventKind::Created, now, CaseState::Draft)}, now.addSecs(300))
            .status,
        200);
    QCOMPARE(post(w8, {}, now.addSecs(-7200)).status, 200);
    auto db = ServerSchema::open(m_database);
    QVERIFY(db.has_value());
    const Result<QList<CounterClock>> clocks = CounterClocks(**db).list();
    QVERIFY(clocks.has_value());
    QCOMPARE(clocks->size(), 2);
    QCOMPARE(clocks->at(0).counter, u"W07"_s);
    QVERIFY2(qAbs(clocks->at(0).skewMs - 300000) < 10000, qPrintable(QString::number(clocks->at(0).skewMs)));
    QCOMPARE(clocks->at(1).counter, u"W08"_s);
    QVERIFY2(qAbs(clocks->at(1).skewMs + 7200000) < 10000, qPrintable(QString::number(clocks->at(1).skewMs)));
}

QTEST_GUILESS_MAIN(TestServerHalls)
#include "tst_serverHalls.moc"
