#include "supervision/Complaint.h"

#include "core/WorkingCalendar.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ow::supervision {

using namespace Qt::StringLiterals;

namespace {

// Each value with its stable keyword: one table serves both directions.
template<typename Enum> struct Keyworded
{
    Enum value;
    QLatin1StringView keyword;
};

constexpr Keyworded<ComplaintChannel> kChannels[] = {{ComplaintChannel::Window, "window"_L1},
    {ComplaintChannel::Hotline, "12345"_L1}, {ComplaintChannel::Online, "online"_L1}};
constexpr Keyworded<ComplaintState> kStates[]
    = {{ComplaintState::Received, "received"_L1}, {ComplaintState::Assigned, "assigned"_L1},
        {ComplaintState::Replied, "replied"_L1}, {ComplaintState::Closed, "closed"_L1}};
constexpr Keyworded<ComplaintResult> kResults[] = {{ComplaintResult::Satisfied, "satisfied"_L1},
    {ComplaintResult::Unsatisfied, "unsatisfied"_L1}, {ComplaintResult::Unreachable, "unreachable"_L1}};
constexpr Keyworded<ComplaintAction> kActions[] = {{ComplaintAction::Assign, "assign"_L1},
    {ComplaintAction::Reply, "reply"_L1}, {ComplaintAction::Close, "close"_L1}};

template<typename Enum, size_t N> QString keywordOf(const Keyworded<Enum> (&all)[N], Enum value)
{
    for (const Keyworded<Enum> &entry : all)
        if (entry.value == value)
            return entry.keyword;
    return {};
}

template<typename Enum, size_t N>
std::optional<Enum> fromKeyword(const Keyworded<Enum> (&all)[N], QStringView text)
{
    for (const Keyworded<Enum> &entry : all)
        if (entry.keyword == text)
            return entry.value;
    return std::nullopt;
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDate localDay(const QDateTime &time)
{
    return time.toLocalTime().date();
}

} // namespace

QString keyword(ComplaintChannel channel)
{
    return keywordOf(kChannels, channel);
}

QString keyword(ComplaintState state)
{
    return keywordOf(kStates, state);
}

QString keyword(ComplaintResult result)
{
    return keywordOf(kResults, result);
}

QString keyword(ComplaintAction action)
{
    return keywordOf(kActions, action);
}

std::optional<ComplaintChannel> complaintChannelFromKeyword(QStringView text)
{
    return fromKeyword(kChannels, text);
}

std::optional<ComplaintState> complaintStateFromKeyword(QStringView text)
{
    return fromKeyword(kStates, text);
}

std::optional<ComplaintResult> complaintResultFromKeyword(QStringView text)
{
    return fromKeyword(kResults, text);
}

std::optional<ComplaintAction> complaintActionFromKeyword(QStringView text)
{
    return fromKeyword(kActions, text);
}

QString displayName(ComplaintChannel channel)
{
    switch (channel) {
    case ComplaintChannel::Window:
        return QCoreApplication::translate("ow::supervision", "counter", "complaint");
    case ComplaintChannel::Hotline:
        return QCoreApplication::translate("ow::supervision", "12345 hotline", "complaint");
    case ComplaintChannel::Online:
        break;
    }
    return QCoreApplication::translate("ow::supervision", "online", "complaint");
}

QString displayName(ComplaintState state)
{
    switch (state) {
    case ComplaintState::Received:
        return QCoreApplication::translate("ow::supervision", "received", "complaint");
    case ComplaintState::Assigned:
        return QCoreApplication::translate("ow::supervision", "assigned", "complaint");
    case ComplaintState::Replied:
        return QCoreApplication::translate("ow::supervision", "replied", "complaint");
    case ComplaintState::Closed:
        break;
    }
    return QCoreApplication::translate("ow::supervision", "closed", "complaint");
}

QString displayName(ComplaintResult result)
{
    switch (result) {
    case ComplaintResult::Satisfied:
        return QCoreApplication::translate("ow::supervision", "satisfied", "complaint");
    case ComplaintResult::Unsatisfied:
        return QCoreApplication::translate("ow::supervision", "unsatisfied", "complaint");
    case ComplaintResult::Unreachable:
        break;
    }
    return QCoreApplication::translate("ow::supervision", "complainant unreachable", "complaint");
}

QJsonValue ComplaintPerson::toJson() const
{
    if (isEmpty())
        return QJsonValue();
    return QJsonObject {{u"staffNumber"_s, staffNumber}, {u"name"_s, name}};
}

QJsonObject ComplaintStep::toJson() const
{
    return QJsonObject {
        {u"at"_s, timeOrNull(at)}, {u"action"_s, action}, {u"by"_s, by.toJson()}, {u"note"_s, note}};
}

Result<QDate> Complaint::deadlineFor(const QDateTime &receivedAt, const WorkingCalendar &calendar, int days)
{
    return calendar.addWorkingDays(localDay(receivedAt), days);
}

std::optional<ComplaintState> Complaint::after(ComplaintState from, ComplaintAction action)
{
    switch (action) {
    case ComplaintAction::Assign:
        // Given to someone else while nobody has replied yet; a reply given stays with its author.
        if (from == ComplaintState::Received || from == ComplaintState::Assigned)
            return ComplaintState::Assigned;
        return std::nullopt;
    case ComplaintAction::Reply:
        if (from == ComplaintState::Received || from == ComplaintState::Assigned)
            return ComplaintState::Replied;
        return std::nullopt;
    case ComplaintAction::Close:
        break;
    }
    // Closed only with a reply to close on: the result is how the complainant took it.
    if (from == ComplaintState::Replied)
        return ComplaintState::Closed;
    return std::nullopt;
}

bool Complaint::openOn(QDate day) const
{
    if (!receivedAt.isValid() || localDay(receivedAt) > day)
        return false;
    return !closedAt.isValid() || localDay(closedAt) > day;
}

bool Complaint::closedOnTime() const
{
    return closedAt.isValid() && deadline.isValid() && localDay(closedAt) <= deadline;
}

QString Complaint::subject() const
{
    QStringList parts;
    if (!caseNumber.isEmpty())
        parts.append(caseNumber);
    if (!clerk.isEmpty())
        parts.append(clerk.name.isEmpty() ? clerk.staffNumber : clerk.name);
    if (!matterName.isEmpty() || !matterCode.isEmpty())
        parts.append(matterName.isEmpty() ? matterCode : matterName);
    if (!parts.isEmpty())
        return parts.join(u" / "_s);
    const QString text = content.simplified();
    return text.size() > 20 ? text.left(20) + u'…' : text;
}

std::optional<Warning> Complaint::warning(QDate day) const
{
    if (!overdueOn(day))
        return std::nullopt;
    Warning w;
    w.caseNumber = caseNumber;
    w.complaint = number;
    w.matterName = matterName;
    w.stage = Stage::Complaint;
    w.rule = Rule::ComplaintOverdue;
    w.colour = Colour::Red;
    // The hall's complaint handling answers for it, not a department: its own group on the desk and
    // its own 督办单.
    w.departmentId = u"complaints"_s;
    w.departmentName = displayName(Stage::Complaint);
    // Whoever it was given to answers for it; nobody yet, the warning names no clerk.
    w.clerk = assignee.staffNumber;
    w.clerkName = assignee.name.isEmpty() ? assignee.staffNumber : assignee.name;
    w.since = deadline.addDays(1);
    w.due = deadline;
    const int over = int(deadline.daysTo(day));
    w.detail = QCoreApplication::translate(
        "ow::supervision", "Complaint %1 (%2) is still %3, %n day(s) past its deadline.", nullptr, over)
                   .arg(number, subject(), displayName(state));
    return w;
}

QJsonObject Complaint::toJson(QDate today) const
{
    QJsonArray steps;
    for (const ComplaintStep &step : history)
        steps.append(step.toJson());
    const auto textOrNull
        = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    QJsonValue matter;
    if (!matterCode.isEmpty())
        matter = QJsonObject {{u"code"_s, matterCode}, {u"name"_s, matterName}};
    return QJsonObject {{u"id"_s, id}, {u"number"_s, number}, {u"channel"_s, keyword(channel)},
        {u"receivedAt"_s, timeOrNull(receivedAt)},
        {u"complainant"_s, QJsonObject {{u"name"_s, complainantName}, {u"mobile"_s, complainantMobile}}},
        {u"content"_s, content}, {u"case"_s, textOrNull(caseNumber)}, {u"clerk"_s, clerk.toJson()},
        {u"matter"_s, matter}, {u"recordedBy"_s, recordedBy.toJson()},
        {u"deadline"_s, deadline.toString(Qt::ISODate)}, {u"state"_s, keyword(state)},
        {u"assignee"_s, assignee.toJson()}, {u"reply"_s, textOrNull(reply)},
        {u"repliedAt"_s, timeOrNull(repliedAt)}, {u"closedAt"_s, timeOrNull(closedAt)},
        {u"result"_s, result ? QJsonValue(keyword(*result)) : QJsonValue()}, {u"overdue"_s, overdueOn(today)},
        {u"subject"_s, subject()}, {u"history"_s, steps}};
}

ComplaintFigures::ComplaintFigures(QDate today)
    : m_today(today)
{
}

void ComplaintFigures::add(const Complaint &complaint)
{
    const QDate firstOfMonth(m_today.year(), m_today.month(), 1);
    const auto thisMonth = [&](const QDateTime &time) {
        const QDate day = localDay(time);
        return time.isValid() && day >= firstOfMonth && day <= m_today;
    };
    if (complaint.openOn(m_today)) {
        ++m_open;
        if (complaint.overdueOn(m_today))
            ++m_overdue;
    }
    if (thisMonth(complaint.receivedAt))
        ++m_byChannel[int(complaint.channel)];
    if (complaint.state == ComplaintState::Closed && thisMonth(complaint.closedAt)) {
        ++m_closedThisMonth;
        if (complaint.closedOnTime())
            ++m_closedOnTime;
    }
}

int ComplaintFigures::receivedThisMonth() const
{
    return m_byChannel[0] + m_byChannel[1] + m_byChannel[2];
}

int ComplaintFigures::receivedThisMonth(ComplaintChannel channel) const
{
    return m_byChannel[int(channel)];
}

double ComplaintFigures::closedOnTimeShare() const
{
    return m_closedThisMonth ? double(m_closedOnTime) / m_closedThisMonth : -1.0;
}

QJsonObject ComplaintFigures::toJson() const
{
    QJsonObject byChannel;
    for (const Keyworded<ComplaintChannel> &channel : kChannels)
        byChannel.insert(channel.keyword, receivedThisMonth(channel.value));
    return QJsonObject {{u"open"_s, m_open}, {u"overdue"_s, m_overdue},
        {u"closedThisMonth"_s, m_closedThisMonth}, {u"closedOnTime"_s, m_closedOnTime},
        {u"closedOnTimeShare"_s, m_closedThisMonth ? QJsonValue(closedOnTimeShare()) : QJsonValue()},
        {u"receivedThisMonth"_s, receivedThisMonth()}, {u"byChannel"_s, byChannel}};
}

} // namespace ow::supervision
