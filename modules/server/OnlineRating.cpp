#include "server/OnlineRating.h"

#include "cases/CaseJson.h"
#include "cases/CaseState.h"
#include "storage/Transaction.h"

#include <QJsonDocument>
#include <QUuid>

namespace ow::server {

using namespace ow::cases;
using namespace Qt::StringLiterals;

namespace {

struct RatedCase
{
    QString number;
    QString hall;
    CaseState state = CaseState::Draft;
    bool rated = false;
};

Result<std::optional<RatedCase>> find(const storage::Database &db, const QString &qrToken)
{
    Result<std::optional<QVariantList>> found = db.firstRow(
        u"SELECT number, hall, state FROM cases WHERE qr_token = ? AND qr_token <> ''"_s, {qrToken});
    if (!found)
        return failWith(found.error());
    if (!*found)
        return std::optional<RatedCase>();
    RatedCase c {(*found)->at(0).toString(), (*found)->at(1).toString(),
        caseStateFromKeyword((*found)->at(2).toString()).value_or(CaseState::Draft), false};
    Result<storage::Rows> notes = db.run(u"SELECT body FROM events WHERE case_number = ? AND kind = ?"_s,
        {c.number, keyword(EventKind::Note)});
    if (!notes)
        return failWith(notes.error());
    Result<bool> row = false;
    while ((row = notes->fetch()) && *row)
        if (QJsonDocument::fromJson(notes->value(0).toString().toUtf8())
                .object()
                .value(u"payload"_s)
                .toObject()
                .contains(u"evaluation"_s))
            c.rated = true;
    if (!row)
        return failWith(row.error());
    return std::optional(c);
}

} // namespace

OnlineRating::OnlineRating(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

std::optional<int> OnlineRating::parseForm(QByteArrayView body)
{
    // One field, one digit: anything else is not this form.
    if (body.size() != 7 || !body.startsWith("level="))
        return std::nullopt;
    const char digit = body.at(6);
    if (digit < '1' || digit > '5')
        return std::nullopt;
    return digit - '0';
}

Result<std::optional<bool>> OnlineRating::isRated(const QString &qrToken) const
{
    Result<std::optional<RatedCase>> found = find(m_db, qrToken);
    if (!found)
        return failWith(found.error());
    if (!*found)
        return std::optional<bool>();
    return std::optional((*found)->rated);
}

Result<OnlineRating::Outcome> OnlineRating::record(const QString &qrToken, int level)
{
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<std::optional<RatedCase>> found = find(m_db, qrToken);
    if (!found)
        return failWith(found.error());
    if (!*found)
        return Outcome::NotFound;
    const RatedCase &c = **found;
    if (c.state == CaseState::Draft)
        return Outcome::NotYet;
    if (c.rated)
        return Outcome::AlreadyRated;
    CaseEvent event;
    event.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    event.caseNumber = c.number;
    event.kind = EventKind::Note;
    event.time = m_clock.nowUtc();
    event.payload.insert(u"evaluation"_s, level);
    if (level <= 2)
        event.payload.insert(u"followUp"_s, true);
    event.payload.insert(u"channel"_s, u"online"_s);
    QJsonObject eventJson = CaseJson::event(event);
    eventJson.remove(u"sequence"_s);
    const QString now = CaseJson::timeText(event.time);
    // A note moves no case: stored as CaseRepository stores a department's, with origin "public".
    Result<storage::Rows> insert
        = m_db.run(u"INSERT INTO events (event_id, case_number, hall, kind, time, origin,"
                   " state_after, received, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {event.id, c.number, c.hall, keyword(EventKind::Note), now, u"public"_s, keyword(c.state), now,
                QString::fromUtf8(QJsonDocument(eventJson).toJson(QJsonDocument::Compact))});
    if (!insert)
        return failWith(insert.error());
    Result<storage::Rows> update
        = m_db.run(u"UPDATE cases SET updated = ? WHERE number = ?"_s, {now, c.number});
    if (!update)
        return failWith(update.error());
    if (Result<void> done = transaction.commit(); !done)
        return failWith(done.error());
    return Outcome::Recorded;
}

} // namespace ow::server
