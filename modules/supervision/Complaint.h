#pragma once

#include "core/Result.h"
#include "supervision/Warning.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace ow {
class WorkingCalendar;
}

namespace ow::supervision {

/// Where a complaint (投诉) came in: at a counter (the guide's 投诉代办窗口), by the province's
/// 12345 hotline, or online.
enum class ComplaintChannel
{
    Window,
    Hotline,
    Online,
};

/// received → assigned → replied → closed; a received complaint may be replied to at once, and an
/// assigned one given to someone else.
enum class ComplaintState
{
    Received,
    Assigned,
    Replied,
    Closed,
};

/// How the complainant took the reply, recorded when the complaint is closed.
enum class ComplaintResult
{
    Satisfied,
    Unsatisfied,
    Unreachable,
};

/// What a supervisor does to a complaint.
enum class ComplaintAction
{
    Assign,
    Reply,
    Close,
};

/// Stable keywords for the API and the database ("window", "12345", "online"; "received"…;
/// "satisfied"…; "assign"…); never translated.
QString keyword(ComplaintChannel channel);
QString keyword(ComplaintState state);
QString keyword(ComplaintResult result);
QString keyword(ComplaintAction action);
std::optional<ComplaintChannel> complaintChannelFromKeyword(QStringView text);
std::optional<ComplaintState> complaintStateFromKeyword(QStringView text);
std::optional<ComplaintResult> complaintResultFromKeyword(QStringView text);
std::optional<ComplaintAction> complaintActionFromKeyword(QStringView text);
/// Names for people (translated): 窗口, 12345热线, 网上; 待分派, 已分派, 已答复, 已办结; 满意…
QString displayName(ComplaintChannel channel);
QString displayName(ComplaintState state);
QString displayName(ComplaintResult result);

/// Someone of the hall as a complaint names them: the staff number and the name from the hall's
/// accounts. Empty when nobody is named.
struct ComplaintPerson
{
    QString staffNumber;
    QString name;

    bool isEmpty() const { return staffNumber.isEmpty() && name.isEmpty(); }
    /// {"staffNumber", "name"}, or null when empty.
    QJsonValue toJson() const;
    friend bool operator==(const ComplaintPerson &, const ComplaintPerson &) = default;
};

/// One line of a complaint's history: recorded, assigned, replied, closed.
struct ComplaintStep
{
    QDateTime at; ///< UTC
    QString action; ///< "recorded", "assigned", "replied", "closed"
    ComplaintPerson by;
    QString note;

    QJsonObject toJson() const;
};

/// A complaint (投诉) as the hall keeps it (docs/supervision.md, "Complaints"): what it is about
/// (a case, a clerk, a matter, where known), its deadline in working days from receipt, who
/// handles it, the reply given and how it was closed. Open past its deadline, it is a warning.
struct Complaint
{
    static constexpr int kMaxContent = 2000;

    QString id; ///< the recording client's UUID: the same complaint sent twice is stored once
    QString number; ///< TS + yyyymmdd + 3-digit sequence of the hall's day, given by the server
    ComplaintChannel channel = ComplaintChannel::Window;
    QDateTime receivedAt; ///< UTC
    QString complainantName;
    QString complainantMobile;
    QString content;
    QString caseNumber; ///< empty when no case is named
    ComplaintPerson clerk; ///< the clerk complained about
    QString matterCode;
    QString matterName;
    ComplaintPerson recordedBy;
    QDate deadline;
    ComplaintState state = ComplaintState::Received;
    ComplaintPerson assignee;
    QString reply;
    QDateTime repliedAt;
    QDateTime closedAt;
    std::optional<ComplaintResult> result;
    QList<ComplaintStep> history;

    /// The deadline of a complaint received at `receivedAt`: `days` working days after its (local)
    /// day. Fails, naming the year, when the calendar has no data that far.
    static Result<QDate> deadlineFor(const QDateTime &receivedAt, const WorkingCalendar &calendar, int days);
    /// The state `action` leads to from `from`, or nullopt when it may not be done in that state.
    static std::optional<ComplaintState> after(ComplaintState from, ComplaintAction action);

    bool isOpen() const { return state != ComplaintState::Closed; }
    /// Received by the end of `day` and not closed by then.
    bool openOn(QDate day) const;
    /// Open at the end of `day`, which is after its deadline.
    bool overdueOn(QDate day) const { return openOn(day) && day > deadline; }
    /// Closed on or before its deadline.
    bool closedOnTime() const;
    /// What it is about, for people: the case number, the clerk's name and the matter's name that are
    /// known, joined by " / "; the start of its content when it names none of them.
    QString subject() const;
    /// The red warning of a complaint still open after its deadline at the end of `day`.
    std::optional<Warning> warning(QDate day) const;

    /// The complaint's JSON (docs/sync-protocol.md, "Complaints"); "overdue" as of `today`.
    QJsonObject toJson(QDate today) const;
};

/// The complaint figures of a hall on the supervisor's desk: complaints received this month by
/// channel, open and overdue ones now, those closed this month and the share closed on time.
class ComplaintFigures
{
public:
    explicit ComplaintFigures(QDate today);

    void add(const Complaint &complaint);

    int open() const { return m_open; }
    int overdue() const { return m_overdue; }
    int receivedThisMonth() const;
    int receivedThisMonth(ComplaintChannel channel) const;
    int closedThisMonth() const { return m_closedThisMonth; }
    int closedOnTime() const { return m_closedOnTime; }
    /// Of those closed this month, the share closed by their deadline; -1 when none was closed.
    double closedOnTimeShare() const;

    /// {"open", "overdue", "closedThisMonth", "closedOnTime", "closedOnTimeShare" (null when none),
    /// "receivedThisMonth", "byChannel": {"window", "12345", "online"}}
    QJsonObject toJson() const;

private:
    QDate m_today;
    int m_open = 0;
    int m_overdue = 0;
    int m_byChannel[3] = {0, 0, 0};
    int m_closedThisMonth = 0;
    int m_closedOnTime = 0;
};

} // namespace ow::supervision
