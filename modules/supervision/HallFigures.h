#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "cases/ClerkActivity.h"
#include "supervision/Complaint.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ow::supervision {

/// One clerk's figures over the cases counted: counter decisions by kind, the shares of
/// correction notices and refusals, the applicants' ratings and the share not rated.
struct ClerkFigures
{
    QString clerk;
    QString clerkName;
    int cases = 0; ///< counter decisions (accepted, with waiver, correction notice, refused)
    int accepted = 0; ///< accepted, with or without waiver
    int correctionNotices = 0;
    int refusals = 0;
    int ratings[5] = {0, 0, 0, 0, 0}; ///< ratings of level 1…5 given to this clerk
    int rated = 0; ///< of `cases`, those with a rating
    /// Consultations (a checklist given without a case, cases::ClerkActivity); -1 where none are
    /// recorded at all (figures made from case events alone).
    int consultations = -1;
    /// Of the consultations, those where the clerk recorded the question and the answer given (咨询记录);
    /// -1 where consultations are not recorded.
    int recordedQuestions = -1;
    /// Complaints (投诉) received in the period that name this clerk; -1 where complaints were not
    /// counted at all.
    int complaints = -1;
    /// The cases counted in callToReceiptMinutes() and the seconds they add up to.
    int callToReceiptCases = 0;
    qint64 callToReceiptSeconds = 0;

    double correctionShare() const { return cases ? double(correctionNotices) / cases : 0.0; }
    double refusalShare() const { return cases ? double(refusals) / cases : 0.0; }
    double notRatedShare() const { return cases ? double(cases - rated) / cases : 0.0; }
    /// The average minutes from the queue's call of a case's ticket to the counter's decision, over
    /// the cases with a ticket called that day; -1 when there is none.
    double callToReceiptMinutes() const
    {
        return callToReceiptCases ? double(callToReceiptSeconds) / 60.0 / callToReceiptCases : -1.0;
    }
    QJsonObject toJson() const;
};

/// A matter's volume and its frequency class from that volume (DOMAIN.md: the top 100 matters
/// high, 101–400 middle, the rest low; guide 三(一)3).
struct MatterFigures
{
    enum class Frequency
    {
        High,
        Middle,
        Low,
    };

    QString matterCode;
    QString matterName;
    int cases = 0;
    int rank = 0; ///< 1 for the matter with the most cases
    Frequency frequency = Frequency::Low;

    QJsonObject toJson() const;
};

QString keyword(MatterFigures::Frequency frequency); ///< "high", "middle", "low"
QString displayName(MatterFigures::Frequency frequency); ///< 高频, 中频, 低频 (translated)

/// Collects the figures of a hall, one case at a time (from the server's stored events).
class HallFigures
{
public:
    static constexpr int kHighRanks = 100;
    static constexpr int kMiddleRanks = 400;

    explicit HallFigures(QHash<QString, QString> clerkNames = {});

    /// The key of a ticket in setTicketCalls(): its local day and number (numbers restart daily).
    static QString ticketKey(QDate day, const QString &number);
    /// When the queue called each ticket (every call, UTC), by ticketKey(); set before add(), so
    /// the clerks' time from call to receipt can be counted.
    void setTicketCalls(QHash<QString, QList<QDateTime>> calls) { m_calls = std::move(calls); }

    /// Counts a case whose counter decision falls in [from, to] (local dates; null = open).
    void add(const cases::Case &c, const QList<cases::CaseEvent> &events, QDate from = {}, QDate to = {});
    /// Counts the consultations given (already of the period); from then on every clerk has a count,
    /// 0 for none.
    void addConsultations(const QList<cases::ClerkActivity> &consultations);
    /// Counts the complaints received in [from, to] (local dates; null = open) against the clerk
    /// each names; from then on every clerk has a count, 0 for none.
    void addComplaints(const QList<Complaint> &complaints, QDate from = {}, QDate to = {});

    /// By cases, most first; ties by staff number.
    QList<ClerkFigures> clerks() const;
    /// By volume, most first; ties by matter code.
    QList<MatterFigures> matters() const;

private:
    QHash<QString, QString> m_names;
    QHash<QString, ClerkFigures> m_clerks;
    QHash<QString, QList<QDateTime>> m_calls;
    QHash<QString, MatterFigures> m_matters;
    bool m_consultationsCounted = false;
    bool m_complaintsCounted = false;
};

} // namespace ow::supervision
