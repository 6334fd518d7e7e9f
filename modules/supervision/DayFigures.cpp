#include "supervision/DayFigures.h"

#include "supervision/FollowUp.h"

#include <QJsonArray>

namespace ow::supervision {

using namespace Qt::StringLiterals;
using cases::CaseEvent;
using cases::EventKind;

DayFigures::DayFigures(QDate day)
    : m_day(day)
    , m_byHour(kHours, 0)
    , m_ratings(5, 0)
{
}

void DayFigures::add(const cases::Case &, const QList<CaseEvent> &events)
{
    QDateTime acceptedAt;
    for (const CaseEvent &e : events) {
        const QDateTime local = e.time.toLocalTime();
        const bool today = local.date() == m_day;
        switch (e.kind) {
        case EventKind::Accepted:
        case EventKind::AcceptedWithWaiver:
            acceptedAt = e.time;
            break;
        default:
            break;
        }
        if (!today)
            continue;
        switch (e.kind) {
        case EventKind::Accepted:
            ++m_accepted;
            ++m_byHour[local.time().hour()];
            break;
        case EventKind::AcceptedWithWaiver:
            ++m_waiver;
            ++m_byHour[local.time().hour()];
            break;
        case EventKind::CorrectionNotice:
            ++m_corrections;
            ++m_byHour[local.time().hour()];
            break;
        case EventKind::Refused:
            ++m_refusals;
            ++m_byHour[local.time().hour()];
            break;
        case EventKind::Approved:
        case EventKind::Denied:
            ++(e.kind == EventKind::Approved ? m_approved : m_denied);
            if (acceptedAt.isValid() && acceptedAt <= e.time) {
                m_handlingHours += double(acceptedAt.secsTo(e.time)) / 3600.0;
                ++m_handled;
            }
            break;
        case EventKind::PickedUp:
            ++m_pickedUp;
            break;
        case EventKind::Mailed:
            ++m_mailed;
            break;
        default:
            if (const int level = FollowUp::ratingOf(e))
                ++m_ratings[level - 1];
            break;
        }
    }
}

double DayFigures::averageHandlingHours() const
{
    return m_handled ? m_handlingHours / m_handled : 0.0;
}

QJsonObject DayFigures::toJson() const
{
    QJsonArray hours;
    for (int n : m_byHour)
        hours.append(n);
    QJsonArray levels;
    for (int n : m_ratings)
        levels.append(n);
    return QJsonObject {{u"day"_s, m_day.toString(Qt::ISODate)}, {u"takenIn"_s, takenIn()},
        {u"accepted"_s, m_accepted}, {u"acceptedWithWaiver"_s, m_waiver},
        {u"correctionNotices"_s, m_corrections}, {u"refusals"_s, m_refusals}, {u"approved"_s, m_approved},
        {u"denied"_s, m_denied}, {u"pickedUp"_s, m_pickedUp}, {u"mailed"_s, m_mailed},
        {u"averageHandlingHours"_s, averageHandlingHours()}, {u"byHour"_s, hours}, {u"ratings"_s, levels}};
}

} // namespace ow::supervision
