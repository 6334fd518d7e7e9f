#pragma once

#include "server/ApiMessage.h"
#include "server/CredentialStore.h"
#include "server/QueueMatters.h"
#include "server/QueueRepository.h"

namespace ow::server {

/// /api/v1/queue/… (docs/queue.md): the hall's queue for its kiosks, counters, display and booking
/// systems. The caller is an enrolled workstation of the hall; its token says which hall. The
/// ticket's mobile number and ID card data go only to the counter that called it.
class QueueApi
{
public:
    static constexpr qint64 kMaxTicketBody = 8 * 1024; ///< POST /queue/tickets: ID card text fields
    static constexpr qint64 kMaxBody = 4 * 1024; ///< every other queue request

    QueueApi(const storage::Database &db, const CatalogueRepository &catalogues, queue::QueueRules rules,
        Clock clock);

    /// `parts` is the path after /api/v1/queue, split at '/'.
    ApiReply handle(const ApiRequest &request, const QStringList &parts, const Credential &workstation);
    static qint64 bodyLimit(QByteArrayView method, QStringView path);

    QueueRepository &repository() { return m_queue; }

private:
    ApiReply counters(const Credential &workstation);
    ApiReply setCounter(const ApiRequest &request, const QString &counter, const Credential &workstation);
    ApiReply call(const ApiRequest &request, const QString &counter, const Credential &workstation);
    ApiReply issue(const ApiRequest &request, const Credential &workstation);
    ApiReply list(const ApiRequest &request, const Credential &workstation);
    ApiReply one(const QString &id, const Credential &workstation);
    ApiReply act(
        const ApiRequest &request, const QString &id, const QString &action, const Credential &workstation);
    ApiReply book(const ApiRequest &request, const Credential &workstation);
    ApiReply appointments(const ApiRequest &request, const Credential &workstation);
    ApiReply arrive(const QString &id, const Credential &workstation);
    ApiReply stats(const ApiRequest &request, const Credential &workstation);
    ApiReply calls(const ApiRequest &request, const Credential &workstation);
    ApiReply sms(const ApiRequest &request, const Credential &workstation);

    /// The day of ?day=YYYY-MM-DD, today by default; nullopt for a bad one.
    std::optional<QDate> dayOf(const ApiRequest &request) const;
    static ApiReply refusal(const Error &error);

    const storage::Database &m_db;
    QueueRepository m_queue;
    QueueMatters m_matters;
    Clock m_clock;
};

} // namespace ow::server
