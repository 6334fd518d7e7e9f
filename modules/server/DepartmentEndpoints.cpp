#include "server/DepartmentEndpoints.h"

#include "cases/CaseJson.h"
#include "storage/Database.h"
#include "storage/Rows.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace ow::server {

namespace {

QString newSecret()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toHex());
}

DepartmentEndpoint endpointFrom(const storage::Rows &rows)
{
    return {rows.value(0).toString(), QUrl(rows.value(1).toString()), rows.value(2).toString().toLatin1(),
        rows.value(3).toInt() != 0, rows.value(4).toString()};
}

const QString kColumns = QStringLiteral("department, url, secret, enabled, updated");

} // namespace

DepartmentEndpoints::DepartmentEndpoints(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

QString DepartmentEndpoints::urlProblem(const QUrl &url)
{
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty())
        return QCoreApplication::translate("ow::server",
            "The endpoint must be an http or https address with a host, e.g. https://host/push.");
    return {};
}

Result<QString> DepartmentEndpoints::setUrl(const QString &department, const QUrl &url, bool renew)
{
    if (const QString problem = urlProblem(url); !problem.isEmpty())
        return fail(Error::Code::Invalid, problem);
    if (department.trimmed().isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::server", "The endpoint needs the department it is for."));
    const QString now = cases::CaseJson::timeText(m_clock.nowUtc());
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<std::optional<QVariantList>> found = m_db.firstRow(
        QStringLiteral("SELECT secret FROM department_endpoints WHERE department = ?"), {department});
    if (!found)
        return failWith(found.error());
    QString secret;
    Result<storage::Rows> written = [&] {
        if (!*found) {
            secret = newSecret();
            return m_db.run(
                QStringLiteral("INSERT INTO department_endpoints (department, url, secret, enabled,"
                               " created, updated) VALUES (?, ?, ?, 1, ?, ?)"),
                {department, url.toString(), secret, now, now});
        }
        if (renew)
            secret = newSecret();
        return m_db.run(QStringLiteral("UPDATE department_endpoints SET url = ?, secret = ?, enabled = 1,"
                                       " updated = ? WHERE department = ?"),
            {url.toString(), renew ? secret : (**found).at(0).toString(), now, department});
    }();
    if (!written)
        return failWith(written.error());
    if (Result<void> committed = transaction.commit(); !committed)
        return failWith(committed.error());
    return secret;
}

Result<bool> DepartmentEndpoints::setEnabled(const QString &department, bool enabled)
{
    Result<storage::Rows> updated = m_db.run(
        QStringLiteral("UPDATE department_endpoints SET enabled = ?, updated = ? WHERE department = ?"),
        {enabled ? 1 : 0, cases::CaseJson::timeText(m_clock.nowUtc()), department});
    if (!updated)
        return failWith(updated.error());
    return updated->numRowsAffected() > 0;
}

Result<std::optional<DepartmentEndpoint>> DepartmentEndpoints::find(const QString &department) const
{
    Result<storage::Rows> rows = m_db.run(QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(" FROM department_endpoints WHERE department = ?"),
        {department});
    if (!rows)
        return failWith(rows.error());
    Result<bool> row = rows->fetch();
    if (!row)
        return failWith(row.error());
    if (!*row)
        return std::optional<DepartmentEndpoint>();
    return std::optional(endpointFrom(*rows));
}

Result<QList<DepartmentEndpoint>> DepartmentEndpoints::list() const
{
    Result<storage::Rows> rows = m_db.run(QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM department_endpoints ORDER BY department"));
    if (!rows)
        return failWith(rows.error());
    QList<DepartmentEndpoint> endpoints;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row)
        endpoints.append(endpointFrom(*rows));
    if (!row)
        return failWith(row.error());
    return endpoints;
}

} // namespace ow::server
