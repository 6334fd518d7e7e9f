#pragma once

#include "core/Result.h"
#include "queue/QueueRules.h"

namespace ow::server {

/// The hall's queue settings file (`--queue-settings`, docs/queue.md): the `[queue]` group read by
/// queue::QueueRules::load, checked whole at start so a bad file stops the server with its
/// file:line instead of calling tickets by rules nobody meant.
class QueueSettingsFile
{
public:
    /// The rules of the file; a missing or unreadable file, a key the queue does not know (a typo
    /// would silently keep its default) or a bad value fails, located at the key's line.
    static Result<queue::QueueRules> load(const QString &path);
    /// The keys of the `[queue]` group.
    static const QStringList &keys();
};

} // namespace ow::server
