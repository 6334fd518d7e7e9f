#pragma once

#include "server/ApiMessage.h"
#include "server/CatalogueLocks.h"
#include "server/CatalogueSubmissions.h"
#include "server/CredentialStore.h"

namespace ow::server {

/// /api/v1/catalogues/submissions/…, /catalogues/publications and /catalogues/locks
/// (docs/sync-protocol.md, Catalogues; docs/catalogue-review.md): submitting, reviewing, walking,
/// signing off and publishing a catalogue version, rolling back to an earlier one, editing locks.
/// Route() has checked the credential is one of the kinds the path allows; this checks which kind
/// may do what.
class CatalogueReviewApi
{
public:
    CatalogueReviewApi(
        const storage::Database &db, CatalogueRepository &catalogues, QString directory, Clock clock);

    /// Whether the path (after /api/v1/catalogues/, split at '/') is one of these.
    static bool handles(const QStringList &parts);
    /// `parts` is the path after /api/v1/catalogues, split at '/'.
    ApiReply handle(const ApiRequest &request, const QStringList &parts, const Credential &credential);

private:
    ApiReply submit(const ApiRequest &request, const Credential &publisher);
    ApiReply submission(
        const ApiRequest &request, qint64 id, const QString &action, const Credential &credential);
    ApiReply locks(const ApiRequest &request, const QString &action, const Credential &credential);
    ApiReply publications(const ApiRequest &request, const Credential &credential);
    ApiReply package(qint64 id);

    static ApiReply answer(const CatalogueSubmissions::Step &step, int doneStatus = 200);
    static ApiReply forbidden();

    const storage::Database &m_db;
    CatalogueRepository &m_catalogues;
    CatalogueSubmissions m_submissions;
    CatalogueLocks m_locks;
    QString m_directory;
    Clock m_clock;
};

} // namespace ow::server
