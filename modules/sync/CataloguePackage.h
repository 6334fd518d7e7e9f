#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace ow::sync {

/// A catalogue version as it travels (docs/sync-protocol.md, Catalogues): every file of the folder
/// with its relative path, SHA-256 and base64 data, in one JSON object. The one codec of both sides:
/// the workstation reads what it downloads with it, the server what is published to it.
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
    /// Reads a package, checking each file's SHA-256, that every path is safe (isSafePath) and that
    /// no path comes twice, also in other letter case: the package must unpack the same on every
    /// file system.
    static Result<CataloguePackage> fromJson(const QByteArray &json);
    /// The same for a package already parsed as JSON.
    static Result<CataloguePackage> fromJson(const QJsonObject &root);
    /// A relative '/'-separated path that stays inside the folder it is joined to: not absolute; no
    /// empty, "." or ".." parts, nor hidden ones (starting with "."); no backslash, colon or NUL; at
    /// most 512 characters.
    static bool isSafePath(const QString &path);

    QJsonObject toJson() const;
    /// The package's hash as the server reports it: SHA-256 of the sorted lines "path sha256",
    /// joined with newlines, so it depends on the content only, not on the JSON's layout.
    QString sha256() const;

    /// Writes the files under `target` through a temporary folder beside it and a rename: the
    /// folder is complete or absent. `target` must not exist.
    Result<void> unpack(const QString &target) const;
};

} // namespace ow::sync
