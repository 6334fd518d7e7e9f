#include "cases/ComplaintRecord.h"

#include "cases/CaseJson.h"
#include "cases/CaseNumber.h"
#include "core/PhoneNumber.h"

#include <QCoreApplication>

namespace ow::cases {

using namespace Qt::StringLiterals;

namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

bool ComplaintRecord::isKnownChannel(const QString &channel)
{
    return channel == kWindow || channel == kHotline || channel == kOnline;
}

std::optional<ComplaintRecord::Problem> ComplaintRecord::problem() const
{
    if (!isKnownChannel(channel))
        return Problem {Field::Channel,
            QCoreApplication::translate(
                "ow::cases", "Channel: choose the window, the 12345 hotline or online.")};
    if (complainantName.trimmed().isEmpty())
        return Problem {Field::ComplainantName,
            QCoreApplication::translate("ow::cases", "Complainant: type the complainant's name.")};
    if (complainantName.size() > kMaxName)
        return Problem {Field::ComplainantName,
            QCoreApplication::translate("ow::cases", "Complainant: a name of at most %1 characters.")
                .arg(kMaxName)};
    if (complainantMobile.trimmed().isEmpty())
        return Problem {Field::Mobile,
            QCoreApplication::translate("ow::cases", "Mobile: type the number the reply goes to.")};
    const Result<PhoneNumber> phone = PhoneNumber::parse(complainantMobile);
    if (!phone || phone->kind() != PhoneNumber::Kind::Mobile)
        return Problem {Field::Mobile,
            QCoreApplication::translate(
                "ow::cases", "Mobile: %1 is not a mobile number (11 digits, 1[3-9]…).")
                .arg(complainantMobile.trimmed().left(30))};
    if (content.trimmed().isEmpty())
        return Problem {Field::Content,
            QCoreApplication::translate("ow::cases", "Content: write what the complaint is about.")};
    if (content.size() > kMaxContent)
        return Problem {Field::Content,
            QCoreApplication::translate("ow::cases", "Content: at most %1 characters (now %2).")
                .arg(kMaxContent)
                .arg(content.size())};
    if (!caseNumber.isEmpty() && !CaseNumber::isValid(caseNumber))
        return Problem {Field::Case,
            QCoreApplication::translate(
                "ow::cases", "Case: %1 is not a case number (23 characters, the last one a check).")
                .arg(caseNumber.left(40))};
    if (clerkStaffNumber.size() > 64)
        return Problem {Field::Clerk,
            QCoreApplication::translate("ow::cases", "Clerk: a staff number of at most 64 characters.")};
    if (matterCode.size() > 100)
        return Problem {Field::Matter,
            QCoreApplication::translate("ow::cases", "Matter: a matter code of at most 100 characters.")};
    if (recordedByStaffNumber.trimmed().isEmpty())
        return Problem {Field::RecordedBy,
            QCoreApplication::translate("ow::cases", "Recorded by: sign in before recording a complaint.")};
    if (!receivedAt.isValid())
        return Problem {Field::ReceivedAt,
            QCoreApplication::translate("ow::cases", "Received: the time the complaint came in is missing.")};
    return std::nullopt;
}

QJsonObject ComplaintRecord::toSubmission() const
{
    QString number = caseNumber.trimmed();
    if (const Result<CaseNumber> parsed = CaseNumber::parse(caseNumber))
        number = parsed->toString();
    QString mobile = complainantMobile.trimmed();
    if (const Result<PhoneNumber> phone = PhoneNumber::parse(complainantMobile))
        mobile = phone->number();
    return QJsonObject {{u"id"_s, id}, {u"channel"_s, channel},
        {u"receivedAt"_s, CaseJson::timeText(receivedAt)},
        {u"complainant"_s, QJsonObject {{u"name"_s, complainantName.trimmed()}, {u"mobile"_s, mobile}}},
        {u"content"_s, content.trimmed()}, {u"case"_s, orNull(number)},
        {u"clerkStaffNumber"_s, orNull(clerkStaffNumber)}, {u"matterCode"_s, orNull(matterCode)},
        {u"recordedByStaffNumber"_s, recordedByStaffNumber}};
}

QJsonObject ComplaintRecord::toJson() const
{
    QJsonObject object = toSubmission();
    object.insert(u"number"_s, number);
    object.insert(u"clerkName"_s, clerkName);
    object.insert(u"matterName"_s, matterName);
    object.insert(u"recordedByName"_s, recordedByName);
    return object;
}

ComplaintRecord ComplaintRecord::fromJson(const QJsonObject &object)
{
    ComplaintRecord c;
    c.id = object.value("id"_L1).toString();
    c.number = object.value("number"_L1).toString();
    c.channel = object.value("channel"_L1).toString();
    c.receivedAt = CaseJson::timeFrom(object.value("receivedAt"_L1).toString());
    const QJsonObject complainant = object.value("complainant"_L1).toObject();
    c.complainantName = complainant.value("name"_L1).toString();
    c.complainantMobile = complainant.value("mobile"_L1).toString();
    c.content = object.value("content"_L1).toString();
    c.caseNumber = object.value("case"_L1).toString();
    c.clerkStaffNumber = object.value("clerkStaffNumber"_L1).toString();
    c.clerkName = object.value("clerkName"_L1).toString();
    c.matterCode = object.value("matterCode"_L1).toString();
    c.matterName = object.value("matterName"_L1).toString();
    c.recordedByStaffNumber = object.value("recordedByStaffNumber"_L1).toString();
    c.recordedByName = object.value("recordedByName"_L1).toString();
    return c;
}

} // namespace ow::cases
