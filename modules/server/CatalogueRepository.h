#pragma once

#include "core/Clock.h"
#include "server/RequestParser.h"
#include "storage/Database.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace ow::server {

/// Published catalogue versions: each package is loaded and linted before it is kept, the newest
/// becomes current, and the package is served back byte for byte.
class CatalogueRepository
{
public:
    struct Outcome
    {
        enum class Status
        {
            Published, ///< a new version, now current
            Unchanged, ///< the same version with the same content was published before
            Conflict, ///< the version exists with other content
            LintFailed,
            Invalid,
        };
        Status status = Status::Published;
        QStringList diagnostics; ///< errors, "file:line:column: message"
        QStringList warnings; ///< the linter's findings: reported, not refused
        QString message;
        QJsonObject summary; ///< {"id", "version", "sha256", "published"}
    };

    CatalogueRepository(const storage::Database &db, QString directory, Clock clock);

    Result<Outcome> publish(const sync::CataloguePackage &package, const QByteArray &body);
    Result<std::optional<QJsonObject>> current() const;
    /// The package file of a version, or nullopt.
    Result<std::optional<QString>> packagePath(const QString &version) const;

private:
    /// Unpacks into a temporary folder and loads it; fills the diagnostics of errors.
    Result<bool> check(const sync::CataloguePackage &package, Outcome *outcome) const;

    const storage::Database &m_db;
    QString m_directory;
    Clock m_clock;
};

} // namespace ow::server
