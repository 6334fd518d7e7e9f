#pragma once

#include "cases/CaseDeadline.h"
#include "cases/SupplementWatch.h"
#include "ui/CaseScreenContext.h"

#include <QAbstractTableModel>
#include <QHash>

namespace ow::ui {

/// The rows of the case list: one page of CaseStore::list at a time, fetched as the view scrolls
/// (canFetchMore / fetchMore), never the whole store, so 100,000 cases open as fast as 100.
/// Each row carries its DeadlineStatus, computed from the holiday calendar when the page arrives.
class CaseListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NumberColumn,
        MatterColumn,
        ApplicantColumn,
        StateColumn,
        CounterColumn,
        HandlerColumn,
        CreatedColumn,
        DeadlineColumn,
        DaysLeftColumn,
        SupplementColumn, ///< 补齐补正: when what the case awaits is due; red once overdue
        ColumnCount
    };

    enum Role
    {
        CaseNumberRole = Qt::UserRole + 1,
        StateRole, ///< int(cases::CaseState)
        DeadlineLevelRole, ///< int(cases::DeadlineStatus::Level)
        SupplementOverdueRole, ///< bool: what the case awaits is overdue; invalid when nothing
    };

    /// The supervisors' watch list on top of the other filters.
    enum class DeadlineWatch
    {
        All,
        Overdue, ///< the promised deadline has passed while the clock runs
        DueSoon, ///< due today or within CaseDeadline::kDueSoonDays working days
    };

    static constexpr int kPageSize = 100;

    CaseListModel(const CaseScreenContext &context, QObject *parent = nullptr);

    /// Replaces the filter (its offset and limit are the model's business) and reloads from the top.
    void setFilter(const cases::CaseFilter &filter, DeadlineWatch watch = DeadlineWatch::All);
    /// Reloads with the current filter, e.g. after a case changed.
    void reload();
    const cases::CaseFilter &filter() const { return m_filter; }
    DeadlineWatch deadlineWatch() const { return m_watch; }

    /// Matching cases in the store (all pages); rowCount() is what has been fetched so far.
    qint64 total() const { return m_total; }
    /// The store's refusal at the last load, translated; empty when it went well.
    const QString &lastError() const { return m_lastError; }
    const cases::CaseSummary *summary(int row) const;
    cases::DeadlineStatus deadline(int row) const;
    /// What the case of a row awaits (补齐补正); null when nothing.
    const cases::PendingSupplement *supplement(int row) const;
    /// Every case of the filter's clerk (or the hall) awaiting materials, earliest due first, as of
    /// the last reload.
    const QList<cases::PendingSupplement> &pendingSupplements() const { return m_pending; }
    QDate today() const { return m_today; }
    /// The row of a case among those fetched; -1 when not (yet) fetched.
    int rowOf(const QString &caseNumber) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    /// After a reload (filter or refresh): the new total and the error, if any.
    void reloaded(qint64 total, const QString &error);

private:
    struct Row
    {
        cases::CaseSummary summary;
        cases::DeadlineStatus deadline;
    };

    /// The store filter for one page at `offset`, the deadline watch turned into dates.
    cases::CaseFilter pageFilter(int offset) const;
    /// Reads the page at `offset`; false (and lastError set) when the store refuses.
    bool fetchPage(int offset, QList<Row> &rows);

    CaseScreenContext m_context;
    cases::CaseFilter m_filter;
    DeadlineWatch m_watch = DeadlineWatch::All;
    QDate m_today; ///< fixed at each reload, so every row of a list is coloured for the same day
    QList<Row> m_rows;
    QList<cases::PendingSupplement> m_pending;
    QHash<QString, qsizetype> m_pendingByNumber; ///< index into m_pending
    qint64 m_total = 0;
    QString m_lastError;
};

} // namespace ow::ui
