#include "cases/ResultDocuments.h"

#include "cases/AttachmentStore.h"
#include "cases/CaseJson.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace ow::cases {

namespace {

constexpr int kMaxNameLength = 200;
constexpr int kMaxMessageLength = 1000;

/// The department's file name as a plain name: no folders (it becomes a file name when the clerk
/// opens the document) and no control characters.
QString plainName(const QString &given, const QString &sha256)
{
    QString name = given;
    const qsizetype slash = std::max(name.lastIndexOf(u'/'), name.lastIndexOf(u'\\'));
    if (slash >= 0)
        name = name.mid(slash + 1);
    name.removeIf([](QChar c) { return c.category() == QChar::Other_Control || c == u':'; });
    name = name.trimmed().left(kMaxNameLength);
    if (name.isEmpty() || name.startsWith(u'.'))
        name = sha256.left(12) + QStringLiteral(".pdf");
    return name;
}

} // namespace

QString ResultDocuments::keyword(ResultDocument::State state)
{
    switch (state) {
    case ResultDocument::State::Waiting:
        return QStringLiteral("waiting");
    case ResultDocument::State::Fetched:
        return QStringLiteral("fetched");
    case ResultDocument::State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<ResultDocument::State> ResultDocuments::stateFromKeyword(QStringView keyword)
{
    for (ResultDocument::State state :
        {ResultDocument::State::Waiting, ResultDocument::State::Fetched, ResultDocument::State::Failed})
        if (keyword == ResultDocuments::keyword(state))
            return state;
    return std::nullopt;
}

std::optional<ResultDocument> ResultDocuments::fromEvent(const CaseEvent &event)
{
    const QJsonValue value = event.payload.value(QStringLiteral("document"));
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    ResultDocument document;
    document.sha256 = object.value(QStringLiteral("sha256")).toString().toLower();
    if (!AttachmentStore::isHash(document.sha256))
        return std::nullopt;
    document.caseNumber = event.caseNumber;
    document.eventId = event.id;
    document.name = plainName(object.value(QStringLiteral("name")).toString(), document.sha256);
    document.size = qint64(object.value(QStringLiteral("size")).toDouble(-1));
    document.department = event.payload.value(QStringLiteral("department")).toString().left(64);
    document.received = event.time.toUTC();
    if (document.size <= 0 || document.size > kMaxSize) {
        // Nothing could ever match it; the clerk sees why the document does not come.
        document.state = ResultDocument::State::Failed;
        document.message = QCoreApplication::translate(
            "ow::cases", "The department announced the document with an impossible size (%1 bytes).")
                               .arg(document.size);
        document.size = std::max<qint64>(document.size, 0);
    }
    return document;
}

Result<bool> ResultDocuments::queue(const CaseEvent &event) const
{
    const std::optional<ResultDocument> document = fromEvent(event);
    if (!document)
        return false;
    Result<storage::Rows> insert = m_db.run(
        QStringLiteral("INSERT INTO result_documents (case_number, sha256, event_id, name, size, department,"
                       " received, state, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (case_number, sha256) DO NOTHING"),
        {document->caseNumber, document->sha256, document->eventId, document->name, document->size,
            document->department, CaseJson::timeText(document->received), keyword(document->state),
            document->message});
    if (!insert)
        return failWith(insert.error());
    return insert->numRowsAffected() > 0;
}

Result<QList<ResultDocument>> ResultDocuments::select(const QString &where, const QVariantList &values) const
{
    Result<storage::Rows> rows = m_db.run(
        QStringLiteral(
            "SELECT case_number, sha256, event_id, name, size, department, received, state, message,"
            " attempts, fetched FROM result_documents ")
            + where,
        values);
    if (!rows)
        return failWith(rows.error());
    QList<ResultDocument> list;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row) {
        ResultDocument d;
        d.caseNumber = rows->value(0).toString();
        d.sha256 = rows->value(1).toString();
        d.eventId = rows->value(2).toString();
        d.name = rows->value(3).toString();
        d.size = rows->value(4).toLongLong();
        d.department = rows->value(5).toString();
        d.received = CaseJson::timeFrom(rows->value(6).toString());
        d.state = stateFromKeyword(rows->value(7).toString()).value_or(ResultDocument::State::Waiting);
        d.message = rows->value(8).toString();
        d.attempts = rows->value(9).toInt();
        d.fetched = CaseJson::timeFrom(rows->value(10).toString());
        list.append(d);
    }
    if (!row)
        return failWith(row.error());
    return list;
}

Result<QList<ResultDocument>> ResultDocuments::forCase(const QString &caseNumber) const
{
    return select(QStringLiteral("WHERE case_number = ? ORDER BY received, sha256"), {caseNumber});
}

Result<QStringList> ResultDocuments::fetchedHashes(const QString &caseNumber) const
{
    Result<QList<ResultDocument>> all = forCase(caseNumber);
    if (!all)
        return failWith(all.error());
    QStringList hashes;
    for (const ResultDocument &d : std::as_const(*all))
        if (d.isAvailable())
            hashes.append(d.sha256);
    return hashes;
}

Result<QList<ResultDocument>> ResultDocuments::toFetch(int limit) const
{
    // Least tried first, so one document the server keeps refusing does not starve the others.
    return select(QStringLiteral("WHERE state <> 'fetched' ORDER BY attempts, received, sha256 LIMIT ?"),
        {std::max(limit, 1)});
}

Result<ResultDocumentCounts> ResultDocuments::counts() const
{
    Result<storage::Rows> rows
        = m_db.run(QStringLiteral("SELECT state, count(*) FROM result_documents GROUP BY state"));
    if (!rows)
        return failWith(rows.error());
    ResultDocumentCounts counts;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row) {
        const qint64 n = rows->value(1).toLongLong();
        switch (stateFromKeyword(rows->value(0).toString()).value_or(ResultDocument::State::Waiting)) {
        case ResultDocument::State::Waiting:
            counts.waiting += n;
            break;
        case ResultDocument::State::Fetched:
            counts.fetched += n;
            break;
        case ResultDocument::State::Failed:
            counts.failed += n;
            break;
        }
    }
    if (!row)
        return failWith(row.error());
    return counts;
}

Result<void> ResultDocuments::update(const ResultDocument &document, ResultDocument::State state,
    const QString &message, const QDateTime &fetched) const
{
    Result<storage::Rows> done = m_db.run(
        QStringLiteral(
            "UPDATE result_documents SET state = ?, message = ?, attempts = attempts + ?, fetched = ?"
            " WHERE case_number = ? AND sha256 = ?"),
        {keyword(state), message.left(kMaxMessageLength), state == ResultDocument::State::Fetched ? 0 : 1,
            fetched.isValid() ? QVariant(CaseJson::timeText(fetched)) : QVariant(), document.caseNumber,
            document.sha256});
    if (!done)
        return failWith(done.error());
    return {};
}

Result<void> ResultDocuments::markFetched(const ResultDocument &document, const QDateTime &now) const
{
    return update(document, ResultDocument::State::Fetched, {}, now);
}

Result<void> ResultDocuments::markWaiting(const ResultDocument &document, const QString &reason) const
{
    return update(document, ResultDocument::State::Waiting, reason, {});
}

Result<void> ResultDocuments::markFailed(const ResultDocument &document, const QString &reason) const
{
    return update(document, ResultDocument::State::Failed, reason, {});
}

} // namespace ow::cases
