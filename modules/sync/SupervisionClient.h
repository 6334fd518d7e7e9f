#pragma once

#include "cases/CaseStore.h"
#include "core/Result.h"
#include "sync/SyncClient.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace ow::sync {

/// A supervisor signed in at this workstation (POST /supervision/session): the short-lived token
/// that reads the hall's supervision, kept in memory only.
struct SupervisorSession
{
    QString token;
    QDateTime expires; ///< UTC
    QString staffNumber;

    /// Still usable at `now`, with a minute to spare for the request on its way.
    bool isValidAt(const QDateTime &now) const { return !token.isEmpty() && now.addSecs(60) < expires; }
};

/// What the supervisor's desk shows, as the server answered it: the warnings of today, the day's
/// figures, the clerks of the month, the matters of the last twelve months (their frequency classes
/// come from a year's volume) and, where the server has them, the month's points. Kept as one JSON
/// object, so the last copy can be shown offline exactly as it was fetched.
struct DeskSnapshot
{
    QDateTime fetched; ///< UTC, by the workstation's clock
    QJsonObject warnings; ///< GET /supervision/warnings
    QJsonObject today; ///< GET /supervision/today
    QJsonObject clerks; ///< GET /supervision/clerks?from=<first of the month>
    QJsonObject matters; ///< GET /supervision/matters?from=<a year back>
    QJsonObject points; ///< GET /supervision/points?month=; empty when the server has none
    /// The hall's complaint counts ("counts" of GET /supervision/complaints?state=overdue: open,
    /// overdue, closedThisMonth, closedOnTime); empty when the server has no complaints.
    QJsonObject complaints;

    bool isEmpty() const { return !fetched.isValid(); }
    QJsonObject toJson() const;
    static DeskSnapshot fromJson(const QJsonObject &object);
};

/// The workstation's side of the supervision API (docs/supervision.md) for the supervisor's desk.
/// Blocking like SyncClient: for a thread of its own (ui::runHallServerRequest), never the GUI.
class SupervisionClient
{
public:
    explicit SupervisionClient(SyncClient &client);

    /// Signs the supervisor in with their hall account, on the workstation's token the client holds;
    /// the password goes to the server only. 403 when it is not a supervisor's or wrong, 429 when
    /// too many failed.
    Result<SupervisorSession> signIn(const QString &staffNumber, const QString &password);
    /// Everything the desk shows, on the session's token (set into the client). A server without
    /// the points API (404) leaves the points empty rather than failing the desk.
    Result<DeskSnapshot> fetchDesk(const SupervisorSession &session, QDate today);
    /// The ranking of `month` (YYYY-MM): GET /supervision/points?month=.
    Result<QJsonObject> points(const SupervisorSession &session, const QString &month);
    /// One clerk's points of `month` (YYYY-MM) with every item that makes them
    /// (GET /supervision/points/STAFF); 404 for a clerk with no line that month.
    Result<QJsonObject> clerkPoints(
        const SupervisorSession &session, const QString &staffNumber, const QString &month);
    /// Records a supervisor's correction of a clerk's points in `month`, with its reason and who
    /// made it (POST /supervision/points/corrections): an item of its own, never an edit.
    Result<QJsonObject> correctPoints(const SupervisorSession &session, const QString &staffNumber,
        int points, const QString &reason, const QString &by, const QString &month);

private:
    SyncClient &m_client;
};

/// The desk's last copy in the workstation's store (its sync state), so a supervisor offline still
/// sees the hall as it was, with the time it was fetched.
class DeskCopy
{
public:
    static constexpr QLatin1StringView kKey {"supervisionDesk"};
    /// The rankings of every month looked at, each with when it was fetched.
    static constexpr QLatin1StringView kMonthsKey {"supervisionDeskMonths"};
    /// Months of rankings kept; beyond them the oldest month goes (three years of monthly reviews).
    static constexpr int kMonthsKept = 36;

    /// One month's ranking as it was fetched.
    struct MonthCopy
    {
        QDateTime fetched; ///< UTC
        QJsonObject points; ///< GET /supervision/points?month=
    };

    /// Keeps the snapshot as the last copy, and its month's ranking among the months.
    static Result<void> save(cases::CaseStore &store, const DeskSnapshot &snapshot);
    /// The last copy; empty (isEmpty()) when none was kept.
    static Result<DeskSnapshot> load(const cases::CaseStore &store);
    /// Keeps the ranking of `month` (YYYY-MM), replacing an older copy of that month.
    static Result<void> saveMonth(
        cases::CaseStore &store, const QString &month, const QJsonObject &points, const QDateTime &fetched);
    /// The ranking of `month` as last fetched; nullopt when it was never kept.
    static Result<std::optional<MonthCopy>> loadMonth(const cases::CaseStore &store, const QString &month);
    /// The months kept, newest first.
    static Result<QStringList> months(const cases::CaseStore &store);
};

} // namespace ow::sync
