#include "server/PointsApi.h"

#include "cases/CaseJson.h"
#include "server/ActivityRepository.h"
#include "server/Api.h"
#include "server/RequestParser.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ow::server {

using namespace Qt::StringLiterals;
namespace code = sync::protocol::error;
namespace protocol = sync::protocol;
using supervision::ClerkPoints;

namespace {

ApiReply invalid(const QString &message, const QJsonObject &extra = {})
{
    return ApiReply::error(422, code::kInvalid, message, extra);
}

ApiReply nothingHere()
{
    return ApiReply::error(
        404, code::kNotFound, QCoreApplication::translate("ow::server", "There is nothing here."));
}

} // namespace

PointsApi::PointsApi(const storage::Database &db, Clock clock, supervision::PointsRules rules,
    const SupervisionRepository &repository)
    : m_db(db)
    , m_clock(std::move(clock))
    , m_rules(rules)
    , m_repository(repository)
{
}

ApiReply PointsApi::handle(const ApiRequest &request, const QStringList &parts, const Credential &supervisor)
{
    if (parts.isEmpty() && request.method == "GET")
        return ranking(request, supervisor);
    if (parts.size() == 1 && parts.at(0) == u"corrections"_s && request.method == "POST")
        return correct(request, supervisor);
    if (parts.size() == 1 && !parts.at(0).isEmpty() && request.method == "GET")
        return clerk(request, parts.at(0), supervisor);
    return nothingHere();
}

std::optional<QDate> PointsApi::month(const ApiRequest &request) const
{
    const QString text = request.query.queryItemValue(u"month"_s);
    if (text.isEmpty())
        return m_clock.today();
    const QDate first = QDate::fromString(text + u"-01"_s, Qt::ISODate);
    if (text.size() != 7 || !first.isValid())
        return std::nullopt;
    return first;
}

namespace {

ApiReply badMonth()
{
    return invalid(QCoreApplication::translate("ow::server", "“month” takes a month, YYYY-MM."));
}

} // namespace

ApiReply PointsApi::ranking(const ApiRequest &request, const Credential &supervisor)
{
    const std::optional<QDate> asked = month(request);
    if (!asked)
        return badMonth();
    Result<QList<ClerkPoints>> points = m_repository.points(supervisor.hall, *asked, m_rules);
    if (!points)
        return Api::internalError(points.error());
    QJsonArray clerks;
    for (const ClerkPoints &p : std::as_const(*points))
        clerks.append(p.toJson(false));
    return ApiReply::json(200,
        QJsonObject {{u"hall"_s, supervisor.hall}, {u"month"_s, asked->toString(u"yyyy-MM"_s)},
            {u"weights"_s, m_rules.weightsJson()}, {u"grades"_s, m_rules.gradesJson()},
            {u"clerks"_s, clerks}});
}

ApiReply PointsApi::clerk(const ApiRequest &request, const QString &staffNumber, const Credential &supervisor)
{
    const std::optional<QDate> asked = month(request);
    if (!asked)
        return badMonth();
    Result<QList<ClerkPoints>> points = m_repository.points(supervisor.hall, *asked, m_rules);
    if (!points)
        return Api::internalError(points.error());
    for (const ClerkPoints &p : std::as_const(*points))
        if (p.staffNumber == staffNumber) {
            QJsonObject body = p.toJson(true);
            body.insert(u"month"_s, asked->toString(u"yyyy-MM"_s));
            return ApiReply::json(200, body);
        }
    return ApiReply::error(404, code::kNotFound,
        QCoreApplication::translate("ow::server", "No clerk “%1” has points in this hall that month.")
            .arg(staffNumber.left(64)));
}

ApiReply PointsApi::correct(const ApiRequest &request, const Credential &supervisor)
{
    Result<QJsonObject> body = RequestParser::object(request.body);
    if (!body)
        return ApiReply::error(400, code::kBadJson, body.error().message());
    const QString staffNumber = body->value("staffNumber"_L1).toString().trimmed();
    const QJsonValue pointsValue = body->value("points"_L1);
    const QString reason = body->value("reason"_L1).toString().trimmed();
    const QString by = body->value("by"_L1).toString().trimmed();
    const double points = pointsValue.toDouble();
    if (!pointsValue.isDouble() || points != double(int(points)) || points == 0 || std::abs(points) > 1000)
        return invalid(QCoreApplication::translate(
            "ow::server", "“points” is a whole number from -1000 to 1000, not 0."));
    if (reason.isEmpty() || reason.size() > 2000)
        return invalid(QCoreApplication::translate(
            "ow::server", "A correction needs its reason (“reason”, up to 2,000 characters)."));
    if (by.isEmpty() || by.size() > 100)
        return invalid(QCoreApplication::translate("ow::server", "Say who corrects the points (“by”)."));
    QDate month = m_clock.today();
    if (const QString text = body->value("month"_L1).toString(); !text.isEmpty()) {
        month = QDate::fromString(text + u"-01"_s, Qt::ISODate);
        if (text.size() != 7 || !month.isValid() || month > m_clock.today())
            return invalid(QCoreApplication::translate(
                "ow::server", "“month” takes a month, YYYY-MM, not after this one."));
    }
    Result<std::optional<QVariantList>> known = m_db.firstRow(
        u"SELECT login FROM hall_accounts WHERE hall = ? AND login = ?"_s, {supervisor.hall, staffNumber});
    if (!known)
        return Api::internalError(known.error());
    if (!*known)
        return invalid(QCoreApplication::translate("ow::server", "This hall has no clerk “%1”.")
                           .arg(staffNumber.left(64)));
    Result<supervision::PointCorrection> stored
        = ActivityRepository(m_db, m_clock)
              .correct(supervisor.hall, staffNumber, int(points), reason, by, month);
    if (!stored)
        return Api::internalError(stored.error());
    return ApiReply::json(201,
        QJsonObject {{u"id"_s, stored->id}, {u"staffNumber"_s, stored->staffNumber},
            {u"points"_s, stored->points}, {u"reason"_s, stored->reason}, {u"by"_s, stored->by},
            {u"at"_s, cases::CaseJson::timeText(stored->at)},
            {u"month"_s, stored->month.toString(u"yyyy-MM"_s)}});
}

ActivityApi::ActivityApi(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

ApiReply ActivityApi::post(const ApiRequest &request, const Credential &workstation)
{
    Result<QJsonObject> body = RequestParser::object(request.body);
    if (!body)
        return ApiReply::error(400, code::kBadJson, body.error().message());
    const QJsonValue list = body->value("activities"_L1);
    if (!list.isArray())
        return invalid(QCoreApplication::translate("ow::server", "The body has no \"activities\" list."));
    const QJsonArray array = list.toArray();
    if (array.size() > kMaxPerBatch)
        return invalid(
            QCoreApplication::translate("ow::server", "A batch holds at most %1 activities, not %2.")
                .arg(kMaxPerBatch)
                .arg(array.size()));
    QList<cases::ClerkActivity> activities;
    for (const QJsonValue &value : array) {
        // One bad activity refuses the batch, naming it, so the workstation sets that one aside and
        // sends the others again; nothing of the batch is stored.
        const QString id = value.toObject().value("id"_L1).toString().left(64);
        Result<cases::ClerkActivity> activity = cases::ClerkActivity::fromJson(value.toObject());
        if (!activity)
            return invalid(activity.error().message(), QJsonObject {{u"activity"_s, id}});
        // A counter whose clock runs a day ahead would put its points in a month not begun.
        if (activity->at > m_clock.nowUtc().addDays(1))
            return invalid(
                QCoreApplication::translate("ow::server",
                    "The activity is dated %1, after the server's time: the counter's clock is wrong.")
                    .arg(cases::CaseJson::timeText(activity->at)),
                QJsonObject {{u"activity"_s, id}});
        activities.append(*activity);
    }
    Result<QList<ActivityRepository::Stored>> stored
        = ActivityRepository(m_db, m_clock).store(workstation.hall, workstation.id, activities);
    if (!stored)
        return Api::internalError(stored.error());
    QJsonArray results;
    for (qsizetype i = 0; i < activities.size(); ++i) {
        QJsonObject result {{u"id"_s, activities.at(i).id}};
        switch (stored->at(i)) {
        case ActivityRepository::Stored::Stored:
            result.insert(u"status"_s, QString(protocol::kStored));
            break;
        case ActivityRepository::Stored::Duplicate:
            result.insert(u"status"_s, QString(protocol::kDuplicate));
            break;
        case ActivityRepository::Stored::OtherHall:
            result.insert(u"status"_s, QString(protocol::kRejected));
            result.insert(u"code"_s, QString(code::kConflict));
            result.insert(u"message"_s,
                QCoreApplication::translate("ow::server", "Another hall holds an activity with this id."));
            break;
        }
        results.append(result);
    }
    return ApiReply::json(
        200, QJsonObject {{u"results"_s, results}, {u"time"_s, cases::CaseJson::timeText(m_clock.nowUtc())}});
}

} // namespace ow::server
