#pragma once

#include "cases/CaseEvent.h"
#include "core/Clock.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ow::storage {
class Database;
}

namespace ow::server {

/// How the server pushes to department systems (`--push-*`, docs/deployment.md).
struct DeliveryPolicy
{
    qint64 firstRetrySeconds = 10; ///< the wait after the first failed attempt; doubled after each
    qint64 retryCapSeconds = 30 * 60; ///< the longest wait between two attempts
    int maxAttempts = 60; ///< then the delivery is dead (the dead-letter list)
    qint64 maxAgeHours = 24; ///< or once it is this old, whichever comes first
    qint64 linkSeconds = 60 * 60; ///< how long an attachment's signed link stays valid
    QString publicUrl; ///< the server's address as departments reach it, for the attachments' links

    /// The wait before attempt `attempts + 1` after `attempts` failed ones: first × 2^(attempts − 1)
    /// up to the cap, scaled by `jitter` (0.75 … 1.25) so that many deliveries failed together do not
    /// all come back at once.
    qint64 retryDelayMs(int attempts, double jitter) const;
};

/// One push to a department's system, as the outbox keeps it.
struct Delivery
{
    qint64 seq = 0;
    QString id; ///< a UUID: X-OneWindow-Delivery, by which the receiver deduplicates
    QString department;
    QString hall;
    QString caseNumber;
    QString kind; ///< the event kind that made it (accepted, accepted-with-waiver, supplemented, withdrawn)
    QString eventId;
    QJsonObject body; ///< what is sent, but for the attachments' links, made at each attempt
    QString state; ///< pending, delivered or dead
    int attempts = 0;
    QString nextAttempt;
    QString lastError;
    QString created;
    QString delivered;
    QString updated; ///< the last change: for a dead delivery, when it died (its last attempt)

    /// For the supervisor's list and the command line: everything but the body.
    QJsonObject summary() const;
};

/// The outbox of pushes to department systems: a row queued in the transaction that stores the
/// event, sent by DepartmentPushSender one at a time per department in the order queued, retried
/// with back-off, and dead after DeliveryPolicy's attempts or age until a supervisor re-sends it.
class DeliveryOutbox
{
public:
    static constexpr QLatin1StringView kPending {"pending"};
    static constexpr QLatin1StringView kDelivered {"delivered"};
    static constexpr QLatin1StringView kDead {"dead"};
    static constexpr qint64 kLeaseSeconds = 120; ///< longer than an attempt's timeout

    DeliveryOutbox(const storage::Database &db, Clock clock);

    /// Whether an event of this kind is pushed: the case was accepted (受理, also with a waiver) or
    /// supplemented (补齐补正), so the department has something to decide on, or withdrawn (撤回), so
    /// it stops deciding. A withdrawal is queued only when it applied (the case is withdrawn).
    static bool pushes(cases::EventKind kind);

    /// Queues the push of a stored event when the case's department has an enabled endpoint; call
    /// inside the transaction that stores the event. `eventJson` is the event as stored.
    Result<void> queue(
        const cases::CaseEvent &event, const QJsonObject &eventJson, const QString &stateAfter);

    /// The deliveries to attempt now: of each department not in `busy`, its oldest pending one, when
    /// that one is due — a later one never overtakes it.
    Result<QList<Delivery>> due(const QStringList &busy) const;
    /// Takes a due delivery for one attempt: its next attempt moves `kLeaseSeconds` ahead, so no
    /// other sender (another server instance on the same database) sends it meanwhile, and a server
    /// stopped mid-attempt sends it again after the lease. False when another took it first.
    Result<bool> lease(const Delivery &delivery);
    Result<void> markDelivered(const Delivery &delivery);
    /// Records a failed attempt: pending again after the policy's wait, or dead. Gives the new state.
    Result<QString> markFailed(const Delivery &delivery, const QString &error, const DeliveryPolicy &policy);

    /// The newest first; only dead ones with `deadOnly`; of one hall when `hall` is given.
    Result<QList<Delivery>> list(bool deadOnly, const QString &hall = {}, int limit = 200) const;
    /// Puts a dead delivery back in line, due now, its attempts counted afresh; false when there is
    /// no dead delivery with this id (of `hall`, when given).
    Result<bool> resend(const QString &id, const QString &hall = {});

private:
    Result<QList<Delivery>> select(const QString &where, const QVariantList &values) const;

    const storage::Database &m_db;
    Clock m_clock;
};

} // namespace ow::server
