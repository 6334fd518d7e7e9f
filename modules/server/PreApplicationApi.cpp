#include "server/PreApplicationApi.h"

#include "cases/CaseJson.h"
#include "cases/CaseNumber.h"
#include "catalogue/PreApplicationCode.h"
#include "core/Sha256.h"
#include "server/Api.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace ow::server {

using namespace ow::cases;
using namespace Qt::StringLiterals;
namespace code = ow::sync::protocol::error;

namespace {

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(CaseJson::timeText(time)) : QJsonValue(QJsonValue::Null);
}

ApiReply notFound()
{
    return ApiReply::error(
        404, code::kNotFound, QCoreApplication::translate("ow::server", "There is no such pre-application."));
}

ApiReply invalid(const QString &message)
{
    return ApiReply::error(422, code::kInvalid, message);
}

ApiReply conflict(const QString &message)
{
    return ApiReply::error(409, code::kConflict, message);
}

/// A JSON object body, or the 400 to answer.
std::variant<QJsonObject, ApiReply> objectOf(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return ApiReply::error(
            400, code::kBadJson, QCoreApplication::translate("ow::server", "The body is not a JSON object."));
    return document.object();
}

/// A short single-line text from outside: no control characters, at most `most` characters.
bool isPlainText(const QString &text, qsizetype most)
{
    if (text.size() > most)
        return false;
    for (const QChar c : text)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return false;
    return true;
}

} // namespace

QJsonObject PreApplicationApi::toListJson(const PreApplication &p)
{
    return QJsonObject {{u"code"_s, p.code}, {u"matter"_s, p.matter}, {u"matterName"_s, p.matterName},
        {u"applicant"_s,
            p.applicant ? QJsonValue(p.applicant->toMaskedJson()) : QJsonValue(QJsonValue::Null)},
        {u"state"_s, keyword(p.state)}, {u"submitted"_s, timeOrNull(p.submitted)},
        {u"scanCount"_s, int(p.scans.size())}};
}

QJsonObject PreApplicationApi::toJson(const PreApplication &p)
{
    QJsonArray scans;
    for (const PreApplicationScan &scan : p.scans) {
        // Only whole, checked files reach a counter; an upload cut half-way is the applicant's.
        if (!scan.complete())
            continue;
        scans.append(QJsonObject {{u"id"_s, QString::number(scan.id)}, {u"material"_s, scan.material},
            {u"fileName"_s, scan.fileName}, {u"mime"_s, scan.mime}, {u"size"_s, double(scan.size)},
            {u"sha256"_s, scan.sha256}});
    }
    QJsonValue review = QJsonValue::Null;
    if (!p.reviewDecision.isEmpty())
        review = QJsonObject {{u"decision"_s, p.reviewDecision},
            {u"reasons"_s, QJsonArray::fromStringList(p.reviewReasons)}, {u"reviewer"_s, p.reviewer},
            {u"at"_s, timeOrNull(p.reviewed)}};
    return QJsonObject {{u"code"_s, p.code}, {u"hall"_s, p.hall}, {u"matter"_s, p.matter},
        {u"matterName"_s, p.matterName}, {u"answers"_s, p.answers},
        {u"applicant"_s, p.applicant ? QJsonValue(p.applicant->toJson()) : QJsonValue(QJsonValue::Null)},
        {u"mobile"_s, p.mobile}, {u"state"_s, keyword(p.state)}, {u"submitted"_s, timeOrNull(p.submitted)},
        {u"review"_s, review}, {u"scans"_s, scans},
        {u"case"_s, p.caseNumber.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(p.caseNumber)}};
}

ApiReply PreApplicationApi::handle(
    const ApiRequest &request, const QStringList &parts, const Credential &credential)
{
    const QByteArray &method = request.method;
    if (parts.isEmpty() && method == "GET")
        return list(request, credential);
    if (parts.isEmpty())
        return notFound();
    const QString &text = parts.at(0);
    // Only a well-formed code reaches the database; lower case as a clerk might type it is read.
    const Result<catalogue::PreApplicationCode> parsed = catalogue::PreApplicationCode::parse(text);
    if (!parsed || text.size() != catalogue::PreApplicationCode::kLength)
        return notFound();
    const QString &codeText = parsed->code;
    if (parts.size() == 1 && method == "GET") {
        std::variant<PreApplication, ApiReply> found = visible(codeText, credential);
        if (ApiReply *refused = std::get_if<ApiReply>(&found))
            return std::move(*refused);
        return ApiReply::json(200, toJson(std::get<PreApplication>(found)));
    }
    if (parts.size() == 3 && parts.at(1) == u"scans"_s && method == "GET") {
        std::variant<PreApplication, ApiReply> found = visible(codeText, credential);
        if (ApiReply *refused = std::get_if<ApiReply>(&found))
            return std::move(*refused);
        return scan(std::get<PreApplication>(found), parts.at(2));
    }
    if (parts.size() == 2 && parts.at(1) == u"review"_s && method == "POST")
        return review(request, codeText, credential);
    if (parts.size() == 2 && parts.at(1) == u"taken"_s && method == "POST") {
        if (credential.kind != Credential::Kind::Workstation)
            return ApiReply::error(403, code::kForbidden,
                QCoreApplication::translate(
                    "ow::server", "Only a counter takes a pre-application into a case."));
        return taken(request, codeText, credential);
    }
    return notFound();
}

ApiReply PreApplicationApi::list(const ApiRequest &request, const Credential &credential)
{
    const QString stateText = request.query.queryItemValue(u"state"_s);
    std::optional<PreApplicationState> state;
    if (!stateText.isEmpty()) {
        state = preApplicationStateFromKeyword(stateText);
        if (!state || *state == PreApplicationState::Draft || *state == PreApplicationState::Expired)
            return invalid(QCoreApplication::translate(
                "ow::server", "The state is one of submitted, accepted, returned or taken."));
    }
    const bool department = credential.kind == Credential::Kind::Department;
    Result<QList<PreApplication>> found = m_repository.list(
        department ? QString() : credential.hall, department ? credential.department : QString(), state);
    if (!found)
        return Api::internalError(found.error());
    QJsonArray list;
    for (const PreApplication &p : std::as_const(*found))
        list.append(toListJson(p));
    return ApiReply::json(200, QJsonObject {{u"preapplications"_s, list}});
}

std::variant<PreApplication, ApiReply> PreApplicationApi::visible(
    const QString &codeText, const Credential &credential)
{
    Result<std::optional<PreApplication>> found = m_repository.find(codeText);
    if (!found)
        return Api::internalError(found.error());
    // Drafts (never submitted, expired or not) are the applicant's alone; another hall's
    // pre-application does not exist for a counter.
    if (!*found || !(*found)->submitted.isValid())
        return notFound();
    if (credential.kind == Credential::Kind::Workstation && (*found)->hall != credential.hall)
        return notFound();
    if (credential.kind == Credential::Kind::Department && (*found)->department != credential.department)
        return ApiReply::error(403, code::kOtherDepartment,
            QCoreApplication::translate(
                "ow::server", "The pre-application is for another department's matter."));
    return **found;
}

ApiReply PreApplicationApi::scan(const PreApplication &p, const QString &id)
{
    for (const PreApplicationScan &scan : p.scans) {
        if (QString::number(scan.id) != id || !scan.complete())
            continue;
        QFile file(m_repository.scanPath(scan.id));
        if (!file.open(QIODevice::ReadOnly))
            return notFound();
        ApiReply reply;
        reply.contentType = scan.mime.toLatin1();
        reply.body = file.readAll();
        if (Sha256::hex(reply.body) != scan.sha256)
            return Api::internalError(Error(Error::Code::Io,
                QCoreApplication::translate("ow::server", "The stored scan %1 does not match its SHA-256.")
                    .arg(file.fileName())));
        return reply;
    }
    return notFound();
}

ApiReply PreApplicationApi::current(const QString &codeText, int status)
{
    Result<std::optional<PreApplication>> found = m_repository.find(codeText);
    if (!found)
        return Api::internalError(found.error());
    if (!*found)
        return notFound();
    return ApiReply::json(status, toJson(**found));
}

ApiReply PreApplicationApi::review(
    const ApiRequest &request, const QString &codeText, const Credential &credential)
{
    std::variant<PreApplication, ApiReply> found = visible(codeText, credential);
    if (ApiReply *refused = std::get_if<ApiReply>(&found))
        return std::move(*refused);
    std::variant<QJsonObject, ApiReply> body = objectOf(request.body);
    if (ApiReply *refused = std::get_if<ApiReply>(&body))
        return std::move(*refused);
    const QJsonObject &object = std::get<QJsonObject>(body);
    const QString decision = object.value(u"decision"_s).toString();
    if (decision != u"accept"_s && decision != u"return"_s)
        return invalid(QCoreApplication::translate("ow::server", "The decision is “accept” or “return”."));
    QStringList reasons;
    const QJsonArray reasonArray = object.value(u"reasons"_s).toArray();
    if (reasonArray.size() > kMaxReasons)
        return invalid(QCoreApplication::translate("ow::server", "At most %1 reasons.").arg(kMaxReasons));
    for (const QJsonValue &value : reasonArray) {
        const QString reason = value.toString().trimmed();
        if (!value.isString() || reason.isEmpty() || !isPlainText(reason, kMaxReasonLength))
            return invalid(QCoreApplication::translate(
                "ow::server", "Each reason is a text of one line and at most %1 characters.")
                               .arg(kMaxReasonLength));
        reasons.append(reason);
    }
    if (decision == u"return"_s && reasons.isEmpty())
        return invalid(QCoreApplication::translate(
            "ow::server", "A returned pre-application needs at least one reason the applicant can act on."));
    const QString reviewer = object.value(u"reviewer"_s).toString().trimmed();
    if (reviewer.isEmpty() || !isPlainText(reviewer, kMaxNameLength))
        return invalid(
            QCoreApplication::translate("ow::server", "The reviewer's name is missing or too long."));
    Result<PreApplicationRepository::Outcome> outcome
        = m_repository.review(codeText, decision == u"accept"_s, reasons, reviewer, credential);
    if (!outcome)
        return Api::internalError(outcome.error());
    if (*outcome == PreApplicationRepository::Outcome::NotFound)
        return notFound();
    if (*outcome != PreApplicationRepository::Outcome::Done)
        return conflict(QCoreApplication::translate(
            "ow::server", "Only a submitted pre-application is reviewed; this one is %1.")
                            .arg(keyword(std::get<PreApplication>(found).state)));
    return current(codeText, 200);
}

ApiReply PreApplicationApi::taken(
    const ApiRequest &request, const QString &codeText, const Credential &credential)
{
    std::variant<PreApplication, ApiReply> found = visible(codeText, credential);
    if (ApiReply *refused = std::get_if<ApiReply>(&found))
        return std::move(*refused);
    std::variant<QJsonObject, ApiReply> body = objectOf(request.body);
    if (ApiReply *refused = std::get_if<ApiReply>(&body))
        return std::move(*refused);
    const QJsonObject &object = std::get<QJsonObject>(body);
    const QString caseNumber = object.value(u"case"_s).toString();
    if (!CaseNumber::parse(caseNumber) || caseNumber.size() != CaseNumber::kLength
        || caseNumber.left(CaseNumber::kHallLength) != credential.hall)
        return invalid(QCoreApplication::translate("ow::server", "“%1” is not a case number of this hall.")
                           .arg(caseNumber.left(64)));
    const QString clerk = object.value(u"clerk"_s).toString().trimmed();
    if (clerk.isEmpty() || !isPlainText(clerk, kMaxNameLength))
        return invalid(QCoreApplication::translate("ow::server", "The clerk is missing or too long."));
    Result<PreApplicationRepository::Outcome> outcome = m_repository.take(codeText, caseNumber, clerk);
    if (!outcome)
        return Api::internalError(outcome.error());
    switch (*outcome) {
    case PreApplicationRepository::Outcome::Done:
    case PreApplicationRepository::Outcome::Repeated:
        return current(codeText, 200);
    case PreApplicationRepository::Outcome::NotFound:
        return notFound();
    case PreApplicationRepository::Outcome::Conflict:
    case PreApplicationRepository::Outcome::LimitReached:
        break;
    }
    const PreApplication &p = std::get<PreApplication>(found);
    if (p.state == PreApplicationState::Taken)
        return conflict(
            QCoreApplication::translate("ow::server", "The pre-application was taken into case %1.")
                .arg(p.caseNumber));
    return conflict(QCoreApplication::translate("ow::server", "A %1 pre-application cannot be taken.")
                        .arg(keyword(p.state)));
}

} // namespace ow::server
