#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace ow::cases {

/// Scans and photos as content-addressed files: the name is the SHA-256 of the bytes (lower-case
/// hex), under two levels of fan-out folders (ab/cd/abcd…), so a folder never holds more than a
/// few hundred files. Writes go through a temporary file and a rename; the same bytes are stored
/// once; reads check the hash, so a damaged file is reported, never shown as the applicant's.
class AttachmentStore
{
public:
    explicit AttachmentStore(QString rootDirectory);

    const QString &root() const { return m_root; }

    /// Stores the bytes and returns their hash; storing what is already there writes nothing.
    Result<QString> put(const QByteArray &bytes) const;
    /// Streams a file in (scans can be large) and returns its hash.
    Result<QString> putFile(const QString &path) const;
    /// The bytes under `sha256`, verified.
    Result<QByteArray> read(const QString &sha256) const;
    /// Whether the file is there and its content still matches its name.
    Result<void> verify(const QString &sha256) const;
    bool contains(const QString &sha256) const;

    /// Where the file for a hash lives (whether or not it exists).
    QString pathFor(const QString &sha256) const;
    static bool isHash(const QString &text);
    static QString hashOf(const QByteArray &bytes);

private:
    /// Moves a finished temporary file to its place, unless identical content is already there.
    Result<QString> commit(const QString &temporaryPath, const QString &sha256) const;

    QString m_root;
};

} // namespace ow::cases
