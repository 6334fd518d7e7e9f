#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "storage/Database.h"

#include <optional>

namespace ow::cases {

/// The SQL of the case tables: rows to Case and CaseEvent and back. Used by CaseStore inside its
/// transactions; holds no state and opens no transaction itself.
class CaseTables
{
public:
    static Result<qint64> insertCase(const storage::Database &db, const Case &c);
    /// Writes every field a save may change (not number, token, hall, counter, first handler, created).
    static Result<void> updateCase(const storage::Database &db, const Case &c);
    static Result<void> updateState(
        const storage::Database &db, qint64 caseId, CaseState state, const QDateTime &updated);
    static Result<void> replaceAttachments(
        const storage::Database &db, qint64 caseId, const QList<CaseAttachment> &list);

    /// The case whose `column` ("number", "qr_token", "id") equals `value`; nullopt when there is none.
    static Result<std::optional<Case>> loadCase(
        const storage::Database &db, const QString &column, const QVariant &value);
    static Result<QList<CaseEvent>> loadEvents(
        const storage::Database &db, qint64 caseId, const QString &caseNumber);

    /// Inserts the event and returns it with its sequence.
    static Result<CaseEvent> insertEvent(const storage::Database &db, qint64 caseId, CaseEvent event);
    static Result<void> insertOutbox(const storage::Database &db, const QString &eventId,
        const QByteArray &payload, const QDateTime &created);

    /// The next serial of a counter's day, recorded; 1 for the first case of the day.
    static Result<int> nextSerial(
        const storage::Database &db, const QString &hall, const QDate &day, int counterNumber);
};

} // namespace ow::cases
