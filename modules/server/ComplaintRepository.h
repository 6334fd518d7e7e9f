#pragma once

#include "core/Clock.h"
#include "storage/Database.h"
#include "supervision/Complaint.h"

#include <QList>

namespace ow::server {

/// A hall's complaints (投诉) on the server (docs/supervision.md, "Complaints"): stored once per
/// client id with the hall's next number of the day and a deadline on the working-day calendar,
/// then assigned, replied to and closed, each step in the complaint's history.
class ComplaintRepository
{
public:
    enum class Stored
    {
        Stored,
        Duplicate, ///< the id was stored before in this hall: nothing changed
        OtherHall, ///< another hall holds a complaint with this id
    };

    /// Which complaints a list holds.
    enum class Filter
    {
        Open,
        Overdue,
        Closed,
        All,
    };

    struct Page
    {
        QList<supervision::Complaint> complaints;
        qint64 next = 0; ///< the cursor of the next page; 0 when this is the last
    };

    /// What a supervisor's action did.
    struct Outcome
    {
        enum class Status
        {
            Done,
            NotFound,
            WrongState, ///< the action may not be done in the complaint's state
        };
        Status status = Status::Done;
        supervision::Complaint complaint; ///< as it stands after the action (or as found)
    };

    ComplaintRepository(const storage::Database &db, Clock clock, int deadlineDays = 5);

    /// Stores `complaint` for `hall` unless its id is known: the number and the deadline are
    /// given here, and `complaint` receives them (or those stored before, for a duplicate).
    /// `source` is the credential that sent it. Fails when the calendar has no data for the deadline.
    Result<Stored> store(const QString &hall, const QString &source, supervision::Complaint &complaint);
    /// The hall's complaint of `id`, with its history.
    Result<std::optional<supervision::Complaint>> find(const QString &hall, const QString &id) const;
    /// The hall's complaints of `filter` (overdue as of today), oldest first, after the cursor.
    Result<Page> list(const QString &hall, Filter filter, qint64 after, int limit) const;
    /// Every complaint of the hall without its history, for warnings and figures.
    Result<QList<supervision::Complaint>> all(const QString &hall) const;

    /// Assigns, replies to or closes the complaint, by `by`: `assignee` for Assign, `text` the reply
    /// for Reply, `result` for Close. Refused (WrongState) when the state does not allow it.
    Result<Outcome> act(const QString &hall, const QString &id, supervision::ComplaintAction action,
        const supervision::ComplaintPerson &by, const supervision::ComplaintPerson &assignee = {},
        const QString &text = {}, std::optional<supervision::ComplaintResult> result = std::nullopt);

private:
    Result<void> addStep(const QString &id, const QString &action, const supervision::ComplaintPerson &by,
        const QString &note, const QString &at);
    Result<QList<supervision::Complaint>> select(const QString &condition, const QVariantList &values) const;
    Result<void> addHistory(QList<supervision::Complaint> &complaints) const;

    const storage::Database &m_db;
    Clock m_clock;
    int m_deadlineDays;
};

} // namespace ow::server
