#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "storage/Database.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace ow::server {

/// What departments did through the server in one hall (docs/supervision.md, "The departments'
/// log"): the case events posted with a department key — status reports, and transfer lists
/// confirmed through the department API — read from the events table itself rather than copied
/// into a log of their own, so that nothing a department did can be missing from the log. Every
/// look at it is kept in `supervision_audit` with who looked and the filter.
class DepartmentLog
{
public:
    static constexpr int kMaxLimit = 5000;

    struct Filter
    {
        QDate from; ///< null: from the first
        QDate to; ///< null: up to now; the day itself included
        QString department; ///< department id; empty: all
        QString kind; ///< event keyword, e.g. "approved"; empty: all
        QString caseNumber;
        int limit = 500;
        int offset = 0;

        QJsonObject toJson() const;
    };

    DepartmentLog(const storage::Database &db, Clock clock);

    /// `{"hall", "total", "rows": [{"at", "department", "departmentName", "kind", "case", "clerk",
    /// "detail", "keyId", "keyName"}]}`, oldest first; a hall sees only its own cases.
    Result<QJsonObject> read(const QString &hall, const Filter &filter) const;
    /// Records that `who` looked (action "department-log") or exported with this filter.
    Result<void> recordLook(
        const QString &hall, const QString &who, const QString &action, const Filter &filter);
    /// The hall's looks, newest first: `[{"at", "who", "action", "filter"}]`.
    Result<QJsonArray> looks(const QString &hall, int limit) const;

private:
    const storage::Database &m_db;
    Clock m_clock;
};

} // namespace ow::server
