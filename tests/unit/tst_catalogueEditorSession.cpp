// A catalogue editor at the server from onewindow-editor (docs/catalogue-review.md): signing in with
// a hall account of the catalogue editor role (a wrong password, another role, a missing field and a
// staff number of two halls each refused, naming the field); the session locks and submits as its own
// staff number, never another's; a submission withdrawn by its editor (locks released, no walks
// offered, the version free again; another editor, a returned one refused); a change of a material's
// text alone signed off by every department whose matters ask for it; "today" for effective days in
// the hall's time zone, not the server's, and that zone named with a version announced ahead. Runs on
// SQLite, and as tst_catalogueEditorSession_postgres on OW_TEST_POSTGRES.

#include "../editor/EditorTestSupport.h"
#include "ServerDatabaseSupport.h"
#include "accounts/PasswordHash.h"
#include "core/ManualClock.h"
#include "server/Api.h"
#include "server/CredentialStore.h"
#include "server/HallAccountRepository.h"
#include "sync/CataloguePackage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace ow;
using namespace ow::server;
using namespace Qt::StringLiterals;

namespace {

const QString kBase = QStringLiteral(OW_ENGINE_CATALOGUES "/basic");
const QString kChanged = QStringLiteral(OW_ENGINE_CATALOGUES "/changed");
const QString kHall = u"33030201"_s;

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString hash(const QString &password)
{
    return accounts::PasswordHash::create(
        password, "0123456789abcdef", accounts::PasswordHash::kMinimumIterations);
}

} // namespace

class TestCatalogueEditorSession : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<Api> m_api;
    ManualClock m_clock {QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC)};
    QString m_publisher;
    QString m_health;
    QString m_market;
    QString m_tax;
    QString m_counter;

    struct Reply
    {
        int status = 0;
        QJsonObject body;
        QString code() const { return body.value(u"error"_s).toObject().value(u"code"_s).toString(); }
        QString field() const { return body.value(u"field"_s).toString(); }
    };

    Reply send(const QByteArray &method, const QString &path, const QString &token,
        const QByteArray &body = {}, const QString &remote = u"192.0.2.9"_s)
    {
        ApiRequest request;
        request.method = method;
        request.path = u"/api/v1/"_s + path;
        request.body = body;
        request.remote = QHostAddress(remote);
        if (!token.isEmpty())
            request.headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + token.toUtf8()));
        QString credential;
        const ApiReply reply = m_api->handle(request, &credential);
        return {reply.status, QJsonDocument::fromJson(reply.body).object()};
    }

    void startApi(const QTimeZone &zone = CatalogueRepository::defaultTimeZone())
    {
        m_api.reset();
        Api::Options options;
        options.dataDirectory = m_dir->path();
        options.timeZone = zone;
        m_api = std::make_unique<Api>(*m_db, options, m_clock.clock());
    }

    Reply signIn(const QString &staffNumber, const QString &password, const QString &hall = {})
    {
        QJsonObject body {{u"staffNumber"_s, staffNumber}, {u"password"_s, password}};
        if (!hall.isEmpty())
            body.insert(u"hall"_s, hall);
        return send("POST", u"catalogues/session"_s, {}, json(body));
    }
    QString session(const QString &staffNumber, const QString &password)
    {
        const Reply reply = signIn(staffNumber, password);
        if (reply.status != 201)
            qWarning("%s", json(reply.body).constData());
        return reply.body.value(u"token"_s).toString();
    }

    QJsonObject package(const QString &folder)
    {
        Result<sync::CataloguePackage> built = sync::CataloguePackage::fromDirectory(folder, u"engine-test"_s,
            folder == kBase ? u"1.0"_s : (folder == kChanged ? u"1.1"_s : u"1.2"_s));
        if (!built)
            qFatal("package: %s", qPrintable(built.error().toString()));
        return built->toJson();
    }
    Reply submit(const QString &token, const QString &folder = kChanged, const QString &effective = {},
        const QString &editor = {})
    {
        QJsonObject body = package(folder);
        body.insert(u"reason"_s, u"改"_s);
        if (!effective.isEmpty())
            body.insert(u"effective"_s, effective);
        if (!editor.isEmpty())
            body.insert(u"editor"_s, editor);
        return send("POST", u"catalogues/submissions"_s, token, json(body));
    }
    Reply lock(const QString &token, const QString &matter, const QString &editor = {})
    {
        QJsonObject body {{u"matter"_s, matter}};
        if (!editor.isEmpty())
            body.insert(u"editor"_s, editor);
        return send("POST", u"catalogues/locks"_s, token, json(body));
    }
    Reply gradeAll(qint64 id, const QString &grade, const QString &comment = {})
    {
        QJsonArray items;
        for (const QJsonValue &v : status(id).value(u"items"_s).toArray())
            items.append(v.toObject().value(u"item"_s));
        return send("POST", u"catalogues/submissions/%1/reviews"_s.arg(id), m_publisher,
            json({{u"items"_s, items}, {u"grade"_s, grade}, {u"comment"_s, comment},
                {u"reviewer"_s, u"李评审"_s}}));
    }
    QJsonObject status(qint64 id)
    {
        return send("GET", u"catalogues/submissions/%1"_s.arg(id), m_publisher).body;
    }
    Reply withdraw(qint64 id, const QString &token, const QString &editor = {})
    {
        return send(
            "POST", u"catalogues/submissions/%1/withdraw"_s.arg(id), token, json({{u"editor"_s, editor}}));
    }
    QJsonArray locks()
    {
        return send("GET", u"catalogues/locks"_s, m_publisher).body.value(u"locks"_s).toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (testing::postgresMissing())
            QSKIP("PostgreSQL tests need OW_TEST_POSTGRES");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        Result<std::unique_ptr<storage::Database>> db = testing::freshServerDatabase(*m_dir);
        QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().toString()));
        m_db = std::move(*db);
        m_clock.set(QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC));
        startApi();
        CredentialStore credentials(*m_db, m_clock.clock());
        m_publisher = credentials.issuePublisherKey(u"目录办"_s)->secret;
        m_health = credentials.issueDepartmentKey(u"health"_s)->secret;
        m_market = credentials.issueDepartmentKey(u"market"_s)->secret;
        m_tax = credentials.issueDepartmentKey(u"tax"_s)->secret;
        const QString code = credentials.issueEnrolCode(kHall, u"W01"_s)->secret;
        m_counter = (*credentials.enrol(code, u"pc-W01"_s))->second;
        HallAccountRepository accounts(*m_db, m_clock.clock());
        QVERIFY(
            accounts.add(kHall, u"test"_s, u"5001"_s, u"张编辑"_s, u"catalogue"_s, hash(u"edit-pass-1"_s)));
        QVERIFY(
            accounts.add(kHall, u"test"_s, u"5002"_s, u"王编辑"_s, u"catalogue"_s, hash(u"edit-pass-2"_s)));
        QVERIFY(
            accounts.add(kHall, u"test"_s, u"1001"_s, u"李受理"_s, u"intake"_s, hash(u"intake-pass-1"_s)));
        // One staff number in two halls: the editor says which.
        QVERIFY(accounts.add(
            u"33030202"_s, u"test"_s, u"5001"_s, u"赵编辑"_s, u"catalogue"_s, hash(u"other-hall-1"_s)));
        QVERIFY(accounts.add(
            u"33030202"_s, u"test"_s, u"5003"_s, u"孙编辑"_s, u"catalogue"_s, hash(u"third-pass-1"_s)));
        m_db->finishStatements();
        QCOMPARE(send("POST", u"catalogues"_s, m_publisher, json(package(kBase))).status, 201);
    }

    void cleanup()
    {
        m_api.reset();
        m_db.reset();
        m_dir.reset();
    }

    void signInNamesTheFieldThatIsWrong()
    {
        const Reply ok = signIn(u"5003"_s, u"third-pass-1"_s);
        QCOMPARE(ok.status, 201);
        QCOMPARE(ok.body.value(u"hall"_s).toString(), u"33030202"_s);
        QCOMPARE(ok.body.value(u"name"_s).toString(), u"孙编辑"_s);
        QVERIFY(!ok.body.value(u"token"_s).toString().isEmpty());
        QCOMPARE(ok.body.value(u"expires"_s).toString(), u"2026-12-07T12:00:00.000Z"_s);

        const Reply wrong = signIn(u"5003"_s, u"nope"_s);
        QCOMPARE(wrong.status, 403);
        QCOMPARE(wrong.field(), u"password"_s);
        const Reply unknown = signIn(u"9999"_s, u"nope"_s);
        QCOMPARE(unknown.status, 403);
        QCOMPARE(unknown.field(), u"password"_s);
        // The right password of a clerk without the role: told so, about the account.
        const Reply clerk = signIn(u"1001"_s, u"intake-pass-1"_s);
        QCOMPARE(clerk.status, 403);
        QCOMPARE(clerk.field(), u"staffNumber"_s);
        QVERIFY(clerk.body.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"1001"_s));
        QCOMPARE(signIn(u""_s, u"x"_s).field(), u"staffNumber"_s);
        QCOMPARE(signIn(u"5003"_s, u""_s).field(), u"password"_s);
        const Reply twoHalls = signIn(u"5001"_s, u"edit-pass-1"_s);
        QCOMPARE(twoHalls.status, 422);
        QCOMPARE(twoHalls.field(), u"hall"_s);
        QCOMPARE(signIn(u"5001"_s, u"edit-pass-1"_s, kHall).status, 201);
        QCOMPARE(signIn(u"5001"_s, u"other-hall-1"_s, u"33030202"_s).status, 201);

        // The session is a catalogue editor's: it does not review, walk, sign off or publish.
        const QString token = ok.body.value(u"token"_s).toString();
        QCOMPARE(send("GET", u"catalogues/current"_s, token).status, 200);
        QCOMPARE(send("GET", u"supervision/today"_s, token).status, 403);
        QCOMPARE(send("POST", u"catalogues"_s, token, json(package(kChanged))).status, 403);

        // Guessing is slowed down per account: five failures, then 429 even for the right password.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(signIn(u"5003"_s, u"guess"_s).status, 403);
        const Reply limited = signIn(u"5003"_s, u"third-pass-1"_s);
        QCOMPARE(limited.status, 429);
        // A session expires with its day.
        m_clock.advance(qint64(CatalogueEditorSignIn::kSessionHours) * 3600 * 1000 + 1000);
        QCOMPARE(send("GET", u"catalogues/current"_s, token).status, 401);
    }

    void theSessionLocksAndSubmitsAsItsOwnStaffNumber()
    {
        const QString wang = session(u"5002"_s, u"edit-pass-2"_s);
        const QString sun = session(u"5003"_s, u"third-pass-1"_s);
        // The body cannot name someone else: the lock is the session's.
        const Reply taken = lock(wang, u"M2"_s, u"5003"_s);
        QCOMPARE(taken.status, 201);
        QCOMPARE(taken.body.value(u"editor"_s).toString(), u"5002"_s);
        const Reply busy = lock(sun, u"M2"_s);
        QCOMPARE(busy.status, 409);
        QCOMPARE(busy.body.value(u"lock"_s).toObject().value(u"editor"_s).toString(), u"5002"_s);
        QCOMPARE(busy.body.value(u"lock"_s).toObject().value(u"expires"_s).toString(),
            u"2026-12-07T04:00:00.000Z"_s);
        // Another editor's session sees who holds what and cannot release it.
        QCOMPARE(send("GET", u"catalogues/locks"_s, sun).body.value(u"locks"_s).toArray().size(), 1);
        QCOMPARE(
            send("POST", u"catalogues/locks/release"_s, sun, json({{u"matter"_s, u"M2"_s}})).status, 404);
        QCOMPARE(submit(sun).status, 409);
        // The holder submits: the submission is his, his lock goes with it.
        const Reply submitted = submit(wang, kChanged, {}, u"5003"_s);
        QCOMPARE(submitted.status, 201);
        QCOMPARE(submitted.body.value(u"editor"_s).toString(), u"5002"_s);
        QVERIFY(locks().isEmpty());
        const qint64 id = submitted.body.value(u"id"_s).toInteger();
        // An editor does not grade; his session reads the submissions and their comments.
        QCOMPARE(send("POST", u"catalogues/submissions/%1/reviews"_s.arg(id), wang,
                     json({{u"item"_s, u"matter:M2"_s}, {u"grade"_s, u"高"_s}, {u"reviewer"_s, u"x"_s}}))
                     .status,
            403);
        QCOMPARE(
            send("GET", u"catalogues/submissions"_s, wang).body.value(u"submissions"_s).toArray().size(), 1);
        QCOMPARE(send("GET", u"catalogues/submissions/%1"_s.arg(id), wang).status, 200);
    }

    void itsEditorWithdrawsASubmission()
    {
        const QString wang = session(u"5002"_s, u"edit-pass-2"_s);
        const QString sun = session(u"5003"_s, u"third-pass-1"_s);
        const Reply submitted = submit(wang);
        const qint64 id = submitted.body.value(u"id"_s).toInteger();
        QCOMPARE(gradeAll(id, u"高"_s).body.value(u"state"_s).toString(), u"reviewed"_s);
        QVERIFY(!send("GET", u"catalogues/submissions/pending-walks"_s, m_counter)
                     .body.value(u"walks"_s)
                     .toArray()
                     .isEmpty());
        // Taken again while the review ran: released by the withdrawal too.
        QCOMPARE(lock(wang, u"M1"_s).status, 201);
        QCOMPARE(withdraw(id, sun).status, 403);
        QCOMPARE(withdraw(id, m_publisher, u"5003"_s).status, 403);
        QCOMPARE(withdraw(id, m_counter).status, 403);
        const Reply withdrawn = withdraw(id, wang);
        QCOMPARE(withdrawn.status, 200);
        QCOMPARE(withdrawn.body.value(u"state"_s).toString(), u"withdrawn"_s);
        QVERIFY(locks().isEmpty());
        QVERIFY(send("GET", u"catalogues/submissions/pending-walks"_s, m_counter)
                    .body.value(u"walks"_s)
                    .toArray()
                    .isEmpty());
        QCOMPARE(send("POST", u"catalogues/submissions/%1/walks"_s.arg(id), m_counter,
                     json({{u"situation"_s, u"M2/scale=large"_s}, {u"clerk"_s, u"1001"_s}}))
                     .status,
            409);
        QCOMPARE(withdraw(id, wang).status, 409);
        // The same version may be submitted again; a publisher key withdraws in the editor's name.
        const Reply again = submit(wang);
        QCOMPARE(again.status, 201);
        const qint64 second = again.body.value(u"id"_s).toInteger();
        QCOMPARE(withdraw(second, m_publisher, u"5002"_s).body.value(u"state"_s).toString(), u"withdrawn"_s);
        // A returned submission is final already.
        const qint64 third = submit(wang).body.value(u"id"_s).toInteger();
        QCOMPARE(
            gradeAll(third, u"中"_s, u"审查要点不清"_s).body.value(u"state"_s).toString(), u"returned"_s);
        QCOMPARE(withdraw(third, wang).status, 409);
        QCOMPARE(withdraw(999, wang).status, 404);
    }

    void aMaterialTextChangeIsSignedOffByEveryDepartmentUsingIt()
    {
        // Version 1.2: only the application form's review point is worded anew. No situation gains
        // or loses anything, so nothing is walked; both departments whose matters ask for the form
        // still sign it off.
        const QString folder = m_dir->filePath(u"text-only"_s);
        QVERIFY(test::copyFolder(kBase, folder));
        QByteArray catalogueText = test::fileBytes(folder + u"/catalogue.txt"_s);
        catalogueText.replace("version: 1.0", "version: 1.2");
        QVERIFY(test::writeBytes(folder + u"/catalogue.txt"_s, catalogueText));
        QByteArray materials = test::fileBytes(folder + u"/materials/all.txt"_s);
        QVERIFY(materials.contains("form-point signed: 申请人签字"));
        materials.replace("form-point signed: 申请人签字", "form-point signed: 申请人签字并注明日期");
        QVERIFY(test::writeBytes(folder + u"/materials/all.txt"_s, materials));

        const Reply submitted = submit(m_publisher, folder, {}, u"张编辑"_s);
        QCOMPARE(submitted.status, 201);
        QStringList items;
        for (const QJsonValue &v : submitted.body.value(u"items"_s).toArray())
            items.append(v.toObject().value(u"item"_s).toString());
        QCOMPARE(items, QStringList({u"material:application"_s}));
        QCOMPARE(submitted.body.value(u"departments"_s).toArray().toVariantList(),
            QVariantList({u"health"_s, u"market"_s}));
        const qint64 id = submitted.body.value(u"id"_s).toInteger();
        QCOMPARE(gradeAll(id, u"高"_s).body.value(u"state"_s).toString(), u"walked"_s);
        QCOMPARE(
            send("POST", u"catalogues/submissions/%1/publish"_s.arg(id), m_publisher, json({})).status, 409);
        QCOMPARE(send("POST", u"catalogues/submissions/%1/sign-off"_s.arg(id), m_tax,
                     json({{u"signer"_s, u"后台"_s}}))
                     .status,
            403);
        QCOMPARE(send("POST", u"catalogues/submissions/%1/sign-off"_s.arg(id), m_health,
                     json({{u"signer"_s, u"后台"_s}}))
                     .body.value(u"state"_s)
                     .toString(),
            u"walked"_s);
        QCOMPARE(send("POST", u"catalogues/submissions/%1/sign-off"_s.arg(id), m_market,
                     json({{u"signer"_s, u"后台"_s}}))
                     .body.value(u"state"_s)
                     .toString(),
            u"accepted"_s);
        QCOMPARE(
            send("POST", u"catalogues/submissions/%1/publish"_s.arg(id), m_publisher, json({})).status, 200);
    }

    void todayIsTheHallsDateNotTheServers()
    {
        // 17:00 UTC on the 7th is 01:00 on the 8th in Shanghai: the 7th has passed in the hall.
        m_clock.set(QDateTime(QDate(2026, 12, 7), QTime(17, 0), Qt::UTC));
        const Reply yesterday = submit(m_publisher, kChanged, u"2026-12-07"_s, u"张编辑"_s);
        QCOMPARE(yesterday.status, 422);
        const Reply unsaid = submit(m_publisher, kChanged, {}, u"张编辑"_s);
        QCOMPARE(unsaid.status, 201);
        QCOMPARE(unsaid.body.value(u"effective"_s).toString(), u"2026-12-08"_s);
        QCOMPARE(withdraw(unsaid.body.value(u"id"_s).toInteger(), m_publisher, u"张编辑"_s).status, 200);
        // A hall kept in UTC by --time-zone: still the 7th there.
        startApi(QTimeZone::utc());
        const Reply utc = submit(m_publisher, kChanged, u"2026-12-07"_s, u"张编辑"_s);
        QCOMPARE(utc.status, 201);
        QCOMPARE(utc.body.value(u"effective"_s).toString(), u"2026-12-07"_s);
        // A version announced ahead names the zone its day is counted in, for counters offline then.
        QCOMPARE(
            send("POST", u"catalogues/publications"_s, m_publisher,
                json({{u"version"_s, u"1.0"_s}, {u"reason"_s, u"释"_s}, {u"effective"_s, u"2026-12-20"_s}}))
                .status,
            201);
        const auto nextZone = [&] {
            return send("GET", u"catalogues/current"_s, m_counter)
                .body.value(u"next"_s)
                .toObject()
                .value(u"timeZone"_s)
                .toString();
        };
        QCOMPARE(nextZone(), u"UTC"_s);
        startApi();
        QCOMPARE(nextZone(), QString::fromUtf8(CatalogueRepository::defaultTimeZone().id()));
    }
};

QTEST_GUILESS_MAIN(TestCatalogueEditorSession)
#include "tst_catalogueEditorSession.moc"
