#include "server/RequestParser.h"

#include "cases/CaseJson.h"
#include "cases/CaseNumber.h"
#include "server/CaseDocuments.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUuid>
#include <algorithm>
#include <utility>

namespace ow::server {

using namespace ow::cases;
namespace protocol = ow::sync::protocol;

namespace {

Failure invalid(const QString &message)
{
    return fail(Error::Code::Invalid, message);
}

QString str(const char *key)
{
    return QString::fromLatin1(key);
}

// The problem of one batch entry, or an empty string when it can be stored.
QString checkEntry(const QJsonObject &entry, IncomingEvent *incoming)
{
    const QJsonValue eventValue = entry.value(str("event"));
    if (!eventValue.isObject())
        return QCoreApplication::translate("ow::server", "The entry has no event object.");
    incoming->eventJson = eventValue.toObject();
    Result<CaseEvent> event = CaseJson::eventFrom(incoming->eventJson);
    if (!event)
        return QCoreApplication::translate("ow::server", "The event has an unknown kind.");
    incoming->event = *event;
    if (incoming->event.id.isEmpty() || incoming->event.id.size() > 64)
        return QCoreApplication::translate("ow::server", "The event has no id.");
    if (!incoming->event.time.isValid())
        return QCoreApplication::translate("ow::server", "The event has no valid time.");
    Result<CaseNumber> number = CaseNumber::parse(incoming->event.caseNumber);
    if (!number || incoming->event.caseNumber.size() != CaseNumber::kLength)
        return QCoreApplication::translate("ow::server", "The event names no valid case number.");
    const QJsonValue caseValue = entry.value(str("case"));
    if (caseValue.isUndefined() || caseValue.isNull())
        return {};
    if (!caseValue.isObject())
        return QCoreApplication::translate("ow::server", "The case snapshot is not an object.");
    incoming->snapshotJson = caseValue.toObject();
    Result<Case> snapshot = CaseJson::caseFrom(incoming->snapshotJson);
    if (!snapshot)
        return QCoreApplication::translate("ow::server", "The case snapshot is not readable: %1")
            .arg(snapshot.error().message());
    if (snapshot->number != incoming->event.caseNumber)
        return QCoreApplication::translate(
            "ow::server", "The case snapshot is of another case than the event.");
    for (const CaseAttachment &attachment : std::as_const(snapshot->attachments))
        if (!RequestParser::isSha256(attachment.sha256))
            return QCoreApplication::translate(
                "ow::server", "An attachment of the case has no valid SHA-256.");
    incoming->snapshot = *snapshot;
    return {};
}

} // namespace

bool RequestParser::isSha256(QStringView text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

Result<QJsonObject> RequestParser::object(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::server", "The body is not valid JSON: %1 at byte %2.")
                .arg(error.errorString())
                .arg(error.offset));
    if (!document.isObject())
        return fail(
            Error::Code::Parse, QCoreApplication::translate("ow::server", "The body is not a JSON object."));
    return document.object();
}

Result<QList<IncomingEvent>> RequestParser::eventBatch(const QByteArray &body)
{
    Result<QJsonObject> root = object(body);
    if (!root)
        return failWith(root.error());
    const QJsonValue events = root->value(str("events"));
    if (!events.isArray())
        return invalid(QCoreApplication::translate("ow::server", "The body has no \"events\" list."));
    const QJsonArray array = events.toArray();
    if (array.size() > protocol::kMaxEventsPerBatch)
        return invalid(QCoreApplication::translate("ow::server", "A batch holds at most %1 events, not %2.")
                           .arg(protocol::kMaxEventsPerBatch)
                           .arg(array.size()));
    QList<IncomingEvent> list;
    list.reserve(array.size());
    for (const QJsonValue &value : array) {
        IncomingEvent incoming;
        incoming.entryJson = value.toObject();
        incoming.problem = value.isObject()
            ? checkEntry(value.toObject(), &incoming)
            : QCoreApplication::translate("ow::server", "The entry is not an object.");
        list.append(incoming);
    }
    return list;
}

Result<std::pair<QString, QString>> RequestParser::enrol(const QByteArray &body)
{
    Result<QJsonObject> root = object(body);
    if (!root)
        return failWith(root.error());
    const QString code = root->value(str("code")).toString();
    if (code.isEmpty() || code.size() > 64)
        return invalid(QCoreApplication::translate("ow::server", "The enrolment has no code."));
    return std::pair(code, root->value(str("machine")).toString().left(128));
}

Result<DepartmentEventRequest> RequestParser::departmentEvent(const QByteArray &body)
{
    Result<QJsonObject> root = object(body);
    if (!root)
        return failWith(root.error());
    DepartmentEventRequest request;
    request.id = root->value(str("id")).toString();
    if (!request.id.isEmpty() && (request.id.size() > 64 || QUuid::fromString(request.id).isNull()))
        return invalid(QCoreApplication::translate("ow::server", "The id must be a UUID."));
    const QString kind = root->value(str("kind")).toString();
    const std::optional<EventKind> parsed = eventKindFromKeyword(kind);
    static const QList<EventKind> allowed {EventKind::InReview, EventKind::Approved, EventKind::Denied,
        EventKind::SupplementRequested, EventKind::ResultReady};
    if (!parsed || !allowed.contains(*parsed))
        return invalid(QCoreApplication::translate("ow::server",
            "The kind must be in-review, approved, denied, supplement-requested or result-ready, not “%1”.")
                           .arg(kind));
    request.kind = *parsed;
    request.clerk = root->value(str("clerk")).toString();
    if (request.clerk.isEmpty())
        return invalid(QCoreApplication::translate("ow::server", "The clerk is missing."));
    const QJsonValue payload = root->value(str("payload"));
    if (!payload.isUndefined() && !payload.isNull() && !payload.isObject())
        return invalid(QCoreApplication::translate("ow::server", "The payload is not an object."));
    request.payload = payload.toObject();
    if (request.kind == EventKind::Denied) {
        const QJsonArray reasons = request.payload.value(str("reasons")).toArray();
        if (reasons.isEmpty() || !std::all_of(reasons.begin(), reasons.end(), [](const QJsonValue &v) {
                return v.isString() && !v.toString().trimmed().isEmpty();
            }))
            return invalid(
                QCoreApplication::translate("ow::server", "A denial needs its reasons (payload.reasons)."));
    }
    // A result document (docs/sync-protocol.md "Result documents"): named by what its upload
    // answered; whether the case has it is checked against the store.
    if (const QJsonValue document = request.payload.value(str("document")); !document.isUndefined()) {
        const QJsonObject named = document.toObject();
        const bool decided = request.kind == EventKind::Approved || request.kind == EventKind::Denied
            || request.kind == EventKind::ResultReady;
        const qint64 size = named.value(str("size")).toInteger(-1);
        if (!decided || !isSha256(named.value(str("sha256")).toString())
            || !CaseDocuments::isAcceptableName(named.value(str("name")).toString())
            || !named.value(str("size")).isDouble() || size < 1 || size > CaseDocuments::kMaxBytes)
            return invalid(QCoreApplication::translate("ow::server",
                "payload.document is {\"name\", \"sha256\", \"size\"} of a document uploaded for the case, "
                "on approved, denied or result-ready only."));
    }
    if (request.kind == EventKind::SupplementRequested) {
        const QJsonArray materials = request.payload.value(str("materials")).toArray();
        if (materials.isEmpty())
            return invalid(QCoreApplication::translate(
                "ow::server", "A supplement request needs the materials (payload.materials)."));
        for (const QJsonValue &value : materials) {
            const QJsonObject material = value.toObject();
            if (material.value(str("id")).toString().isEmpty()
                || material.value(str("name")).toString().isEmpty()
                || !QDate::fromString(material.value(str("deadline")).toString(), Qt::ISODate).isValid())
                return invalid(QCoreApplication::translate(
                    "ow::server", "Every requested material needs its id, name and deadline (YYYY-MM-DD)."));
        }
    }
    return request;
}

Result<sync::CataloguePackage> RequestParser::cataloguePackage(const QByteArray &body)
{
    Result<QJsonObject> root = object(body);
    if (!root)
        return failWith(root.error());
    return sync::CataloguePackage::fromJson(*root);
}

} // namespace ow::server
