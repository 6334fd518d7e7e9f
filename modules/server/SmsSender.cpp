#include "server/SmsSender.h"

#include "cases/CaseJson.h"
#include "server/SmsGateway.h"
#include "storage/Database.h"
#include "storage/Rows.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QPointer>

namespace ow::server {

using namespace Qt::StringLiterals;

SmsSender::SmsSender(
    const storage::Database &db, SmsGateway &gateway, Clock clock, int retries, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_gateway(gateway)
    , m_clock(clock)
    , m_retries(retries)
    , m_timer(std::move(clock))
{
    connect(&m_timer, &ClockTimer::timeout, this, &SmsSender::tick);
}

Result<int> SmsSender::recover()
{
    const QVariantList values {
        QCoreApplication::translate(
            "ow::server", "The server stopped while the gateway had this message; it is not sent again."),
        cases::CaseJson::timeText(m_clock.nowUtc())};
    Result<storage::Rows> updated = m_db.run(
        u"UPDATE queue_sms SET state = 'unknown', last_error = ?, updated = ? WHERE state = 'sending'"_s,
        values);
    if (!updated)
        return failWith(updated.error());
    int count = updated->numRowsAffected();
    Result<storage::Rows> codes = m_db.run(
        u"UPDATE pre_application_sms SET state = 'unknown', last_error = ?, updated = ? WHERE state = 'sending'"_s,
        values);
    if (!codes)
        return failWith(codes.error());
    count += codes->numRowsAffected();
    m_db.finishStatements();
    return count;
}

void SmsSender::start(qint64 intervalMs)
{
    m_intervalMs = intervalMs;
    if (Result<int> recovered = recover(); !recovered)
        Q_EMIT problem(recovered.error().message());
    m_timer.start(0);
}

void SmsSender::stop()
{
    m_timer.stop();
}

void SmsSender::tick()
{
    if (Result<int> handed = sendDue(); !handed)
        Q_EMIT problem(handed.error().message());
    m_timer.start(m_intervalMs);
}

Result<QList<SmsSender::Claimed>> SmsSender::claim()
{
    const int room = kBatch - m_inFlight;
    if (room <= 0)
        return QList<Claimed>();
    const QString now = cases::CaseJson::timeText(m_clock.nowUtc());
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    // The ticket a row belongs to holds the number; a transferred ticket's rows stay with the first.
    Result<storage::Rows> rows = m_db.run(
        u"SELECT s.ticket_id, s.kind, t.mobile, s.text, s.attempts FROM queue_sms s JOIN queue_tickets t "
        "ON t.id = s.ticket_id WHERE s.state = 'pending' AND s.next_attempt <= ? "
        "ORDER BY s.next_attempt, s.ticket_id LIMIT ?"_s,
        {now, room});
    if (!rows)
        return failWith(rows.error());
    QList<Claimed> claimed;
    while (true) {
        Result<bool> more = rows->fetch();
        if (!more)
            return failWith(more.error());
        if (!*more)
            break;
        claimed.append({rows->value(0).toLongLong(), rows->value(1).toString(), rows->value(2).toString(),
            rows->value(3).toString(), rows->value(4).toInt() + 1});
    }
    for (const Claimed &message : std::as_const(claimed)) {
        Result<storage::Rows> updated
            = m_db.run(u"UPDATE queue_sms SET state = 'sending', attempts = ?, updated = ? "
                       "WHERE ticket_id = ? AND kind = ? AND state = 'pending'"_s,
                {message.attempts, now, message.ticketId, message.kind});
        if (!updated)
            return failWith(updated.error());
    }
    if (Result<void> codes = claimCodes(now, room - int(claimed.size()), &claimed); !codes)
        return failWith(codes.error());
    if (Result<void> committed = transaction.commit(); !committed)
        return failWith(committed.error());
    m_db.finishStatements();
    return claimed;
}

Result<void> SmsSender::claimCodes(const QString &now, int room, QList<Claimed> *claimed)
{
    if (room <= 0)
        return {};
    Result<storage::Rows> rows = m_db.run(u"SELECT id, mobile, text, attempts FROM pre_application_sms"
                                          " WHERE state = 'pending' AND next_attempt <= ?"
                                          " ORDER BY next_attempt, id LIMIT ?"_s,
        {now, room});
    if (!rows)
        return failWith(rows.error());
    QList<Claimed> codes;
    while (true) {
        Result<bool> more = rows->fetch();
        if (!more)
            return failWith(more.error());
        if (!*more)
            break;
        codes.append({0, u"preapplication-code"_s, rows->value(1).toString(), rows->value(2).toString(),
            rows->value(3).toInt() + 1, rows->value(0).toLongLong()});
    }
    for (const Claimed &message : std::as_const(codes)) {
        Result<storage::Rows> updated
            = m_db.run(u"UPDATE pre_application_sms SET state = 'sending', attempts = ?,"
                       " updated = ? WHERE id = ? AND state = 'pending'"_s,
                {message.attempts, now, message.smsId});
        if (!updated)
            return failWith(updated.error());
    }
    claimed->append(codes);
    return {};
}

Result<int> SmsSender::sendDue()
{
    Result<QList<Claimed>> claimed = claim();
    if (!claimed)
        return failWith(claimed.error());
    for (const Claimed &message : std::as_const(*claimed)) {
        ++m_inFlight;
        // The gateway may answer after this sender is gone (the server stopping): then the row
        // stays `sending` and becomes `unknown` at the next start.
        QPointer<SmsSender> self(this);
        m_gateway.send({message.mobile, message.text}, [self, message](const SmsOutcome &outcome) {
            if (self)
                self->record(message, outcome);
        });
    }
    return int(claimed->size());
}

void SmsSender::record(const Claimed &message, const SmsOutcome &outcome)
{
    --m_inFlight;
    const QDateTime now = m_clock.nowUtc();
    QString state;
    Result<storage::Rows> updated = [&] {
        if (message.smsId != 0) {
            // A code is worth nothing once sent or late: its text is not kept, and it is never retried
            // (the applicant asks for another).
            state = outcome.sent ? u"sent"_s : outcome.perhapsDelivered ? u"unknown"_s : u"failed"_s;
            return m_db.run(u"UPDATE pre_application_sms SET state = ?, text = '', message_id = ?,"
                            " last_error = ?, updated = ? WHERE id = ? AND state = 'sending'"_s,
                {state, outcome.messageId, outcome.error, cases::CaseJson::timeText(now), message.smsId});
        }
        if (outcome.sent) {
            state = u"sent"_s;
            return m_db.run(
                u"UPDATE queue_sms SET state = 'sent', message_id = ?, last_error = '', updated = ? "
                "WHERE ticket_id = ? AND kind = ? AND state = 'sending'"_s,
                {outcome.messageId, cases::CaseJson::timeText(now), message.ticketId, message.kind});
        }
        if (outcome.perhapsDelivered)
            state = u"unknown"_s; // never sent again: the phone may have it already
        else
            state = message.attempts > m_retries ? u"failed"_s : u"pending"_s;
        const QDateTime next = now.addMSecs(kRetryAfterMs * message.attempts);
        return m_db.run(u"UPDATE queue_sms SET state = ?, last_error = ?, next_attempt = ?, updated = ? "
                        "WHERE ticket_id = ? AND kind = ? AND state = 'sending'"_s,
            {state, outcome.error, cases::CaseJson::timeText(next), cases::CaseJson::timeText(now),
                message.ticketId, message.kind});
    }();
    m_db.finishStatements();
    if (!updated) {
        Q_EMIT problem(updated.error().message());
        return;
    }
    Q_EMIT recorded(message.ticketId, message.kind, state);
}

} // namespace ow::server
