#include "accounts/AccountSchema.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace ow::accounts {

namespace {

struct Step
{
    int version;
    QString description;
    QStringList statements;
};

const QList<Step> &steps()
{
    static const QList<Step> list {
        {1, QStringLiteral("workstation accounts"),
            {
                QStringLiteral("CREATE TABLE accounts ("
                               " id INTEGER PRIMARY KEY,"
                               " login TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                               " display_name TEXT NOT NULL,"
                               " role TEXT NOT NULL,"
                               " password_hash TEXT NOT NULL,"
                               " active INTEGER NOT NULL DEFAULT 1,"
                               " created TEXT NOT NULL,"
                               " updated TEXT NOT NULL,"
                               " last_login TEXT)"),
            }},
    };
    return list;
}

} // namespace

int AccountSchema::latestVersion()
{
    return steps().constLast().version;
}

Result<int> AccountSchema::currentVersion(const cases::SqlDatabase &db)
{
    Result<QVariant> exists = db.scalar(QStringLiteral(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'accounts_schema_version'"));
    if (!exists)
        return failWith(exists.error());
    if (exists->toInt() == 0)
        return 0;
    Result<QVariant> version
        = db.scalar(QStringLiteral("SELECT coalesce(max(version), 0) FROM accounts_schema_version"));
    if (!version)
        return failWith(version.error());
    return version->toInt();
}

Result<void> AccountSchema::migrate(const cases::SqlDatabase &db)
{
    Result<int> current = currentVersion(db);
    if (!current)
        return failWith(current.error());
    if (*current > latestVersion())
        return fail(Error::Code::Unsupported,
            QCoreApplication::translate("ow::accounts",
                "The accounts in %1 were written by a newer OneWindow (accounts schema version %2; this "
                "program knows up to %3).")
                .arg(db.path())
                .arg(*current)
                .arg(latestVersion()));
    for (const Step &step : steps()) {
        if (step.version <= *current)
            continue;
        const auto failed = [&](const Error &error) {
            return fail(error.code(),
                QCoreApplication::translate("ow::accounts",
                    "Migration %1 of the accounts (%2) failed and was rolled back: %3")
                    .arg(step.version)
                    .arg(step.description, error.message()));
        };
        cases::Transaction transaction(db);
        Result<void> done = transaction.begin();
        if (!done)
            return failed(done.error());
        QStringList statements {QStringLiteral("CREATE TABLE IF NOT EXISTS accounts_schema_version ("
                                               " version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                                               " applied TEXT NOT NULL)")};
        statements += step.statements;
        for (const QString &sql : std::as_const(statements)) {
            done = db.exec(sql);
            if (!done)
                return failed(done.error());
        }
        Result<QSqlQuery> record = db.prepare(QStringLiteral(
            "INSERT INTO accounts_schema_version (version, description, applied) VALUES (?, ?, ?)"));
        if (!record)
            return failed(record.error());
        record->addBindValue(step.version);
        record->addBindValue(step.description);
        record->addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        done = cases::SqlDatabase::exec(*record);
        if (!done)
            return failed(done.error());
        done = transaction.commit();
        if (!done)
            return failed(done.error());
    }
    return {};
}

} // namespace ow::accounts
