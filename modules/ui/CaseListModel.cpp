#include "ui/CaseListModel.h"

#include "ui/Theme.h"

#include <QCoreApplication>

namespace ow::ui {

using namespace ow::cases;

namespace {

QColor deadlineColour(DeadlineStatus::Level level)
{
    switch (level) {
    case DeadlineStatus::Level::OnTrack:
        return Theme::success();
    case DeadlineStatus::Level::DueSoon:
        return Theme::warning();
    case DeadlineStatus::Level::Overdue:
        return Theme::danger();
    default:
        return Theme::secondaryText();
    }
}

} // namespace

CaseListModel::CaseListModel(const CaseScreenContext &context, QObject *parent)
    : QAbstractTableModel(parent)
    , m_context(context)
{
}

void CaseListModel::setFilter(const CaseFilter &filter, DeadlineWatch watch)
{
    m_filter = filter;
    m_watch = watch;
    reload();
}

void CaseListModel::reload()
{
    m_today = m_context.today();
    QList<Row> rows;
    const bool loaded = fetchPage(0, rows);
    beginResetModel();
    m_rows = std::move(rows);
    if (!loaded)
        m_total = 0;
    endResetModel();
    Q_EMIT reloaded(m_total, m_lastError);
}

CaseFilter CaseListModel::pageFilter(int offset) const
{
    CaseFilter f = m_filter;
    f.offset = offset;
    f.limit = kPageSize;
    f.dueFrom = {};
    f.dueTo = {};
    switch (m_watch) {
    case DeadlineWatch::All:
        break;
    case DeadlineWatch::Overdue:
        f.dueTo = m_today.addDays(-1);
        break;
    case DeadlineWatch::DueSoon: {
        f.dueFrom = m_today;
        // Without calendar data the window is too wide rather than too narrow: a weekend or a
        // holiday inside it can only add cases that are in fact a little less urgent.
        Result<QDate> last = m_context.calendar.addWorkingDays(m_today, CaseDeadline::kDueSoonDays);
        f.dueTo = last ? *last : m_today.addDays(CaseDeadline::kDueSoonDays + 7);
        break;
    }
    }
    return f;
}

bool CaseListModel::fetchPage(int offset, QList<Row> &rows)
{
    m_lastError.clear();
    if (!m_context.store) {
        m_lastError = QCoreApplication::translate("ow::ui", "No case store is open.");
        return false;
    }
    Result<CasePage> page = m_context.store->list(pageFilter(offset));
    if (!page) {
        m_lastError = page.error().message();
        return false;
    }
    m_total = page->total;
    rows.reserve(rows.size() + page->items.size());
    for (const CaseSummary &s : std::as_const(page->items))
        rows.append(Row {s, CaseDeadline::ofSummary(s, m_context.calendar, m_today)});
    return true;
}

const CaseSummary *CaseListModel::summary(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).summary : nullptr;
}

DeadlineStatus CaseListModel::deadline(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).deadline : DeadlineStatus {};
}

int CaseListModel::rowOf(const QString &caseNumber) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).summary.number == caseNumber)
            return i;
    return -1;
}

int CaseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool CaseListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_lastError.isEmpty() && m_rows.size() < m_total;
}

void CaseListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    QList<Row> rows;
    if (!fetchPage(int(m_rows.size()), rows) || rows.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows.append(std::move(rows));
    endInsertRows();
}

QVariant CaseListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const CaseSummary &s = row.summary;
    switch (role) {
    case CaseNumberRole:
        return s.number;
    case StateRole:
        return int(s.state);
    case DeadlineLevelRole:
        return int(row.deadline.level);
    case Qt::ToolTipRole:
        if (index.column() == MatterColumn)
            return s.matterCode;
        if (index.column() == DaysLeftColumn)
            return row.deadline.problem.isEmpty() ? row.deadline.text() : row.deadline.problem;
        if (index.column() == StateColumn)
            return displayName(s.state);
        if (index.column() == ApplicantColumn)
            return s.applicantMasked;
        return {};
    case Qt::ForegroundRole:
        return index.column() == DaysLeftColumn ? QVariant(deadlineColour(row.deadline.level)) : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NumberColumn:
        return s.number;
    case MatterColumn:
        return s.matterName;
    case ApplicantColumn:
        return s.applicantMasked;
    case StateColumn:
        return displayName(s.state);
    case CounterColumn:
        return s.counter;
    case HandlerColumn:
        return s.firstHandler;
    case CreatedColumn:
        return s.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case DeadlineColumn:
        return s.promisedDeadline.isValid() ? s.promisedDeadline.toString(Qt::ISODate) : QStringLiteral("—");
    case DaysLeftColumn:
        return row.deadline.shortText();
    default:
        return {};
    }
}

QVariant CaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("Case number");
    case MatterColumn:
        return tr("Matter");
    case ApplicantColumn:
        return tr("Applicant");
    case StateColumn:
        return tr("State");
    case CounterColumn:
        return tr("Counter");
    case HandlerColumn:
        return tr("First handler");
    case CreatedColumn:
        return tr("Created");
    case DeadlineColumn:
        return tr("Promised by");
    case DaysLeftColumn:
        return tr("Working days left");
    default:
        return {};
    }
}

} // namespace ow::ui
