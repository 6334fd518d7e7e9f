#include "server/CatalogueRepository.h"

#include "cases/CaseJson.h"
#include "catalogue/CatalogueLoader.h"
#include "catalogue/Linter.h"
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

Result<bool> CatalogueRepository::check(const sync::CataloguePackage &package, Outcome *outcome) const
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
    return true;
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
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    outcome.summary
        = QJsonObject {{QStringLiteral("id"), package.id}, {QStringLiteral("version"), package.version},
            {QStringLiteral("sha256"), sha256}, {QStringLiteral("published"), published}};
    outcome.summary.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(outcome.warnings));
    return outcome;
}

Result<std::optional<QJsonObject>> CatalogueRepository::current() const
{
    Result<std::optional<QVariantList>> found = m_db.firstRow(
        QStringLiteral("SELECT id, version, package_sha256, published FROM catalogues WHERE is_current = 1"));
    if (!found)
        return failWith(found.error());
    if (!*found)
        return std::optional<QJsonObject>();
    const QVariantList &row = **found;
    return std::optional(QJsonObject {{QStringLiteral("id"), row.at(0).toString()},
        {QStringLiteral("version"), row.at(1).toString()}, {QStringLiteral("sha256"), row.at(2).toString()},
        {QStringLiteral("published"), row.at(3).toString()}});
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
