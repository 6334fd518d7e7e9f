#include "ui/SearchResultModel.h"

namespace ow::ui {

using namespace ow::catalogue;

namespace {

constexpr int kLimit = 100;

} // namespace

SearchResultModel::SearchResultModel(CataloguePtr catalogue, QObject *parent)
    : QAbstractListModel(parent)
    , m_catalogue(catalogue)
    , m_search(std::move(catalogue))
{
    m_hits = browseList();
}

QList<SearchHit> SearchResultModel::browseList() const
{
    QList<SearchHit> hits;
    for (const Matter &matter : m_catalogue->matters) {
        SearchHit hit;
        hit.target = SearchTarget::Matter;
        hit.code = matter.code;
        hit.name = matter.name;
        hit.matter = &matter;
        hits.append(hit);
    }
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit &a, const SearchHit &b) {
        if (a.matter->frequency != b.matter->frequency)
            return int(a.matter->frequency) < int(b.matter->frequency);
        return a.code < b.code;
    });
    for (const Bundle &bundle : m_catalogue->bundles) {
        SearchHit hit;
        hit.target = SearchTarget::Bundle;
        hit.code = bundle.id;
        hit.name = bundle.name;
        hit.bundle = &bundle;
        hits.append(hit);
    }
    return hits;
}

void SearchResultModel::setQuery(const QString &query)
{
    beginResetModel();
    m_query = query;
    m_hits = query.trimmed().isEmpty() ? browseList() : m_search.search(query, kLimit);
    endResetModel();
}

const SearchHit *SearchResultModel::hit(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits.at(row) : nullptr;
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QStringList SearchResultModel::detailsOf(const SearchHit &hit) const
{
    if (hit.bundle) {
        const Department *lead = m_catalogue->department(hit.bundle->leadDepartmentId);
        return {tr("one-thing bundle"), lead ? lead->name : hit.bundle->leadDepartmentId,
            tr("%1 matters").arg(hit.bundle->members.size())};
    }
    const Matter &matter = *hit.matter;
    const Department *department = m_catalogue->department(matter.departmentId);
    const QString kind = matter.kind == MatterKind::Promised
        ? tr("promised, %1 working days").arg(matter.promisedDays)
        : tr("immediate");
    return {department ? department->name : matter.departmentId, kind};
}

QString SearchResultModel::matchText(const SearchHit &hit) const
{
    switch (hit.match) {
    case SearchMatch::ExactCode:
    case SearchMatch::CodePrefix:
        return m_query.trimmed().isEmpty() ? QString() : tr("matched the code");
    case SearchMatch::Keyword:
    case SearchMatch::KeywordPinyin: {
        const QStringList &keywords = hit.matter ? hit.matter->keywords : hit.bundle->keywords;
        if (hit.keywordIndex >= 0 && hit.keywordIndex < keywords.size())
            return tr("keyword: %1").arg(keywords.at(hit.keywordIndex));
        return tr("matched a keyword");
    }
    case SearchMatch::NamePrefix:
    case SearchMatch::NameSubstring:
    case SearchMatch::PinyinPrefix:
    case SearchMatch::PinyinInside:
        return {};
    }
    return {};
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    const SearchHit *h = hit(index.row());
    if (!h || index.parent().isValid())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return h->name;
    case Qt::AccessibleTextRole:
        return QString(h->name + QLatin1Char(' ') + h->code);
    case HighlightStartRole:
        return qlonglong(h->nameStart);
    case HighlightLengthRole:
        return qlonglong(h->nameLength);
    case CodeRole:
        return h->code;
    case DetailsRole:
        return detailsOf(*h);
    case IsBundleRole:
        return h->isBundle();
    case FrequencyRole:
        return h->matter ? int(h->matter->frequency) : -1;
    case MatchRole:
        return m_query.trimmed().isEmpty() ? QString() : matchText(*h);
    default:
        return {};
    }
}

} // namespace ow::ui
