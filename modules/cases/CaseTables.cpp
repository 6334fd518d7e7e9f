#include "cases/CaseTables.h"

#include "cases/CaseJson.h"
#include "cases/CaseSchema.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace ow::cases {

using namespace ow::catalogue;

namespace {

using Columns = QList<QPair<QString, QVariant>>;

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString context(const char *what)
{
    return QCoreApplication::translate("ow::cases", what);
}

// The columns a save may change, in the order the UPDATE and INSERT statements bind them.
Columns mutableColumns(const Case &c)
{
    const QString masked = c.applicant.maskedSummary();
    return {
        {QStringLiteral("matter_code"), c.matterCode},
        {QStringLiteral("matter_name"), c.matterName},
        {QStringLiteral("department_id"), c.departmentId},
        {QStringLiteral("department_name"), c.departmentName},
        {QStringLiteral("case_type"), keyword(c.caseType, kMatterKindKeywords)},
        {QStringLiteral("promised_days"), c.promisedDays},
        {QStringLiteral("quantity"), c.quantity},
        {QStringLiteral("catalogue_id"), c.catalogueId},
        {QStringLiteral("catalogue_version"), c.catalogueVersion},
        {QStringLiteral("answers"), compact(CaseJson::answers(c.answers))},
        {QStringLiteral("situation"), c.situationKey},
        {QStringLiteral("checklist"), compact(c.checklist)},
        {QStringLiteral("applicant"), compact(c.applicant.toJson())},
        {QStringLiteral("material_checks"), compact(CaseJson::materialChecks(c.materialChecks))},
        {QStringLiteral("promised_deadline"),
            c.promisedDeadline.isValid() ? c.promisedDeadline.toString(Qt::ISODate) : QString()},
        {QStringLiteral("calendar_version"), c.calendarVersion},
        {QStringLiteral("ticket"), c.ticket},
        {QStringLiteral("state"), keyword(c.state)},
        {QStringLiteral("updated"), CaseJson::timeText(c.updated)},
        {QStringLiteral("applicant_masked"), masked},
        {QStringLiteral("search_text"), CaseSchema::searchText(c.number, c.matterCode, c.matterName, masked)},
    };
}

Result<QJsonObject> jsonObject(const QVariant &value, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::cases", "Stored case data is damaged: %1 is not readable.")
                .arg(what));
    return doc.object();
}

Result<QJsonArray> jsonArray(const QVariant &value, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::cases", "Stored case data is damaged: %1 is not readable.")
                .arg(what));
    return doc.array();
}

} // namespace

Result<qint64> CaseTables::insertCase(const storage::Database &db, const Case &c)
{
    Columns columns {
        {QStringLiteral("number"), c.number},
        {QStringLiteral("qr_token"), c.qrToken},
        {QStringLiteral("hall"), c.hall},
        {QStringLiteral("counter"), c.counter},
        {QStringLiteral("first_handler"), c.firstHandler},
        {QStringLiteral("created"), CaseJson::timeText(c.created)},
    };
    columns += mutableColumns(c);
    QStringList names;
    QStringList marks;
    for (const auto &column : std::as_const(columns)) {
        names.append(column.first);
        marks.append(QStringLiteral("?"));
    }
    Result<QSqlQuery> query
        = db.prepare(QStringLiteral("INSERT INTO cases (%1) VALUES (%2)")
                         .arg(names.join(QLatin1Char(',')), marks.join(QLatin1Char(','))));
    if (!query)
        return failWith(query.error());
    for (const auto &column : std::as_const(columns))
        query->addBindValue(column.second);
    Result<void> done
        = storage::Database::exec(*query, context(QT_TRANSLATE_NOOP("ow::cases", "storing a new case")));
    if (!done)
        return failWith(done.error());
    return query->lastInsertId().toLongLong();
}

Result<void> CaseTables::updateCase(const storage::Database &db, const Case &c)
{
    const Columns columns = mutableColumns(c);
    QStringList sets;
    for (const auto &column : columns)
        sets.append(column.first + QStringLiteral(" = ?"));
    Result<QSqlQuery> query
        = db.prepare(QStringLiteral("UPDATE cases SET %1 WHERE id = ?").arg(sets.join(QLatin1Char(','))));
    if (!query)
        return failWith(query.error());
    for (const auto &column : columns)
        query->addBindValue(column.second);
    query->addBindValue(c.id);
    Result<void> done
        = storage::Database::exec(*query, context(QT_TRANSLATE_NOOP("ow::cases", "saving a case")));
    if (!done)
        return done;
    if (query->numRowsAffected() != 1)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::cases", "The case %1 is not in the database.").arg(c.number));
    return {};
}

Result<void> CaseTables::updateState(
    const storage::Database &db, qint64 caseId, CaseState state, const QDateTime &updated)
{
    Result<QSqlQuery> query
        = db.prepare(QStringLiteral("UPDATE cases SET state = ?, updated = ? WHERE id = ?"));
    if (!query)
        return failWith(query.error());
    query->addBindValue(keyword(state));
    query->addBindValue(CaseJson::timeText(updated));
    query->addBindValue(caseId);
    return storage::Database::exec(*query, context(QT_TRANSLATE_NOOP("ow::cases", "saving a case")));
}

Result<void> CaseTables::replaceAttachments(
    const storage::Database &db, qint64 caseId, const QList<CaseAttachment> &list)
{
    const QString what = context(QT_TRANSLATE_NOOP("ow::cases", "saving the attachments of a case"));
    Result<QSqlQuery> clear = db.prepare(QStringLiteral("DELETE FROM case_attachments WHERE case_id = ?"));
    if (!clear)
        return failWith(clear.error());
    clear->addBindValue(caseId);
    Result<void> done = storage::Database::exec(*clear, what);
    if (!done || list.isEmpty())
        return done;
    Result<QSqlQuery> insert
        = db.prepare(QStringLiteral("INSERT INTO case_attachments (case_id, position, sha256, material_id, "
                                    "file_name, mime_type, size, added)"
                                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return failWith(insert.error());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const CaseAttachment &a = list.at(i);
        for (const QVariant &value : {QVariant(caseId), QVariant(qint64(i)), QVariant(a.sha256),
                 QVariant(a.materialId), QVariant(a.fileName), QVariant(a.mimeType), QVariant(a.size),
                 QVariant(CaseJson::timeText(a.added))})
            insert->addBindValue(value);
        done = storage::Database::exec(*insert, what);
        if (!done)
            return done;
    }
    return {};
}

Result<std::optional<Case>> CaseTables::loadCase(
    const storage::Database &db, const QString &column, const QVariant &value)
{
    Result<QSqlQuery> query = db.prepare(QStringLiteral(
        "SELECT id, number, qr_token, hall, counter, first_handler, matter_code, matter_name, department_id,"
        " department_name, case_type, promised_days, quantity, catalogue_id, catalogue_version, answers,"
        " situation, checklist, applicant, material_checks, promised_deadline, calendar_version, state,"
        " created, updated, ticket FROM cases WHERE %1 = ?")
                                             .arg(column));
    if (!query)
        return failWith(query.error());
    query->addBindValue(value);
    Result<void> done
        = storage::Database::exec(*query, context(QT_TRANSLATE_NOOP("ow::cases", "reading a case")));
    if (!done)
        return failWith(done.error());
    Result<bool> found
        = storage::Rows::fetch(*query, context(QT_TRANSLATE_NOOP("ow::cases", "reading a case")));
    if (!found)
        return failWith(found.error());
    if (!*found)
        return std::optional<Case>();

    const auto v = [&](int i) { return query->value(i); };
    Case c;
    c.id = v(0).toLongLong();
    c.number = v(1).toString();
    c.qrToken = v(2).toString();
    c.hall = v(3).toString();
    c.counter = v(4).toString();
    c.firstHandler = v(5).toString();
    c.matterCode = v(6).toString();
    c.matterName = v(7).toString();
    c.departmentId = v(8).toString();
    c.departmentName = v(9).toString();
    c.caseType = v(10).toString() == kMatterKindKeywords[int(MatterKind::Immediate)] ? MatterKind::Immediate
                                                                                     : MatterKind::Promised;
    c.promisedDays = v(11).toInt();
    c.quantity = v(12).toInt();
    c.catalogueId = v(13).toString();
    c.catalogueVersion = v(14).toString();
    c.situationKey = v(16).toString();
    c.promisedDeadline = QDate::fromString(v(20).toString(), Qt::ISODate);
    c.calendarVersion = v(21).toString();
    c.created = CaseJson::timeFrom(v(23).toString());
    c.updated = CaseJson::timeFrom(v(24).toString());
    c.ticket = v(25).toString();

    const QString damagedCase = QCoreApplication::translate("ow::cases", "case %1").arg(c.number);
    Result<QJsonObject> answers = jsonObject(v(15), damagedCase);
    if (!answers)
        return failWith(answers.error());
    Result<Answers> parsedAnswers = CaseJson::answersFrom(*answers);
    if (!parsedAnswers)
        return failWith(parsedAnswers.error());
    c.answers = *parsedAnswers;
    Result<QJsonArray> checklist = jsonArray(v(17), damagedCase);
    if (!checklist)
        return failWith(checklist.error());
    c.checklist = *checklist;
    Result<QJsonObject> applicant = jsonObject(v(18), damagedCase);
    if (!applicant)
        return failWith(applicant.error());
    const std::optional<Applicant> parsedApplicant = Applicant::fromJson(*applicant);
    if (!parsedApplicant)
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::cases", "Stored case data is damaged: %1 is not readable.")
                .arg(damagedCase));
    c.applicant = *parsedApplicant;
    Result<QJsonArray> checks = jsonArray(v(19), damagedCase);
    if (!checks)
        return failWith(checks.error());
    Result<QList<MaterialCheck>> parsedChecks = CaseJson::materialChecksFrom(*checks);
    if (!parsedChecks)
        return failWith(parsedChecks.error());
    c.materialChecks = *parsedChecks;
    const std::optional<CaseState> state = caseStateFromKeyword(v(22).toString());
    if (!state)
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::cases", "Stored case data is damaged: %1 is not readable.")
                .arg(damagedCase));
    c.state = *state;
    query->finish();

    Result<QSqlQuery> attachments = db.prepare(
        QStringLiteral("SELECT sha256, material_id, file_name, mime_type, size, added FROM case_attachments"
                       " WHERE case_id = ? ORDER BY position"));
    if (!attachments)
        return failWith(attachments.error());
    attachments->addBindValue(c.id);
    done = storage::Database::exec(*attachments, context(QT_TRANSLATE_NOOP("ow::cases", "reading a case")));
    if (!done)
        return failWith(done.error());
    Result<bool> row = false;
    while ((row = storage::Rows::fetch(*attachments)) && *row)
        c.attachments.append(
            CaseAttachment {attachments->value(0).toString(), attachments->value(1).toString(),
                attachments->value(2).toString(), attachments->value(3).toString(),
                attachments->value(4).toLongLong(), CaseJson::timeFrom(attachments->value(5).toString())});
    if (!row)
        return failWith(row.error());
    return std::optional<Case>(std::move(c));
}

Result<QList<CaseEvent>> CaseTables::loadEvents(
    const storage::Database &db, qint64 caseId, const QString &caseNumber)
{
    Result<QSqlQuery> query = db.prepare(QStringLiteral("SELECT seq, id, kind, time, clerk, counter, payload "
                                                        "FROM case_events WHERE case_id = ? ORDER BY seq"));
    if (!query)
        return failWith(query.error());
    query->addBindValue(caseId);
    Result<void> done = storage::Database::exec(
        *query, context(QT_TRANSLATE_NOOP("ow::cases", "reading the events of a case")));
    if (!done)
        return failWith(done.error());
    QList<CaseEvent> events;
    // A fresh result per row: GCC 12 took the reassigned one for uninitialised (-Wmaybe-uninitialized).
    for (;;) {
        Result<bool> row = storage::Rows::fetch(*query);
        if (!row)
            return failWith(row.error());
        if (!*row)
            break;
        const std::optional<EventKind> kind = eventKindFromKeyword(query->value(2).toString());
        Result<QJsonObject> payload = jsonObject(
            query->value(6), QCoreApplication::translate("ow::cases", "an event of case %1").arg(caseNumber));
        if (!kind || !payload)
            return fail(Error::Code::Parse,
                QCoreApplication::translate("ow::cases", "Stored case data is damaged: %1 is not readable.")
                    .arg(QCoreApplication::translate("ow::cases", "an event of case %1").arg(caseNumber)));
        CaseEvent e;
        e.sequence = query->value(0).toLongLong();
        e.id = query->value(1).toString();
        e.caseNumber = caseNumber;
        e.kind = *kind;
        e.time = CaseJson::timeFrom(query->value(3).toString());
        e.clerk = query->value(4).toString();
        e.counter = query->value(5).toString();
        e.payload = *payload;
        events.append(e);
    }
    return events;
}

Result<CaseEvent> CaseTables::insertEvent(const storage::Database &db, qint64 caseId, CaseEvent event)
{
    Result<QSqlQuery> query
        = db.prepare(QStringLiteral("INSERT INTO case_events (id, case_id, kind, time, clerk, counter, "
                                    "payload) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    if (!query)
        return failWith(query.error());
    for (const QVariant &value : {QVariant(event.id), QVariant(caseId), QVariant(keyword(event.kind)),
             QVariant(CaseJson::timeText(event.time)), QVariant(event.clerk), QVariant(event.counter),
             QVariant(compact(event.payload))})
        query->addBindValue(value);
    Result<void> done
        = storage::Database::exec(*query, context(QT_TRANSLATE_NOOP("ow::cases", "recording an event")));
    if (!done)
        return failWith(done.error());
    event.sequence = query->lastInsertId().toLongLong();
    return event;
}

Result<void> CaseTables::insertOutbox(
    const storage::Database &db, const QString &eventId, const QByteArray &payload, const QDateTime &created)
{
    Result<QSqlQuery> query
        = db.prepare(QStringLiteral("INSERT INTO outbox (event_id, payload, created) VALUES (?, ?, ?)"));
    if (!query)
        return failWith(query.error());
    query->addBindValue(eventId);
    query->addBindValue(QString::fromUtf8(payload));
    query->addBindValue(CaseJson::timeText(created));
    return storage::Database::exec(
        *query, context(QT_TRANSLATE_NOOP("ow::cases", "queueing an event for the server")));
}

Result<int> CaseTables::nextSerial(
    const storage::Database &db, const QString &hall, const QDate &day, int counterNumber)
{
    const QString what = context(QT_TRANSLATE_NOOP("ow::cases", "numbering a case"));
    Result<QVariant> last = db.scalar(
        QStringLiteral("SELECT last FROM case_sequences WHERE hall = ? AND day = ? AND counter_number = ?"),
        {hall, day.toString(Qt::ISODate), counterNumber});
    if (!last)
        return failWith(last.error());
    const int next = last->isNull() ? 1 : last->toInt() + 1;
    Result<QSqlQuery> query = db.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO case_sequences (hall, day, counter_number, last) VALUES (?, ?, ?, ?)"));
    if (!query)
        return failWith(query.error());
    query->addBindValue(hall);
    query->addBindValue(day.toString(Qt::ISODate));
    query->addBindValue(counterNumber);
    query->addBindValue(next);
    Result<void> done = storage::Database::exec(*query, what);
    if (!done)
        return failWith(done.error());
    return next;
}

} // namespace ow::cases
