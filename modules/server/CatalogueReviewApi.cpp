#include "server/CatalogueReviewApi.h"

#include "server/Api.h"
#include "server/RequestParser.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>

namespace ow::server {

using namespace Qt::StringLiterals;
namespace code = ow::sync::protocol::error;
using Kind = Credential::Kind;
using Status = CatalogueSubmissions::Step::Status;

namespace {

ApiReply notFound()
{
    return ApiReply::error(
        404, code::kNotFound, QCoreApplication::translate("ow::server", "There is nothing here."));
}

ApiReply invalid(const QString &message)
{
    return ApiReply::error(422, code::kInvalid, message);
}

ApiReply badBody(const Error &error)
{
    return error.code() == Error::Code::Parse ? ApiReply::error(400, code::kBadJson, error.message())
                                              : invalid(error.message());
}

QString text(const QJsonObject &body, const char *key)
{
    return body.value(QLatin1StringView(key)).toString().trimmed();
}

/// Who edits: a catalogue editor's session speaks for its own staff number only; a publisher's key
/// names the editor in the body (the command line's --editor).
QString editorOf(const Credential &credential, const QJsonObject &body)
{
    return credential.kind == Kind::CatalogueEditor ? credential.name : text(body, "editor");
}

bool edits(const Credential &credential)
{
    return credential.kind == Kind::Publisher || credential.kind == Kind::CatalogueEditor;
}

/// ?effective= or "effective": a day, or nullopt when absent; an invalid QDate when malformed.
std::optional<QDate> dayOf(const QJsonObject &body)
{
    const QJsonValue value = body.value(u"effective"_s);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    return QDate::fromString(value.toString(), Qt::ISODate);
}

} // namespace

CatalogueReviewApi::CatalogueReviewApi(
    const storage::Database &db, CatalogueRepository &catalogues, QString directory, Clock clock)
    : m_db(db)
    , m_catalogues(catalogues)
    , m_submissions(db, catalogues, directory, clock)
    , m_locks(db, clock)
    , m_directory(std::move(directory))
    , m_clock(std::move(clock))
{
}

bool CatalogueReviewApi::handles(const QStringList &parts)
{
    const QString &head = parts.value(0);
    return head == u"submissions"_s || head == u"publications"_s || head == u"locks"_s;
}

ApiReply CatalogueReviewApi::forbidden()
{
    return ApiReply::error(
        403, code::kForbidden, QCoreApplication::translate("ow::server", "This credential may not do this."));
}

ApiReply CatalogueReviewApi::answer(const CatalogueSubmissions::Step &step, int doneStatus)
{
    switch (step.status) {
    case Status::Done:
        return ApiReply::json(doneStatus, step.body);
    case Status::NotFound:
        return ApiReply::error(404, code::kNotFound, step.message);
    case Status::Invalid:
        return invalid(step.message);
    case Status::Conflict:
        return ApiReply::error(409, code::kConflict, step.message);
    case Status::Forbidden:
        return ApiReply::error(403, code::kOtherDepartment, step.message);
    case Status::LintFailed:
        break;
    }
    return ApiReply::error(422, code::kLintFailed, step.message,
        QJsonObject {{u"diagnostics"_s, QJsonArray::fromStringList(step.diagnostics)}});
}

ApiReply CatalogueReviewApi::handle(
    const ApiRequest &request, const QStringList &parts, const Credential &credential)
{
    const QString &head = parts.value(0);
    const QByteArray &method = request.method;
    if (head == u"locks"_s && parts.size() <= 2)
        return locks(request, parts.value(1), credential);
    if (head == u"publications"_s && parts.size() == 1)
        return publications(request, credential);
    if (head != u"submissions"_s)
        return notFound();
    if (parts.size() == 1 && method == "POST")
        return edits(credential) ? submit(request, credential) : forbidden();
    if (parts.size() == 1 && method == "GET") {
        if (credential.kind == Kind::Workstation)
            return forbidden();
        Result<QJsonArray> list = m_submissions.view().list();
        if (!list)
            return Api::internalError(list.error());
        return ApiReply::json(200, QJsonObject {{u"submissions"_s, *list}});
    }
    if (parts.size() == 2 && parts.at(1) == u"pending-walks"_s && method == "GET") {
        if (credential.kind != Kind::Workstation)
            return forbidden();
        Result<QJsonArray> walks = m_submissions.view().pendingWalks(credential);
        if (!walks)
            return Api::internalError(walks.error());
        return ApiReply::json(200,
            QJsonObject {
                {u"walks"_s, *walks}, {u"hall"_s, credential.hall}, {u"counter"_s, credential.counter}});
    }
    bool ok = false;
    const qint64 id = parts.value(1).toLongLong(&ok);
    if (!ok || id <= 0 || parts.size() > 3)
        return notFound();
    return submission(request, id, parts.value(2), credential);
}

ApiReply CatalogueReviewApi::submit(const ApiRequest &request, const Credential &publisher)
{
    Result<QJsonObject> body = RequestParser::object(request.body);
    if (!body)
        return badBody(body.error());
    Result<sync::CataloguePackage> package = sync::CataloguePackage::fromJson(*body);
    if (!package)
        return badBody(package.error());
    CatalogueSubmissions::Submission submission;
    submission.reason = text(*body, "reason");
    submission.note = text(*body, "note");
    submission.editor = editorOf(publisher, *body);
    if (submission.editor.isEmpty())
        submission.editor = publisher.name;
    const std::optional<QDate> effective = dayOf(*body);
    submission.effective = effective ? *effective : m_catalogues.today();
    submission.replaces = body->value(u"replaces"_s).toInteger();
    Result<CatalogueSubmissions::Step> step = m_submissions.submit(*package, request.body, submission);
    if (!step)
        return Api::internalError(step.error());
    return answer(*step, 201);
}

ApiReply CatalogueReviewApi::package(qint64 id)
{
    Result<std::optional<QVariantList>> found
        = m_db.firstRow(u"SELECT path FROM catalogue_submissions WHERE id = ?"_s, {id});
    if (!found)
        return Api::internalError(found.error());
    if (!*found)
        return notFound();
    QFile file(m_directory + u'/' + (*found)->at(0).toString());
    if (!file.open(QIODevice::ReadOnly))
        return notFound();
    ApiReply reply;
    reply.body = file.readAll();
    return reply;
}

ApiReply CatalogueReviewApi::submission(
    const ApiRequest &request, qint64 id, const QString &action, const Credential &credential)
{
    if (request.method == "GET") {
        if (action == u"package"_s)
            return package(id);
        if (!action.isEmpty())
            return notFound();
        Result<std::optional<QJsonObject>> status = m_submissions.view().status(id);
        if (!status)
            return Api::internalError(status.error());
        if (!*status)
            return notFound();
        return ApiReply::json(200, **status);
    }
    if (request.method != "POST")
        return notFound();
    Result<QJsonObject> body = RequestParser::object(request.body);
    if (!body)
        return badBody(body.error());
    Result<CatalogueSubmissions::Step> step = CatalogueSubmissions::Step();
    if (action == u"reviews"_s) {
        if (credential.kind != Kind::Publisher)
            return forbidden();
        QStringList items;
        for (const QJsonValue &item : body->value(u"items"_s).toArray())
            items.append(item.toString());
        if (const QString one = text(*body, "item"); !one.isEmpty())
            items.append(one);
        step = m_submissions.review(
            id, items, text(*body, "grade"), text(*body, "comment"), text(*body, "reviewer"));
    } else if (action == u"walks"_s) {
        if (credential.kind != Kind::Workstation)
            return forbidden();
        // The counter is the token's: a clerk cannot walk in another counter's name.
        step = m_submissions.walk(id, text(*body, "situation"), credential, text(*body, "clerk"),
            text(*body, "objection"), text(*body, "answers"));
    } else if (action == u"sign-off"_s) {
        if (credential.kind != Kind::Department)
            return forbidden();
        step = m_submissions.signOff(id, credential, text(*body, "signer"), text(*body, "objection"));
    } else if (action == u"withdraw"_s) {
        if (!edits(credential))
            return forbidden();
        step = m_submissions.withdraw(id, editorOf(credential, *body));
    } else if (action == u"publish"_s) {
        if (credential.kind != Kind::Publisher)
            return forbidden();
        const std::optional<QDate> effective = dayOf(*body);
        if (effective && !effective->isValid())
            return invalid(QCoreApplication::translate(
                "ow::server", "The effective day must be a date from today on (YYYY-MM-DD)."));
        const QString by = text(*body, "by");
        step = m_submissions.publish(id, by.isEmpty() ? credential.name : by, effective);
    } else {
        return notFound();
    }
    if (!step)
        return Api::internalError(step.error());
    return answer(*step);
}

ApiReply CatalogueReviewApi::publications(const ApiRequest &request, const Credential &credential)
{
    if (request.method == "GET") {
        Result<QJsonArray> list = m_catalogues.publications();
        if (!list)
            return Api::internalError(list.error());
        return ApiReply::json(200, QJsonObject {{u"publications"_s, *list}});
    }
    if (request.method != "POST")
        return notFound();
    if (credential.kind != Kind::Publisher)
        return forbidden();
    Result<QJsonObject> body = RequestParser::object(request.body);
    if (!body)
        return badBody(body.error());
    // A rollback: an earlier version current again, recorded as a publication of its own.
    CatalogueRepository::Publication publication;
    publication.version = text(*body, "version");
    publication.reason = text(*body, "reason");
    publication.note = text(*body, "note");
    const QString by = text(*body, "by");
    publication.publishedBy = by.isEmpty() ? credential.name : by;
    publication.rollback = true;
    const std::optional<QDate> effective = dayOf(*body);
    publication.effective = effective ? *effective : m_catalogues.today();
    if (!CatalogueSubmissions::isReason(publication.reason))
        return invalid(
            QCoreApplication::translate("ow::server", "The reason must be one of 立, 改, 废 and 释."));
    if (!publication.effective.isValid() || publication.effective < m_catalogues.today())
        return invalid(QCoreApplication::translate(
            "ow::server", "The effective day must be a date from today on (YYYY-MM-DD)."));
    Result<bool> done = m_catalogues.republish(publication);
    if (!done)
        return Api::internalError(done.error());
    if (!*done)
        return ApiReply::error(404, code::kNotFound,
            QCoreApplication::translate("ow::server", "Version %1 was never published.")
                .arg(publication.version));
    Result<std::optional<QJsonObject>> current = m_catalogues.current();
    if (!current)
        return Api::internalError(current.error());
    return ApiReply::json(201,
        QJsonObject {{u"version"_s, publication.version},
            {u"effective"_s, publication.effective.toString(Qt::ISODate)},
            {u"current"_s, current->value_or(QJsonObject())}});
}

ApiReply CatalogueReviewApi::locks(
    const ApiRequest &request, const QString &action, const Credential &credential)
{
    if (request.method == "GET" && action.isEmpty()) {
        Result<QJsonArray> list = m_locks.list();
        if (!list)
            return Api::internalError(list.error());
        return ApiReply::json(200, QJsonObject {{u"locks"_s, *list}});
    }
    if (request.method != "POST" || (!action.isEmpty() && action != u"release"_s))
        return notFound();
    if (!edits(credential))
        return forbidden();
    Result<QJsonObject> body = RequestParser::object(request.body);
    if (!body)
        return badBody(body.error());
    const QString matter = text(*body, "matter");
    const QString editor = editorOf(credential, *body);
    if (matter.isEmpty() || editor.isEmpty())
        return invalid(QCoreApplication::translate("ow::server", "A lock names the matter and the editor."));
    if (action == u"release"_s) {
        Result<bool> released = m_locks.release(matter, editor);
        if (!released)
            return Api::internalError(released.error());
        if (!*released)
            return ApiReply::error(404, code::kNotFound,
                QCoreApplication::translate("ow::server", "%1 holds no lock on matter %2.")
                    .arg(editor, matter));
        return ApiReply::json(200, QJsonObject {{u"matter"_s, matter}, {u"released"_s, true}});
    }
    const QJsonValue minutesValue = body->value(u"minutes"_s);
    const int minutes = minutesValue.isUndefined() ? CatalogueLocks::kDefaultMinutes : minutesValue.toInt(-1);
    if (minutes < 1 || minutes > CatalogueLocks::kMaxMinutes)
        return invalid(QCoreApplication::translate("ow::server", "A lock lasts 1 to %1 minutes.")
                           .arg(CatalogueLocks::kMaxMinutes));
    Result<CatalogueLocks::Outcome> taken = m_locks.acquire(matter, editor, minutes);
    if (!taken)
        return Api::internalError(taken.error());
    if (!taken->taken)
        return ApiReply::error(409, code::kConflict,
            QCoreApplication::translate("ow::server", "Matter %1 is being edited by %2 until %3.")
                .arg(matter, taken->lock.value(u"editor"_s).toString(),
                    taken->lock.value(u"expires"_s).toString()),
            QJsonObject {{u"lock"_s, taken->lock}});
    return ApiReply::json(201, taken->lock);
}

} // namespace ow::server
