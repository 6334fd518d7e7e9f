#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "core/Result.h"
#include "sync/CataloguePackage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <optional>

namespace ow::server {

/// One entry of a POST /events batch: the event, the state the counter reached, and the case
/// snapshot when the change saved the case. `problem` is set when the entry must be rejected.
struct IncomingEvent
{
    cases::CaseEvent event;
    QJsonObject eventJson; ///< as sent: stored verbatim so every field the counter wrote survives
    std::optional<cases::Case> snapshot;
    QJsonObject snapshotJson;
    QJsonObject entryJson; ///< the whole entry as sent, for EventValidator
    QString problem; ///< non-empty: why the entry is rejected
};

struct DepartmentEventRequest
{
    QString id; ///< optional idempotency key
    cases::EventKind kind = cases::EventKind::InReview;
    QString clerk;
    QJsonObject payload;
};

/// The parsers of request bodies: pure functions of the bytes, so the fuzzer can call them.
/// Malformed JSON is an Error::Code::Parse (400 bad-json); well-formed but wrong is Invalid (422).
class RequestParser
{
public:
    static Result<QJsonObject> object(const QByteArray &body);
    /// The events of a batch, each parsed or marked with its problem; fails for a body that is not
    /// {"events": [...]} of at most kMaxEventsPerBatch entries.
    static Result<QList<IncomingEvent>> eventBatch(const QByteArray &body);
    static Result<std::pair<QString, QString>> enrol(const QByteArray &body); ///< code, machine
    static Result<DepartmentEventRequest> departmentEvent(const QByteArray &body);
    /// A published catalogue, read by the codec the workstations use too.
    static Result<sync::CataloguePackage> cataloguePackage(const QByteArray &body);
    static bool isSha256(QStringView text);
};

} // namespace ow::server
