#include "server/ComplaintRequest.h"

#include "cases/CaseJson.h"
#include "cases/CaseNumber.h"
#include "core/InputExcerpt.h"
#include "core/PhoneNumber.h"

#include <QCoreApplication>

namespace ow::server {

using namespace Qt::StringLiterals;
using supervision::Complaint;

namespace {

/// A text field that may be absent, null or a string; nullopt when it is something else.
std::optional<QString> optionalText(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString())
        return std::nullopt;
    return value.toString().trimmed();
}

ComplaintRequest::Problem notText(const QString &field)
{
    return {field, QCoreApplication::translate("ow::server", "“%1” must be text.").arg(field)};
}

} // namespace

std::variant<ComplaintRequest, ComplaintRequest::Problem> ComplaintRequest::parse(
    const QJsonObject &object, const QDateTime &now)
{
    ComplaintRequest request;
    Complaint &c = request.complaint;
    const std::optional<QString> id = optionalText(object, u"id"_s);
    if (!id || id->isEmpty() || id->size() > kMaxIdLength || id->contains(u' '))
        return Problem {u"id"_s,
            QCoreApplication::translate(
                "ow::server", "“id” must be the complaint's UUID given where it was recorded.")};
    c.id = *id;
    const std::optional<supervision::ComplaintChannel> channel
        = supervision::complaintChannelFromKeyword(object.value(u"channel"_s).toString());
    if (!channel)
        return Problem {u"channel"_s,
            QCoreApplication::translate("ow::server", "“channel” is “window”, “12345” or “online”.")};
    c.channel = *channel;
    const std::optional<QString> received = optionalText(object, u"receivedAt"_s);
    c.receivedAt = received && !received->isEmpty() ? cases::CaseJson::timeFrom(*received) : now;
    if (!received || !c.receivedAt.isValid())
        return Problem {u"receivedAt"_s,
            QCoreApplication::translate("ow::server", "“receivedAt” must be a time (ISO 8601).")};
    // A counter whose clock runs ahead would give the complaint a number and deadline of a day to come.
    if (c.receivedAt > now.addDays(1))
        return Problem {u"receivedAt"_s,
            QCoreApplication::translate("ow::server",
                "The complaint is dated %1, after the server's time: the counter's clock is wrong.")
                .arg(cases::CaseJson::timeText(c.receivedAt))};
    const QJsonValue complainant = object.value(u"complainant"_s);
    if (!complainant.isUndefined() && !complainant.isNull() && !complainant.isObject())
        return Problem {u"complainant"_s,
            QCoreApplication::translate("ow::server", "“complainant” is {\"name\", \"mobile\"} or null.")};
    const std::optional<QString> name = optionalText(complainant.toObject(), u"name"_s);
    if (!name || name->size() > kMaxNameLength)
        return Problem {u"complainant.name"_s,
            QCoreApplication::translate(
                "ow::server", "The complainant's name is text of up to %1 characters.")
                .arg(kMaxNameLength)};
    c.complainantName = *name;
    const std::optional<QString> mobile = optionalText(complainant.toObject(), u"mobile"_s);
    if (!mobile)
        return notText(u"complainant.mobile"_s);
    if (!mobile->isEmpty()) {
        Result<PhoneNumber> phone = PhoneNumber::parse(*mobile);
        if (!phone)
            return Problem {u"complainant.mobile"_s, phone.error().message()};
        c.complainantMobile = phone->number();
    }
    const std::optional<QString> content = optionalText(object, u"content"_s);
    if (!content || content->isEmpty() || content->size() > Complaint::kMaxContent)
        return Problem {u"content"_s,
            QCoreApplication::translate(
                "ow::server", "“content” says what the complaint is, in 1 to %1 characters.")
                .arg(Complaint::kMaxContent)};
    c.content = *content;
    const std::optional<QString> caseNumber = optionalText(object, u"case"_s);
    if (!caseNumber)
        return notText(u"case"_s);
    if (!caseNumber->isEmpty()
        && (!cases::CaseNumber::isValid(*caseNumber) || caseNumber->size() != cases::CaseNumber::kLength))
        return Problem {u"case"_s,
            QCoreApplication::translate("ow::server", "“case”: %1 is not a case number.")
                .arg(InputExcerpt::excerpt(*caseNumber))};
    c.caseNumber = *caseNumber;
    for (const auto &[field, target] : {std::pair {u"clerkStaffNumber"_s, &request.clerkStaffNumber},
             std::pair {u"recordedByStaffNumber"_s, &request.recordedByStaffNumber},
             std::pair {u"matterCode"_s, &request.matterCode}}) {
        const std::optional<QString> text = optionalText(object, field);
        if (!text)
            return notText(field);
        *target = *text;
    }
    return request;
}

} // namespace ow::server
