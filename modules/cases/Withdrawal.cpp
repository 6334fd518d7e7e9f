#include "cases/Withdrawal.h"

#include <QCoreApplication>

namespace ow::cases {

namespace {

const QString kReason = QStringLiteral("reason");
const QString kRequestedBy = QStringLiteral("requestedBy");
const QString kRequester = QStringLiteral("requester");

} // namespace

Result<void> Withdrawal::validate() const
{
    if (reason.trimmed().isEmpty() || reason.size() > kMaxReasonLength)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::cases", "A withdrawal must give the applicant's reason in 1 to %1 characters.")
                .arg(kMaxReasonLength));
    if (requester.trimmed().isEmpty() || requester.size() > kMaxRequesterLength)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::cases", "A withdrawal must name who asked for it in 1 to %1 characters.")
                .arg(kMaxRequesterLength));
    return {};
}

QJsonObject Withdrawal::toPayload() const
{
    return {{kReason, reason}, {kRequestedBy, keyword(requestedBy)}, {kRequester, requester}};
}

Result<Withdrawal> Withdrawal::fromPayload(const QJsonObject &payload)
{
    Withdrawal withdrawal;
    const QString who = payload.value(kRequestedBy).toString();
    if (who == keyword(RequestedBy::Agent))
        withdrawal.requestedBy = RequestedBy::Agent;
    else if (who != keyword(RequestedBy::Applicant))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::cases", "A withdrawal must say whether the applicant or an agent asked for it (“%1”).")
                .arg(kRequestedBy));
    withdrawal.reason = payload.value(kReason).toString();
    withdrawal.requester = payload.value(kRequester).toString();
    if (Result<void> valid = withdrawal.validate(); !valid)
        return failWith(valid.error());
    return withdrawal;
}

QString Withdrawal::keyword(RequestedBy who)
{
    return who == RequestedBy::Agent ? QStringLiteral("agent") : QStringLiteral("applicant");
}

QString Withdrawal::displayName(RequestedBy who)
{
    return who == RequestedBy::Agent ? QCoreApplication::translate("ow::cases", "an agent")
                                     : QCoreApplication::translate("ow::cases", "the applicant");
}

} // namespace ow::cases
