#include "cases/AuditReview.h"

#include "cases/CaseJson.h"
#include "core/CsvText.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace ow::cases {

namespace {

/// The action prefixes of each kind; SQL LIKE patterns and kindOf() read the same list.
QStringList prefixesOf(AuditFilter::Kind kind)
{
    switch (kind) {
    case AuditFilter::Kind::All:
        return {};
    case AuditFilter::Kind::PersonalData:
        return {QStringLiteral("applicant."), QStringLiteral("attachment."), QStringLiteral("document.")};
    case AuditFilter::Kind::Cases:
        return {QStringLiteral("case.")};
    case AuditFilter::Kind::Accounts:
        return {QStringLiteral("account.")};
    case AuditFilter::Kind::AuditLog:
        return {QStringLiteral("audit.")};
    }
    return {};
}

QString kindKey(AuditFilter::Kind kind)
{
    switch (kind) {
    case AuditFilter::Kind::All:
        return QStringLiteral("all");
    case AuditFilter::Kind::PersonalData:
        return QStringLiteral("personal-data");
    case AuditFilter::Kind::Cases:
        return QStringLiteral("cases");
    case AuditFilter::Kind::Accounts:
        return QStringLiteral("accounts");
    case AuditFilter::Kind::AuditLog:
        return QStringLiteral("audit");
    }
    return {};
}

/// The first instant of a hall day, as the log's time column writes it (UTC text compares in order).
QString dayStart(const QDate &day)
{
    return CaseJson::timeText(day.startOfDay().toUTC());
}

} // namespace

AuditReview::AuditReview(const AuditLog &log, const storage::Database &db)
    : m_log(log)
    , m_db(db)
{
}

Result<AuditLog::Verification> AuditReview::verify()
{
    Result<AuditLog::Verification> result = m_log.verify();
    if (result)
        m_verification = *result;
    return result;
}

AuditReview::Mark AuditReview::markOf(qint64 seq) const
{
    if (m_verification.intact || seq < m_verification.brokenSeq)
        return Mark::Verified;
    return seq == m_verification.brokenSeq ? Mark::Broken : Mark::Unverified;
}

namespace {

/// The WHERE clause of a filter (empty for none), its values appended to `values`.
QString whereOf(const AuditFilter &filter, QVariantList &values)
{
    QStringList conditions;
    if (filter.from.isValid()) {
        conditions << QStringLiteral("time >= ?");
        values << dayStart(filter.from);
    }
    if (filter.to.isValid()) {
        conditions << QStringLiteral("time < ?");
        values << dayStart(filter.to.addDays(1));
    }
    if (!filter.clerk.isEmpty()) {
        conditions << QStringLiteral("clerk = ?");
        values << filter.clerk;
    }
    const QStringList prefixes = prefixesOf(filter.kind);
    if (!prefixes.isEmpty()) {
        QStringList alternatives;
        for (const QString &prefix : prefixes) {
            // substr, not LIKE: an underscore in a keyword is a wildcard to LIKE.
            alternatives << QStringLiteral("substr(action, 1, %1) = ?").arg(prefix.size());
            values << prefix;
        }
        conditions << QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    const QString caseNumber = filter.caseNumber.trimmed();
    if (!caseNumber.isEmpty()) {
        conditions << QStringLiteral("instr(target, ?) > 0");
        values << caseNumber;
    }
    return conditions.isEmpty() ? QString()
                                : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

} // namespace

Result<qint64> AuditReview::count(const AuditFilter &filter) const
{
    QVariantList values;
    const QString where = whereOf(filter, values);
    Result<QVariant> counted = m_db.scalar(QStringLiteral("SELECT count(*) FROM audit_log") + where, values);
    if (!counted)
        return failWith(counted.error());
    return counted->toLongLong();
}

Result<QList<AuditEntry>> AuditReview::find(const AuditFilter &filter, int limit, qint64 beforeSeq) const
{
    QVariantList values;
    QString where = whereOf(filter, values);
    if (beforeSeq > 0) {
        // Paged by row number, not by offset: rows written meanwhile (the viewing's own) are newer
        // and do not shift the next page.
        where += (where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND "))
            + QStringLiteral("seq < ?");
        values << beforeSeq;
    }
    QString sql
        = QStringLiteral(
              "SELECT seq, time, clerk, counter, action, target, detail, prev_hash, hash FROM audit_log")
        + where + QStringLiteral(" ORDER BY seq DESC");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);

    const QString context = QCoreApplication::translate("ow::cases", "reading the audit log");
    Result<QSqlQuery> query = m_db.prepare(sql);
    if (!query)
        return failWith(query.error());
    query->setForwardOnly(true);
    for (const QVariant &value : std::as_const(values))
        query->addBindValue(value);
    Result<void> done = storage::Database::exec(*query, context);
    if (!done)
        return failWith(done.error());
    QList<AuditEntry> rows;
    Result<bool> next = false;
    while ((next = storage::Rows::fetch(*query, context)) && *next)
        rows.append(AuditEntry {query->value(0).toLongLong(), CaseJson::timeFrom(query->value(1).toString()),
            query->value(2).toString(), query->value(3).toString(), query->value(4).toString(),
            query->value(5).toString(), query->value(6).toString(), query->value(7).toString(),
            query->value(8).toString()});
    if (!next)
        return failWith(next.error());
    return rows;
}

Result<QStringList> AuditReview::clerks() const
{
    const QString context = QCoreApplication::translate("ow::cases", "reading the audit log");
    Result<QSqlQuery> query = m_db.prepare(
        QStringLiteral("SELECT DISTINCT clerk FROM audit_log WHERE clerk <> '' ORDER BY clerk"));
    if (!query)
        return failWith(query.error());
    Result<void> done = storage::Database::exec(*query, context);
    if (!done)
        return failWith(done.error());
    QStringList clerks;
    Result<bool> next = false;
    while ((next = storage::Rows::fetch(*query, context)) && *next)
        clerks << query->value(0).toString();
    if (!next)
        return failWith(next.error());
    return clerks;
}

AuditFilter::Kind AuditReview::kindOf(const QString &action)
{
    for (AuditFilter::Kind kind : {AuditFilter::Kind::PersonalData, AuditFilter::Kind::Cases,
             AuditFilter::Kind::Accounts, AuditFilter::Kind::AuditLog}) {
        for (const QString &prefix : prefixesOf(kind))
            if (action.startsWith(prefix))
                return kind;
    }
    // An unknown keyword is a case matter until it has a kind of its own.
    return AuditFilter::Kind::Cases;
}

QString AuditReview::kindName(AuditFilter::Kind kind)
{
    switch (kind) {
    case AuditFilter::Kind::All:
        return tr("All actions");
    case AuditFilter::Kind::PersonalData:
        return tr("Personal data viewed or printed");
    case AuditFilter::Kind::Cases:
        return tr("Case actions and corrections");
    case AuditFilter::Kind::Accounts:
        return tr("Logins and account changes");
    case AuditFilter::Kind::AuditLog:
        return tr("Audit log viewed or exported");
    }
    return {};
}

QString AuditReview::markName(Mark mark)
{
    switch (mark) {
    case Mark::Verified:
        return tr("Verified");
    case Mark::Broken:
        return tr("BROKEN");
    case Mark::Unverified:
        return tr("After the break");
    }
    return {};
}

QByteArray AuditReview::csv(
    const QList<AuditEntry> &newestFirst, const std::function<QString(const QString &)> &nameOf) const
{
    const QStringList header {tr("Row"), tr("Time"), tr("Clerk"), tr("Staff number"), tr("Counter"),
        tr("Kind"), tr("Action"), tr("Case number"), tr("Detail"), tr("Chain"), tr("Hash")};
    QList<QStringList> rows;
    rows.reserve(newestFirst.size());
    for (auto row = newestFirst.crbegin(); row != newestFirst.crend(); ++row)
        rows.append({QString::number(row->seq),
            row->time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), nameOf(row->clerk),
            row->clerk, row->counter, kindName(kindOf(row->action)), row->action, row->target, row->detail,
            markName(markOf(row->seq)), row->hash});
    return CsvText::document(header, rows);
}

Result<void> AuditReview::recordViewed(
    const QString &clerk, const QString &counter, const AuditFilter &filter) const
{
    return recordAction(QStringLiteral("audit.viewed"), clerk, counter, filter, -1);
}

Result<void> AuditReview::recordExported(
    const QString &clerk, const QString &counter, const AuditFilter &filter, qsizetype rows) const
{
    return recordAction(QStringLiteral("audit.exported"), clerk, counter, filter, rows);
}

Result<void> AuditReview::recordAction(const QString &action, const QString &clerk, const QString &counter,
    const AuditFilter &filter, qsizetype rows) const
{
    QJsonObject detail {
        {QStringLiteral("kind"), kindKey(filter.kind)}, {QStringLiteral("intact"), m_verification.intact}};
    if (filter.from.isValid())
        detail.insert(QStringLiteral("from"), filter.from.toString(Qt::ISODate));
    if (filter.to.isValid())
        detail.insert(QStringLiteral("to"), filter.to.toString(Qt::ISODate));
    if (!filter.clerk.isEmpty())
        detail.insert(QStringLiteral("clerk"), filter.clerk);
    if (!m_verification.intact)
        detail.insert(QStringLiteral("brokenRow"), double(m_verification.brokenSeq));
    if (rows >= 0)
        detail.insert(QStringLiteral("rows"), double(rows));
    Result<AuditEntry> recorded
        = m_log.record(AuditEntry {0, {}, clerk, counter, action, filter.caseNumber.trimmed(),
            QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)), {}, {}});
    if (!recorded)
        return failWith(recorded.error());
    return {};
}

} // namespace ow::cases
