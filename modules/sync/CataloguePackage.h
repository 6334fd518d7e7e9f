#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace ow::sync {

/// A catalogue version as it travels (docs/sync-protocol.md, Catalogues): every file of the folder
/// with its relative path, SHA-256 and base64 data, in one JSON object.
class CataloguePackage
{
public:
    struct File
    {
        QString path; ///< relative, '/'-separated
        QByteArray data;
    };

    QString id;
    QString version;
    QList<File> files; ///< sorted by path

    /// Every regular file under `directory` (hidden files left out).
    static Result<CataloguePackage> fromDirectory(
        const QString &directory, const QString &id, const QString &version);
    /// Reads a package, checking each file's SHA-256 and that every path stays inside the folder.
    static Result<CataloguePackage> fromJson(const QByteArray &json);

    QJsonObject toJson() const;
    /// The package's hash as the server reports it: SHA-256 of the sorted lines "path sha256",
    /// joined with newlines, so it depends on the content only, not on the JSON's layout.
    QString sha256() const;

    /// Writes the files under `target` through a temporary folder beside it and a rename: the
    /// folder is complete or absent. `target` must not exist.
    Result<void> unpack(const QString &target) const;
};

} // namespace ow::sync
