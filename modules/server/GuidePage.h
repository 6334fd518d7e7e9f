#pragma once

#include "server/GuideCatalogue.h"

#include <QByteArray>
#include <QStringList>

namespace ow::server {

/// The pages of the self-service checklist (/guide/), rendered on the server from the hall's current
/// catalogue with the counter's own engine: the search, then one situation question at a time as a
/// plain GET form (it works without script and every step is a link that can be shared or kept),
/// then the personalised checklist (GuideChecklist) with the QR code the counter scans.
class GuidePage
{
public:
    /// The search page: the query's hits, or the hall's high-frequency matters when `query` is empty.
    /// `loaded` null: no catalogue was published yet.
    static QByteArray search(const GuideCatalogue::Loaded *loaded, const QString &query);
    /// A matter with the answers given so far: the next question, or the checklist once a situation
    /// is reached. `ignored` are answers the engine could not read (a changed catalogue, an old link).
    /// `offerPreApplication`: the checklist ends with a link to apply online (/guide/pa/new/…).
    static QByteArray matter(const GuideCatalogue::Loaded &loaded, const catalogue::Matter &matter,
        const catalogue::Answers &answers, const QStringList &ignored, bool offerPreApplication = false);
    /// The page for a matter code the catalogue does not have, or anything else not found.
    static QByteArray notFound();

    /// The link of a matter with these answers ("QUESTION=VALUE", in asking order).
    static QString matterUrl(const QString &code, const QStringList &answers);
};

} // namespace ow::server
