#include "server/ComplaintApi.h"

#include "cases/CaseJson.h"
#include "cases/CaseNumber.h"
#include "core/InputExcerpt.h"
#include "server/Api.h"
#include "server/CaseRepository.h"
#include "server/ComplaintRequest.h"
#include "server/HallAccountRepository.h"
#include "server/RequestParser.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ow::server {

using namespace Qt::StringLiterals;
namespace code = sync::protocol::error;
namespace protocol = sync::protocol;
using supervision::Complaint;
using supervision::ComplaintAction;
using supervision::ComplaintPerson;

namespace {

ApiReply notFound()
{
    return ApiReply::error(
        404, code::kNotFound, QCoreApplication::translate("ow::server", "There is nothing here."));
}

ApiReply fieldError(const QString &field, const QString &message)
{
    return ApiReply::error(422, code::kInvalid, message, QJsonObject {{u"field"_s, field}});
}

} // namespace

ComplaintApi::ComplaintApi(const storage::Database &db, Clock clock,
    const supervision::SupervisionRules &rules, GuideCatalogue &catalogue)
    : m_db(db)
    , m_clock(clock)
    , m_catalogue(catalogue)
    , m_repository(db, clock, rules.complaintDays)
{
}

Result<std::optional<ComplaintPerson>> ComplaintApi::person(const QString &hall, const QString &staffNumber)
{
    Result<HallAccount> account = HallAccountRepository(m_db, m_clock).account(hall, staffNumber);
    if (!account) {
        if (account.error().code() == Error::Code::NotFound)
            return std::optional<ComplaintPerson>();
        return failWith(account.error());
    }
    return std::optional<ComplaintPerson>(ComplaintPerson {account->login, account->displayName});
}

Result<ComplaintPerson> ComplaintApi::actor(const Credential &supervisor)
{
    // A supervisor signed in at a counter carries their staff number; a supervisor key its holder's
    // name only.
    Result<std::optional<ComplaintPerson>> account = person(supervisor.hall, supervisor.name);
    if (!account)
        return failWith(account.error());
    if (*account)
        return **account;
    return ComplaintPerson {QString(), supervisor.name.isEmpty() ? supervisor.id : supervisor.name};
}

Result<std::variant<Complaint, ComplaintApi::Problem>> ComplaintApi::read(
    const QJsonObject &object, const QString &hall, const ComplaintPerson &recordedBy)
{
    using Answer = std::variant<Complaint, Problem>;
    const auto problem = [](const QString &field, const QString &message) {
        return Answer(Problem {field, message});
    };
    std::variant<ComplaintRequest, Problem> parsed = ComplaintRequest::parse(object, m_clock.nowUtc());
    if (const Problem *refused = std::get_if<Problem>(&parsed))
        return Answer(*refused);
    const ComplaintRequest &request = std::get<ComplaintRequest>(parsed);
    Complaint c = request.complaint;
    if (!c.caseNumber.isEmpty()) {
        Result<std::optional<std::pair<QString, QString>>> owner
            = CaseRepository(m_db, m_clock).owner(c.caseNumber);
        if (!owner)
            return failWith(owner.error());
        // A case not on the server yet may still come from the counter that accepted it; its number
        // says its hall all the same.
        if (c.caseNumber.left(cases::CaseNumber::kHallLength) != hall || (*owner && (*owner)->first != hall))
            return problem(u"case"_s,
                QCoreApplication::translate("ow::server", "“case”: case %1 belongs to another hall.")
                    .arg(c.caseNumber));
    }
    for (const auto &[field, staffNumber, target] :
        {std::tuple {u"clerkStaffNumber"_s, request.clerkStaffNumber, &c.clerk},
            std::tuple {u"recordedByStaffNumber"_s, request.recordedByStaffNumber, &c.recordedBy}}) {
        if (staffNumber.isEmpty())
            continue;
        Result<std::optional<ComplaintPerson>> found = person(hall, staffNumber);
        if (!found)
            return failWith(found.error());
        if (!*found)
            return problem(field,
                QCoreApplication::translate("ow::server", "“%1”: there is no account %2 in this hall.")
                    .arg(field, InputExcerpt::excerpt(staffNumber)));
        *target = **found;
    }
    if (c.recordedBy.isEmpty())
        c.recordedBy = recordedBy;
    if (c.recordedBy.isEmpty())
        return problem(u"recordedByStaffNumber"_s,
            QCoreApplication::translate(
                "ow::server", "“recordedByStaffNumber”: say which clerk recorded the complaint."));
    if (!request.matterCode.isEmpty()) {
        Result<std::shared_ptr<const GuideCatalogue::Loaded>> loaded = m_catalogue.current();
        if (!loaded)
            return failWith(loaded.error());
        const catalogue::Matter *found = *loaded ? (*loaded)->catalogue->matter(request.matterCode) : nullptr;
        if (!found)
            return problem(u"matterCode"_s,
                QCoreApplication::translate(
                    "ow::server", "“matterCode”: there is no matter %1 in the catalogue.")
                    .arg(InputExcerpt::excerpt(request.matterCode)));
        c.matterCode = found->code;
        c.matterName = found->name;
    }
    return Answer(c);
}

ApiReply ComplaintApi::post(const ApiRequest &request, const Credential &workstation)
{
    Result<QJsonObject> body = RequestParser::object(request.body);
    if (!body)
        return ApiReply::error(400, code::kBadJson, body.error().message());
    const QJsonValue list = body->value(u"complaints"_s);
    if (!list.isArray())
        return fieldError(u"complaints"_s,
            QCoreApplication::translate("ow::server", "The body has no \"complaints\" list."));
    const QJsonArray array = list.toArray();
    if (array.size() > kMaxPerBatch)
        return fieldError(u"complaints"_s,
            QCoreApplication::translate("ow::server", "A batch holds at most %1 complaints, not %2.")
                .arg(kMaxPerBatch)
                .arg(array.size()));
    QJsonArray results;
    for (const QJsonValue &value : array) {
        // Each complaint stands alone: a refused one is answered with its field, the others are
        // stored, so the workstation keeps only the refused one aside.
        const QJsonObject object = value.toObject();
        QJsonObject result {{u"id"_s, object.value(u"id"_s).toString().left(64)}};
        Result<std::variant<Complaint, Problem>> read = this->read(object, workstation.hall, {});
        if (!read)
            return Api::internalError(read.error());
        if (const Problem *problem = std::get_if<Problem>(&*read)) {
            result.insert(u"status"_s, QString(protocol::kRejected));
            result.insert(u"code"_s, QString(code::kInvalid));
            result.insert(u"field"_s, problem->field);
            result.insert(u"message"_s, problem->message);
            results.append(result);
            continue;
        }
        Complaint complaint = std::get<Complaint>(*read);
        Result<ComplaintRepository::Stored> stored
            = m_repository.store(workstation.hall, workstation.id, complaint);
        if (!stored)
            return Api::internalError(stored.error());
        switch (*stored) {
        case ComplaintRepository::Stored::Stored:
            result.insert(u"status"_s, QString(protocol::kStored));
            result.insert(u"number"_s, complaint.number);
            break;
        case ComplaintRepository::Stored::Duplicate:
            result.insert(u"status"_s, QString(protocol::kDuplicate));
            result.insert(u"number"_s, complaint.number);
            break;
        case ComplaintRepository::Stored::OtherHall:
            result.insert(u"status"_s, QString(protocol::kRejected));
            result.insert(u"code"_s, QString(code::kConflict));
            result.insert(u"field"_s, u"id"_s);
            result.insert(u"message"_s,
                QCoreApplication::translate("ow::server", "Another hall holds a complaint with this id."));
            break;
        }
        results.append(result);
    }
    return ApiReply::json(
        200, QJsonObject {{u"results"_s, results}, {u"time"_s, cases::CaseJson::timeText(m_clock.nowUtc())}});
}

ApiReply ComplaintApi::handle(
    const ApiRequest &request, const QStringList &parts, const Credential &supervisor)
{
    if (parts.isEmpty() && request.method == "GET")
        return list(request, supervisor);
    if (parts.isEmpty() && request.method == "POST")
        return record(request, supervisor);
    if (parts.size() == 1 && request.method == "GET") {
        Result<std::optional<Complaint>> found = m_repository.find(supervisor.hall, parts.at(0));
        if (!found)
            return Api::internalError(found.error());
        if (!*found)
            return notFound();
        return ApiReply::json(200, QJsonObject {{u"complaint"_s, (*found)->toJson(m_clock.today())}});
    }
    if (parts.size() == 2 && request.method == "POST")
        if (const std::optional<ComplaintAction> action
            = supervision::complaintActionFromKeyword(parts.at(1)))
            return act(request, parts.at(0), *action, supervisor);
    return notFound();
}

ApiReply ComplaintApi::list(const ApiRequest &request, const Credential &supervisor)
{
    const QString state = request.query.queryItemValue(u"state"_s);
    ComplaintRepository::Filter filter = ComplaintRepository::Filter::Open;
    if (state == u"overdue"_s)
        filter = ComplaintRepository::Filter::Overdue;
    else if (state == u"closed"_s)
        filter = ComplaintRepository::Filter::Closed;
    else if (state == u"all"_s)
        filter = ComplaintRepository::Filter::All;
    else if (!state.isEmpty() && state != u"open"_s)
        return fieldError(u"state"_s,
            QCoreApplication::translate("ow::server", "“state” is open, overdue, closed or all, not “%1”.")
                .arg(InputExcerpt::excerpt(state)));
    bool ok = true;
    const QString afterText = request.query.queryItemValue(u"after"_s);
    const qint64 after = afterText.isEmpty() ? 0 : afterText.toLongLong(&ok);
    if (!ok || after < 0)
        return fieldError(u"after"_s,
            QCoreApplication::translate("ow::server", "The cursor “%1” is not one of ours.")
                .arg(InputExcerpt::excerpt(afterText)));
    Result<ComplaintRepository::Page> page = m_repository.list(supervisor.hall, filter, after, kPageSize);
    if (!page)
        return Api::internalError(page.error());
    Result<QList<Complaint>> all = m_repository.all(supervisor.hall);
    if (!all)
        return Api::internalError(all.error());
    const QDate today = m_clock.today();
    supervision::ComplaintFigures figures(today);
    for (const Complaint &c : std::as_const(*all))
        figures.add(c);
    QJsonArray rows;
    for (const Complaint &c : std::as_const(page->complaints))
        rows.append(c.toJson(today));
    return ApiReply::json(200,
        QJsonObject {{u"hall"_s, supervisor.hall}, {u"day"_s, today.toString(Qt::ISODate)},
            {u"complaints"_s, rows}, {u"counts"_s, figures.toJson()},
            {u"next"_s, page->next ? QJsonValue(QString::number(page->next)) : QJsonValue()}});
}

ApiReply ComplaintApi::record(const ApiRequest &request, const Credential &supervisor)
{
    Result<QJsonObject> body = RequestParser::object(request.body);
    if (!body)
        return ApiReply::error(400, code::kBadJson, body.error().message());
    Result<ComplaintPerson> by = actor(supervisor);
    if (!by)
        return Api::internalError(by.error());
    // A supervisor key names no account: the complaint names who took it, or it is refused.
    Result<std::variant<Complaint, Problem>> read
        = this->read(*body, supervisor.hall, by->staffNumber.isEmpty() ? ComplaintPerson() : *by);
    if (!read)
        return Api::internalError(read.error());
    if (const Problem *problem = std::get_if<Problem>(&*read))
        return fieldError(problem->field, problem->message);
    Complaint complaint = std::get<Complaint>(*read);
    Result<ComplaintRepository::Stored> stored
        = m_repository.store(supervisor.hall, supervisor.id, complaint);
    if (!stored)
        return Api::internalError(stored.error());
    if (*stored == ComplaintRepository::Stored::OtherHall)
        return ApiReply::error(409, code::kConflict,
            QCoreApplication::translate("ow::server", "Another hall holds a complaint with this id."),
            QJsonObject {{u"field"_s, u"id"_s}});
    Result<std::optional<Complaint>> found = m_repository.find(supervisor.hall, complaint.id);
    if (!found || !*found)
        return Api::internalError(
            found ? Error(Error::Code::Internal, u"complaint not found after storing"_s) : found.error());
    const bool isNew = *stored == ComplaintRepository::Stored::Stored;
    return ApiReply::json(isNew ? 201 : 200,
        QJsonObject {{u"status"_s, QString(isNew ? protocol::kStored : protocol::kDuplicate)},
            {u"complaint"_s, (*found)->toJson(m_clock.today())}});
}

ApiReply ComplaintApi::act(
    const ApiRequest &request, const QString &id, ComplaintAction action, const Credential &supervisor)
{
    Result<QJsonObject> body = RequestParser::object(request.body);
    if (!body)
        return ApiReply::error(400, code::kBadJson, body.error().message());
    ComplaintPerson assignee;
    QString text;
    std::optional<supervision::ComplaintResult> result;
    switch (action) {
    case ComplaintAction::Assign: {
        const QString staffNumber = body->value(u"staffNumber"_s).toString().trimmed();
        Result<std::optional<ComplaintPerson>> found = staffNumber.isEmpty()
            ? Result<std::optional<ComplaintPerson>>(std::nullopt)
            : person(supervisor.hall, staffNumber);
        if (!found)
            return Api::internalError(found.error());
        if (!*found)
            return fieldError(u"staffNumber"_s,
                QCoreApplication::translate(
                    "ow::server", "“staffNumber”: there is no account “%1” in this hall.")
                    .arg(InputExcerpt::excerpt(staffNumber)));
        assignee = **found;
        break;
    }
    case ComplaintAction::Reply:
        text = body->value(u"text"_s).toString().trimmed();
        if (text.isEmpty() || text.size() > Complaint::kMaxContent)
            return fieldError(u"text"_s,
                QCoreApplication::translate("ow::server", "“text” is the reply given, in 1 to %1 characters.")
                    .arg(Complaint::kMaxContent));
        break;
    case ComplaintAction::Close:
        result = supervision::complaintResultFromKeyword(body->value(u"result"_s).toString());
        if (!result)
            return fieldError(u"result"_s,
                QCoreApplication::translate(
                    "ow::server", "“result” is “satisfied”, “unsatisfied” or “unreachable”."));
        break;
    }
    Result<ComplaintPerson> by = actor(supervisor);
    if (!by)
        return Api::internalError(by.error());
    Result<ComplaintRepository::Outcome> outcome
        = m_repository.act(supervisor.hall, id, action, *by, assignee, text, result);
    if (!outcome)
        return Api::internalError(outcome.error());
    switch (outcome->status) {
    case ComplaintRepository::Outcome::Status::NotFound:
        return ApiReply::error(404, code::kNotFound,
            QCoreApplication::translate("ow::server", "This hall has no complaint “%1”.")
                .arg(InputExcerpt::excerpt(id)));
    case ComplaintRepository::Outcome::Status::WrongState:
        return ApiReply::error(409, code::kIllegalTransition,
            QCoreApplication::translate("ow::server", "Complaint %1 is %2 (%3): it cannot be %4 now.")
                .arg(outcome->complaint.number, supervision::displayName(outcome->complaint.state),
                    supervision::keyword(outcome->complaint.state),
                    action == ComplaintAction::Assign
                        ? QCoreApplication::translate("ow::server", "assigned", "complaint")
                        : action == ComplaintAction::Reply
                        ? QCoreApplication::translate("ow::server", "replied to", "complaint")
                        : QCoreApplication::translate("ow::server", "closed", "complaint")),
            QJsonObject {{u"state"_s, supervision::keyword(outcome->complaint.state)}});
    case ComplaintRepository::Outcome::Status::Done:
        break;
    }
    return ApiReply::json(200, QJsonObject {{u"complaint"_s, outcome->complaint.toJson(m_clock.today())}});
}

} // namespace ow::server
