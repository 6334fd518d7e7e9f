// onewindow-server end to end: the real process on a free loopback port with a temporary data
// folder, spoken to over HTTP, on SQLite. With OW_SERVER_TEST_BACKEND=postgresql (the CTest entry
// tst_server_postgres) the same tests run against the PostgreSQL of OW_TEST_POSTGRES, which
// scripts/with-postgres starts; without that variable they are skipped.

#include "CaseTestSupport.h"
#include "ServerTestSupport.h"
#include "catalogue/CatalogueLoader.h"
#include "server/CredentialStore.h"
#include "server/ServerSchema.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::server;
using namespace ow::server::testing;

namespace {

const QString kHall = QStringLiteral("33030201");

QDateTime at(int minute)
{
    return QDateTime(QDate(2026, 3, 16), QTime(9, 0), Qt::UTC).addSecs(minute * 60);
}

QString sha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QByteArray cataloguePackage(const QString &directory, const QString &id, const QString &version,
    const std::function<QByteArray(const QString &, QByteArray)> &edit = {})
{
    QJsonArray files;
    QDirIterator it(directory, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QString relative = QDir(directory).relativeFilePath(path);
        QByteArray data = file.readAll();
        if (edit)
            data = edit(relative, data);
        files.append(
            QJsonObject {{QStringLiteral("path"), relative}, {QStringLiteral("sha256"), sha256(data)},
                {QStringLiteral("data"), QString::fromLatin1(data.toBase64())}});
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("version"), version},
                             {QStringLiteral("files"), files}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void health();
    void enrolWithGoodUsedAndExpiredCodes();
    void batchIsStoredOnceWhenSentTwice();
    void lateEventDoesNotMoveTheCaseBack();
    void twoDecisionsAreFlaggedAsConflict();
    void changesByCursor();
    void otherHallIsRejected();
    void departmentKeySeesOnlyItsCases();
    void departmentConfirmsATransferList();
    void attachmentResumesAndRefusesHashMismatch();
    void cataloguePublishAndLintFailure();
    void publicPageShowsMatterButNothingPersonal();
    void publicPageIsRateLimited();
    void badRequestsGet4xxAndServerKeepsServing();
    void killedServerKeepsEveryStoredEvent();
    void sigtermStopsGracefully();

private:
    /// Issues credentials straight in the database, as `onewindow-cli server` does.
    IssuedSecret issue(const std::function<Result<IssuedSecret>(CredentialStore &)> &how);
    QString enrolWorkstation(const QString &hall = kHall, int counter = 7);
    Case snapshot(const QString &number, const QString &department = QStringLiteral("wj"));
    /// Created then Accepted with snapshots; returns the event ids.
    QStringList sendNewCase(const QString &token, const QString &number, Case *sent = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_database;
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
};

void TestServer::initTestCase()
{
    if (qEnvironmentVariable("OW_SERVER_TEST_BACKEND") == QStringLiteral("postgresql")
        && qEnvironmentVariableIsEmpty("OW_TEST_POSTGRES"))
        QSKIP("PostgreSQL tests need OW_TEST_POSTGRES=postgresql://USER@HOST:PORT/DB; run them with "
              "scripts/with-postgres ctest -R tst_server_postgres");
}

void TestServer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString postgres = qEnvironmentVariable("OW_SERVER_TEST_BACKEND") == QStringLiteral("postgresql")
        ? qEnvironmentVariable("OW_TEST_POSTGRES")
        : QString();
    m_database = postgres.isEmpty() ? QStringLiteral("sqlite:") + m_dir->filePath(QStringLiteral("server.db"))
                                    : postgres;
    if (!postgres.isEmpty()) {
        // A clean database for every test: drop what the previous one left.
        Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(m_database);
        QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().toString()));
        QVERIFY((*db)
                    ->exec(QStringLiteral("DROP TABLE IF EXISTS ")
                        + ServerSchema::tables().join(QStringLiteral(", ")) + QStringLiteral(" CASCADE"))
                    .has_value());
    }
    m_server = std::make_unique<ServerProcess>(QStringLiteral(OW_SERVER_PATH), m_dir->path(), m_database);
    QVERIFY2(m_server->start(), qPrintable(m_server->startError()));
}

void TestServer::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

IssuedSecret TestServer::issue(const std::function<Result<IssuedSecret>(CredentialStore &)> &how)
{
    Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(m_database);
    if (!db)
        return {};
    CredentialStore store(**db, Clock());
    Result<IssuedSecret> issued = how(store);
    return issued ? *issued : IssuedSecret();
}

QString TestServer::enrolWorkstation(const QString &hall, int counter)
{
    const IssuedSecret code = issue([&](CredentialStore &s) {
        return s.issueEnrolCode(hall, QStringLiteral("W%1").arg(counter, 2, 10, QLatin1Char('0')));
    });
    const HttpResult enrolled = m_http.call("POST", m_server->url(QStringLiteral("/api/v1/enrol")),
        QJsonDocument(QJsonObject {{QStringLiteral("code"), code.secret},
                          {QStringLiteral("machine"), QStringLiteral("pc")}})
            .toJson());
    return enrolled.json().value(QStringLiteral("token")).toString();
}

Case TestServer::snapshot(const QString &number, const QString &department)
{
    Case c = ow::cases::testing::draft();
    c.number = number;
    c.qrToken = QrToken::generate();
    c.departmentId = department;
    c.hall = number.left(8);
    c.counter = QStringLiteral("W07");
    c.firstHandler = QStringLiteral("clerk-042");
    c.created = at(0);
    c.updated = at(1);
    c.promisedDeadline = QDate(2026, 3, 25);
    return c;
}

QStringList TestServer::sendNewCase(const QString &token, const QString &number, Case *sent)
{
    Case c = snapshot(number);
    const QJsonObject created = outboxEntry(&c, number, EventKind::Created, at(0), CaseState::Draft);
    c.state = CaseState::Accepted;
    const QJsonObject accepted = outboxEntry(&c, number, EventKind::Accepted, at(1), CaseState::Accepted);
    const HttpResult result = m_http.call(
        "POST", m_server->url(QStringLiteral("/api/v1/events")), batch({created, accepted}), token);
    if (sent)
        *sent = c;
    if (result.status != 200)
        return {};
    return {created.value(QStringLiteral("event")).toObject().value(QStringLiteral("id")).toString(),
        accepted.value(QStringLiteral("event")).toObject().value(QStringLiteral("id")).toString()};
}

void TestServer::health()
{
    const HttpResult result = m_http.call("GET", m_server->url(QStringLiteral("/api/v1/health")));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(result.json().value(QStringLiteral("database")).toString(),
        m_database.startsWith(QStringLiteral("sqlite:")) ? QStringLiteral("sqlite")
                                                         : QStringLiteral("postgresql"));
}

void TestServer::enrolWithGoodUsedAndExpiredCodes()
{
    const IssuedSecret code
        = issue([](CredentialStore &s) { return s.issueEnrolCode(kHall, QStringLiteral("W07")); });
    QVERIFY(!code.secret.isEmpty());
    const QUrl url = m_server->url(QStringLiteral("/api/v1/enrol"));
    const auto body = [](const QString &secret) {
        return QJsonDocument(QJsonObject {{QStringLiteral("code"), secret},
                                 {QStringLiteral("machine"), QStringLiteral("counter-07")}})
            .toJson();
    };
    const HttpResult good = m_http.call("POST", url, body(code.secret.toLower()));
    QCOMPARE(good.status, 201);
    QCOMPARE(good.json().value(QStringLiteral("hall")).toString(), kHall);
    QCOMPARE(good.json().value(QStringLiteral("counter")).toString(), QStringLiteral("W07"));
    QCOMPARE(good.json().value(QStringLiteral("counterNumber")).toInt(), 7);
    const QString token = good.json().value(QStringLiteral("token")).toString();
    QVERIFY(token.size() >= 40);

    const HttpResult used = m_http.call("POST", url, body(code.secret));
    QCOMPARE(used.status, 401);
    QCOMPARE(used.errorCode(), QStringLiteral("unauthorised"));
    QCOMPARE(m_http.call("POST", url, body(QStringLiteral("AAAA-BBBB-CCCC"))).status, 401);

    const IssuedSecret old
        = issue([](CredentialStore &s) { return s.issueEnrolCode(kHall, QStringLiteral("W08")); });
    {
        Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(m_database);
        QVERIFY(db.has_value());
        QVERIFY((*db)
                    ->run(QStringLiteral("UPDATE enrol_codes SET expires = ? WHERE id = ?"),
                        {CaseJson::timeText(QDateTime::currentDateTimeUtc().addSecs(-60)), old.id})
                    .has_value());
    }
    QCOMPARE(m_http.call("POST", url, body(old.secret)).status, 401);

    // The token works; the database holds only its hash.
    QCOMPARE(m_http.call("GET", m_server->url(QStringLiteral("/api/v1/changes")), {}, token).status, 200);
    Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(m_database);
    QVERIFY(db.has_value());
    Result<QVariant> plain
        = (*db)->scalar(QStringLiteral("SELECT count(*) FROM credentials WHERE secret_hash = ?"), {token});
    QVERIFY(plain.has_value());
    QCOMPARE(plain->toInt(), 0);
}

void TestServer::batchIsStoredOnceWhenSentTwice()
{
    const QString token = enrolWorkstation();
    const QString number = caseNumber(1);
    Case c = snapshot(number);
    const QByteArray body = batch({outboxEntry(&c, number, EventKind::Created, at(0), CaseState::Draft),
        outboxEntry(&c, number, EventKind::Accepted, at(1), CaseState::Accepted)});
    const QUrl url = m_server->url(QStringLiteral("/api/v1/events"));
    const HttpResult first = m_http.call("POST", url, body, token);
    QCOMPARE(first.status, 200);
    const QJsonArray results = first.json().value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 2);
    for (const QJsonValue &r : results)
        QCOMPARE(r.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("stored"));
    const HttpResult second = m_http.call("POST", url, body, token);
    QCOMPARE(second.status, 200);
    for (const QJsonValue &r : second.json().value(QStringLiteral("results")).toArray())
        QCOMPARE(r.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));
    const HttpResult fetched
        = m_http.call("GET", m_server->url(QStringLiteral("/api/v1/cases/") + number), {}, token);
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.json().value(QStringLiteral("events")).toArray().size(), 2);
    QCOMPARE(
        fetched.json().value(QStringLiteral("case")).toObject().value(QStringLiteral("state")).toString(),
        QStringLiteral("accepted"));
    // The snapshot comes back whole, personal data included, for the pickup counter.
    QCOMPARE(fetched.json()
                 .value(QStringLiteral("case"))
                 .toObject()
                 .value(QStringLiteral("applicant"))
                 .toObject()
                 .value(QStringLiteral("idNumber"))
                 .toString(),
        c.applicant.idNumber);
}

void TestServer::lateEventDoesNotMoveTheCaseBack()
{
    const QString token = enrolWorkstation();
    const QString number = caseNumber(2);
    QCOMPARE(sendNewCase(token, number).size(), 2);
    const QUrl url = m_server->url(QStringLiteral("/api/v1/events"));
    QCOMPARE(
        m_http
            .call("POST", url,
                batch({outboxEntry(nullptr, number, EventKind::Transferred, at(5), CaseState::Transferred),
                    outboxEntry(nullptr, number, EventKind::InReview, at(6), CaseState::InReview),
                    outboxEntry(nullptr, number, EventKind::Approved, at(7), CaseState::Approved)}),
                token)
            .status,
        200);
    // An "in review" recorded earlier somewhere else arrives after the approval.
    const HttpResult late = m_http.call("POST", url,
        batch({outboxEntry(nullptr, number, EventKind::InReview, at(4), CaseState::InReview)}), token);
    QCOMPARE(late.json()
                 .value(QStringLiteral("results"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("stored"));
    const HttpResult fetched
        = m_http.call("GET", m_server->url(QStringLiteral("/api/v1/cases/") + number), {}, token);
    QCOMPARE(fetched.json().value(QStringLiteral("events")).toArray().size(), 6);
    QCOMPARE(
        fetched.json().value(QStringLiteral("case")).toObject().value(QStringLiteral("state")).toString(),
        QStringLiteral("approved"));
}

void TestServer::twoDecisionsAreFlaggedAsConflict()
{
    const QString token = enrolWorkstation();
    const QString number = caseNumber(3);
    QCOMPARE(sendNewCase(token, number).size(), 2);
    QCOMPARE(m_http.call("GET", m_server->url(QStringLiteral("/api/v1/conflicts")), {}, token)
                 .json()
                 .value(QStringLiteral("conflicts"))
                 .toArray()
                 .size(),
        0);
    const HttpResult refused = m_http.call("POST", m_server->url(QStringLiteral("/api/v1/events")),
        batch({outboxEntry(nullptr, number, EventKind::Refused, at(2), CaseState::Refused)}), token);
    QCOMPARE(refused.status, 200);
    const QJsonArray conflicts
        = m_http.call("GET", m_server->url(QStringLiteral("/api/v1/conflicts")), {}, token)
              .json()
              .value(QStringLiteral("conflicts"))
              .toArray();
    QCOMPARE(conflicts.size(), 1);
    const QJsonObject conflict = conflicts.first().toObject();
    QCOMPARE(conflict.value(QStringLiteral("case")).toString(), number);
    QCOMPARE(conflict.value(QStringLiteral("first")).toObject().value(QStringLiteral("kind")).toString(),
        QStringLiteral("accepted"));
    QCOMPARE(conflict.value(QStringLiteral("second")).toObject().value(QStringLiteral("kind")).toString(),
        QStringLiteral("refused"));
}

void TestServer::changesByCursor()
{
    const QString token = enrolWorkstation();
    QStringList sent;
    for (int i = 1; i <= 3; ++i)
        sent += sendNewCase(token, caseNumber(10 + i));
    QCOMPARE(sent.size(), 6);
    QStringList seen;
    QString cursor = QStringLiteral("0");
    for (int page = 0; page < 10; ++page) {
        const HttpResult result = m_http.call(
            "GET", m_server->url(QStringLiteral("/api/v1/changes?after=%1&limit=4").arg(cursor)), {}, token);
        QCOMPARE(result.status, 200);
        for (const QJsonValue &change : result.json().value(QStringLiteral("changes")).toArray())
            seen.append(change.toObject()
                            .value(QStringLiteral("event"))
                            .toObject()
                            .value(QStringLiteral("id"))
                            .toString());
        cursor = result.json().value(QStringLiteral("cursor")).toString();
        if (!result.json().value(QStringLiteral("more")).toBool())
            break;
    }
    QCOMPARE(seen, sent);
    const HttpResult after
        = m_http.call("GET", m_server->url(QStringLiteral("/api/v1/changes?after=") + cursor), {}, token);
    QCOMPARE(after.json().value(QStringLiteral("changes")).toArray().size(), 0);
    QCOMPARE(after.json().value(QStringLiteral("cursor")).toString(), cursor);
    // Another hall's workstation sees none of them.
    const QString other = enrolWorkstation(QStringLiteral("33030202"), 3);
    QCOMPARE(m_http.call("GET", m_server->url(QStringLiteral("/api/v1/changes")), {}, other)
                 .json()
                 .value(QStringLiteral("changes"))
                 .toArray()
                 .size(),
        0);
    QCOMPARE(m_http.call("GET", m_server->url(QStringLiteral("/api/v1/cases/") + caseNumber(11)), {}, other)
                 .status,
        403);
}

void TestServer::otherHallIsRejected()
{
    const QString token = enrolWorkstation();
    const QString number = caseNumber(1, QStringLiteral("33030202"));
    Case c = snapshot(number);
    const HttpResult result = m_http.call("POST", m_server->url(QStringLiteral("/api/v1/events")),
        batch({outboxEntry(&c, number, EventKind::Created, at(0), CaseState::Draft),
            outboxEntry(nullptr, caseNumber(99), EventKind::Accepted, at(0), CaseState::Accepted)}),
        token);
    QCOMPARE(result.status, 200);
    const QJsonArray results = result.json().value(QStringLiteral("results")).toArray();
    QCOMPARE(results.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    // An unknown case without a snapshot cannot be stored either.
    QCOMPARE(results.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QVERIFY(!results.at(1).toObject().value(QStringLiteral("message")).toString().isEmpty());
}

void TestServer::departmentKeySeesOnlyItsCases()
{
    const QString token = enrolWorkstation();
    const QString number = caseNumber(20);
    QCOMPARE(sendNewCase(token, number).size(), 2);
    const QString wj
        = issue([](CredentialStore &s) { return s.issueDepartmentKey(QStringLiteral("wj")); }).secret;
    const QString sc
        = issue([](CredentialStore &s) { return s.issueDepartmentKey(QStringLiteral("sc")); }).secret;
    const QUrl events = m_server->url(QStringLiteral("/api/v1/department/cases/%1/events").arg(number));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray inReview = QJsonDocument(
        QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("kind"), QStringLiteral("in-review")},
            {QStringLiteral("clerk"), QStringLiteral("wj-07")}})
                                    .toJson();
    const HttpResult stored = m_http.call("POST", events, inReview, wj);
    QCOMPARE(stored.status, 201);
    QCOMPARE(stored.json().value(QStringLiteral("state")).toString(), QStringLiteral("in-review"));
    QCOMPARE(m_http.call("POST", events, inReview, wj).status, 200);
    const HttpResult other = m_http.call("POST", events, inReview, sc);
    QCOMPARE(other.status, 403);
    QCOMPARE(other.errorCode(), QStringLiteral("other-department"));
    QCOMPARE(m_http.call("GET", m_server->url(QStringLiteral("/api/v1/department/cases/") + number), {}, sc)
                 .status,
        403);
    const HttpResult own
        = m_http.call("GET", m_server->url(QStringLiteral("/api/v1/department/cases/") + number), {}, wj);
    QCOMPARE(own.status, 200);
    QCOMPARE(own.json().value(QStringLiteral("events")).toArray().size(), 3);
    const HttpResult list = m_http.call(
        "GET", m_server->url(QStringLiteral("/api/v1/department/cases?state=in-review")), {}, wj);
    QCOMPARE(list.json().value(QStringLiteral("cases")).toArray().size(), 1);
    QCOMPARE(m_http.call("GET", m_server->url(QStringLiteral("/api/v1/department/cases")), {}, sc)
                 .json()
                 .value(QStringLiteral("cases"))
                 .toArray()
                 .size(),
        0);
    // Picked up before it is ready: illegal, naming both states.
    const HttpResult illegal = m_http.call("POST", events,
        QJsonDocument(QJsonObject {{QStringLiteral("kind"), QStringLiteral("result-ready")},
                          {QStringLiteral("clerk"), QStringLiteral("wj-07")}})
            .toJson(),
        wj);
    QCOMPARE(illegal.status, 409);
    QCOMPARE(illegal.errorCode(), QStringLiteral("illegal-transition"));
    const HttpResult denied = m_http.call("POST", events,
        QJsonDocument(QJsonObject {{QStringLiteral("kind"), QStringLiteral("denied")},
                          {QStringLiteral("clerk"), QStringLiteral("wj-07")}})
            .toJson(),
        wj);
    QCOMPARE(denied.status, 422);
    QCOMPARE(denied.errorCode(), QStringLiteral("invalid"));
    // A workstation key is not a department key; the department's event reaches the hall's feed.
    QCOMPARE(m_http.call("POST", events, inReview, token).status, 403);
    const QJsonArray changes = m_http.call("GET", m_server->url(QStringLiteral("/api/v1/changes")), {}, token)
                                   .json()
                                   .value(QStringLiteral("changes"))
                                   .toArray();
    QCOMPARE(changes.last()
                 .toObject()
                 .value(QStringLiteral("event"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
        id);
}

void TestServer::departmentConfirmsATransferList()
{
    // Three folders on the counter's 16:30 list for wj, synced as their transfer-listed events.
    const QString token = enrolWorkstation();
    const QString list = QStringLiteral("33030201-20260316-07-1630-wj");
    QStringList numbers;
    QList<Case> sent;
    QJsonArray listed;
    for (int serial = 40; serial < 43; ++serial) {
        Case c;
        numbers.append(caseNumber(serial));
        QCOMPARE(sendNewCase(token, numbers.last(), &c).size(), 2);
        sent.append(c);
        QJsonObject entry
            = outboxEntry(nullptr, numbers.last(), EventKind::TransferListed, at(5), CaseState::Accepted);
        QJsonObject event = entry.value(QStringLiteral("event")).toObject();
        event.insert(QStringLiteral("payload"),
            QJsonObject {{QStringLiteral("list"), list}, {QStringLiteral("department"), QStringLiteral("wj")},
                {QStringLiteral("departmentName"), QStringLiteral("卫健局")},
                {QStringLiteral("day"), QStringLiteral("2026-03-16")},
                {QStringLiteral("slot"), QStringLiteral("16:30")},
                {QStringLiteral("matterName"), QStringLiteral("公共场所卫生许可")},
                {QStringLiteral("applicant"), QStringLiteral("张*")},
                {QStringLiteral("materials"), QJsonArray()}});
        entry.insert(QStringLiteral("event"), event);
        listed.append(entry);
    }
    const HttpResult stored
        = m_http.call("POST", m_server->url(QStringLiteral("/api/v1/events")), batch(listed), token);
    QCOMPARE(stored.status, 200);
    const QString wj
        = issue([](CredentialStore &s) { return s.issueDepartmentKey(QStringLiteral("wj")); }).secret;
    const QString sc
        = issue([](CredentialStore &s) { return s.issueDepartmentKey(QStringLiteral("sc")); }).secret;
    const QUrl url = m_server->url(QStringLiteral("/api/v1/department/transfer-lists/") + list);
    // The first folder's label is the case's link, the third's its number; the second is missing,
    // and a folder of no list is handed over with them.
    const QString link = QStringLiteral("https://hall.example/s/") + sent.at(0).qrToken;
    const QByteArray body = QJsonDocument(
        QJsonObject {{QStringLiteral("clerk"), QStringLiteral("wj-07")},
            {QStringLiteral("scans"), QJsonArray {link, numbers.at(2), QStringLiteral("33030201-X")}}})
                                .toJson();

    // Another department may not confirm it; a workstation key is not a department's.
    const HttpResult other = m_http.call("POST", url, body, sc);
    QCOMPARE(other.status, 403);
    QCOMPARE(other.errorCode(), QStringLiteral("other-department"));
    QCOMPARE(m_http.call("POST", url, body, token).status, 403);
    QCOMPARE(m_http
                 .call("POST",
                     m_server->url(QStringLiteral("/api/v1/department/transfer-lists/"
                                                  "33030201-20260316-07-1130-wj")),
                     body, wj)
                 .status,
        404);
    QCOMPARE(m_http.call("POST", url, QByteArrayLiteral("{\"scans\": []}"), wj).status, 422);

    const HttpResult confirmed = m_http.call("POST", url, body, wj);
    QCOMPARE(confirmed.status, 200);
    const QJsonObject reply = confirmed.json();
    QCOMPARE(reply.value(QStringLiteral("received")).toArray(), (QJsonArray {numbers.at(0), numbers.at(2)}));
    QCOMPARE(reply.value(QStringLiteral("missing")).toArray(), QJsonArray {numbers.at(1)});
    QCOMPARE(reply.value(QStringLiteral("extra")).toArray(), QJsonArray {QStringLiteral("33030201-X")});
    QCOMPARE(reply.value(QStringLiteral("events")).toArray().size(), 3);

    // The cases: two transferred, the missing one flagged and still accepted.
    const auto stateOf = [&](const QString &number) {
        return m_http.call("GET", m_server->url(QStringLiteral("/api/v1/department/cases/") + number), {}, wj)
            .json()
            .value(QStringLiteral("case"))
            .toObject()
            .value(QStringLiteral("state"))
            .toString();
    };
    QCOMPARE(stateOf(numbers.at(0)), QStringLiteral("transferred"));
    QCOMPARE(stateOf(numbers.at(2)), QStringLiteral("transferred"));
    QCOMPARE(stateOf(numbers.at(1)), QStringLiteral("accepted"));
    // The counters get the events like every department event: the missing folder's flag names it.
    const QJsonArray changes = m_http.call("GET", m_server->url(QStringLiteral("/api/v1/changes")), {}, token)
                                   .json()
                                   .value(QStringLiteral("changes"))
                                   .toArray();
    bool flagged = false;
    for (const QJsonValue &change : changes) {
        const QJsonObject event = change.toObject().value(QStringLiteral("event")).toObject();
        if (event.value(QStringLiteral("kind")).toString() == QStringLiteral("transfer-flagged")) {
            QCOMPARE(event.value(QStringLiteral("case")).toString(), numbers.at(1));
            const QJsonObject payload = event.value(QStringLiteral("payload")).toObject();
            QCOMPARE(payload.value(QStringLiteral("problem")).toString(), QStringLiteral("missing"));
            QCOMPARE(payload.value(QStringLiteral("list")).toString(), list);
            flagged = true;
        }
    }
    QVERIFY(flagged);
    // Confirmed once only.
    const HttpResult again = m_http.call("POST", url, body, wj);
    QCOMPARE(again.status, 409);
}

void TestServer::attachmentResumesAndRefusesHashMismatch()
{
    const QString token = enrolWorkstation();
    QByteArray data(300 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = char((i * 7919) % 251);
    const QString hash = sha256(data);
    const QString base = QStringLiteral("/api/v1/attachments/") + hash;
    const auto put = [&](qint64 offset, const QByteArray &chunk, const QString &sha = QString()) {
        return m_http.call("PUT",
            m_server->url((sha.isEmpty() ? base : QStringLiteral("/api/v1/attachments/") + sha)
                + QStringLiteral("/upload?offset=%1&total=%2").arg(offset).arg(data.size())),
            chunk, token, "application/octet-stream");
    };
    const HttpResult first = put(0, data.left(100000));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(QStringLiteral("received")).toInteger(), 100000);
    QCOMPARE(first.json().value(QStringLiteral("complete")).toBool(), false);
    // The connection broke; the client asks where to resume and sends from an old offset first.
    const HttpResult progress
        = m_http.call("GET", m_server->url(base + QStringLiteral("/upload")), {}, token);
    QCOMPARE(progress.json().value(QStringLiteral("received")).toInteger(), 100000);
    const HttpResult stale = put(50000, data.mid(50000, 1000));
    QCOMPARE(stale.status, 409);
    QCOMPARE(stale.errorCode(), QStringLiteral("offset-mismatch"));
    QCOMPARE(stale.json().value(QStringLiteral("received")).toInteger(), 100000);
    const HttpResult rest = put(100000, data.mid(100000));
    QCOMPARE(rest.status, 200);
    QCOMPARE(rest.json().value(QStringLiteral("complete")).toBool(), true);
    QCOMPARE(put(0, data.left(10)).json().value(QStringLiteral("complete")).toBool(), true);

    // Downloading needs a case citing it.
    QCOMPARE(m_http.call("GET", m_server->url(base), {}, token).status, 404);
    const QString number = caseNumber(30);
    Case c = snapshot(number);
    c.attachments.append(CaseAttachment {hash, QStringLiteral("id-card"), QStringLiteral("scan.png"),
        QStringLiteral("image/png"), data.size(), at(0)});
    QCOMPARE(m_http
                 .call("POST", m_server->url(QStringLiteral("/api/v1/events")),
                     batch({outboxEntry(&c, number, EventKind::Created, at(0), CaseState::Draft)}), token)
                 .status,
        200);
    const HttpResult download = m_http.call("GET", m_server->url(base), {}, token);
    QCOMPARE(download.status, 200);
    QCOMPARE(download.body, data);
    const QString sc
        = issue([](CredentialStore &s) { return s.issueDepartmentKey(QStringLiteral("sc")); }).secret;
    QCOMPARE(m_http.call("GET", m_server->url(base), {}, sc).status, 404);

    // Bytes that are not what their name says are dropped.
    const QString wrong = sha256("something else");
    const HttpResult mismatch = put(0, data, wrong);
    QCOMPARE(mismatch.status, 422);
    QCOMPARE(mismatch.errorCode(), QStringLiteral("hash-mismatch"));
    QCOMPARE(
        m_http
            .call("GET",
                m_server->url(QStringLiteral("/api/v1/attachments/") + wrong + QStringLiteral("/upload")), {},
                token)
            .json()
            .value(QStringLiteral("received"))
            .toInteger(),
        0);
}

void TestServer::cataloguePublishAndLintFailure()
{
    const QString demo = QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo");
    const catalogue::CatalogueLoader::Outcome loaded = catalogue::CatalogueLoader::load(demo);
    QVERIFY(loaded.catalogue);
    const QString version = loaded.catalogue->version;
    const QString publisher = issue([](CredentialStore &s) {
        return s.issuePublisherKey(QStringLiteral("catalogue office"));
    }).secret;
    const QString token = enrolWorkstation();
    const QUrl url = m_server->url(QStringLiteral("/api/v1/catalogues"));
    const QByteArray package = cataloguePackage(demo, QStringLiteral("demo"), version);
    QCOMPARE(m_http.call("POST", url, package, token).status, 403);
    const HttpResult published = m_http.call("POST", url, package, publisher);
    QCOMPARE(published.status, 201);
    QVERIFY(published.json().value(QStringLiteral("warnings")).isArray());
    QCOMPARE(m_http.call("POST", url, package, publisher).status, 200);
    const HttpResult current
        = m_http.call("GET", m_server->url(QStringLiteral("/api/v1/catalogues/current")), {}, token);
    QCOMPARE(current.status, 200);
    QCOMPARE(current.json().value(QStringLiteral("version")).toString(), version);
    QCOMPARE(current.json().value(QStringLiteral("sha256")).toString(),
        published.json().value(QStringLiteral("sha256")).toString());
    const HttpResult fetched
        = m_http.call("GET", m_server->url(QStringLiteral("/api/v1/catalogues/") + version), {}, token);
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.body, package);

    // Published packages are read by the workstations' codec: a hidden file or a path named twice (in
    // any letter case) is refused as invalid before the version is even looked up (which would be a
    // conflict).
    const auto withFile = [&](const QString &path) {
        QJsonObject root = QJsonDocument::fromJson(package).object();
        QJsonArray files = root.value(QStringLiteral("files")).toArray();
        files.append(QJsonObject {{QStringLiteral("path"), path}, {QStringLiteral("sha256"), sha256("x")},
            {QStringLiteral("data"), QString::fromLatin1(QByteArray("x").toBase64())}});
        root.insert(QStringLiteral("files"), files);
        return QJsonDocument(root).toJson(QJsonDocument::Compact);
    };
    for (const QString &path : {QStringLiteral("matters/.notes"), QStringLiteral("CATALOGUE.txt")}) {
        const HttpResult refused = m_http.call("POST", url, withFile(path), publisher);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.errorCode(), QStringLiteral("invalid"));
    }

    // Same version, other content: conflict. A broken catalogue: refused with located diagnostics.
    const auto breakMatter = [](const QString &path, QByteArray data) {
        return path.startsWith(QStringLiteral("matters/")) ? data + "\n}}} this is not a catalogue line\n"
                                                           : data;
    };
    QCOMPARE(m_http
                 .call("POST", url, cataloguePackage(demo, QStringLiteral("demo"), version, breakMatter),
                     publisher)
                 .status,
        409);
    const auto breakVersion = [&](const QString &path, QByteArray data) {
        data = breakMatter(path, data);
        return path == QStringLiteral("catalogue.txt") ? data.replace(version.toUtf8(), "9999.1.1") : data;
    };
    const HttpResult broken = m_http.call("POST", url,
        cataloguePackage(demo, QStringLiteral("demo"), QStringLiteral("9999.1.1"), breakVersion), publisher);
    QCOMPARE(broken.status, 422);
    QCOMPARE(broken.errorCode(), QStringLiteral("lint-failed"));
    const QJsonArray diagnostics = broken.json().value(QStringLiteral("diagnostics")).toArray();
    QVERIFY(!diagnostics.isEmpty());
    QVERIFY2(diagnostics.first().toString().startsWith(QStringLiteral("matters/")),
        qPrintable(diagnostics.first().toString()));
    QCOMPARE(m_http.call("GET", m_server->url(QStringLiteral("/api/v1/catalogues/current")), {}, token)
                 .json()
                 .value(QStringLiteral("version"))
                 .toString(),
        version);
}

void TestServer::publicPageShowsMatterButNothingPersonal()
{
    const QString token = enrolWorkstation();
    Case c;
    QCOMPARE(sendNewCase(token, caseNumber(40), &c).size(), 2);
    const HttpResult page = m_http.call("GET", m_server->url(QStringLiteral("/s/") + c.qrToken));
    QCOMPARE(page.status, 200);
    const QString html = QString::fromUtf8(page.body);
    QVERIFY(html.contains(QStringLiteral("name=\"viewport\"")));
    QVERIFY(html.contains(c.matterName.toHtmlEscaped()));
    QVERIFY(html.contains(QStringLiteral("2026-03-25"))); // promised by
    const QStringList personalData {c.applicant.name, c.applicant.idNumber, c.applicant.contactMobile,
        c.applicant.address, QString(c.applicant.idNumber.left(6) + QStringLiteral("19491231")), c.number};
    for (const QString &personal : personalData)
        QVERIFY2(!html.contains(personal), qPrintable(personal));
    const HttpResult unknown = m_http.call("GET", m_server->url(QStringLiteral("/s/") + QrToken::generate()));
    QCOMPARE(unknown.status, 404);
    QVERIFY(unknown.body.contains("<html"));
}

void TestServer::publicPageIsRateLimited()
{
    // 30 a minute per address: 60 requests in a row cannot all pass, however slow the machine.
    QList<HttpResult> results;
    for (int i = 0; i < 60; ++i)
        results.append(m_http.call("GET", m_server->url(QStringLiteral("/s/") + QrToken::generate())));
    QCOMPARE(results.first().status, 404);
    const auto limited
        = std::find_if(results.begin(), results.end(), [](const HttpResult &r) { return r.status == 429; });
    QVERIFY(limited != results.end());
    QCOMPARE(limited->errorCode(), QStringLiteral("rate-limited"));
    QVERIFY(limited->retryAfter.toInt() >= 1);
    // The API is not limited by the public page's bucket.
    QCOMPARE(m_http.call("GET", m_server->url(QStringLiteral("/api/v1/health"))).status, 200);
}

void TestServer::badRequestsGet4xxAndServerKeepsServing()
{
    const QString token = enrolWorkstation();
    const QUrl events = m_server->url(QStringLiteral("/api/v1/events"));
    const HttpResult malformed = m_http.call("POST", events, "{\"events\": [", token);
    QCOMPARE(malformed.status, 400);
    QCOMPARE(malformed.errorCode(), QStringLiteral("bad-json"));
    QCOMPARE(m_http.call("POST", events, "[1, 2]", token).status, 400);
    QCOMPARE(m_http.call("POST", events, "{\"events\": 5}", token).status, 422);
    const HttpResult oversized = m_http.call("POST", events, QByteArray(9 * 1024 * 1024, ' '), token);
    QCOMPARE(oversized.status, 413);
    QCOMPARE(oversized.errorCode(), QStringLiteral("too-large"));
    const HttpResult missing = m_http.call("POST", events, batch({}));
    QCOMPARE(missing.status, 401);
    QCOMPARE(missing.errorCode(), QStringLiteral("unauthorised"));
    QCOMPARE(m_http.call("POST", events, batch({}), QStringLiteral("not-a-token")).status, 401);
    QCOMPARE(m_http.call("GET", m_server->url(QStringLiteral("/api/v1/nothing")), {}, token).status, 404);
    QCOMPARE(
        m_http.call("GET", m_server->url(QStringLiteral("/api/v1/cases/garbage")), {}, token).status, 404);
    QCOMPARE(
        m_http.call("GET", m_server->url(QStringLiteral("/api/v1/changes?limit=9999")), {}, token).status,
        422);
    // Revoked: refused at once.
    Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(m_database);
    QVERIFY(db.has_value());
    CredentialStore store(**db, Clock());
    Result<QList<Credential>> all = store.list();
    QVERIFY(all.has_value() && !all->isEmpty());
    const Result<void> revoked = store.revoke(all->first().id);
    QVERIFY2(revoked.has_value(), revoked ? "" : qPrintable(revoked.error().toString()));
    QCOMPARE(m_http.call("GET", m_server->url(QStringLiteral("/api/v1/changes")), {}, token).status, 401);
    QCOMPARE(m_http.call("GET", m_server->url(QStringLiteral("/api/v1/health"))).status, 200);
}

void TestServer::killedServerKeepsEveryStoredEvent()
{
    const QString token = enrolWorkstation();
    QStringList stored;
    for (int i = 1; i <= 5; ++i)
        stored += sendNewCase(token, caseNumber(50 + i));
    QCOMPARE(stored.size(), 10);
    QByteArray data(3 * 1024 * 1024, 'x');
    const QString hash = sha256(data);
    const QString upload = QStringLiteral("/api/v1/attachments/") + hash + QStringLiteral("/upload");
    QCOMPARE(m_http
                 .call("PUT", m_server->url(upload + QStringLiteral("?offset=0&total=%1").arg(data.size())),
                     data.left(1024 * 1024), token, "application/octet-stream")
                 .status,
        200);
    // The second chunk is on its way when the server dies: its headers and half its bytes have left
    // this process, so the server holds the request but cannot have stored any of the chunk.
    const QByteArray second = data.mid(1024 * 1024, 1024 * 1024);
    const QUrl secondUrl
        = m_server->url(upload + QStringLiteral("?offset=%1&total=%2").arg(1024 * 1024).arg(data.size()));
    QTcpSocket inFlight;
    inFlight.connectToHost(QHostAddress::LocalHost, quint16(secondUrl.port()));
    QVERIFY(inFlight.waitForConnected(5000));
    inFlight.write("PUT " + secondUrl.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority)
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token.toUtf8()
        + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + QByteArray::number(second.size())
        + "\r\n\r\n" + second.first(second.size() / 2));
    QTRY_COMPARE(inFlight.bytesToWrite(), qint64(0));
    m_server->kill();
    inFlight.abort();

    QVERIFY2(m_server->start(), qPrintable(m_server->startError()));
    QStringList seen;
    const HttpResult changes
        = m_http.call("GET", m_server->url(QStringLiteral("/api/v1/changes?limit=500")), {}, token);
    for (const QJsonValue &change : changes.json().value(QStringLiteral("changes")).toArray())
        seen.append(change.toObject()
                        .value(QStringLiteral("event"))
                        .toObject()
                        .value(QStringLiteral("id"))
                        .toString());
    QCOMPARE(seen, stored);
    // The upload resumes after the one chunk the server stored, and completes.
    const qint64 received = m_http.call("GET", m_server->url(upload), {}, token)
                                .json()
                                .value(QStringLiteral("received"))
                                .toInteger();
    QCOMPARE(received, qint64(1024 * 1024));
    const HttpResult rest = m_http.call("PUT",
        m_server->url(upload + QStringLiteral("?offset=%1&total=%2").arg(received).arg(data.size())),
        data.mid(received), token, "application/octet-stream");
    QCOMPARE(rest.status, 200);
    QCOMPARE(rest.json().value(QStringLiteral("complete")).toBool(), true);
}

void TestServer::sigtermStopsGracefully()
{
    QCOMPARE(m_http.call("GET", m_server->url(QStringLiteral("/api/v1/health"))).status, 200);
    QCOMPARE(m_server->terminate(), 0);
    const QByteArray log = m_server->output();
    QVERIFY2(log.contains("\"event\":\"stopped\""), log.constData());
    // One JSON line per request, without secrets.
    QVERIFY(log.contains("\"path\":\"/api/v1/health\""));
}

QTEST_GUILESS_MAIN(TestServer)
#include "tst_server.moc"
