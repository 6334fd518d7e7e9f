#pragma once

#include "server/ApiMessage.h"
#include "server/CredentialStore.h"
#include "server/QueueRepository.h"
#include "supervision/SupervisionRules.h"

namespace ow::server {

/// GET /api/v1/supervision/today[?day=YYYY-MM-DD] (docs/supervision.md): a hall's day for the
/// supervisor's desk — the cases' figures (supervision::DayFigures) with the queue's tickets and
/// waits of the same day (queue::QueueFigures), in one answer so the desk's first screen is one
/// request.
class SupervisionToday
{
public:
    SupervisionToday(const storage::Database &db, const QueueRepository &queue,
        supervision::SupervisionRules rules, Clock clock);

    ApiReply answer(const ApiRequest &request, const Credential &supervisor) const;

private:
    const storage::Database &m_db;
    const QueueRepository &m_queue;
    supervision::SupervisionRules m_rules;
    Clock m_clock;
};

} // namespace ow::server
