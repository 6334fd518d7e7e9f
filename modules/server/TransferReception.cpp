#include "server/TransferReception.h"

#include "cases/CaseNumber.h"
#include "cases/PickupDesk.h"
#include "cases/TransferList.h"
#include "server/RequestParser.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QUuid>

namespace ow::server {

using namespace ow::cases;
namespace code = ow::sync::protocol::error;

namespace {

QString str(const char *key)
{
    return QString::fromLatin1(key);
}

} // namespace

TransferReception::TransferReception(const storage::Database &db, CaseRepository &cases)
    : m_db(db)
    , m_cases(cases)
{
}

ApiReply TransferReception::post(
    const ApiRequest &request, const QString &idOrScan, const Credential &department)
{
    Result<QJsonObject> body = RequestParser::object(request.body);
    if (!body)
        return ApiReply::error(body.error().code() == Error::Code::Parse ? 400 : 422,
            body.error().code() == Error::Code::Parse ? code::kBadJson : code::kInvalid,
            body.error().message());
    const QString clerk = body->value(str("clerk")).toString().trimmed();
    const QJsonValue scanValue = body->value(str("scans"));
    if (clerk.isEmpty() || clerk.size() > 64)
        return ApiReply::error(422, code::kInvalid,
            QCoreApplication::translate(
                "ow::server", "“clerk” must name the receiver (1 to 64 characters)."));
    if (!scanValue.isArray() || scanValue.toArray().size() > kMaxScans)
        return ApiReply::error(422, code::kInvalid,
            QCoreApplication::translate(
                "ow::server", "“scans” must be a list of at most %1 folder label scans.")
                .arg(kMaxScans));
    QStringList scans;
    for (const QJsonValue &scan : scanValue.toArray()) {
        if (!scan.isString() || scan.toString().size() > 512)
            return ApiReply::error(422, code::kInvalid,
                QCoreApplication::translate(
                    "ow::server", "Each scan must be text of at most 512 characters."));
        scans.append(scan.toString());
    }
    Result<Outcome> outcome = confirm(department, idOrScan, clerk, scans);
    if (!outcome) {
        qWarning("onewindow-server: %s", qUtf8Printable(outcome.error().toString()));
        return ApiReply::error(500, code::kInternal,
            QCoreApplication::translate(
                "ow::server", "The server could not complete the request; try again later."));
    }
    switch (outcome->status) {
    case Outcome::Status::NotFound:
        return ApiReply::error(404, code::kNotFound,
            QCoreApplication::translate("ow::server", "No transfer list %1 is known here.")
                .arg(idOrScan.left(80)));
    case Outcome::Status::OtherDepartment:
        return ApiReply::error(403, code::kOtherDepartment,
            QCoreApplication::translate("ow::server", "The transfer list goes to another department."));
    case Outcome::Status::ConfirmedBefore:
        return ApiReply::error(409, code::kConflict, outcome->message);
    case Outcome::Status::Confirmed:
        break;
    }
    return ApiReply::json(200,
        QJsonObject {{str("received"), QJsonArray::fromStringList(outcome->received)},
            {str("missing"), QJsonArray::fromStringList(outcome->missing)},
            {str("extra"), QJsonArray::fromStringList(outcome->extra)}, {str("events"), outcome->events}});
}

Result<QString> TransferReception::folderOf(const QString &scan) const
{
    const QString trimmed = scan.trimmed();
    if (const std::optional<QString> token = PickupDesk::tokenFromLink(trimmed)) {
        Result<std::optional<QVariantList>> found = m_db.firstRow(
            QStringLiteral("SELECT number FROM cases WHERE qr_token = ? AND qr_token <> ''"), {*token});
        if (!found)
            return failWith(found.error());
        return *found ? (*found)->at(0).toString() : trimmed;
    }
    if (Result<CaseNumber> number = CaseNumber::parse(trimmed))
        return number->toString();
    return trimmed;
}

Result<TransferReception::Outcome> TransferReception::confirm(
    const Credential &department, const QString &idOrScan, const QString &clerk, const QStringList &scans)
{
    Outcome outcome;
    const std::optional<QString> id = TransferList::idFromScan(idOrScan);
    if (!id) {
        outcome.status = Outcome::Status::NotFound;
        return outcome;
    }
    // The list is its cases' transfer-listed events (a case listed again later is on that list).
    QString pattern = *id;
    pattern.replace(u'%', u'_');
    const QString like = u"%\"list\":\"" + pattern + u"\"%";
    Result<storage::Rows> rows = m_db.run(
        QStringLiteral("SELECT case_number, kind, body FROM events WHERE kind IN ('transfer-listed', "
                       "'transferred', 'transfer-flagged') AND body LIKE ? ORDER BY seq"),
        {like});
    if (!rows)
        return failWith(rows.error());
    TransferList list;
    list.id = *id;
    bool confirmedBefore = false;
    for (;;) {
        Result<bool> more = rows->fetch();
        if (!more)
            return failWith(more.error());
        if (!*more)
            break;
        const QJsonObject payload = QJsonDocument::fromJson(rows->value(2).toString().toUtf8())
                                        .object()
                                        .value(str("payload"))
                                        .toObject();
        if (payload.value(str("list")).toString() != *id)
            continue;
        if (rows->value(1).toString() != keyword(EventKind::TransferListed)) {
            confirmedBefore = true;
            continue;
        }
        list.departmentId = payload.value(str("department")).toString();
        const QString number = rows->value(0).toString();
        if (!list.findItem(number))
            list.items.append(TransferItem {number, {}, {}, {}});
    }
    if (list.items.isEmpty()) {
        outcome.status = Outcome::Status::NotFound;
        return outcome;
    }
    if (list.departmentId != department.department) {
        outcome.status = Outcome::Status::OtherDepartment;
        return outcome;
    }
    if (confirmedBefore) {
        outcome.status = Outcome::Status::ConfirmedBefore;
        outcome.message
            = QCoreApplication::translate("ow::server", "Transfer list %1 was confirmed already.").arg(*id);
        return outcome;
    }

    TransferCheck check(list);
    for (const QString &scan : scans) {
        if (scan.trimmed().isEmpty())
            continue;
        Result<QString> folder = folderOf(scan);
        if (!folder)
            return failWith(folder.error());
        check.scan(*folder);
    }
    outcome.received = check.received();
    outcome.missing = check.missing();
    outcome.extra = check.extra();
    // The payload a workstation's confirmation carries, so both read back alike.
    const QJsonObject common {{str("list"), *id},
        {str("confirmation"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {str("missing"), QJsonArray::fromStringList(outcome.missing)},
        {str("extra"), QJsonArray::fromStringList(outcome.extra)}};
    QList<CaseEvent> events;
    const auto add = [&](const QString &number, EventKind kind, const QString &problem) {
        CaseEvent event;
        event.caseNumber = number;
        event.kind = kind;
        event.clerk = clerk;
        event.payload = common;
        if (!problem.isEmpty())
            event.payload.insert(str("problem"), problem);
        events.append(event);
    };
    for (const QString &number : std::as_const(outcome.received))
        add(number, EventKind::Transferred, {});
    for (const QString &number : std::as_const(outcome.missing))
        add(number, EventKind::TransferFlagged, str("missing"));
    for (const QString &number : std::as_const(outcome.extra))
        add(number, EventKind::TransferFlagged, str("extra")); // left out unless a case of the department
    Result<QJsonArray> recorded = m_cases.recordDepartmentEvents(department, events);
    if (!recorded)
        return failWith(recorded.error());
    outcome.events = *recorded;
    return outcome;
}

} // namespace ow::server
