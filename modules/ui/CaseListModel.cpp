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

QString supplementNames(const PendingSupplement *p)
{
    if (!p)
        return {};
    QStringList names;
    for (const AwaitedMaterial &a : p->awaited)
        names.append(a.name);
    return QCoreApplication::translate("ow::ui", "Awaited: %1").arg(names.join(QStringLiteral("、")));
}

QString supplementText(const PendingSupplement *p, const QDate &today)
{
    if (!p)
        return {};
    const QDate due = p->due();
    if (!due.isValid())
        return QCoreApplication::translate("ow::ui", "awaited");
    if (p->isOverdue(today))
        return QCoreApplication::translate("ow::ui", "overdue %1").arg(due.toString(QStringLiteral("MM-dd")));
    return QCoreApplication::translate("ow::ui", "by %1").arg(due.toString(QStringLiteral("MM-dd")));
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
    bool loaded = fetchPage(0, rows);
    // The few cases awaiting materials, read once per reload: the column and the overdue list.
    QList<PendingSupplement> pending;
    if (loaded) {
        Result<QList<PendingSupplement>> watched
            = SupplementWatch::pending(*m_context.store, m_filter.firstHandler);
        if (watched)
            pending = std::move(*watched);
        else
            m_lastError = watched.error().message();
        loaded = bool(watched);
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_pending = std::move(pending);
    m_pendingByNumber.clear();
    for (qsizetype i = 0; i < m_pending.size(); ++i)
        m_pendingByNumber.insert(m_pending.at(i).caseNumber, i);
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

const PendingSupplement *CaseListModel::supplement(int row) const
{
    const CaseSummary *s = summary(row);
    const auto found = s ? m_pendingByNumber.constFind(s->number) : m_pendingByNumber.cend();
    return found == m_pendingByNumber.cend() ? nullptr : &m_pending.at(*found);
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
    case SupplementOverdueRole: {
        const PendingSupplement *p = supplement(index.row());
        return p ? QVariant(p->isOverdue(m_today)) : QVariant();
    }
    case Qt::ToolTipRole:
        if (index.column() == MatterColumn)
            return s.matterCode;
        if (index.column() == DaysLeftColumn)
            return row.deadline.problem.isEmpty() ? row.deadline.text() : row.deadline.problem;
        if (index.column() == StateColumn)
            return displayName(s.state);
        if (index.column() == ApplicantColumn)
            return s.applicantMasked;
        if (index.column() == SupplementColumn)
            return supplementNames(supplement(index.row()));
        return {};
    case Qt::ForegroundRole:
        if (index.column() == SupplementColumn) {
            const PendingSupplement *p = supplement(index.row());
            return p ? QVariant(p->isOverdue(m_today) ? Theme::danger() : Theme::warning()) : QVariant();
        }
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
        return m_context.nameOfClerk(s.firstHandler);
    case CreatedColumn:
        return s.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case DeadlineColumn:
        return s.promisedDeadline.isValid() ? s.promisedDeadline.toString(Qt::ISODate) : QStringLiteral("—");
    case DaysLeftColumn:
        return row.deadline.shortText();
    case SupplementColumn:
        return supplementText(supplement(index.row()), m_today);
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
    case SupplementColumn:
        return tr("Supplement");
    default:
        return {};
    }
}

} // namespace ow::ui
