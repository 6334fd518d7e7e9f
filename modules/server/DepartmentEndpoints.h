#pragma once

#include "core/Clock.h"
#include "core/Result.h"

#include <QList>
#include <QString>
#include <QUrl>
#include <optional>

namespace ow::storage {
class Database;
}

namespace ow::server {

/// Where a department's own business system takes the server's pushes.
struct DepartmentEndpoint
{
    QString department; ///< the department id of the catalogue, as its key is bound to
    QUrl url;
    QByteArray secret; ///< signs every push (sync::PushSignature); shown once when made
    bool enabled = true;
    QString updated;
};

/// The departments' registered endpoints (`onewindow-cli server department-endpoint`): a department
/// with one, enabled, gets its accepted and supplemented cases pushed; one without keeps polling the
/// department API, which stays the same either way.
class DepartmentEndpoints
{
public:
    DepartmentEndpoints(const storage::Database &db, Clock clock);

    /// Registers `department`'s endpoint or changes its address (enabling it again). Gives the new
    /// signing secret when one was made — at the first registration, or with `newSecret` — else an
    /// empty string (the department keeps the secret it has).
    Result<QString> setUrl(const QString &department, const QUrl &url, bool newSecret = false);
    /// Stops or resumes the pushes to a registered endpoint (pushes queued meanwhile wait); false
    /// when the department has none.
    Result<bool> setEnabled(const QString &department, bool enabled);
    Result<std::optional<DepartmentEndpoint>> find(const QString &department) const;
    Result<QList<DepartmentEndpoint>> list() const;

    /// Why `url` cannot take pushes (not http or https, no host), or empty.
    static QString urlProblem(const QUrl &url);

private:
    const storage::Database &m_db;
    Clock m_clock;
};

} // namespace ow::server
