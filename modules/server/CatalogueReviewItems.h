#pragma once

#include "catalogue/Catalogue.h"

#include <QHash>
#include <QList>
#include <QString>

namespace ow::catalogue {
class SituationEngine;
}

namespace ow::server {

/// One thing a business review grades (业务评审, docs/catalogue-review.md): a matter, material or
/// bundle whose definition changed, or a situation whose checklist or outcome changed.
struct ReviewItem
{
    enum class Kind
    {
        Matter,
        Material,
        Bundle,
        Situation,
        Faq, ///< a matter's or bundle's frequently asked question (常见问题): graded, signed off, not walked
    };
    enum class Change
    {
        Added,
        Changed,
        Removed,
    };
    /// "matter:CODE", "material:ID", "bundle:ID", "situation:CODE/KEY", "faq:CODE/ID", "bundle-faq:BUNDLE/ID"
    QString id;
    Kind kind = Kind::Matter;
    Change change = Change::Changed;
    QString title; ///< the name, or for a situation the matter's name and the answers' labels
    QString matter; ///< the matter's code (matters and situations)
    /// whose back office signs off: a matter's department, a bundle's lead, for a material the
    /// departments of every matter that asks for it, comma-separated
    QString department;
    bool walk = false; ///< a situation the counters must walk (模拟受理): added or changed ones
    QString detail; ///< what changed, one line per change
};

QString keyword(ReviewItem::Kind kind);
QString keyword(ReviewItem::Change change);

/// The review items of a new catalogue version against the one counters use now (`before` null: the
/// first version, where everything is new): every matter, material and bundle whose definition
/// differs, every situation that gains or loses materials (catalogue::CatalogueDiff) or whose
/// screening outcome changed. `fileHashes` give the SHA-256 of each file of either package by path
/// (before, after), so a sample redrawn under the same name is a change too.
class CatalogueReviewItems
{
public:
    static QList<ReviewItem> compute(const catalogue::CataloguePtr &before,
        const QHash<QString, QString> &beforeFiles, const catalogue::CataloguePtr &after,
        const QHash<QString, QString> &afterFiles);

    /// The item id of a situation: "situation:CODE/KEY" ("-" for the one situation of a matter without
    /// questions).
    static QString situationId(const QString &matterCode, const QString &key);
    /// The item id of a bundle's situation: "bundle-situation:BUNDLE/KEY", KEY each member matter's
    /// situation key in the bundle's order ("-" for none), joined by " | ".
    static QString bundleSituationId(const QString &bundleId, const QString &key);

private:
    /// A faq added, changed or removed in a matter or bundle of either version (compared by id within
    /// it), signed off by the matter's department or the bundle's lead.
    static QList<ReviewItem> faqItems(const catalogue::Catalogue &before, const catalogue::Catalogue &after);
    /// The bundle situations to walk: for each bundle, the first situation holding each changed
    /// situation of a member matter, and its first one when the bundle itself changed.
    static QList<ReviewItem> bundleSituations(const catalogue::Catalogue &before,
        const catalogue::Catalogue &after, const catalogue::SituationEngine &engine,
        const QList<ReviewItem> &situationItems);
};

} // namespace ow::server
