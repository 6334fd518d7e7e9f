#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "server/DepartmentLogChain.h"
#include "storage/Database.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace ow::server {

/// What departments did through the server in one hall (docs/supervision.md, "The departments'
/// log"): status reports and transfer lists confirmed through the department API, pre-application
/// reviews and catalogue sign-offs made with a department key — the hash-chained rows each action
/// wrote in its own transaction (DepartmentLogChain), so that nothing a department did can be
/// missing or changed unseen. Every look at it is kept in `supervision_audit` with who looked and
/// the filter.
class DepartmentLog
{
public:
    static constexpr int kMaxLimit = 5000;

    struct Filter
    {
        QDate from; ///< null: from the first
        QDate to; ///< null: up to now; the day itself included
        QString department; ///< department id; empty: all
        QString kind; ///< a kind of action (DepartmentAction::k…) or a keyword ("approved"); empty: all
        QString caseNumber;
        int limit = 500;
        int offset = 0;

        QJsonObject toJson() const;
    };

    DepartmentLog(const storage::Database &db, Clock clock);

    /// `{"hall", "total", "rows": [{"seq", "at", "department", "departmentName", "action", "kind",
    /// "subject", "case", "clerk", "detail", "keyId", "keyName"}]}`, oldest first; a hall sees its own
    /// cases and pre-applications and every catalogue sign-off.
    Result<QJsonObject> read(const QString &hall, const Filter &filter) const;
    /// The whole chain checked (every hall's rows: a removed row is missing from all of them).
    Result<DepartmentLogChain::Verification> verify() const;
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
