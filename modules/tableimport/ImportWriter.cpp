#include "tableimport/ImportWriter.h"

#include "catalogue/CatalogueLoader.h"
#include "catalogue/Linter.h"
#include "core/TextFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace ow::tableimport {

using namespace ow::catalogue;

namespace {

/// Copies what the loader reads of a catalogue folder (docs/catalogue-format.md §1).
Result<void> copyCatalogue(const QString &from, const QString &to)
{
    const QDir source(from);
    for (const QString &name : {QStringLiteral("catalogue.txt"), QStringLiteral("departments.txt")})
        if (QFileInfo(source.filePath(name)).isFile()
            && !QFile::copy(source.filePath(name), to + QLatin1Char('/') + name))
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::tableimport", "%1 could not be copied for checking")
                    .arg(name));
    for (const QString &folder : {QStringLiteral("materials"), QStringLiteral("matters"),
             QStringLiteral("bundles"), QStringLiteral("samples"), QStringLiteral("forms")}) {
        if (!QFileInfo(source.filePath(folder)).isDir())
            continue;
        QDirIterator it(source.filePath(folder), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = source.relativeFilePath(path);
            const QString target = to + QLatin1Char('/') + relative;
            if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(path, target))
                return fail(Error::Code::Io,
                    QCoreApplication::translate("ow::tableimport", "%1 could not be copied for checking")
                        .arg(relative));
        }
    }
    return {};
}

Result<QByteArray> readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::tableimport", "%1 could not be read: %2")
                .arg(path, file.errorString()));
    return file.readAll();
}

} // namespace

Result<ImportResult> ImportWriter::apply(const ImportPlan &plan, const QString &catalogueDir, bool write)
{
    if (!plan.refused.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::tableimport", "rows of the table cannot be imported (%1); nothing was written")
                .arg(plan.refused.size()));
    ImportResult result;
    if (plan.requirements.isEmpty())
        return result;

    QTemporaryDir copy;
    if (!copy.isValid())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::tableimport", "no temporary folder for checking the import: %1")
                .arg(copy.errorString()));
    if (Result<void> copied = copyCatalogue(catalogueDir, copy.path()); !copied)
        return failWith(copied.error());
    if (!plan.materialFile.isEmpty())
        if (Result<void> saved
            = TextFile::writeAtomically(copy.filePath(plan.materialFile), plan.materialText);
            !saved)
            return failWith(saved.error());
    if (Result<void> saved = TextFile::writeAtomically(copy.filePath(plan.matterFile), plan.matterAfter);
        !saved)
        return failWith(saved.error());

    const CatalogueLoader::Outcome outcome = CatalogueLoader::load(copy.path());
    Diagnostics diagnostics = outcome.diagnostics;
    if (outcome.partial)
        diagnostics += Linter(outcome.partial, outcome.diagnostics).run().diagnostics;
    for (const Diagnostic &diagnostic : std::as_const(diagnostics)) {
        if (diagnostic.severity == Diagnostic::Severity::Error)
            result.errors.append(diagnostic);
        else if (diagnostic.where.file == plan.materialFile || diagnostic.where.file == plan.matterFile)
            result.warnings.append(diagnostic);
    }
    if (!result.errors.isEmpty() || !write)
        return result;

    // Planned against the folder as it was: someone may have saved the matter since.
    Result<QByteArray> current = readBytes(QDir(catalogueDir).filePath(plan.matterFile));
    if (!current)
        return failWith(current.error());
    if (*current != plan.matterBefore)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::tableimport",
                "%1 changed since the import was planned; nothing was written: run the import again")
                .arg(plan.matterFile));
    const QString materialPath = QDir(catalogueDir).filePath(plan.materialFile);
    if (!plan.materialFile.isEmpty()) {
        if (QFileInfo::exists(materialPath))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::tableimport",
                    "%1 appeared since the import was planned; nothing was written: run the import again")
                    .arg(plan.materialFile));
        if (Result<void> saved = TextFile::writeAtomically(materialPath, plan.materialText); !saved)
            return failWith(saved.error());
        result.written.append(plan.materialFile);
    }
    if (Result<void> saved
        = TextFile::writeAtomically(QDir(catalogueDir).filePath(plan.matterFile), plan.matterAfter);
        !saved) {
        // Without the matter's lines the new materials would only be unused: take them back too.
        if (!plan.materialFile.isEmpty())
            QFile::remove(materialPath);
        return failWith(saved.error());
    }
    result.written.append(plan.matterFile);
    return result;
}

} // namespace ow::tableimport
