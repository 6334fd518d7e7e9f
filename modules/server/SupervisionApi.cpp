#include "server/SupervisionApi.h"

#include "server/Api.h"
#include "server/RequestParser.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>

namespace ow::server {

using namespace Qt::StringLiterals;
namespace code = sync::protocol::error;
using supervision::Warning;

namespace {

ApiReply invalid(const QString &message)
{
    return ApiReply::error(422, code::kInvalid, message);
}

/// A date parameter: null when absent, nullopt when malformed.
std::optional<QDate> dateParameter(const ApiRequest &request, const QString &name)
{
    const QString text = request.query.queryItemValue(name);
    if (text.isEmpty())
        return QDate();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

/// Who looked at the departments' log, as supervision_audit names them.
QString lookerOf(const Credential &supervisor)
{
    return supervisor.name.isEmpty() ? supervisor.id : supervisor.name + u" ("_s + supervisor.id + u')';
}

ApiReply badDate(const QString &name)
{
    return invalid(QCoreApplication::translate("ow::server", "“%1” takes a date, YYYY-MM-DD.").arg(name));
}

} // namespace

SupervisionApi::SupervisionApi(const storage::Database &db, Clock clock, supervision::SupervisionRules rules,
    supervision::PointsRules points)
    : m_repository(db, clock, rules)
    , m_clock(clock)
    , m_points(db, clock, points, m_repository)
    , m_departmentLog(db, clock)
{
}

ApiReply SupervisionApi::handle(
    const ApiRequest &request, const QStringList &parts, const Credential &supervisor)
{
    const QString head = parts.value(0);
    if (head == u"points"_s)
        return m_points.handle(request, parts.mid(1), supervisor);
    if (parts.size() == 1 && request.method == "GET") {
        if (head == u"warnings"_s)
            return warnings(request, supervisor);
        if (head == u"history"_s)
            return history(request, supervisor);
        if (head == u"followups"_s)
            return followUps(request, supervisor);
        if (head == u"clerks"_s || head == u"matters"_s)
            return figures(request, head, supervisor);
        if (head == u"department-log"_s)
            return departmentLog(request, supervisor);
    }
    if (parts.size() == 2 && head == u"department-log"_s && request.method == "GET")
        return departmentLogPart(request, parts.at(1), supervisor);
    if (parts.size() == 3 && head == u"followups"_s && request.method == "POST")
        return followUpAction(request, parts.at(1), parts.at(2), supervisor);
    return ApiReply::error(
        404, code::kNotFound, QCoreApplication::translate("ow::server", "There is nothing here."));
}

Result<SupervisionRepository::HallView> SupervisionApi::view(
    const ApiRequest &request, const QString &hall, QDate *day)
{
    const std::optional<QDate> asked = dateParameter(request, u"day"_s);
    *day = asked && asked->isValid() ? *asked : m_clock.today();
    if (asked && asked->isValid())
        return m_repository.compute(hall, *asked);
    return m_repository.refresh(hall);
}

ApiReply SupervisionApi::warnings(const ApiRequest &request, const Credential &supervisor)
{
    if (!dateParameter(request, u"day"_s))
        return badDate(u"day"_s);
    QDate day;
    Result<SupervisionRepository::HallView> found = view(request, supervisor.hall, &day);
    if (!found)
        return Api::internalError(found.error());
    QList<Warning> list = found->warnings;
    // Red first, then by department and case: the order a supervisor works through them.
    std::stable_sort(list.begin(), list.end(), [](const Warning &a, const Warning &b) {
        if (a.colour != b.colour)
            return a.colour == supervision::Colour::Red;
        if (a.departmentName != b.departmentName)
            return a.departmentName < b.departmentName;
        return a.key() < b.key();
    });
    QJsonArray rows;
    int red = 0;
    for (const Warning &w : std::as_const(list)) {
        rows.append(w.toJson());
        red += w.colour == supervision::Colour::Red ? 1 : 0;
    }
    return ApiReply::json(200,
        QJsonObject {{u"hall"_s, supervisor.hall}, {u"day"_s, day.toString(Qt::ISODate)}, {u"red"_s, red},
            {u"yellow"_s, int(list.size()) - red}, {u"warnings"_s, rows}});
}

ApiReply SupervisionApi::history(const ApiRequest &request, const Credential &supervisor)
{
    bool ok = true;
    const QString text = request.query.queryItemValue(u"limit"_s);
    const int limit = text.isEmpty() ? 500 : text.toInt(&ok);
    if (!ok || limit < 1 || limit > 10000)
        return invalid(QCoreApplication::translate("ow::server", "The limit is 1 to %1.").arg(10000));
    Result<QJsonArray> rows = m_repository.history(supervisor.hall, limit);
    if (!rows)
        return Api::internalError(rows.error());
    return ApiReply::json(200, QJsonObject {{u"hall"_s, supervisor.hall}, {u"history"_s, *rows}});
}

ApiReply SupervisionApi::followUps(const ApiRequest &request, const Credential &supervisor)
{
    if (!dateParameter(request, u"day"_s))
        return badDate(u"day"_s);
    QDate day;
    Result<SupervisionRepository::HallView> found = view(request, supervisor.hall, &day);
    if (!found)
        return Api::internalError(found.error());
    const Result<WorkingCalendar> &calendar = m_repository.calendar();
    QJsonArray rows;
    for (const supervision::FollowUp &f : std::as_const(found->followUps)) {
        QJsonObject row = f.toJson();
        QJsonArray warned;
        for (const Warning &w : f.warnings(*calendar, m_repository.rules(), day))
            warned.append(w.toJson());
        row.insert(u"warnings"_s, warned);
        rows.append(row);
    }
    return ApiReply::json(200,
        QJsonObject {
            {u"hall"_s, supervisor.hall}, {u"day"_s, day.toString(Qt::ISODate)}, {u"followUps"_s, rows}});
}

ApiReply SupervisionApi::followUpAction(
    const ApiRequest &request, const QString &id, const QString &action, const Credential &supervisor)
{
    if (action != u"contact"_s && action != u"close"_s)
        return ApiReply::error(
            404, code::kNotFound, QCoreApplication::translate("ow::server", "There is nothing here."));
    Result<QJsonObject> body = RequestParser::object(request.body);
    if (!body)
        return ApiReply::error(400, code::kBadJson, body.error().message());
    const QString by = body->value(u"by"_s).toString().trimmed();
    const QString text = body->value(action == u"contact"_s ? u"agreed"_s : u"note"_s).toString().trimmed();
    if (by.isEmpty() || text.isEmpty() || by.size() > 100 || text.size() > 2000)
        return invalid(action == u"contact"_s
                ? QCoreApplication::translate("ow::server",
                    "Say who called the applicant (“by”) and what was agreed (“agreed”, up to 2,000 "
                    "characters).")
                : QCoreApplication::translate("ow::server",
                    "Say who closes the item (“by”) and how it was fixed (“note”, up to 2,000 characters)."));
    Result<SupervisionRepository::Outcome> outcome = action == u"contact"_s
        ? m_repository.recordContact(supervisor.hall, id, by, text)
        : m_repository.close(supervisor.hall, id, by, text);
    if (!outcome)
        return Api::internalError(outcome.error());
    switch (*outcome) {
    case SupervisionRepository::Outcome::NotFound:
        return ApiReply::error(404, code::kNotFound,
            QCoreApplication::translate("ow::server", "This hall has no follow-up item “%1”.").arg(id));
    case SupervisionRepository::Outcome::AlreadyClosed:
        return ApiReply::error(409, code::kConflict,
            QCoreApplication::translate("ow::server", "The follow-up item is closed already."));
    case SupervisionRepository::Outcome::Done:
        break;
    }
    return ApiReply::json(200,
        QJsonObject {{u"id"_s, id}, {u"status"_s, action == u"contact"_s ? u"contacted"_s : u"closed"_s}});
}

ApiReply SupervisionApi::figures(const ApiRequest &request, const QString &what, const Credential &supervisor)
{
    const std::optional<QDate> from = dateParameter(request, u"from"_s);
    const std::optional<QDate> to = dateParameter(request, u"to"_s);
    if (!from)
        return badDate(u"from"_s);
    if (!to)
        return badDate(u"to"_s);
    Result<supervision::HallFigures> figures = m_repository.figures(supervisor.hall, *from, *to);
    if (!figures)
        return Api::internalError(figures.error());
    QJsonArray rows;
    if (what == u"clerks"_s)
        for (const supervision::ClerkFigures &c : figures->clerks())
            rows.append(c.toJson());
    else
        for (const supervision::MatterFigures &m : figures->matters())
            rows.append(m.toJson());
    return ApiReply::json(200, QJsonObject {{u"hall"_s, supervisor.hall}, {what, rows}});
}

ApiReply SupervisionApi::departmentLog(const ApiRequest &request, const Credential &supervisor)
{
    const std::optional<QDate> from = dateParameter(request, u"from"_s);
    const std::optional<QDate> to = dateParameter(request, u"to"_s);
    if (!from)
        return badDate(u"from"_s);
    if (!to)
        return badDate(u"to"_s);
    DepartmentLog::Filter filter;
    filter.from = *from;
    filter.to = *to;
    filter.department = request.query.queryItemValue(u"department"_s).trimmed();
    filter.kind = request.query.queryItemValue(u"kind"_s).trimmed();
    filter.caseNumber = request.query.queryItemValue(u"case"_s).trimmed();
    bool ok = true;
    const QString limit = request.query.queryItemValue(u"limit"_s);
    const QString offset = request.query.queryItemValue(u"offset"_s);
    filter.limit = limit.isEmpty() ? 500 : limit.toInt(&ok);
    if (!ok || filter.limit < 1 || filter.limit > DepartmentLog::kMaxLimit)
        return invalid(
            QCoreApplication::translate("ow::server", "The limit is 1 to %1.").arg(DepartmentLog::kMaxLimit));
    filter.offset = offset.isEmpty() ? 0 : offset.toInt(&ok);
    if (!ok || filter.offset < 0)
        return invalid(QCoreApplication::translate("ow::server", "The offset is a whole number from 0."));
    const QString purpose = request.query.queryItemValue(u"purpose"_s);
    if (!purpose.isEmpty() && purpose != u"export"_s)
        return invalid(QCoreApplication::translate("ow::server", "“purpose” is empty or “export”."));
    Result<QJsonObject> rows = m_departmentLog.read(supervisor.hall, filter);
    if (!rows)
        return Api::internalError(rows.error());
    // The look is recorded only once it was answered, so a refused request leaves no row; a look
    // that cannot be recorded is not shown either.
    Result<void> recorded = m_departmentLog.recordLook(supervisor.hall, lookerOf(supervisor),
        purpose.isEmpty() ? u"department-log"_s : u"department-log-export"_s, filter);
    if (!recorded)
        return Api::internalError(recorded.error());
    QJsonObject answer = *rows;
    answer.insert(u"filter"_s, filter.toJson());
    // The chain is checked whole once per look, not again for each page of an export.
    if (filter.offset == 0) {
        Result<DepartmentLogChain::Verification> chain = m_departmentLog.verify();
        if (!chain)
            return Api::internalError(chain.error());
        answer.insert(u"chain"_s, chain->toJson());
    }
    return ApiReply::json(200, answer);
}

ApiReply SupervisionApi::departmentLogPart(
    const ApiRequest &request, const QString &part, const Credential &supervisor)
{
    if (part == u"verify"_s) {
        Result<DepartmentLogChain::Verification> chain = m_departmentLog.verify();
        if (!chain)
            return Api::internalError(chain.error());
        return ApiReply::json(200, chain->toJson());
    }
    if (part != u"looks"_s)
        return ApiReply::error(
            404, code::kNotFound, QCoreApplication::translate("ow::server", "There is nothing here."));
    bool ok = true;
    const QString text = request.query.queryItemValue(u"limit"_s);
    const int limit = text.isEmpty() ? 500 : text.toInt(&ok);
    if (!ok || limit < 1 || limit > DepartmentLog::kMaxLimit)
        return invalid(
            QCoreApplication::translate("ow::server", "The limit is 1 to %1.").arg(DepartmentLog::kMaxLimit));
    // Reading who looked is a look too: recorded first, so it is among the rows it answers.
    DepartmentLog::Filter filter;
    filter.limit = limit;
    Result<void> recorded = m_departmentLog.recordLook(
        supervisor.hall, lookerOf(supervisor), u"department-log-looks"_s, filter);
    if (!recorded)
        return Api::internalError(recorded.error());
    Result<QJsonArray> looks = m_departmentLog.looks(supervisor.hall, limit);
    if (!looks)
        return Api::internalError(looks.error());
    return ApiReply::json(200, QJsonObject {{u"hall"_s, supervisor.hall}, {u"looks"_s, *looks}});
}

} // namespace ow::server
