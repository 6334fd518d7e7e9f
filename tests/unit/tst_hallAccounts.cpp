// Hall-wide accounts on the server: the repository (every change audited, halls kept apart, staff
// numbers case-insensitive, only hash texts stored) and the accounts API a workstation uses (the
// pull with hashes, changes only by an enabled hall administrator with their own password). Runs on
// SQLite, and as tst_hallAccounts_postgres on the PostgreSQL of OW_TEST_POSTGRES.

#include "accounts/PasswordHash.h"
#include "core/ManualClock.h"
#include "server/AccountApi.h"
#include "server/HallAccountRepository.h"
#include "server/ServerSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::server;
using namespace Qt::StringLiterals;

class TestHallAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void addAndChange();
    void refusals();
    void hallsApart();
    void administrator();
    void apiPullCarriesHashesOnly();
    void apiChangesNeedAnAdministrator();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    ManualClock m_clock;
    QString m_hash; // one hash for the tests: deriving it costs a fifth of a second
};

void TestHallAccounts::initTestCase()
{
    if (qEnvironmentVariable("OW_SERVER_TEST_BACKEND") == "postgresql"_L1
        && qEnvironmentVariableIsEmpty("OW_TEST_POSTGRES"))
        QSKIP("PostgreSQL tests need OW_TEST_POSTGRES; run them with scripts/with-postgres ctest -R "
              "tst_hallAccounts_postgres");
    m_hash = accounts::PasswordHash::create(u"admin-pass-1"_s);
}

void TestHallAccounts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const bool postgres = qEnvironmentVariable("OW_SERVER_TEST_BACKEND") == "postgresql"_L1;
    const QString spec = postgres ? qEnvironmentVariable("OW_TEST_POSTGRES")
                                  : u"sqlite:"_s + m_dir->filePath(u"server.db"_s);
    Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(spec);
    QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().toString()));
    if (postgres)
        QVERIFY(
            (*db)->exec(u"DROP TABLE IF EXISTS "_s + ServerSchema::tables().join(u", "_s) + u" CASCADE"_s));
    QVERIFY(ServerSchema::migrate(**db));
    m_db = std::move(*db);
}

void TestHallAccounts::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestHallAccounts::addAndChange()
{
    HallAccountRepository repo(*m_db, m_clock.clock());
    Result<HallAccount> added
        = repo.add(u"33030201"_s, u"9000@W01"_s, u"1001"_s, u"张三"_s, u"pickup,intake"_s, m_hash);
    QVERIFY2(added, added ? "" : qPrintable(added.error().message()));
    QCOMPARE(added->roles, u"intake,pickup"_s);
    QVERIFY(added->active);
    QVERIFY(added->mustChangePassword);
    QCOMPARE(added->passwordHash, m_hash);
    QVERIFY(repo.rename(u"33030201"_s, u"9000@W01"_s, u"1001"_s, u"张叁"_s));
    QVERIFY(repo.setRoles(u"33030201"_s, u"9000@W01"_s, u"1001"_s, u"supervisor"_s));
    QVERIFY(repo.setActive(u"33030201"_s, u"9000@W01"_s, u"1001"_s, false));
    Result<HallAccount> changed = repo.account(u"33030201"_s, u"1001"_s);
    QCOMPARE(changed->displayName, u"张叁"_s);
    QCOMPARE(changed->roles, u"supervisor"_s);
    QVERIFY(!changed->active);
    QVERIFY(repo.setActive(u"33030201"_s, u"9000@W01"_s, u"1001"_s, true));
    const QString other = accounts::PasswordHash::create(u"reset-pass-2"_s);
    QVERIFY(repo.resetPassword(u"33030201"_s, u"9000@W01"_s, u"1001"_s, other));
    QCOMPARE(repo.account(u"33030201"_s, u"1001"_s)->passwordHash, other);
    Result<QList<HallAccountRepository::AuditRow>> audit = repo.audit(u"33030201"_s);
    QVERIFY(audit);
    QStringList actions;
    for (const HallAccountRepository::AuditRow &row : *audit) {
        actions.append(row.action);
        QCOMPARE(row.actor, u"9000@W01"_s);
        QCOMPARE(row.login, u"1001"_s);
    }
    QCOMPARE(actions,
        (QStringList {u"account.created"_s, u"account.renamed"_s, u"account.role_changed"_s,
            u"account.deactivated"_s, u"account.activated"_s, u"account.password_reset"_s}));
}

void TestHallAccounts::refusals()
{
    HallAccountRepository repo(*m_db, m_clock.clock());
    QVERIFY(repo.add(u"33030201"_s, u"cli"_s, u"A100"_s, u"李四"_s, u"intake"_s, m_hash));
    // The same staff number in other letters is the same clerk.
    QVERIFY(!repo.add(u"33030201"_s, u"cli"_s, u"a100"_s, u"李四"_s, u"intake"_s, m_hash));
    QVERIFY(repo.account(u"33030201"_s, u"a100"_s));
    QVERIFY(!repo.add(u"33030201"_s, u"cli"_s, u"1002"_s, u"王五"_s, u"cook"_s, m_hash));
    QVERIFY(!repo.add(u"33030201"_s, u"cli"_s, u"1002"_s, u"王五"_s, u"intake"_s, u"plain-password"_s));
    QVERIFY(!repo.add(u"33030201"_s, u"cli"_s, u"1002"_s, u" "_s, u"intake"_s, m_hash));
    QVERIFY(!repo.resetPassword(u"33030201"_s, u"cli"_s, u"A100"_s, u"pbkdf2-sha256$1000$eA==$eA=="_s));
    Result<void> missing = repo.setActive(u"33030201"_s, u"cli"_s, u"nobody"_s, false);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code(), Error::Code::NotFound);
    QCOMPARE(repo.audit(u"33030201"_s)->size(), 1);
}

void TestHallAccounts::hallsApart()
{
    HallAccountRepository repo(*m_db, m_clock.clock());
    QVERIFY(repo.add(u"33030201"_s, u"cli"_s, u"1001"_s, u"张三"_s, u"intake"_s, m_hash));
    QVERIFY(repo.add(u"33030202"_s, u"cli"_s, u"1001"_s, u"另一个张三"_s, u"intake"_s, m_hash));
    QCOMPARE(repo.accounts(u"33030201"_s)->size(), 1);
    QCOMPARE(repo.accounts(u"33030202"_s)->constFirst().displayName, u"另一个张三"_s);
    QVERIFY(repo.setActive(u"33030202"_s, u"cli"_s, u"1001"_s, false));
    QVERIFY(repo.account(u"33030201"_s, u"1001"_s)->active);
    QCOMPARE(repo.audit(u"33030201"_s)->size(), 1);
}

void TestHallAccounts::administrator()
{
    HallAccountRepository repo(*m_db, m_clock.clock());
    QVERIFY(repo.add(u"33030201"_s, u"cli"_s, u"9000"_s, u"管理员"_s, u"admin"_s, m_hash));
    QVERIFY(repo.add(u"33030201"_s, u"cli"_s, u"1001"_s, u"张三"_s, u"intake,supervisor"_s, m_hash));
    QCOMPARE(repo.isAdministrator(u"33030201"_s, u"9000"_s, u"admin-pass-1"_s).value(), true);
    QCOMPARE(repo.isAdministrator(u"33030201"_s, u"9000"_s, u"admin-pass-2"_s).value(), false);
    QCOMPARE(repo.isAdministrator(u"33030201"_s, u"1001"_s, u"admin-pass-1"_s).value(), false);
    QCOMPARE(repo.isAdministrator(u"33030202"_s, u"9000"_s, u"admin-pass-1"_s).value(), false);
    QCOMPARE(repo.isAdministrator(u"33030201"_s, u"nobody"_s, u"admin-pass-1"_s).value(), false);
    QVERIFY(repo.setActive(u"33030201"_s, u"cli"_s, u"9000"_s, false));
    QCOMPARE(repo.isAdministrator(u"33030201"_s, u"9000"_s, u"admin-pass-1"_s).value(), false);
}

void TestHallAccounts::apiPullCarriesHashesOnly()
{
    HallAccountRepository repo(*m_db, m_clock.clock());
    QVERIFY(repo.add(u"33030201"_s, u"cli"_s, u"1001"_s, u"张三"_s, u"intake"_s, m_hash));
    QVERIFY(repo.add(u"33030202"_s, u"cli"_s, u"2001"_s, u"别的大厅"_s, u"intake"_s, m_hash));
    Credential counter;
    counter.hall = u"33030201"_s;
    counter.counter = u"W07"_s;
    ApiReply reply = AccountApi(*m_db, m_clock.clock()).list(counter);
    QCOMPARE(reply.status, 200);
    const QJsonObject body = QJsonDocument::fromJson(reply.body).object();
    const QJsonArray rows = body[u"accounts"_s].toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0)[u"staffNumber"_s].toString(), u"1001"_s);
    QCOMPARE(rows.at(0)[u"passwordHash"_s].toString(), m_hash);
    QVERIFY(!reply.body.contains("admin-pass-1"));
}

void TestHallAccounts::apiChangesNeedAnAdministrator()
{
    HallAccountRepository repo(*m_db, m_clock.clock());
    QVERIFY(repo.add(u"33030201"_s, u"cli"_s, u"9000"_s, u"管理员"_s, u"admin"_s, m_hash));
    QVERIFY(repo.add(u"33030201"_s, u"cli"_s, u"1001"_s, u"张三"_s, u"intake"_s, m_hash));
    Credential counter;
    counter.hall = u"33030201"_s;
    counter.counter = u"W07"_s;
    AccountApi api(*m_db, m_clock.clock());
    const auto post = [&](const QJsonObject &body) {
        ApiRequest request;
        request.method = "POST";
        request.path = u"/api/v1/accounts"_s;
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return api.change(request, counter);
    };
    const QString newHash = accounts::PasswordHash::create(u"first-pass-3"_s);
    QJsonObject add {{u"action"_s, u"add"_s}, {u"staffNumber"_s, u"1002"_s}, {u"name"_s, u"王五"_s},
        {u"roles"_s, u"pickup"_s}, {u"passwordHash"_s, newHash}};
    // A clerk without the administrator role, and an administrator with a wrong password, are refused.
    add[u"admin"_s] = QJsonObject {{u"staffNumber"_s, u"1001"_s}, {u"password"_s, u"admin-pass-1"_s}};
    QCOMPARE(post(add).status, 403);
    add[u"admin"_s] = QJsonObject {{u"staffNumber"_s, u"9000"_s}, {u"password"_s, u"wrong-pass-9"_s}};
    QCOMPARE(post(add).status, 403);
    add[u"admin"_s] = QJsonObject {{u"staffNumber"_s, u"9000"_s}, {u"password"_s, u"admin-pass-1"_s}};
    QCOMPARE(post(add).status, 201);
    QCOMPARE(post(add).status, 422); // taken
    QJsonObject disable {
        {u"action"_s, u"disable"_s}, {u"staffNumber"_s, u"1001"_s}, {u"admin"_s, add[u"admin"_s]}};
    QCOMPARE(post(disable).status, 200);
    QVERIFY(!repo.account(u"33030201"_s, u"1001"_s)->active);
    QJsonObject unknown {
        {u"action"_s, u"explode"_s}, {u"staffNumber"_s, u"1001"_s}, {u"admin"_s, add[u"admin"_s]}};
    QCOMPARE(post(unknown).status, 422);
    QCOMPARE(repo.audit(u"33030201"_s)->constLast().actor, u"9000@W07"_s);
}

QTEST_GUILESS_MAIN(TestHallAccounts)
#include "tst_hallAccounts.moc"
