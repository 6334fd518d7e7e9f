#include "server/CatalogueReviewSchema.h"

namespace ow::server {

storage::Migration CatalogueReviewSchema::migration(int version)
{
    return {version,
        QStringLiteral("catalogue review and acceptance: submissions, review items and grades, acceptance "
                       "walks, sign-offs, effective-dated publications, editing locks"),
        {
            // A version submitted for review; its package is kept until it is published.
            QStringLiteral("CREATE TABLE catalogue_submissions ("
                           " id {serial},"
                           " version TEXT NOT NULL,"
                           " catalogue_id TEXT NOT NULL,"
                           " package_sha256 TEXT NOT NULL,"
                           " path TEXT NOT NULL,"
                           " base_version TEXT NOT NULL DEFAULT '',"
                           " reason TEXT NOT NULL,"
                           " note TEXT NOT NULL DEFAULT '',"
                           " effective TEXT NOT NULL,"
                           " editor TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " replaces {bigint} NOT NULL DEFAULT 0,"
                           " submitted TEXT NOT NULL,"
                           " updated TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX catalogue_submissions_state ON catalogue_submissions(state)"),
            // Every changed matter, material, bundle and situation of a submission with its current
            // grade (高/中/低, empty until graded); `walk` marks a situation the counters must walk.
            QStringLiteral("CREATE TABLE catalogue_review_items ("
                           " submission {bigint} NOT NULL,"
                           " item TEXT NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " change TEXT NOT NULL,"
                           " title TEXT NOT NULL,"
                           " matter TEXT NOT NULL DEFAULT '',"
                           " department TEXT NOT NULL DEFAULT '',"
                           " walk INTEGER NOT NULL DEFAULT 0,"
                           " detail TEXT NOT NULL DEFAULT '',"
                           " position INTEGER NOT NULL DEFAULT 0,"
                           " grade TEXT NOT NULL DEFAULT '',"
                           " comment TEXT NOT NULL DEFAULT '',"
                           " reviewer TEXT NOT NULL DEFAULT '',"
                           " graded TEXT NOT NULL DEFAULT '',"
                           " PRIMARY KEY (submission, item))"),
            // Every grade given, also those a later grade replaced: the review's own record.
            QStringLiteral("CREATE TABLE catalogue_reviews ("
                           " id {serial},"
                           " submission {bigint} NOT NULL,"
                           " item TEXT NOT NULL,"
                           " grade TEXT NOT NULL,"
                           " comment TEXT NOT NULL,"
                           " reviewer TEXT NOT NULL,"
                           " time TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE catalogue_walks ("
                           " id {serial},"
                           " submission {bigint} NOT NULL,"
                           " item TEXT NOT NULL,"
                           " hall TEXT NOT NULL,"
                           " counter TEXT NOT NULL,"
                           " workstation TEXT NOT NULL,"
                           " clerk TEXT NOT NULL,"
                           " objection TEXT NOT NULL DEFAULT '',"
                           " time TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX catalogue_walks_submission ON catalogue_walks(submission, item)"),
            QStringLiteral("CREATE TABLE catalogue_signoffs ("
                           " id {serial},"
                           " submission {bigint} NOT NULL,"
                           " department TEXT NOT NULL,"
                           " signer TEXT NOT NULL,"
                           " objection TEXT NOT NULL DEFAULT '',"
                           " time TEXT NOT NULL)"),
            // Which version counters use from which day: of the rows effective by today the one
            // with the latest date wins, the later row on the same date. A rollback is a new row.
            QStringLiteral("CREATE TABLE catalogue_publications ("
                           " id {serial},"
                           " version TEXT NOT NULL,"
                           " effective TEXT NOT NULL,"
                           " reason TEXT NOT NULL DEFAULT '',"
                           " note TEXT NOT NULL DEFAULT '',"
                           " published TEXT NOT NULL,"
                           " published_by TEXT NOT NULL DEFAULT '',"
                           " submission {bigint} NOT NULL DEFAULT 0,"
                           " rollback INTEGER NOT NULL DEFAULT 0)"),
            // The versions published before: each effective from the day it was published, the one
            // that was current last, so it stays current.
            QStringLiteral("INSERT INTO catalogue_publications (version, effective, published)"
                           " SELECT version, substr(published, 1, 10), published FROM catalogues"
                           " ORDER BY is_current, published"),
            QStringLiteral("CREATE TABLE catalogue_locks ("
                           " matter TEXT PRIMARY KEY,"
                           " editor TEXT NOT NULL,"
                           " acquired TEXT NOT NULL,"
                           " expires TEXT NOT NULL)"),
        },
        {}};
}

QStringList CatalogueReviewSchema::tables()
{
    return {QStringLiteral("catalogue_submissions"), QStringLiteral("catalogue_review_items"),
        QStringLiteral("catalogue_reviews"), QStringLiteral("catalogue_walks"),
        QStringLiteral("catalogue_signoffs"), QStringLiteral("catalogue_publications"),
        QStringLiteral("catalogue_locks")};
}

} // namespace ow::server
