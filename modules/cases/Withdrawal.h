#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QString>

namespace ow::cases {

/// 撤回申请: what a withdrawn event records — why the application was taken back and who asked.
/// The payload is {"reason", "requestedBy": "applicant" | "agent", "requester": name}; the counter
/// writes it, the server and the department systems read it.
struct Withdrawal
{
    enum class RequestedBy
    {
        Applicant, ///< the applicant in person (or the enterprise's legal representative)
        Agent, ///< an agent the applicant entrusted (委托代理人)
    };

    static constexpr int kMaxReasonLength = 500;
    static constexpr int kMaxRequesterLength = 100;

    QString reason;
    RequestedBy requestedBy = RequestedBy::Applicant;
    QString requester; ///< the name of the person who asked

    /// A reason of 1..500 characters and a requester's name of 1..100, neither blank.
    Result<void> validate() const;
    QJsonObject toPayload() const;
    /// Reads and validates a withdrawn event's payload.
    static Result<Withdrawal> fromPayload(const QJsonObject &payload);

    static QString keyword(RequestedBy who);
    /// Translated: "the applicant" / "an agent".
    static QString displayName(RequestedBy who);
};

} // namespace ow::cases
