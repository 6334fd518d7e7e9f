#include "supervision/HallFigures.h"

#include "supervision/FollowUp.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace ow::supervision {

using namespace Qt::StringLiterals;
using cases::CaseEvent;
using cases::EventKind;

QJsonObject ClerkFigures::toJson() const
{
    QJsonArray levels;
    for (int n : ratings)
        levels.append(n);
    QJsonObject object {{u"clerk"_s, clerk}, {u"clerkName"_s, clerkName}, {u"cases"_s, cases},
        {u"accepted"_s, accepted}, {u"correctionNotices"_s, correctionNotices}, {u"refusals"_s, refusals},
        {u"correctionShare"_s, correctionShare()}, {u"refusalShare"_s, refusalShare()},
        {u"ratings"_s, levels}, {u"rated"_s, rated}, {u"notRatedShare"_s, notRatedShare()}};
    // null: not recorded, which is not the same as none.
    object.insert(u"consultations"_s, consultations < 0 ? QJsonValue() : QJsonValue(consultations));
    object.insert(
        u"recordedQuestions"_s, recordedQuestions < 0 ? QJsonValue() : QJsonValue(recordedQuestions));
    object.insert(u"complaints"_s, complaints < 0 ? QJsonValue() : QJsonValue(complaints));
    // null: no case of this clerk came with a ticket called that day, so there is no average.
    object.insert(u"callToReceiptMinutes"_s,
        callToReceiptCases ? QJsonValue(std::round(callToReceiptMinutes() * 10.0) / 10.0) : QJsonValue());
    return object;
}

QJsonObject MatterFigures::toJson() const
{
    return QJsonObject {{u"matter"_s, matterCode}, {u"matterName"_s, matterName}, {u"cases"_s, cases},
        {u"rank"_s, rank}, {u"frequency"_s, keyword(frequency)}};
}

QString keyword(MatterFigures::Frequency frequency)
{
    switch (frequency) {
    case MatterFigures::Frequency::High:
        return u"high"_s;
    case MatterFigures::Frequency::Middle:
        return u"middle"_s;
    case MatterFigures::Frequency::Low:
        break;
    }
    return u"low"_s;
}

QString displayName(MatterFigures::Frequency frequency)
{
    switch (frequency) {
    case MatterFigures::Frequency::High:
        return QCoreApplication::translate("ow::supervision", "high");
    case MatterFigures::Frequency::Middle:
        return QCoreApplication::translate("ow::supervision", "middle");
    case MatterFigures::Frequency::Low:
        break;
    }
    return QCoreApplication::translate("ow::supervision", "low");
}

HallFigures::HallFigures(QHash<QString, QString> clerkNames)
    : m_names(std::move(clerkNames))
{
}

QString HallFigures::ticketKey(QDate day, const QString &number)
{
    return day.toString(Qt::ISODate) + u'/' + number;
}

void HallFigures::add(const cases::Case &c, const QList<CaseEvent> &events, QDate from, QDate to)
{
    const CaseEvent *decision = nullptr;
    for (const CaseEvent &e : events)
        if (e.kind == EventKind::Accepted || e.kind == EventKind::AcceptedWithWaiver
            || e.kind == EventKind::CorrectionNotice || e.kind == EventKind::Refused)
            decision = &e; // the last counter decision is the case's answer
    if (!decision)
        return;
    const QDate day = decision->time.toLocalTime().date();
    if ((from.isValid() && day < from) || (to.isValid() && day > to))
        return;

    const QString clerk = decision->clerk;
    {
        ClerkFigures &figures = m_clerks[clerk];
        figures.clerk = clerk;
        figures.clerkName = m_names.value(clerk, clerk);
        ++figures.cases;
        if (decision->kind == EventKind::CorrectionNotice)
            ++figures.correctionNotices;
        else if (decision->kind == EventKind::Refused)
            ++figures.refusals;
        else
            ++figures.accepted;
        // Only a ticket called the day of the decision: a number of another day is another
        // applicant's (numbers restart daily), and a ticket never called has no call to count from.
        // Of a recalled or transferred ticket, the last call before the decision is the one served.
        if (!c.ticket.isEmpty()) {
            QDateTime called;
            for (const QDateTime &call : m_calls.value(ticketKey(day, c.ticket)))
                if (call.isValid() && call <= decision->time && (!called.isValid() || call > called))
                    called = call;
            if (called.isValid()) {
                ++figures.callToReceiptCases;
                figures.callToReceiptSeconds += called.secsTo(decision->time);
            }
        }
    }
    bool rated = false;
    for (const CaseEvent &e : events)
        if (const int level = FollowUp::ratingOf(e)) {
            // The rating goes to the clerk who served, as the counter recorded it (looked up each
            // time: inserting another clerk may move the table's entries).
            ClerkFigures &servedBy = m_clerks[e.clerk];
            if (servedBy.clerk.isEmpty()) {
                servedBy.clerk = e.clerk;
                servedBy.clerkName = m_names.value(e.clerk, e.clerk);
            }
            ++servedBy.ratings[level - 1];
            rated = true;
        }
    if (rated)
        ++m_clerks[clerk].rated;

    MatterFigures &matter = m_matters[c.matterCode];
    matter.matterCode = c.matterCode;
    if (matter.matterName.isEmpty())
        matter.matterName = c.matterName;
    ++matter.cases;
}

void HallFigures::addConsultations(const QList<cases::ClerkActivity> &consultations)
{
    m_consultationsCounted = true;
    for (const cases::ClerkActivity &a : consultations) {
        if (a.kind != cases::ClerkActivity::kConsultation)
            continue;
        ClerkFigures &figures = m_clerks[a.staffNumber];
        if (figures.clerk.isEmpty()) {
            figures.clerk = a.staffNumber;
            figures.clerkName
                = m_names.value(a.staffNumber, a.clerkName.isEmpty() ? a.staffNumber : a.clerkName);
        }
        figures.consultations = std::max(figures.consultations, 0) + 1;
        figures.recordedQuestions = std::max(figures.recordedQuestions, 0) + (a.question().isEmpty() ? 0 : 1);
    }
}

void HallFigures::addComplaints(const QList<Complaint> &complaints, QDate from, QDate to)
{
    m_complaintsCounted = true;
    for (const Complaint &c : complaints) {
        const QDate day = c.receivedAt.toLocalTime().date();
        if (c.clerk.staffNumber.isEmpty() || (from.isValid() && day < from) || (to.isValid() && day > to))
            continue;
        ClerkFigures &figures = m_clerks[c.clerk.staffNumber];
        if (figures.clerk.isEmpty()) {
            figures.clerk = c.clerk.staffNumber;
            figures.clerkName = m_names.value(c.clerk.staffNumber, c.clerk.name);
        }
        figures.complaints = std::max(figures.complaints, 0) + 1;
    }
}

QList<ClerkFigures> HallFigures::clerks() const
{
    QList<ClerkFigures> list = m_clerks.values();
    for (ClerkFigures &figures : list) {
        if (m_consultationsCounted) {
            figures.consultations = std::max(figures.consultations, 0);
            figures.recordedQuestions = std::max(figures.recordedQuestions, 0);
        }
        if (m_complaintsCounted)
            figures.complaints = std::max(figures.complaints, 0);
    }
    std::sort(list.begin(), list.end(), [](const ClerkFigures &a, const ClerkFigures &b) {
        return a.cases != b.cases ? a.cases > b.cases : a.clerk < b.clerk;
    });
    return list;
}

QList<MatterFigures> HallFigures::matters() const
{
    QList<MatterFigures> list = m_matters.values();
    std::sort(list.begin(), list.end(), [](const MatterFigures &a, const MatterFigures &b) {
        return a.cases != b.cases ? a.cases > b.cases : a.matterCode < b.matterCode;
    });
    for (qsizetype i = 0; i < list.size(); ++i) {
        list[i].rank = int(i + 1);
        list[i].frequency = list[i].rank <= kHighRanks ? MatterFigures::Frequency::High
            : list[i].rank <= kMiddleRanks             ? MatterFigures::Frequency::Middle
                                                       : MatterFigures::Frequency::Low;
    }
    return list;
}

} // namespace ow::supervision
