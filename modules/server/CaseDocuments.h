#pragma once

#include "core/Clock.h"
#include "server/CredentialStore.h"
#include "storage/Database.h"
#include "storage/SchemaMigrator.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace ow::server {

/// The result documents departments upload for their cases (the licence or 批文 as a PDF,
/// docs/sync-protocol.md "Result documents"): which case, under which file name, how large, from
/// which department and when. The bytes are kept with the scans (UploadStore), named by their SHA-256.
class CaseDocuments
{
public:
    /// The largest result document a department may upload.
    static constexpr qint64 kMaxBytes = 20 * 1024 * 1024;
    /// The longest file name kept.
    static constexpr int kMaxNameLength = 200;

    struct Document
    {
        QString caseNumber;
        QString sha256;
        QString name;
        qint64 size = 0;
        QString department;
        QDateTime uploaded;
    };

    CaseDocuments(const storage::Database &db, Clock clock);

    /// Records `document` (stamped now) unless the case has it already: true when it is new. The
    /// first upload's name and time stay.
    Result<bool> record(const Document &document);
    /// The document of a case with this SHA-256, or nullopt.
    Result<std::optional<Document>> find(const QString &caseNumber, const QString &sha256) const;
    /// The case's documents, oldest first.
    Result<QList<Document>> ofCase(const QString &caseNumber) const;
    /// Whether a credential may read the file as a result document: a workstation of the hall of a
    /// case with it, or the department of such a case (the hall holds it from its upload).
    Result<bool> mayRead(const Credential &credential, const QString &sha256) const;

    /// Whether `name` may name a result document: not empty, not too long, no path and no control
    /// characters.
    static bool isAcceptableName(const QString &name);

    /// The table, and the columns the status page's SMS check adds to the pre-application flow's
    /// codes and sessions (what a code is for, which page a session opens).
    static storage::Migration migration(int version);
    static QStringList tables();

private:
    const storage::Database &m_db;
    Clock m_clock;
};

} // namespace ow::server
