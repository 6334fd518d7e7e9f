#pragma once

#include "core/Clock.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ow::server {

/// Who edits which matter now (docs/catalogue-review.md): a lock with an expiry, so two editors do
/// not change one matter at once and a forgotten lock frees itself. Submitting releases the
/// editor's locks on the matters submitted.
class CatalogueLocks
{
public:
    static constexpr int kDefaultMinutes = 120;
    static constexpr int kMaxMinutes = 24 * 60;

    struct Outcome
    {
        bool taken = true; ///< false: another editor holds it (`lock` says who, until when)
        QJsonObject lock; ///< {"matter", "editor", "acquired", "expires"}
    };

    CatalogueLocks(const storage::Database &db, Clock clock);

    /// Takes the lock, or renews it for the editor who holds it; refused while another holds it.
    Result<Outcome> acquire(const QString &matter, const QString &editor, int minutes = kDefaultMinutes);
    /// Releases the editor's lock; false when the editor held none on the matter.
    Result<bool> release(const QString &matter, const QString &editor);
    /// The locks not yet expired.
    Result<QJsonArray> list() const;

private:
    const storage::Database &m_db;
    Clock m_clock;
};

} // namespace ow::server
