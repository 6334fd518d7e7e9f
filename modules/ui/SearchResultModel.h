#pragma once

#include "catalogue/MatterSearch.h"

#include <QAbstractListModel>

namespace ow::ui {

/// Search hits as list rows for the search page. With an empty query it lists every matter,
/// high-frequency first, then the bundles, so the clerk can start from the common cases.
class SearchResultModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        HighlightStartRole = Qt::UserRole + 1, ///< first QChar of the name to highlight, -1 for none
        HighlightLengthRole,
        CodeRole,
        DetailsRole, ///< QStringList: department, kind and days, frequency (or the bundle's facts)
        IsBundleRole,
        FrequencyRole, ///< int(FrequencyClass), matters only
        MatchRole, ///< how it matched, as text, when not by name (code, keyword: …)
    };

    explicit SearchResultModel(catalogue::CataloguePtr catalogue, QObject *parent = nullptr);

    void setQuery(const QString &query);
    QString query() const { return m_query; }
    const catalogue::SearchHit *hit(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<catalogue::SearchHit> browseList() const;
    QStringList detailsOf(const catalogue::SearchHit &hit) const;
    QString matchText(const catalogue::SearchHit &hit) const;

    catalogue::CataloguePtr m_catalogue;
    catalogue::MatterSearch m_search;
    QString m_query;
    QList<catalogue::SearchHit> m_hits;
};

} // namespace ow::ui
