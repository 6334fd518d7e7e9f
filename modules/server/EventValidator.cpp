#include "server/EventValidator.h"

#include "cases/CaseJson.h"
#include "cases/CaseLifecycle.h"
#include "cases/CaseNumber.h"
#include "cases/QrToken.h"
#include "cases/Withdrawal.h"
#include "core/CitizenId.h"
#include "core/CreditCode.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace ow::server {

using namespace ow::cases;
using namespace Qt::StringLiterals;

namespace {

// Text a field must hold: a string of 1..max characters (0..max when it may be empty).
QString checkText(const QJsonObject &object, const QString &key, const QString &where, int max, bool required)
{
    const QJsonValue value = object.value(key);
    if (!required && (value.isUndefined() || value.isNull()))
        return {};
    if (!value.isString() || (required && value.toString().isEmpty()) || value.toString().size() > max)
        return QCoreApplication::translate("ow::server", "%1 must be text of %2 to %3 characters.")
            .arg(where + key)
            .arg(required ? 1 : 0)
            .arg(max);
    return {};
}

QString checkWhole(const QJsonObject &object, const QString &key, const QString &where, int min, int max)
{
    const QJsonValue value = object.value(key);
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || std::floor(number) != number || number < min || number > max)
        return QCoreApplication::translate("ow::server", "%1 must be a whole number from %2 to %3.")
            .arg(where + key)
            .arg(min)
            .arg(max);
    return {};
}

QString checkKind(const QJsonObject &object, const QString &key, const QString &where, QJsonValue::Type type)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull() || value.type() == type)
        return {};
    return type == QJsonValue::Object
        ? QCoreApplication::translate("ow::server", "%1 must be a JSON object.").arg(where + key)
        : QCoreApplication::translate("ow::server", "%1 must be a list.").arg(where + key);
}

bool isControl(QChar c)
{
    return (c.unicode() < 0x20 && c != u'\n' && c != u'\t' && c != u'\r') || c.unicode() == 0x7f
        || c.category() == QChar::Other_Surrogate;
}

// Every string of the entry, keys included: bounded and without control characters, so nothing a
// counter sends can fill a screen, a log line or a terminal of another station.
QString checkStrings(const QJsonValue &value, const QString &path, int depth)
{
    if (depth > EventValidator::kMaxDepth)
        return QCoreApplication::translate("ow::server", "The entry is nested deeper than %1 levels.")
            .arg(EventValidator::kMaxDepth);
    const auto checkOne = [&](const QString &text, const QString &where) -> QString {
        if (text.size() > EventValidator::kMaxTextLength)
            return QCoreApplication::translate("ow::server", "The text at %1 is longer than %2 characters.")
                .arg(where)
                .arg(EventValidator::kMaxTextLength);
        if (std::any_of(text.begin(), text.end(), isControl))
            return QCoreApplication::translate("ow::server", "The text at %1 holds a control character.")
                .arg(where);
        return {};
    };
    if (value.isString())
        return checkOne(value.toString(), path);
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString problem
                = checkStrings(array.at(i), path + u'[' + QString::number(i) + u']', depth + 1);
            if (!problem.isEmpty())
                return problem;
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString where = path + u'.' + it.key().left(40);
            QString problem = it.key().size() > EventValidator::kMaxIdLength
                ? QCoreApplication::translate("ow::server", "The text at %1 is longer than %2 characters.")
                      .arg(where)
                      .arg(EventValidator::kMaxIdLength)
                : checkOne(it.key(), where);
            if (problem.isEmpty())
                problem = checkStrings(it.value(), where, depth + 1);
            if (!problem.isEmpty())
                return problem;
        }
    }
    return {};
}

} // namespace

bool EventValidator::isUuid(QStringView text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != u'-' : !std::isxdigit(c.unicode() < 128 ? c.toLatin1() : 'x'))
            return false;
    }
    return true;
}

QString EventValidator::checkTime(const QString &what, const QDateTime &time, const QDateTime &now) const
{
    if (!time.isValid())
        return QCoreApplication::translate("ow::server", "%1 is not a time (ISO 8601, UTC).").arg(what);
    if (time > now.addSecs(m_window.aheadSeconds))
        return QCoreApplication::translate("ow::server",
            "%1 is dated %2, more than %3 hours after the server's time (%4): check this counter's clock.")
            .arg(what, CaseJson::timeText(time))
            .arg(m_window.aheadSeconds / 3600)
            .arg(CaseJson::timeText(now));
    if (m_window.behindSeconds > 0 && time < now.addSecs(-m_window.behindSeconds))
        return QCoreApplication::translate("ow::server",
            "%1 is dated %2, more than %3 days before the server's time (%4): check this counter's clock.")
            .arg(what, CaseJson::timeText(time))
            .arg(m_window.behindSeconds / 86400)
            .arg(CaseJson::timeText(now));
    return {};
}

QString EventValidator::check(
    const IncomingEvent &incoming, const Credential &workstation, const QDateTime &now) const
{
    const QJsonObject &entry = incoming.entryJson;
    const int bytes = int(QJsonDocument(entry).toJson(QJsonDocument::Compact).size());
    if (bytes > kMaxEntryBytes)
        return QCoreApplication::translate("ow::server", "The entry is %1 bytes; at most %2.")
            .arg(bytes)
            .arg(kMaxEntryBytes);
    if (QString problem = checkStrings(entry, u"entry"_s, 0); !problem.isEmpty())
        return problem;

    const QJsonValue state = entry.value(u"state"_s);
    if (!state.isString() || !caseStateFromKeyword(state.toString()))
        return QCoreApplication::translate("ow::server", "%1 names an unknown state “%2”.")
            .arg(u"entry.state"_s, state.toVariant().toString().left(40));

    const QJsonObject &event = incoming.eventJson;
    const QString id = event.value(u"id"_s).toString();
    if (!isUuid(id))
        return QCoreApplication::translate(
            "ow::server", "The event id “%1” is not a UUID (8-4-4-4-12 hexadecimal digits).")
            .arg(id.left(40));
    const QString number = event.value(u"case"_s).toString();
    if (!CaseNumber::isValid(number) || number.size() != CaseNumber::kLength)
        return QCoreApplication::translate("ow::server", "The event names no valid case number.");
    if (number.left(CaseNumber::kHallLength) != workstation.hall)
        return QCoreApplication::translate(
            "ow::server", "The case %1 belongs to hall %2; this workstation is enrolled in hall %3.")
            .arg(number, number.left(CaseNumber::kHallLength), workstation.hall);
    for (const QString &problem : {checkText(event, u"clerk"_s, u"event."_s, kMaxIdLength, true),
             checkText(event, u"counter"_s, u"event."_s, kMaxIdLength, true),
             checkText(event, u"time"_s, u"event."_s, kMaxIdLength, true),
             checkKind(event, u"payload"_s, u"event."_s, QJsonValue::Object)})
        if (!problem.isEmpty())
            return problem;
    if (event.value(u"counter"_s).toString() != workstation.counter)
        return QCoreApplication::translate(
            "ow::server", "The event is from counter %1; this credential is counter %2.")
            .arg(event.value(u"counter"_s).toString(), workstation.counter);
    if (QString problem = checkTime(u"event.time"_s, incoming.event.time, now); !problem.isEmpty())
        return problem;
    // A department's system acts on a withdrawal (it stops its review): it must say why and who asked.
    if (incoming.event.kind == EventKind::Withdrawn)
        if (Result<Withdrawal> withdrawal = Withdrawal::fromPayload(incoming.event.payload); !withdrawal)
            return withdrawal.error().message();
    if (incoming.event.kind == EventKind::Created) {
        Result<CaseNumber> parsed = CaseNumber::parse(number);
        if (parsed && parsed->counterNumber() != workstation.counterNumber)
            return QCoreApplication::translate("ow::server",
                "The case %1 is numbered for counter number %2; this workstation is counter number %3.")
                .arg(number)
                .arg(parsed->counterNumber())
                .arg(workstation.counterNumber);
    }
    if (!incoming.snapshot)
        return {};
    return checkSnapshot(incoming, workstation, now);
}

QString EventValidator::checkSnapshot(
    const IncomingEvent &incoming, const Credential &workstation, const QDateTime &now) const
{
    const QJsonObject &json = incoming.snapshotJson;
    const Case &c = *incoming.snapshot;
    const QString at = u"case."_s;
    for (const QString &problem : {checkText(json, u"hall"_s, at, CaseNumber::kHallLength, true),
             checkText(json, u"counter"_s, at, kMaxIdLength, true),
             checkText(json, u"qrToken"_s, at, QrToken::kLength, true),
             checkText(json, u"firstHandler"_s, at, kMaxIdLength, false),
             checkText(json, u"ticket"_s, at, kMaxIdLength, false),
             checkText(json, u"situation"_s, at, kMaxTextLength, false),
             checkText(json, u"calendarVersion"_s, at, kMaxIdLength, false),
             checkText(json, u"promisedDeadline"_s, at, kMaxIdLength, false),
             checkKind(json, u"matter"_s, at, QJsonValue::Object),
             checkKind(json, u"applicant"_s, at, QJsonValue::Object),
             checkKind(json, u"answers"_s, at, QJsonValue::Object),
             checkKind(json, u"checklist"_s, at, QJsonValue::Array),
             checkKind(json, u"materialChecks"_s, at, QJsonValue::Array),
             checkKind(json, u"attachments"_s, at, QJsonValue::Array),
             checkWhole(json, u"promisedDays"_s, at, 0, kMaxPromisedDays)})
        if (!problem.isEmpty())
            return problem;
    if (json.contains(u"quantity"_s))
        if (QString problem = checkWhole(json, u"quantity"_s, at, 1, kMaxQuantity); !problem.isEmpty())
            return problem;
    const QJsonObject matter = json.value(u"matter"_s).toObject();
    for (const QString &problem : {checkText(matter, u"code"_s, u"case.matter."_s, kMaxIdLength, false),
             checkText(matter, u"department"_s, u"case.matter."_s, kMaxIdLength, false),
             checkText(matter, u"name"_s, u"case.matter."_s, kMaxNameLength, false),
             checkText(matter, u"departmentName"_s, u"case.matter."_s, kMaxNameLength, false)})
        if (!problem.isEmpty())
            return problem;
    if (c.hall != workstation.hall)
        return QCoreApplication::translate(
            "ow::server", "The case snapshot is of hall %1; this workstation is enrolled in hall %2.")
            .arg(c.hall, workstation.hall);
    if (incoming.event.kind == EventKind::Created && c.counter != workstation.counter)
        return QCoreApplication::translate(
            "ow::server", "The case snapshot names counter %1, not this workstation's counter %2.")
            .arg(c.counter, workstation.counter);
    if (!QrToken::isWellFormed(c.qrToken))
        return QCoreApplication::translate(
            "ow::server", "The QR token of the case is not of the documented shape (26 base32 characters).");
    if (!json.value(u"promisedDeadline"_s).toString().isEmpty() && !c.promisedDeadline.isValid())
        return QCoreApplication::translate("ow::server", "%1 is not a date (YYYY-MM-DD).")
            .arg(u"case.promisedDeadline"_s);
    for (const auto &[key, time] : {std::pair(u"created"_s, c.created), std::pair(u"updated"_s, c.updated)}) {
        if (json.value(key).toString().isEmpty())
            continue;
        if (QString problem = checkTime(at + key, time, now); !problem.isEmpty())
            return problem;
    }
    for (const CaseAttachment &attachment : c.attachments)
        if (attachment.size < 0 || attachment.size > sync::protocol::kMaxAttachment)
            return QCoreApplication::translate("ow::server", "%1 must be a whole number from %2 to %3.")
                .arg(u"case.attachments.size"_s)
                .arg(0)
                .arg(sync::protocol::kMaxAttachment);

    // The applicant's numbers are checked where the counter checks them: an acceptance needs the
    // whole form with valid ID numbers and credit code (DecisionRules), and an accepted case keeps
    // them valid. A draft (or a case told what to correct, or refused) is saved as typed, mistakes
    // included: refusing its "created" would lose the case at the server for good.
    const Applicant &applicant = c.applicant;
    const auto refused = [](const Error &error) {
        return QCoreApplication::translate("ow::server", "The applicant's data is not valid: %1")
            .arg(error.message());
    };
    const CaseState after
        = caseStateFromKeyword(incoming.entryJson.value(u"state"_s).toString()).value_or(CaseState::Draft);
    const bool accepted = CaseLifecycle::rank(after) >= CaseLifecycle::rank(CaseState::Accepted)
        && after != CaseState::Refused;
    if (!accepted)
        return {};
    if (!applicant.idNumber.trimmed().isEmpty()) {
        if (applicant.isOrganisation()) {
            if (Result<CreditCode> code = CreditCode::parse(applicant.idNumber); !code)
                return refused(code.error());
        } else if (Result<CitizenId> id = CitizenId::parse(applicant.idNumber); !id) {
            return refused(id.error());
        }
    }
    if (!applicant.contactIdNumber.trimmed().isEmpty())
        if (Result<CitizenId> id = CitizenId::parse(applicant.contactIdNumber); !id)
            return refused(id.error());
    if (incoming.event.kind == EventKind::Accepted || incoming.event.kind == EventKind::AcceptedWithWaiver)
        if (Result<void> whole = applicant.validate(); !whole)
            return refused(whole.error());
    return {};
}

QString EventValidator::checkDepartmentEvent(const DepartmentEventRequest &request)
{
    const QJsonObject shape {{u"clerk"_s, request.clerk}, {u"payload"_s, request.payload}};
    const int bytes = int(QJsonDocument(shape).toJson(QJsonDocument::Compact).size());
    if (bytes > kMaxEntryBytes)
        return QCoreApplication::translate("ow::server", "The entry is %1 bytes; at most %2.")
            .arg(bytes)
            .arg(kMaxEntryBytes);
    if (QString problem = checkText(shape, u"clerk"_s, QString(), kMaxIdLength, true); !problem.isEmpty())
        return problem;
    return checkStrings(shape, u"event"_s, 0);
}

QString EventValidator::checkOrder(const IncomingEvent &incoming, bool caseKnown)
{
    const CaseEvent &event = incoming.event;
    if (!caseKnown && (event.kind != EventKind::Created || !incoming.snapshot))
        return QCoreApplication::translate("ow::server",
            "The server does not know the case %1: its first event must be “created” with the case, not "
            "“%2”.")
            .arg(event.caseNumber, keyword(event.kind));
    if (caseKnown && event.kind == EventKind::Created)
        return QCoreApplication::translate(
            "ow::server", "The case %1 was created before; “created” comes once.")
            .arg(event.caseNumber);
    return {};
}

} // namespace ow::server
