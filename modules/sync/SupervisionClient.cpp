#include "sync/SupervisionClient.h"

#include "cases/CaseJson.h"

#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>
#include <algorithm>

namespace ow::sync {

using namespace Qt::StringLiterals;

QJsonObject DeskSnapshot::toJson() const
{
    QJsonObject object {{u"fetched"_s, cases::CaseJson::timeText(fetched)}, {u"warnings"_s, warnings},
        {u"today"_s, today}, {u"clerks"_s, clerks}, {u"matters"_s, matters}};
    if (!points.isEmpty())
        object.insert(u"points"_s, points);
    if (!complaints.isEmpty())
        object.insert(u"complaints"_s, complaints);
    return object;
}

DeskSnapshot DeskSnapshot::fromJson(const QJsonObject &object)
{
    DeskSnapshot snapshot;
    snapshot.fetched = cases::CaseJson::timeFrom(object.value(u"fetched"_s).toString());
    snapshot.warnings = object.value(u"warnings"_s).toObject();
    snapshot.today = object.value(u"today"_s).toObject();
    snapshot.clerks = object.value(u"clerks"_s).toObject();
    snapshot.matters = object.value(u"matters"_s).toObject();
    snapshot.points = object.value(u"points"_s).toObject();
    snapshot.complaints = object.value(u"complaints"_s).toObject();
    return snapshot;
}

SupervisionClient::SupervisionClient(SyncClient &client)
    : m_client(client)
{
}

Result<SupervisorSession> SupervisionClient::signIn(const QString &staffNumber, const QString &password)
{
    const QJsonObject body {{u"staffNumber"_s, staffNumber}, {u"password"_s, password}};
    Result<QJsonObject> answer = m_client.call(
        "POST", u"/supervision/session"_s, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!answer)
        return failWith(answer.error());
    SupervisorSession session;
    session.token = answer->value(u"token"_s).toString();
    session.expires = cases::CaseJson::timeFrom(answer->value(u"expires"_s).toString());
    session.staffNumber = staffNumber;
    return session;
}

Result<DeskSnapshot> SupervisionClient::fetchDesk(const SupervisorSession &session, QDate today)
{
    m_client.setToken(session.token);
    DeskSnapshot snapshot;
    const auto get = [this](const QString &path, const QList<std::pair<QString, QString>> &items) {
        QUrlQuery query;
        for (const auto &[key, value] : items)
            query.addQueryItem(key, value);
        return m_client.call("GET", path, query);
    };
    Result<QJsonObject> warnings = get(u"/supervision/warnings"_s, {});
    if (!warnings)
        return failWith(warnings.error());
    snapshot.warnings = *warnings;
    Result<QJsonObject> day = get(u"/supervision/today"_s, {{u"day"_s, today.toString(Qt::ISODate)}});
    if (!day)
        return failWith(day.error());
    snapshot.today = *day;
    Result<QJsonObject> clerks = get(u"/supervision/clerks"_s,
        {{u"from"_s, QDate(today.year(), today.month(), 1).toString(Qt::ISODate)},
            {u"to"_s, today.toString(Qt::ISODate)}});
    if (!clerks)
        return failWith(clerks.error());
    snapshot.clerks = *clerks;
    Result<QJsonObject> matters = get(u"/supervision/matters"_s,
        {{u"from"_s, today.addYears(-1).addDays(1).toString(Qt::ISODate)},
            {u"to"_s, today.toString(Qt::ISODate)}});
    if (!matters)
        return failWith(matters.error());
    snapshot.matters = *matters;
    Result<QJsonObject> points = get(u"/supervision/points"_s, {{u"month"_s, today.toString(u"yyyy-MM"_s)}});
    if (points)
        snapshot.points = *points;
    else if (m_client.lastFailure().status != 404)
        return failWith(points.error());
    // The overdue ones are the shortest list that carries the hall's counts.
    Result<QJsonObject> complaints = get(u"/supervision/complaints"_s, {{u"state"_s, u"overdue"_s}});
    if (complaints)
        snapshot.complaints = complaints->value(u"counts"_s).toObject();
    else if (m_client.lastFailure().status != 404)
        return failWith(complaints.error());
    snapshot.fetched = m_client.clock().nowUtc();
    return snapshot;
}

Result<QJsonObject> SupervisionClient::points(const SupervisorSession &session, const QString &month)
{
    m_client.setToken(session.token);
    QUrlQuery query;
    query.addQueryItem(u"month"_s, month);
    return m_client.call("GET", u"/supervision/points"_s, query);
}

Result<QJsonObject> SupervisionClient::clerkPoints(
    const SupervisorSession &session, const QString &staffNumber, const QString &month)
{
    m_client.setToken(session.token);
    QUrlQuery query;
    query.addQueryItem(u"month"_s, month);
    return m_client.call(
        "GET", u"/supervision/points/"_s + QString::fromLatin1(QUrl::toPercentEncoding(staffNumber)), query);
}

Result<QJsonObject> SupervisionClient::correctPoints(const SupervisorSession &session,
    const QString &staffNumber, int points, const QString &reason, const QString &by, const QString &month)
{
    m_client.setToken(session.token);
    const QJsonObject body {{u"staffNumber"_s, staffNumber}, {u"points"_s, points}, {u"reason"_s, reason},
        {u"by"_s, by}, {u"month"_s, month}};
    return m_client.call(
        "POST", u"/supervision/points/corrections"_s, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

namespace {

/// {"YYYY-MM": {"fetched", "points"}} of the store, empty when none was kept.
Result<QJsonObject> keptMonths(const cases::CaseStore &store)
{
    Result<QString> text = store.syncValue(QString(DeskCopy::kMonthsKey));
    if (!text)
        return failWith(text.error());
    return QJsonDocument::fromJson(text->toUtf8()).object();
}

} // namespace

Result<void> DeskCopy::save(cases::CaseStore &store, const DeskSnapshot &snapshot)
{
    if (Result<void> kept = store.setSyncValues({{QString(kKey),
            QString::fromUtf8(QJsonDocument(snapshot.toJson()).toJson(QJsonDocument::Compact))}});
        !kept)
        return kept;
    const QString month = snapshot.points.value(u"month"_s).toString();
    if (month.isEmpty())
        return {};
    return saveMonth(store, month, snapshot.points, snapshot.fetched);
}

Result<void> DeskCopy::saveMonth(
    cases::CaseStore &store, const QString &month, const QJsonObject &points, const QDateTime &fetched)
{
    Result<QJsonObject> months = keptMonths(store);
    if (!months)
        return failWith(months.error());
    months->insert(month,
        QJsonObject {{u"fetched"_s, fetched.toUTC().toString(Qt::ISODateWithMs)}, {u"points"_s, points}});
    // "YYYY-MM" sorts by time: the oldest months go first.
    while (months->size() > kMonthsKept)
        months->remove(months->begin().key());
    return store.setSyncValues(
        {{QString(kMonthsKey), QString::fromUtf8(QJsonDocument(*months).toJson(QJsonDocument::Compact))}});
}

Result<std::optional<DeskCopy::MonthCopy>> DeskCopy::loadMonth(
    const cases::CaseStore &store, const QString &month)
{
    Result<QJsonObject> months = keptMonths(store);
    if (!months)
        return failWith(months.error());
    const QJsonObject kept = months->value(month).toObject();
    if (kept.isEmpty())
        return std::optional<MonthCopy>();
    MonthCopy copy;
    copy.fetched = QDateTime::fromString(kept.value(u"fetched"_s).toString(), Qt::ISODateWithMs);
    copy.points = kept.value(u"points"_s).toObject();
    return std::optional<MonthCopy>(copy);
}

Result<QStringList> DeskCopy::months(const cases::CaseStore &store)
{
    Result<QJsonObject> months = keptMonths(store);
    if (!months)
        return failWith(months.error());
    QStringList list = months->keys();
    std::reverse(list.begin(), list.end());
    return list;
}

Result<DeskSnapshot> DeskCopy::load(const cases::CaseStore &store)
{
    Result<QString> text = store.syncValue(QString(kKey));
    if (!text)
        return failWith(text.error());
    if (text->isEmpty())
        return DeskSnapshot();
    return DeskSnapshot::fromJson(QJsonDocument::fromJson(text->toUtf8()).object());
}

} // namespace ow::sync
