#pragma once

#include "core/Result.h"

#include <QSet>
#include <QString>

namespace ow::deptsim {

/// The delivery ids a receiver has processed, kept in a file (one id a line, appended and flushed
/// before the push is answered), so a restart does not process a push twice: the server delivers
/// at least once, and this is the receiver's half of "exactly once".
class SeenDeliveries
{
public:
    /// Reads the ids already in `path` (none when it does not exist yet); empty path: memory only.
    static Result<SeenDeliveries> open(const QString &path);

    bool contains(const QString &id) const { return m_ids.contains(id); }
    /// Records `id`, on disk first; fails when it could not be written (the push is then not
    /// acknowledged, and comes again).
    Result<void> add(const QString &id);
    qsizetype size() const { return m_ids.size(); }

private:
    QString m_path;
    QSet<QString> m_ids;
};

} // namespace ow::deptsim
