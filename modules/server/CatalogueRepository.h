#pragma once

#include "catalogue/Catalogue.h"
#include "core/Clock.h"
#include "server/RequestParser.h"
#include "storage/Database.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QTimeZone>
#include <optional>

namespace ow::server {

/// Published catalogue versions: each package is loaded and linted before it is kept and served
/// back byte for byte. Which version is current is a list of publications, each effective from a
/// day (docs/catalogue-review.md): of those effective by the server's today, the latest day wins,
/// and on one day the later publication.
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

    /// Who published a version, why and from when (立改废释; docs/catalogue-review.md).
    struct Publication
    {
        QString version;
        QDate effective; ///< the day counters switch to it
        QString reason; ///< 立, 改, 废 or 释; empty for a version published directly
        QString note;
        QString publishedBy;
        qint64 submission = 0; ///< the submission it came through; 0 when published directly
        bool rollback = false; ///< an earlier version made current again
    };

    CatalogueRepository(const storage::Database &db, QString directory, Clock clock);

    /// Asia/Shanghai (a fixed UTC+8 where the system has no zone data): the halls this is made for.
    static QTimeZone defaultTimeZone();
    /// Where the hall is (--time-zone): "today" for effective days is the date there, not the
    /// server's own local date.
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    /// Today's date in the hall's time zone.
    QDate today() const;

    /// POST /catalogues: a version published directly, current from today.
    Result<Outcome> publish(const sync::CataloguePackage &package, const QByteArray &body);
    /// {"id", "version", "sha256", "published", "effective", "reason"} of the version effective today,
    /// with "next": the same of a later publication and the day it takes effect, if there is one.
    Result<std::optional<QJsonObject>> current() const;
    /// The package file of a version, or nullopt.
    Result<std::optional<QString>> packagePath(const QString &version) const;
    /// Whether a version was ever published.
    Result<bool> isPublished(const QString &version) const;

    /// Unpacks into a temporary folder, loads and lints it; fills the diagnostics of errors and
    /// the warnings. `loaded` receives the catalogue when it is good, `fileHashes` the SHA-256 of
    /// each file by path.
    Result<bool> check(const sync::CataloguePackage &package, Outcome *outcome,
        catalogue::CataloguePtr *loaded = nullptr, QHash<QString, QString> *fileHashes = nullptr) const;
    /// Loads a published version from its stored package (for comparing a new one with it).
    Result<catalogue::CataloguePtr> load(const QString &version, QHash<QString, QString> *fileHashes) const;

    /// Stores the package of a reviewed version and its publication in one transaction.
    Result<void> publishReviewed(
        const sync::CataloguePackage &package, const QByteArray &body, const Publication &publication);
    /// Makes an earlier published version current again from `publication.effective`: a new
    /// publication row, nothing else changes. False when the version was never published.
    Result<bool> republish(const Publication &publication);
    /// Every publication, oldest first, as {"id", "version", "effective", "reason", "note",
    /// "published", "publishedBy", "submission", "rollback"}.
    Result<QJsonArray> publications() const;

private:
    Result<void> insertPublication(const Publication &publication, const QString &published);
    Result<std::optional<QJsonObject>> publicationAt(const QString &condition, const QString &order) const;

    const storage::Database &m_db;
    QString m_directory;
    Clock m_clock;
    QTimeZone m_zone = defaultTimeZone();
};

} // namespace ow::server
