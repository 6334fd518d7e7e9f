#pragma once

#include "core/ClockTimer.h"
#include "core/Result.h"
#include "server/DeliveryOutbox.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>

class QNetworkReply;

namespace ow::storage {
class Database;
}

namespace ow::server {

/// Pushes the outbox's deliveries to the departments' endpoints, apart from request handling: every
/// interval of the server's Clock it takes each department's oldest due delivery (one in flight per
/// department, so a case's pushes arrive in order), adds its attachments' signed links, signs it
/// (sync::PushSignature with the endpoint's secret) and POSTs it without waiting. A 2xx answer marks
/// it delivered and the department's next one goes at once; anything else — another status, a
/// refused connection, no answer in time — is a failed attempt, retried after DeliveryPolicy's
/// back-off until it is dead. A delivery whose answer was lost is sent again: at least once, and
/// the receiver deduplicates by its id.
class DepartmentPushSender : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kIntervalMs = 1000;
    static constexpr int kTimeoutMs = 30 * 1000;

    DepartmentPushSender(
        const storage::Database &db, DeliveryPolicy policy, Clock clock, QObject *parent = nullptr);

    /// sendDue() now and every `intervalMs`.
    void start(qint64 intervalMs = kIntervalMs);
    void stop();

    /// Sends what is due; gives how many were sent off.
    Result<int> sendDue();
    int inFlight() const { return int(m_busy.size()); }

Q_SIGNALS:
    /// An attempt's outcome was recorded: `state` is delivered, pending (to be retried) or dead.
    void recorded(
        const QString &delivery, const QString &department, const QString &state, const QString &error);
    /// Something could not be read or written; the next round tries again.
    void problem(const QString &message);

private:
    void tick();
    void finished(const Delivery &delivery, QNetworkReply *reply);
    /// The body as sent this time: the stored one with each attachment's link, fresh.
    Result<QByteArray> bodyFor(const Delivery &delivery) const;

    const storage::Database &m_db;
    DeliveryPolicy m_policy;
    Clock m_clock;
    DeliveryOutbox m_outbox;
    ClockTimer m_timer;
    qint64 m_intervalMs = kIntervalMs;
    QSet<QString> m_busy; ///< departments with a delivery in flight
    QNetworkAccessManager m_network;
};

} // namespace ow::server
