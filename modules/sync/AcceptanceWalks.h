#pragma once

#include "catalogue/Catalogue.h"
#include "core/Result.h"
#include "sync/SyncClient.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QTemporaryDir>

namespace ow::sync {

/// One changed situation of a submitted catalogue version that this counter may walk (模拟受理,
/// docs/catalogue-review.md): walked here with the submitted version, without objection or with one.
struct PendingWalk
{
    qint64 submission = 0;
    QString version; ///< the submitted catalogue version
    QString
        item; ///< "situation:MATTER/KEY" or "bundle-situation:BUNDLE/KEY", what the walk is recorded against
    QString title; ///< the matter's (or bundle's) name and the answers' labels
    QString matter; ///< empty for a bundle's situation
    QString bundle; ///< a bundle's situation: the bundle's id
    /// The answers, "q=a;q2=b"; for a bundle each member matter's in the bundle's order, joined by
    /// " | " ("-" for a matter without questions).
    QString situation;
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
    /// `objection` empty: walked without objection; `answers` as walked, in the form of
    /// PendingWalk::situation. The counter is the client's token's.
    static Result<void> record(SyncClient &client, const PendingWalk &walk, const QString &clerk,
        const QString &objection, const QString &answers = {});
    /// The separator of a bundle's member situations in PendingWalk::situation.
    static QString bundleSeparator() { return QStringLiteral(" | "); }
};

/// The submitted catalogue versions a counter walks (GET /catalogues/submissions/<id>/package): each
/// downloaded once, checked (every file's SHA-256, the version the walk names, a clean load) and kept
/// apart from the catalogues in use, in a temporary folder that goes with this object. Blocking, for
/// a thread other than the GUI's; one call at a time.
class SubmittedCatalogues
{
public:
    Result<catalogue::CataloguePtr> open(SyncClient &client, const PendingWalk &walk);

private:
    QTemporaryDir m_folder;
    QHash<qint64, catalogue::CataloguePtr> m_loaded; ///< by submission
};

} // namespace ow::sync
