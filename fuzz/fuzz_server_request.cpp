// libFuzzer target for the bodies onewindow-server reads from the network (docs/sync-protocol.md):
// event batches (and the event rules), enrolments, department status events (with the result document they
// name), catalogue packages and complaint batches. Any bytes
// must be refused with a message or parsed into something that keeps the parser's promises.

#include "server/CaseDocuments.h"
#include "server/ComplaintRequest.h"
#include "server/EventValidator.h"
#include "server/RequestParser.h"
#include "sync/SyncProtocol.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdint>
#include <cstdlib>

using namespace ow::server;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));

    const auto batch = RequestParser::eventBatch(body);
    if (!batch) {
        if (batch.error().message().isEmpty())
            std::abort();
    } else {
        if (batch->size() > ow::sync::protocol::kMaxEventsPerBatch)
            std::abort();
        for (const IncomingEvent &incoming : *batch) {
            // An entry that is not rejected names a case and has an id, and its snapshot is of that case.
            if (incoming.problem.isEmpty()
                && (incoming.event.id.isEmpty() || incoming.event.caseNumber.size() != 23
                    || (incoming.snapshot && incoming.snapshot->number != incoming.event.caseNumber)))
                std::abort();
            // The validator answers every parsed entry, with a reason of bounded length when it refuses.
            if (incoming.problem.isEmpty()) {
                Credential workstation;
                workstation.hall = QStringLiteral("33030201");
                workstation.counter = QStringLiteral("W07");
                workstation.counterNumber = 7;
                const QString reason = EventValidator().check(
                    incoming, workstation, QDateTime(QDate(2026, 3, 16), QTime(10, 0), Qt::UTC));
                if (reason.size() > 1000)
                    std::abort();
            }
        }
    }

    const auto enrol = RequestParser::enrol(body);
    if (enrol && enrol->first.isEmpty())
        std::abort();

    const auto department = RequestParser::departmentEvent(body);
    if (department && department->clerk.isEmpty())
        std::abort();
    // A result document named by a parsed event is a whole one: its hash, a name that is no path, a size.
    if (department && department->payload.contains(QStringLiteral("document"))) {
        const QJsonObject document = department->payload.value(QStringLiteral("document")).toObject();
        const qint64 size = document.value(QStringLiteral("size")).toInteger(-1);
        if (!RequestParser::isSha256(document.value(QStringLiteral("sha256")).toString())
            || !CaseDocuments::isAcceptableName(document.value(QStringLiteral("name")).toString())
            || document.value(QStringLiteral("name")).toString().contains(QLatin1Char('/')) || size < 1
            || size > CaseDocuments::kMaxBytes)
            std::abort();
    }

    const auto package = RequestParser::cataloguePackage(body);
    if (package) {
        // Every path must be safe to join to the unpacking folder: no ".." part ("a...b" is a name).
        for (const ow::sync::CataloguePackage::File &file : package->files)
            if (!ow::sync::CataloguePackage::isSafePath(file.path)
                || file.path.split(QLatin1Char('/')).contains(QLatin1String("..")))
                std::abort();
    }

    // A complaint batch: each complaint refused naming its field, or taken within its limits.
    const QJsonArray complaints
        = QJsonDocument::fromJson(body).object().value(QStringLiteral("complaints")).toArray();
    for (const QJsonValue &value : complaints) {
        const auto parsed
            = ComplaintRequest::parse(value.toObject(), QDateTime(QDate(2026, 3, 16), QTime(10, 0), Qt::UTC));
        if (const auto *problem = std::get_if<ComplaintRequest::Problem>(&parsed)) {
            if (problem->field.isEmpty() || problem->message.isEmpty())
                std::abort();
            continue;
        }
        const ow::supervision::Complaint &c = std::get<ComplaintRequest>(parsed).complaint;
        if (c.id.isEmpty() || c.id.size() > ComplaintRequest::kMaxIdLength || c.content.isEmpty()
            || c.content.size() > ow::supervision::Complaint::kMaxContent || !c.receivedAt.isValid()
            || (!c.caseNumber.isEmpty() && c.caseNumber.size() != 23)
            || c.complainantName.size() > ComplaintRequest::kMaxNameLength)
            std::abort();
    }
    return 0;
}
