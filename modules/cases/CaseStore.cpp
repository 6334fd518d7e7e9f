#include "cases/CaseStore.h"

#include "cases/CaseJson.h"
#include "cases/CaseLifecycle.h"
#include "cases/CaseNumber.h"
#include "cases/CaseSchema.h"
#include "cases/CaseTables.h"
#include "cases/DecisionRules.h"
#include "cases/QrToken.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QUuid>

namespace ow::cases {

namespace {

Failure notFound(const QString &number)
{
    return fail(Error::Code::NotFound,
        QCoreApplication::translate("ow::cases", "There is no case with the number %1.").arg(number));
}

QByteArray outboxPayload(const CaseEvent &event, CaseState state, const Case *snapshot)
{
    QJsonObject payload {
        {QStringLiteral("event"), CaseJson::event(event)}, {QStringLiteral("state"), keyword(state)}};
    if (snapshot)
        payload.insert(QStringLiteral("case"), CaseJson::caseObject(*snapshot, CaseJson::Privacy::Full));
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}

QString likePattern(const QString &text)
{
    QString escaped;
    for (QChar c : text.toLower()) {
        if (c == u'%' || c == u'_' || c == u'\\')
            escaped.append(QLatin1Char('\\'));
        escaped.append(c);
    }
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString startOfDay(const QDate &date)
{
    return CaseJson::timeText(date.startOfDay().toUTC());
}

} // namespace

CaseStore::CaseStore(std::unique_ptr<storage::Database> db, QString dataDirectory, Workstation workstation)
    : m_db(std::move(db))
    , m_workstation(std::move(workstation))
    , m_audit(*m_db, m_clock)
    , m_attachments(attachmentsPath(dataDirectory))
{
}

QString CaseStore::defaultDataDirectory()
{
    // The workstation's AppDataLocation, also when asked from onewindow-cli: both must find the
    // same database. The location depends on the application name, so ask under the workstation's.
    const QString own = QCoreApplication::applicationName();
    QCoreApplication::setApplicationName(QStringLiteral("onewindow"));
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QCoreApplication::setApplicationName(own);
    return directory;
}

QString CaseStore::databasePath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("cases.sqlite"));
}

QString CaseStore::attachmentsPath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("attachments"));
}

Result<std::unique_ptr<CaseStore>> CaseStore::open(
    const QString &dataDirectory, const Workstation &workstation, OpenMode mode)
{
    const QString path = databasePath(dataDirectory);
    if (mode == OpenMode::MustExist && !QFileInfo::exists(path))
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::cases", "There is no case database at %1.")
                .arg(QDir::toNativeSeparators(path)));
    Result<std::unique_ptr<storage::Database>> db = storage::Database::openSqlite(path);
    if (!db)
        return failWith(db.error());
    Result<void> migrated = CaseSchema::migrate(**db);
    if (!migrated)
        return failWith(migrated.error());
    return std::unique_ptr<CaseStore>(new CaseStore(std::move(*db), dataDirectory, workstation));
}

void CaseStore::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_audit.setClock(m_clock);
}

Result<void> CaseStore::checkAttachments(const QList<CaseAttachment> &attachments) const
{
    for (const CaseAttachment &a : attachments)
        if (!m_attachments.contains(a.sha256))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::cases",
                    "The attachment %1 (%2) is not in the attachment store; store the file before the case.")
                    .arg(a.sha256, a.fileName));
    return {};
}

void CaseStore::completeEvent(CaseEvent &event, const QString &caseNumber) const
{
    // An event that comes with an id (from the server) keeps it: storing it twice then fails on
    // the unique id instead of recording the same decision twice.
    if (event.id.isEmpty())
        event.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    event.caseNumber = caseNumber;
    if (!event.time.isValid())
        event.time = m_clock.nowUtc();
    event.time = event.time.toUTC();
    if (event.counter.isEmpty())
        event.counter = m_workstation.counter;
}

Result<CaseState> CaseStore::nextState(qint64 caseId, const QString &caseNumber, EventKind kind) const
{
    Result<QList<CaseEvent>> log = CaseTables::loadEvents(*m_db, caseId, caseNumber);
    if (!log)
        return failWith(log.error());
    const Derivation derived = CaseLifecycle::derive(*log);
    return CaseLifecycle::apply(
        derived.created ? std::optional<CaseState>(derived.state) : std::nullopt, kind);
}

Result<CaseEvent> CaseStore::writeEvent(
    qint64 caseId, const CaseEvent &event, CaseState next, const Case *snapshot)
{
    Result<CaseEvent> stored = CaseTables::insertEvent(*m_db, caseId, event);
    if (!stored)
        return stored;
    Result<void> done
        = CaseTables::insertOutbox(*m_db, stored->id, outboxPayload(*stored, next, snapshot), stored->time);
    if (!done)
        return failWith(done.error());
    if (!snapshot) {
        done = CaseTables::updateState(*m_db, caseId, next, stored->time);
        if (!done)
            return failWith(done.error());
    }
    const QJsonObject detail {
        {QStringLiteral("event"), stored->id}, {QStringLiteral("state"), keyword(next)}};
    Result<AuditEntry> audited = m_audit.recordInTransaction(AuditEntry {0, {}, stored->clerk,
        stored->counter, QStringLiteral("case.") + keyword(stored->kind), stored->caseNumber,
        QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)), {}, {}});
    if (!audited)
        return failWith(audited.error());
    return stored;
}

Result<Case> CaseStore::createDraft(Case draft, const QString &clerk)
{
    Result<void> hall = CaseNumber::checkHallCode(m_workstation.hall);
    if (!hall)
        return failWith(hall.error());
    if (m_workstation.counterNumber < 0 || m_workstation.counterNumber > CaseNumber::kMaxCounter
        || m_workstation.counter.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::cases", "This workstation has no counter number (0–99); cases cannot be numbered."));
    if (clerk.trimmed().isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "Every case needs the clerk who opened it."));
    Result<void> attachments = checkAttachments(draft.attachments);
    if (!attachments)
        return failWith(attachments.error());

    storage::Transaction transaction(*m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    const QDateTime now = m_clock.nowUtc();
    // The date in the number is the hall's calendar day, i.e. the workstation's local date.
    const QDate day = now.toLocalTime().date();
    Result<int> serial = CaseTables::nextSerial(*m_db, m_workstation.hall, day, m_workstation.counterNumber);
    if (!serial)
        return failWith(serial.error());
    if (*serial > CaseNumber::kMaxSerial)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::cases", "This counter has already numbered %1 cases today; no numbers are left.")
                .arg(CaseNumber::kMaxSerial));
    Result<CaseNumber> number = CaseNumber::make(
        m_workstation.hall, day, CaseNumber::sequenceFor(m_workstation.counterNumber, *serial));
    if (!number)
        return failWith(number.error());

    Case c = std::move(draft);
    c.number = number->toString();
    c.qrToken = QrToken::generate();
    c.hall = m_workstation.hall;
    c.counter = m_workstation.counter;
    c.firstHandler = clerk;
    c.state = CaseState::Draft;
    c.created = now;
    c.updated = now;
    Result<qint64> id = CaseTables::insertCase(*m_db, c);
    if (!id)
        return failWith(id.error());
    c.id = *id;
    done = CaseTables::replaceAttachments(*m_db, c.id, c.attachments);
    if (!done)
        return failWith(done.error());

    CaseEvent created;
    created.kind = EventKind::Created;
    created.time = now;
    created.clerk = clerk;
    completeEvent(created, c.number);
    Result<CaseEvent> event = writeEvent(c.id, created, CaseState::Draft, &c);
    if (!event)
        return failWith(event.error());
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return c;
}

Result<CaseEvent> CaseStore::save(const Case &input, CaseEvent event)
{
    if (event.clerk.trimmed().isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "Every event needs the clerk who recorded it."));
    Result<void> attachments = checkAttachments(input.attachments);
    if (!attachments)
        return failWith(attachments.error());

    storage::Transaction transaction(*m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    Result<std::optional<Case>> stored = CaseTables::loadCase(*m_db, QStringLiteral("number"), input.number);
    if (!stored)
        return failWith(stored.error());
    if (!*stored)
        return notFound(input.number);
    const Case &before = **stored;

    // What identifies the case and who opened it never changes after creation.
    Case c = input;
    c.id = before.id;
    c.qrToken = before.qrToken;
    c.hall = before.hall;
    c.counter = before.counter;
    c.firstHandler = before.firstHandler;
    c.created = before.created;

    completeEvent(event, c.number);
    Result<CaseState> next = nextState(c.id, c.number, event.kind);
    if (!next)
        return failWith(next.error());
    c.state = *next;
    c.updated = event.time;
    Result<void> ready = DecisionRules::check(c, event);
    if (!ready)
        return failWith(ready.error());

    done = CaseTables::updateCase(*m_db, c);
    if (!done)
        return failWith(done.error());
    done = CaseTables::replaceAttachments(*m_db, c.id, c.attachments);
    if (!done)
        return failWith(done.error());
    Result<CaseEvent> recorded = writeEvent(c.id, event, *next, &c);
    if (!recorded)
        return recorded;
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return recorded;
}

Result<CaseEvent> CaseStore::appendEvent(const QString &caseNumber, CaseEvent event)
{
    storage::Transaction transaction(*m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    Result<CaseEvent> recorded = appendInTransaction(caseNumber, std::move(event));
    if (!recorded)
        return recorded;
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return recorded;
}

Result<QList<CaseEvent>> CaseStore::appendEvents(const QList<CaseEvent> &events)
{
    storage::Transaction transaction(*m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    QList<CaseEvent> recorded;
    for (const CaseEvent &event : events) {
        Result<CaseEvent> one = appendInTransaction(event.caseNumber, event);
        if (!one)
            return failWith(one.error());
        recorded.append(*one);
    }
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return recorded;
}

Result<CaseEvent> CaseStore::appendInTransaction(const QString &caseNumber, CaseEvent event)
{
    if (event.clerk.trimmed().isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "Every event needs the clerk who recorded it."));
    Result<std::optional<Case>> stored = CaseTables::loadCase(*m_db, QStringLiteral("number"), caseNumber);
    if (!stored)
        return failWith(stored.error());
    if (!*stored)
        return notFound(caseNumber);

    completeEvent(event, caseNumber);
    Result<CaseState> next = nextState((*stored)->id, caseNumber, event.kind);
    if (!next)
        return failWith(next.error());
    Result<void> ready = DecisionRules::check(**stored, event);
    if (!ready)
        return failWith(ready.error());
    return writeEvent((*stored)->id, event, *next, nullptr);
}

Result<Case> CaseStore::findByNumber(const QString &caseNumber) const
{
    Result<std::optional<Case>> found = CaseTables::loadCase(*m_db, QStringLiteral("number"), caseNumber);
    if (!found)
        return failWith(found.error());
    if (!*found)
        return notFound(caseNumber);
    return std::move(**found);
}

Result<Case> CaseStore::findByToken(const QString &qrToken) const
{
    const auto unknown = [] {
        return fail(
            Error::Code::NotFound, QCoreApplication::translate("ow::cases", "No case has this QR code."));
    };
    if (!QrToken::isWellFormed(qrToken))
        return unknown();
    Result<std::optional<Case>> found = CaseTables::loadCase(*m_db, QStringLiteral("qr_token"), qrToken);
    if (!found)
        return failWith(found.error());
    if (!*found)
        return unknown();
    return std::move(**found);
}

Result<QList<CaseEvent>> CaseStore::events(const QString &caseNumber) const
{
    Result<QVariant> id = m_db->scalar(QStringLiteral("SELECT id FROM cases WHERE number = ?"), {caseNumber});
    if (!id)
        return failWith(id.error());
    if (id->isNull())
        return notFound(caseNumber);
    return CaseTables::loadEvents(*m_db, id->toLongLong(), caseNumber);
}

namespace {

struct ListQuery
{
    QString count;
    QString page;
    QVariantList values; ///< for the WHERE clause of both; page adds LIMIT and OFFSET
};

ListQuery listQuery(const CaseFilter &filter)
{
    QStringList where;
    ListQuery q;
    if (filter.state) {
        where.append(QStringLiteral("state = ?"));
        q.values.append(keyword(*filter.state));
    }
    if (filter.from.isValid()) {
        where.append(QStringLiteral("created >= ?"));
        q.values.append(startOfDay(filter.from));
    }
    if (filter.to.isValid()) {
        where.append(QStringLiteral("created < ?"));
        q.values.append(startOfDay(filter.to.addDays(1)));
    }
    if (filter.dueFrom.isValid() || filter.dueTo.isValid()) {
        // Only a running clock can run out: not before acceptance, not while paused for a
        // supplement, not once the department has decided.
        QStringList running;
        for (CaseState s : {CaseState::Accepted, CaseState::AcceptedWithWaiver, CaseState::Transferred,
                 CaseState::InReview, CaseState::Supplemented}) {
            running.append(QStringLiteral("?"));
            q.values.append(keyword(s));
        }
        where.append(QStringLiteral("state IN (%1) AND promised_deadline <> ''").arg(running.join(u',')));
        if (filter.dueFrom.isValid()) {
            where.append(QStringLiteral("promised_deadline >= ?"));
            q.values.append(filter.dueFrom.toString(Qt::ISODate));
        }
        if (filter.dueTo.isValid()) {
            where.append(QStringLiteral("promised_deadline <= ?"));
            q.values.append(filter.dueTo.toString(Qt::ISODate));
        }
    }
    if (!filter.firstHandler.isEmpty()) {
        where.append(QStringLiteral("first_handler = ?"));
        q.values.append(filter.firstHandler);
    }
    if (!filter.text.trimmed().isEmpty()) {
        where.append(QStringLiteral("search_text LIKE ? ESCAPE '\\'"));
        q.values.append(likePattern(filter.text.trimmed()));
    }
    const QString whereClause
        = where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    // A text filter can only be checked in cases_list; without the hint SQLite may take the state
    // index and read every row of that state from the table.
    const QString table = filter.text.trimmed().isEmpty() ? QStringLiteral("cases")
                                                          : QStringLiteral("cases INDEXED BY cases_list");
    q.count = QStringLiteral("SELECT count(*) FROM ") + table + whereClause;
    // Page the ids from the indexes first, then read the few rows shown: the filters never touch
    // the wide JSON columns of the other cases.
    q.page = QStringLiteral(
        "SELECT c.id, c.number, c.matter_code, c.matter_name, c.state, c.applicant_masked, c.counter,"
        " c.first_handler, c.created, c.promised_deadline FROM cases c JOIN"
        " (SELECT id FROM %1%2 ORDER BY created DESC, id DESC LIMIT ? OFFSET ?) page ON page.id = c.id"
        " ORDER BY c.created DESC, c.id DESC")
                 .arg(table, whereClause);
    return q;
}

} // namespace

Result<QStringList> CaseStore::explainList(const CaseFilter &filter) const
{
    const ListQuery q = listQuery(filter);
    QStringList plan;
    for (const QString &sql : {q.count, q.page}) {
        Result<QSqlQuery> query = m_db->prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
        if (!query)
            return failWith(query.error());
        for (const QVariant &value : q.values)
            query->addBindValue(value);
        if (sql == q.page) {
            query->addBindValue(50);
            query->addBindValue(0);
        }
        Result<void> done = storage::Database::exec(*query);
        if (!done)
            return failWith(done.error());
        Result<bool> row = false;
        while ((row = storage::Rows::fetch(*query)) && *row)
            plan.append(query->value(3).toString());
        if (!row)
            return failWith(row.error());
    }
    return plan;
}

Result<CasePage> CaseStore::list(const CaseFilter &filter) const
{
    const ListQuery q = listQuery(filter);
    const QVariantList &values = q.values;
    const int limit = std::clamp(filter.limit, 1, 1000);
    const int offset = std::max(filter.offset, 0);

    CasePage page;
    Result<QVariant> total = m_db->scalar(q.count, values);
    if (!total)
        return failWith(total.error());
    page.total = total->toLongLong();

    Result<QSqlQuery> query = m_db->prepare(q.page);
    if (!query)
        return failWith(query.error());
    for (const QVariant &value : std::as_const(values))
        query->addBindValue(value);
    query->addBindValue(limit);
    query->addBindValue(offset);
    query->setForwardOnly(true);
    Result<void> done
        = storage::Database::exec(*query, QCoreApplication::translate("ow::cases", "listing cases"));
    if (!done)
        return failWith(done.error());
    Result<bool> row = false;
    while ((row = storage::Rows::fetch(*query)) && *row) {
        CaseSummary s;
        s.id = query->value(0).toLongLong();
        s.number = query->value(1).toString();
        s.matterCode = query->value(2).toString();
        s.matterName = query->value(3).toString();
        s.state = caseStateFromKeyword(query->value(4).toString()).value_or(CaseState::Draft);
        s.applicantMasked = query->value(5).toString();
        s.counter = query->value(6).toString();
        s.firstHandler = query->value(7).toString();
        s.created = CaseJson::timeFrom(query->value(8).toString());
        s.promisedDeadline = QDate::fromString(query->value(9).toString(), Qt::ISODate);
        page.items.append(s);
    }
    if (!row)
        return failWith(row.error());
    return page;
}

Result<QList<OutboxEntry>> CaseStore::pendingOutbox(int limit, qint64 afterId) const
{
    return SyncTables::pendingOutbox(*m_db, limit, afterId);
}

Result<void> CaseStore::markOutboxSent(const QList<qint64> &ids)
{
    storage::Transaction transaction(*m_db);
    Result<void> done = transaction.begin();
    if (done)
        done = SyncTables::markOutboxSent(*m_db, ids, m_clock.nowUtc());
    return done ? transaction.commit() : done;
}

Result<void> CaseStore::markOutboxFailed(qint64 id, const QString &message)
{
    return SyncTables::markOutboxFailed(*m_db, id, message);
}

Result<OutboxCounts> CaseStore::outboxCount() const
{
    return SyncTables::outboxCounts(*m_db);
}

Result<QString> CaseStore::syncValue(const QString &key) const
{
    return SyncTables::value(*m_db, key);
}

Result<void> CaseStore::setSyncValues(const QList<QPair<QString, QString>> &values)
{
    storage::Transaction transaction(*m_db);
    Result<void> done = transaction.begin();
    for (qsizetype i = 0; done && i < values.size(); ++i)
        done = SyncTables::setValue(*m_db, values.at(i).first, values.at(i).second);
    return done ? transaction.commit() : done;
}

Result<bool> CaseStore::isAttachmentUploaded(const QString &sha256) const
{
    return SyncTables::isUploaded(*m_db, sha256);
}

Result<void> CaseStore::markAttachmentsUploaded(const QStringList &sha256s)
{
    if (sha256s.isEmpty())
        return {};
    storage::Transaction transaction(*m_db);
    Result<void> done = transaction.begin();
    const QDateTime now = m_clock.nowUtc();
    for (qsizetype i = 0; done && i < sha256s.size(); ++i)
        done = SyncTables::markUploaded(*m_db, sha256s.at(i), now);
    return done ? transaction.commit() : done;
}

Result<qint64> CaseStore::pendingUploadBytes() const
{
    return SyncTables::pendingUploadBytes(*m_db);
}

Result<bool> CaseStore::hasCase(const QString &caseNumber) const
{
    Result<QVariant> found
        = m_db->scalar(QStringLiteral("SELECT count(*) FROM cases WHERE number = ?"), {caseNumber});
    if (!found)
        return failWith(found.error());
    return found->toInt() > 0;
}

Result<int> CaseStore::recordRemoteEvents(
    const QList<CaseEvent> &events, const QString &cursorKey, const QString &cursor)
{
    storage::Transaction transaction(*m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    int added = 0;
    for (const CaseEvent &event : events) {
        Result<bool> recorded = SyncTables::recordRemoteEvent(*m_db, m_audit, event);
        if (!recorded)
            return failWith(recorded.error());
        added += *recorded ? 1 : 0;
    }
    if (!cursorKey.isEmpty()) {
        done = SyncTables::setValue(*m_db, cursorKey, cursor);
        if (!done)
            return failWith(done.error());
    }
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return added;
}

Result<void> CaseStore::importCase(const Case &snapshot, const QList<CaseEvent> &events)
{
    storage::Transaction transaction(*m_db);
    Result<void> done = transaction.begin();
    if (done)
        done = SyncTables::importCase(*m_db, m_audit, snapshot, events, m_clock.nowUtc());
    return done ? transaction.commit() : done;
}

} // namespace ow::cases
