#include "storage/Database.h"
#include "storage/SchemaMigrator.h"
#include "storage/Transaction.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::storage;
using namespace Qt::StringLiterals;

/// The storage layer on SQLite and, when OW_TEST_POSTGRES names a database (scripts/with-postgres),
/// on PostgreSQL: checked statements, transactions, the migrator and the dialect placeholders.
class TestStorage : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;

    static SchemaMigrator migrator()
    {
        return SchemaMigrator(u"storage_test_version"_s,
            {[](int found, int known) { return u"newer: %1 > %2"_s.arg(found).arg(known); },
                [](const Migration &migration, const QString &reason) {
                    return u"migration %1 failed: %2"_s.arg(migration.version).arg(reason);
                }});
    }

    void drop()
    {
        for (const QString &table :
            {u"storage_test_version"_s, u"storage_test_rows"_s, u"storage_test_more"_s})
            QVERIFY(m_db->exec(u"DROP TABLE IF EXISTS "_s + table));
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QString spec = u"sqlite:"_s + m_dir->filePath(u"sub/test.db"_s);
        if (backend == u"postgresql"_s) {
            spec = qEnvironmentVariable("OW_TEST_POSTGRES");
            if (spec.isEmpty())
                QSKIP("PostgreSQL needs OW_TEST_POSTGRES (scripts/with-postgres)");
        }
        auto db = Database::open(spec, {});
        QVERIFY2(db, db ? "" : qPrintable(db.error().message()));
        m_db = std::move(*db);
        drop();
    }

    void cleanup()
    {
        if (m_db)
            drop();
        m_db.reset();
    }

    void opensWithTheAgreedSettings()
    {
        if (m_db->dialect().isSqlite()) {
            QCOMPARE(m_db->dialect().name(), u"sqlite"_s);
            QVERIFY(m_db->path().endsWith(u"sub/test.db"_s));
            QCOMPARE(m_db->description(), u"sqlite:"_s + m_db->path());
            QCOMPARE(m_db->scalar(u"PRAGMA journal_mode"_s)->toString(), u"wal"_s);
            QCOMPARE(m_db->scalar(u"PRAGMA foreign_keys"_s)->toInt(), 1);
            QCOMPARE(m_db->scalar(u"PRAGMA synchronous"_s)->toInt(), 2); // FULL
        } else {
            QCOMPARE(m_db->dialect().name(), u"postgresql"_s);
            QVERIFY(m_db->path().isEmpty());
            QVERIFY(m_db->description().startsWith(u"postgresql://"_s));
        }
    }

    void refusesAnUnknownDatabase()
    {
        const auto db = Database::open(u"mysql://localhost/x"_s, {});
        QVERIFY(!db);
        QCOMPARE(db.error().code(), Error::Code::Invalid);
    }

    void failedStatementIsAnErrorWithContext()
    {
        const Result<void> done = m_db->exec(u"SELECT * FROM storage_test_missing"_s, u"reading a test"_s);
        QVERIFY(!done);
        QCOMPARE(done.error().code(), Error::Code::Io);
        QVERIFY2(done.error().message().contains(u"reading a test"_s), qPrintable(done.error().message()));
        QVERIFY(!m_db->run(u"SELECT * FROM storage_test_missing WHERE x = ?"_s, {1}));
        QVERIFY(!m_db->prepare(u"SELEKT 1"_s));
    }

    void fetchTellsAFailedReadFromTheEnd()
    {
        // The second row fails while it is computed: SQLite reports it when the row is read,
        // PostgreSQL when the statement runs. Either way it never passes for the end of the rows.
        const QString sql = m_db->dialect().isSqlite()
            ? u"WITH t(x) AS (VALUES (1), (2)) SELECT CASE WHEN x = 2 THEN abs(-9223372036854775807 - 1)"
              " ELSE x END FROM t"_s
            : u"WITH t(x) AS (VALUES (1), (2)) SELECT 1 / (2 - x) FROM t"_s;
        Result<Rows> rows = m_db->run(sql);
        if (!rows) {
            QVERIFY(!m_db->dialect().isSqlite());
            return;
        }
        QCOMPARE(rows->fetch().value_or(false), true);
        const Result<bool> second = rows->fetch();
        QVERIFY(!second);
        QCOMPARE(second.error().code(), Error::Code::Io);

        // A plain read to the end is false, not an error.
        Result<Rows> one = m_db->run(u"SELECT 1"_s);
        QVERIFY(one);
        QCOMPARE(one->fetch().value_or(false), true);
        const Result<bool> end = one->fetch();
        QVERIFY(end);
        QCOMPARE(*end, false);
    }

    void transactionRollsBackUnlessCommitted()
    {
        QVERIFY(m_db->exec(u"CREATE TABLE storage_test_rows (x INTEGER NOT NULL, t TEXT NOT NULL)"_s));
        {
            Transaction transaction(*m_db);
            QVERIFY(transaction.begin());
            QVERIFY(m_db->run(u"INSERT INTO storage_test_rows (x, t) VALUES (?, ?)"_s, {1, u"a"_s}));
        }
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM storage_test_rows"_s)->toInt(), 0);
        Transaction transaction(*m_db);
        QVERIFY(transaction.begin());
        // A null QString is stored as '' in a NOT NULL text column.
        QVERIFY(m_db->run(u"INSERT INTO storage_test_rows (x, t) VALUES (?, ?)"_s, {2, QString()}));
        QVERIFY(transaction.commit());
        QCOMPARE(m_db->scalar(u"SELECT t FROM storage_test_rows WHERE x = 2"_s)->toString(), QString());
        QVERIFY(m_db->scalar(u"SELECT t FROM storage_test_rows WHERE x = 2"_s)->isValid());
        // No row: a null QVariant.
        QVERIFY(m_db->scalar(u"SELECT t FROM storage_test_rows WHERE x = 3"_s)->isNull());
    }

    void migratorAppliesInOrderWithTheDialectsTypes()
    {
        const QList<Migration> list {
            {1, u"rows"_s,
                {u"CREATE TABLE storage_test_rows (id {serial}, size {bigint} NOT NULL)"_s,
                    u"INSERT INTO storage_test_rows (size) VALUES (5000000000)"_s},
                {}},
            {2, u"a step"_s, {},
                [](const Database &db) -> Result<void> {
                    return db.exec(u"INSERT INTO storage_test_rows (size) VALUES (7)"_s);
                }},
        };
        QCOMPARE(migrator().currentVersion(*m_db).value_or(-1), 0);
        QVERIFY(migrator().migrate(*m_db, list, 1));
        QCOMPARE(migrator().currentVersion(*m_db).value_or(-1), 1);
        QVERIFY(migrator().migrate(*m_db, list));
        QCOMPARE(migrator().currentVersion(*m_db).value_or(-1), 2);
        QCOMPARE(m_db->scalar(u"SELECT max(size) FROM storage_test_rows"_s)->toLongLong(), 5000000000LL);
        QCOMPARE(m_db->scalar(u"SELECT max(id) FROM storage_test_rows"_s)->toInt(), 2);
        // Again: nothing left to do.
        QVERIFY(migrator().migrate(*m_db, list));
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM storage_test_rows"_s)->toInt(), 2);

        // Written by a newer program: refused in the owner's words.
        const Result<void> older = migrator().migrate(*m_db, list.mid(0, 1));
        QVERIFY(!older);
        QCOMPARE(older.error().code(), Error::Code::Unsupported);
        QCOMPARE(older.error().message(), u"newer: 2 > 1"_s);
    }

    void failedMigrationRollsBackInTheOwnersWords()
    {
        const QList<Migration> list {
            {1, u"broken"_s,
                {u"CREATE TABLE storage_test_rows (x INTEGER)"_s,
                    u"INSERT INTO storage_test_missing VALUES (1)"_s},
                {}},
        };
        const Result<void> done = migrator().migrate(*m_db, list);
        QVERIFY(!done);
        QVERIFY2(
            done.error().message().startsWith(u"migration 1 failed: "_s), qPrintable(done.error().message()));
        QCOMPARE(m_db->scalar(m_db->dialect().tableExists(u"storage_test_rows"_s))->toBool(), false);
        QCOMPARE(migrator().currentVersion(*m_db).value_or(-1), 0);
    }

    void migrationAppliedMeanwhileIsNotAppliedTwice()
    {
        // Migration 1 records version 2 as if another program had applied it while this one waited
        // for the lock: the migrator finds the row in its transaction and leaves migration 2 alone.
        const QList<Migration> list {
            {1, u"first"_s, {u"CREATE TABLE storage_test_rows (x INTEGER)"_s},
                [](const Database &db) -> Result<void> {
                    Result<Rows> done = db.run(
                        u"INSERT INTO storage_test_version (version, description, applied) VALUES (2, 'x', 'x')"_s);
                    if (!done)
                        return failWith(done.error());
                    return {};
                }},
            {2, u"second"_s, {u"CREATE TABLE storage_test_rows (x INTEGER)"_s}, {}},
        };
        const Result<void> done = migrator().migrate(*m_db, list);
        QVERIFY2(done, done ? "" : qPrintable(done.error().message()));
        QCOMPARE(migrator().currentVersion(*m_db).value_or(-1), 2);
    }

    void dialectPlaceholders()
    {
        const SqlDialect sqlite(SqlDialect::Kind::Sqlite);
        const SqlDialect postgresql(SqlDialect::Kind::Postgresql);
        QCOMPARE(sqlite.translate(u"a {serial}, b {bigint}"_s),
            u"a INTEGER PRIMARY KEY AUTOINCREMENT, b INTEGER"_s);
        QCOMPARE(postgresql.translate(u"a {serial}, b {bigint}"_s), u"a BIGSERIAL PRIMARY KEY, b BIGINT"_s);
        QCOMPARE(sqlite.beginWrite(), u"BEGIN IMMEDIATE"_s);
        QCOMPARE(postgresql.beginWrite(), u"BEGIN"_s);
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
