#pragma once

#include "core/Clock.h"
#include "queue/QueueRules.h"
#include "server/ApiMessage.h"

#include <QStringView>

namespace ow::server {

class QueueRepository;

/// The hall display (叫号屏) for the hall's TVs: a page under /display/<hall> (HTML, script and style
/// from the server's resources, nothing from elsewhere) and the public feed it polls,
/// /display/<hall>/calls — the day's last calls, ticket numbers and counters only, never a name, a
/// mobile or ID data. Read-only and needing no credential; the caller rate-limits it.
///
/// The kiosk's ticket slip links to /display/<hall>/tickets/<id>, where the visitor follows the
/// ticket on a phone: its number, state, the counter and the people ahead, polled from
/// /display/<hall>/tickets/<id>/state — the same things the hall display shows to everyone.
class HallDisplay
{
public:
    HallDisplay(const QueueRepository &queue, const queue::QueueRules &rules, Clock clock);

    static bool isDisplayPath(QStringView path);
    /// The page, its script or style, or the feed; 404 for anything else under /display/.
    ApiReply handle(const ApiRequest &request) const;
    /// Only the server's own script, style and feed; no inline script, no frame.
    static QByteArray contentSecurityPolicy();

    /// Calls the feed gives at most (a TV shows fewer).
    static constexpr int kFeedCalls = 12;

private:
    ApiReply page(const QString &hall) const;
    ApiReply feed(const QString &hall) const;
    ApiReply ticketPage(const QString &hall, const QString &id) const;
    ApiReply ticketState(const QString &hall, const QString &id) const;
    static ApiReply asset(const QString &name);

    const QueueRepository &m_queue;
    const queue::QueueRules &m_rules;
    Clock m_clock;
};

} // namespace ow::server
