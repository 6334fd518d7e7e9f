#pragma once

#include "server/CredentialStore.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace ow::server {

/// What the records of catalogue submissions say (docs/catalogue-review.md), read for the editor,
/// reviewers, back offices and counters; CatalogueSubmissions writes them.
class CatalogueSubmissionView
{
public:
    /// Different counters that must walk each changed situation (模拟受理: 3个以上不同的综合窗口).
    static constexpr int kCountersNeeded = 3;

    explicit CatalogueSubmissionView(const storage::Database &db);

    /// The whole record: state, items with grades and comments, walks per situation, sign-offs and
    /// every objection (中/低 grades, objections at walks and sign-offs) for the editor.
    Result<std::optional<QJsonObject>> status(qint64 id) const;
    /// Every submission, newest first: {"id", "version", "state", "reason", "effective", "editor",
    /// "submitted", "replaces"}.
    Result<QJsonArray> list() const;
    /// The situations this counter may walk now: of reviewed submissions, those it has not walked
    /// that still lack counters.
    Result<QJsonArray> pendingWalks(const Credential &workstation) const;
    /// The departments whose back office signs the submission off: of its matters, situations and bundles.
    Result<QStringList> departments(qint64 id) const;

    /// Every row of a statement, read to the end before anything else runs (PostgreSQL cannot
    /// interleave two results).
    static Result<QList<QVariantList>> rows(
        const storage::Database &db, const QString &sql, const QVariantList &values = {});
    /// A counter as walks count it: "HALL/COUNTER".
    static QString counterOf(const QString &hall, const QString &counter);

private:
    const storage::Database &m_db;
};

} // namespace ow::server
