#pragma once

#include "core/ClockTimer.h"
#include "core/Result.h"
#include "server/SmsGateway.h"

#include <QObject>

namespace ow::storage {
class Database;
}

namespace ow::server {

/// Sends the queue's SMS (the `queue_sms` rows, docs/queue.md) through a gateway, apart from
/// request handling: every interval of the server's Clock it claims the due `pending` rows (state
/// `sending`, in one transaction), hands them to the gateway without waiting, and records each
/// outcome — `sent` with the provider's message id, `pending` again after a back-off while
/// attempts are left, else `failed` with the reason. A row found `sending` at start was with the
/// gateway when the server stopped: it becomes `unknown` and is never sent again, because the
/// phone may already have it. The verification codes of online pre-applications
/// (`pre_application_sms`, docs/applicant-pages.md) go the same way, reported with ticket id 0.
class SmsSender : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kIntervalMs = 2000;
    static constexpr qint64 kRetryAfterMs = 30 * 1000; ///< times the attempts made so far
    static constexpr int kBatch = 20; ///< rows claimed at once, and most messages with the gateway

    /// `retries`: sends after the first failed one before the message is `failed`.
    SmsSender(const storage::Database &db, SmsGateway &gateway, Clock clock, int retries,
        QObject *parent = nullptr);

    /// Marks the rows left `sending` as `unknown` and gives how many; call before the first send.
    Result<int> recover();
    /// recover(), then sendDue() now and every `intervalMs`.
    void start(qint64 intervalMs = kIntervalMs);
    void stop();

    /// Claims the due rows and hands them to the gateway; gives how many were handed over.
    Result<int> sendDue();
    int inFlight() const { return m_inFlight; }

Q_SIGNALS:
    /// A send's outcome was recorded: `state` is sent, pending (to be retried) or failed.
    void recorded(qint64 ticketId, const QString &kind, const QString &state);
    /// Something could not be read or written; the next round tries again.
    void problem(const QString &message);

private:
    struct Claimed
    {
        qint64 ticketId = 0;
        QString kind;
        QString mobile;
        QString text;
        int attempts = 0; ///< with this one
        qint64 smsId = 0; ///< a pre-application's code (pre_application_sms), not a ticket's SMS
    };
    Result<QList<Claimed>> claim();
    Result<void> claimCodes(const QString &now, int room, QList<Claimed> *claimed);
    void record(const Claimed &message, const SmsOutcome &outcome);
    void tick();

    const storage::Database &m_db;
    SmsGateway &m_gateway;
    Clock m_clock;
    int m_retries;
    ClockTimer m_timer;
    qint64 m_intervalMs = kIntervalMs;
    int m_inFlight = 0;
};

} // namespace ow::server
