#include "server/CatalogueRepository.h"

#include "cases/CaseJson.h"
#include "catalogue/CatalogueLoader.h"
#include "catalogue/Linter.h"
#include "core/Sha256.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <QTemporaryDir>

namespace ow::server {

using cases::CaseJson;

CatalogueRepository::CatalogueRepository(const storage::Database &db, QString directory, Clock clock)
    : m_db(db)
    , m_directory(std::move(directory))
    , m_clock(std::move(clock))
{
}

QTimeZone CatalogueRepository::defaultTimeZone()
{
    const QTimeZone shanghai("Asia/Shanghai");
    // China keeps no summer time: a fixed offset is the same zone where the zone data is missing.
    return shanghai.isValid() ? shanghai : QTimeZone(8 * 3600);
}

QDate CatalogueRepository::today() const
{
    return m_clock.nowUtc().toTimeZone(m_zone).date();
}

Result<bool> CatalogueRepository::check(const sync::CataloguePackage &package, Outcome *outcome,
    catalogue::CataloguePtr *loadedCatalogue, QHash<QString, QString> *fileHashes) const
{
    if (!QDir().mkpath(m_directory))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::server", "The folder %1 could not be created.")
                .arg(m_directory));
    QTemporaryDir folder(m_directory + QStringLiteral("/.unpack-XXXXXX"));
    if (!folder.isValid())
        return fail(Error::Code::Io, folder.errorString());
    for (const sync::CataloguePackage::File &file : package.files) {
        const QString path = folder.filePath(file.path);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.data) != file.data.size())
            return fail(Error::Code::Io, out.errorString());
        if (fileHashes)
            fileHashes->insert(file.path, Sha256::hex(file.data));
    }
    const catalogue::CatalogueLoader::Outcome loaded = catalogue::CatalogueLoader::load(folder.path());
    for (const catalogue::Diagnostic &diagnostic : loaded.diagnostics) {
        if (diagnostic.severity != catalogue::Diagnostic::Severity::Error)
            continue;
        // Paths in the temporary folder mean nothing to the publisher: make them package-relative.
        QString text = diagnostic.toString();
        text.replace(folder.path() + QLatin1Char('/'), QString());
        outcome->diagnostics.append(text);
    }
    if (!loaded.catalogue) {
        outcome->status = Outcome::Status::LintFailed;
        outcome->message = QCoreApplication::translate(
            "ow::server", "The catalogue has %n error(s).", nullptr, int(outcome->diagnostics.size()));
        return false;
    }
    // The linter's warnings (unreachable questions, unused materials…) are shown to the publisher and
    // the catalogue is still published; its errors (a sample that does not decode, a matter past the
    // limits) stop it like the loader's.
    const catalogue::LintReport report = catalogue::Linter(loaded.catalogue).run();
    for (const catalogue::Diagnostic &diagnostic : report.diagnostics) {
        QString text = diagnostic.toString();
        text.replace(folder.path() + QLatin1Char('/'), QString());
        (diagnostic.severity == catalogue::Diagnostic::Severity::Error ? outcome->diagnostics
                                                                       : outcome->warnings)
            .append(text);
    }
    if (!outcome->diagnostics.isEmpty()) {
        outcome->status = Outcome::Status::LintFailed;
        outcome->message = QCoreApplication::translate(
            "ow::server", "The catalogue has %n error(s).", nullptr, int(outcome->diagnostics.size()));
        return false;
    }
    if (loaded.catalogue->version != package.version) {
        outcome->status = Outcome::Status::Invalid;
        outcome->message = QCoreApplication::translate(
            "ow::server", "The package says version %1 but its catalogue.txt says %2.")
                               .arg(package.version, loaded.catalogue->version);
        return false;
    }
    if (loadedCatalogue)
        *loadedCatalogue = loaded.catalogue;
    return true;
}

Result<catalogue::CataloguePtr> CatalogueRepository::load(
    const QString &version, QHash<QString, QString> *fileHashes) const
{
    Result<std::optional<QString>> path = packagePath(version);
    if (!path)
        return failWith(path.error());
    if (!*path)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::server", "Version %1 was never published.").arg(version));
    QFile file(**path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io, file.errorString());
    Result<sync::CataloguePackage> package = sync::CataloguePackage::fromJson(file.readAll());
    if (!package)
        return failWith(package.error());
    Outcome outcome;
    catalogue::CataloguePtr loaded;
    Result<bool> good = check(*package, &outcome, &loaded, fileHashes);
    if (!good)
        return failWith(good.error());
    if (!*good)
        return fail(Error::Code::Internal,
            QCoreApplication::translate("ow::server", "The published version %1 no longer loads: %2")
                .arg(version, outcome.diagnostics.join(QStringLiteral("; "))));
    return loaded;
}

Result<CatalogueRepository::Outcome> CatalogueRepository::publish(
    const sync::CataloguePackage &package, const QByteArray &body)
{
    Outcome outcome;
    const QString sha256 = package.sha256();
    Result<std::optional<QVariantList>> existing
        = m_db.firstRow(QStringLiteral("SELECT package_sha256, published FROM catalogues WHERE version = ?"),
            {package.version});
    if (!existing)
        return failWith(existing.error());
    if (*existing) {
        outcome.status = (*existing)->at(0).toString() == sha256 ? Outcome::Status::Unchanged
                                                                 : Outcome::Status::Conflict;
        outcome.message
            = QCoreApplication::translate("ow::server", "Version %1 was published with other content.")
                  .arg(package.version);
        outcome.summary = QJsonObject {{QStringLiteral("id"), package.id},
            {QStringLiteral("version"), package.version}, {QStringLiteral("sha256"), sha256},
            {QStringLiteral("published"), (*existing)->at(1).toString()}};
        return outcome;
    }
    Result<bool> good = check(package, &outcome);
    if (!good)
        return failWith(good.error());
    if (!*good)
        return outcome;
    const QString relative = QStringLiteral("catalogues/") + package.version + QStringLiteral(".json");
    const QString path = m_directory + QLatin1Char('/') + package.version + QStringLiteral(".json");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size() || !file.commit())
        return fail(Error::Code::Io, file.errorString());
    const QString published = CaseJson::timeText(m_clock.nowUtc());
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    Result<storage::Rows> clear
        = m_db.run(QStringLiteral("UPDATE catalogues SET is_current = 0 WHERE is_current = 1"));
    if (!clear)
        return failWith(clear.error());
    Result<storage::Rows> insert = m_db.run(
        QStringLiteral("INSERT INTO catalogues (version, id, package_sha256, path, published, is_current)"
                       " VALUES (?, ?, ?, ?, ?, 1)"),
        {package.version, package.id, sha256, relative, published});
    if (!insert)
        return failWith(insert.error());
    Publication publication;
    publication.version = package.version;
    publication.effective = today();
    done = insertPublication(publication, published);
    if (!done)
        return failWith(done.error());
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    outcome.summary
        = QJsonObject {{QStringLiteral("id"), package.id}, {QStringLiteral("version"), package.version},
            {QStringLiteral("sha256"), sha256}, {QStringLiteral("published"), published}};
    outcome.summary.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(outcome.warnings));
    return outcome;
}

Result<std::optional<QJsonObject>> CatalogueRepository::publicationAt(
    const QString &condition, const QString &order) const
{
    Result<std::optional<QVariantList>> found = m_db.firstRow(
        QStringLiteral("SELECT c.id, p.version, c.package_sha256, p.published, p.effective, p.reason"
                       " FROM catalogue_publications p JOIN catalogues c ON c.version = p.version WHERE ")
            + condition + QStringLiteral(" ORDER BY ") + order + QStringLiteral(" LIMIT 1"),
        {today().toString(Qt::ISODate)});
    if (!found)
        return failWith(found.error());
    if (!*found)
        return std::optional<QJsonObject>();
    const QVariantList &row = **found;
    return std::optional(QJsonObject {{QStringLiteral("id"), row.at(0).toString()},
        {QStringLiteral("version"), row.at(1).toString()}, {QStringLiteral("sha256"), row.at(2).toString()},
        {QStringLiteral("published"), row.at(3).toString()},
        {QStringLiteral("effective"), row.at(4).toString()},
        {QStringLiteral("reason"), row.at(5).toString()}});
}

Result<std::optional<QJsonObject>> CatalogueRepository::current() const
{
    // The hall's day by the server's clock decides, never a counter's: every counter switches on the
    // same day.
    Result<std::optional<QJsonObject>> current
        = publicationAt(QStringLiteral("p.effective <= ?"), QStringLiteral("p.effective DESC, p.id DESC"));
    if (!current || !*current)
        return current;
    Result<std::optional<QJsonObject>> next
        = publicationAt(QStringLiteral("p.effective > ?"), QStringLiteral("p.effective, p.id DESC"));
    if (!next)
        return failWith(next.error());
    if (*next) {
        // Counters switch at midnight of the effective day where the hall is, offline too.
        (*next)->insert(QStringLiteral("timeZone"), QString::fromUtf8(m_zone.id()));
        (*current)->insert(QStringLiteral("next"), **next);
    }
    return current;
}

Result<bool> CatalogueRepository::isPublished(const QString &version) const
{
    Result<QVariant> known
        = m_db.scalar(QStringLiteral("SELECT count(*) FROM catalogues WHERE version = ?"), {version});
    if (!known)
        return failWith(known.error());
    return known->toInt() > 0;
}

Result<void> CatalogueRepository::insertPublication(const Publication &publication, const QString &published)
{
    Result<storage::Rows> inserted = m_db.run(
        QStringLiteral("INSERT INTO catalogue_publications (version, effective, reason, note, published,"
                       " published_by, submission, rollback) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {publication.version, publication.effective.toString(Qt::ISODate), publication.reason,
            publication.note, published, publication.publishedBy, publication.submission,
            publication.rollback ? 1 : 0});
    if (!inserted)
        return failWith(inserted.error());
    return {};
}

Result<void> CatalogueRepository::publishReviewed(
    const sync::CataloguePackage &package, const QByteArray &body, const Publication &publication)
{
    if (!QDir().mkpath(m_directory))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::server", "The folder %1 could not be created.")
                .arg(m_directory));
    const QString relative = QStringLiteral("catalogues/") + package.version + QStringLiteral(".json");
    QSaveFile file(m_directory + QLatin1Char('/') + package.version + QStringLiteral(".json"));
    if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size() || !file.commit())
        return fail(Error::Code::Io, file.errorString());
    const QString published = CaseJson::timeText(m_clock.nowUtc());
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return done;
    Result<storage::Rows> insert = m_db.run(
        QStringLiteral("INSERT INTO catalogues (version, id, package_sha256, path, published, is_current)"
                       " VALUES (?, ?, ?, ?, ?, 0)"),
        {package.version, package.id, package.sha256(), relative, published});
    if (!insert)
        return failWith(insert.error());
    done = insertPublication(publication, published);
    if (!done)
        return done;
    return transaction.commit();
}

Result<bool> CatalogueRepository::republish(const Publication &publication)
{
    Result<bool> known = isPublished(publication.version);
    if (!known || !*known)
        return known;
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    done = insertPublication(publication, CaseJson::timeText(m_clock.nowUtc()));
    if (!done)
        return failWith(done.error());
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return true;
}

Result<QJsonArray> CatalogueRepository::publications() const
{
    Result<storage::Rows> rows = m_db.run(
        QStringLiteral("SELECT id, version, effective, reason, note, published, published_by, submission,"
                       " rollback FROM catalogue_publications ORDER BY id"));
    if (!rows)
        return failWith(rows.error());
    QJsonArray list;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row)
        list.append(QJsonObject {{QStringLiteral("id"), rows->value(0).toLongLong()},
            {QStringLiteral("version"), rows->value(1).toString()},
            {QStringLiteral("effective"), rows->value(2).toString()},
            {QStringLiteral("reason"), rows->value(3).toString()},
            {QStringLiteral("note"), rows->value(4).toString()},
            {QStringLiteral("published"), rows->value(5).toString()},
            {QStringLiteral("publishedBy"), rows->value(6).toString()},
            {QStringLiteral("submission"), rows->value(7).toLongLong()},
            {QStringLiteral("rollback"), rows->value(8).toInt() != 0}});
    if (!row)
        return failWith(row.error());
    return list;
}

Result<std::optional<QString>> CatalogueRepository::packagePath(const QString &version) const
{
    Result<QVariant> known
        = m_db.scalar(QStringLiteral("SELECT count(*) FROM catalogues WHERE version = ?"), {version});
    if (!known)
        return failWith(known.error());
    if (known->toInt() == 0)
        return std::optional<QString>();
    return std::optional(m_directory + QLatin1Char('/') + version + QStringLiteral(".json"));
}

} // namespace ow::server
