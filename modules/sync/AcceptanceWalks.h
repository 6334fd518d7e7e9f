#pragma once

#include "core/Result.h"
#include "sync/SyncClient.h"

#include <QList>
#include <QString>

namespace ow::sync {

/// One changed situation of a submitted catalogue version that this counter may walk (模拟受理,
/// docs/catalogue-review.md): walked here with the submitted version, without objection or with one.
struct PendingWalk
{
    qint64 submission = 0;
    QString version; ///< the submitted catalogue version
    QString item; ///< "situation:MATTER/KEY", what the walk is recorded against
    QString title; ///< the matter's name and the answers' labels
    QString matter;
    QString situation; ///< the answers, "q=a;q2=b"
    QString change; ///< added or changed
    QString detail; ///< the materials gained, lost or changed, one per line
    int counters = 0; ///< different counters that walked it so far
    int countersNeeded = 3;
};

/// The counter's side of the acceptance walks: what it may walk (GET
/// /catalogues/submissions/pending-walks) and recording a walk (POST …/walks). Blocking calls, for
/// a thread other than the GUI's (ui::runHallServerRequest).
class AcceptanceWalks
{
public:
    static Result<QList<PendingWalk>> pending(SyncClient &client);
    /// `objection` empty: walked without objection. The counter is the client's token's.
    static Result<void> record(
        SyncClient &client, const PendingWalk &walk, const QString &clerk, const QString &objection);
};

} // namespace ow::sync
