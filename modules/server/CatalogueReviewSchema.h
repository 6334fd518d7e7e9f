#pragma once

#include "storage/SchemaMigrator.h"

namespace ow::server {

/// The server tables of the catalogue's review and acceptance (docs/catalogue-review.md): one
/// migration of the server schema, kept beside the workflow that uses it.
class CatalogueReviewSchema
{
public:
    /// Submissions, their review items and grades, acceptance walks, sign-offs, effective-dated
    /// publications (filled with the versions published before it) and editing locks.
    static storage::Migration migration(int version);
    static QStringList tables();
};

} // namespace ow::server
