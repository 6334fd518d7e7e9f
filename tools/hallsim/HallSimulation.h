#pragma once

#include "core/Result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ow::hallsim {

/// A simulated month of a service hall against a real onewindow-server, through the real sync
/// protocol: three intake counters and eight clerks take cases in every working day, rate them,
/// list and hand them over; a department desk confirms the transfers, reviews, decides, puts the
/// results out and hands them over — each workstation an enrolled store syncing with the server.
/// Some cases are planted late (a transfer list confirmed two days on, a department review past
/// its time, a department silent for days, a result never fetched) and some bad ratings are never
/// called back; the plan names each with the warning the supervision must show and on which day.
/// The clerks also give consultations (a checklist without a case) and take practice quizzes, sent as
/// clerk activities; the plan counts what each clerk did, for the points. Last, on the server's today,
/// each clerk takes in cases from queue tickets, so the time from call to receipt has planted values.
class HallSimulation
{
public:
    struct Options
    {
        QString server; ///< http://host:port
        /// Enrol codes of the hall: three intake counters, then the department desk.
        QStringList enrolCodes;
        QString folder; ///< where the four workstation stores go
        QDate month; ///< any day of the month simulated
        quint32 seed = 1;
        int casesPerClerkAndDay = 1;
    };

    /// A warning the server must show at the end of `day`.
    struct Expectation
    {
        QString caseNumber;
        QDate day;
        QString stage; ///< supervision keyword: "transfer", "review", "case", "pickup", "follow-up"
        QString rule;
        QString colour;
        QJsonObject toJson() const;
    };

    struct Plan
    {
        QDate firstDay;
        QDate lastDay; ///< the last day anything happened
        int cases = 0;
        QStringList clerks;
        QStringList plantedCases; ///< every case with a planted delay or an unanswered bad rating
        /// What each clerk did, to check the points against: {"<staff number>": {"cases", "ratings":
        /// [count of 1…5], "consultations", "practicePassed", "practiceFailed"}}.
        QJsonObject clerkWork;
        QList<Expectation> expected;
        /// The queue's day (today by the server's clock, the day its ticket numbers belong to): each
        /// clerk takes in two cases from tickets issued, called and served through the queue API,
        /// decided a planted number of minutes after the call.
        QDate queueDay;
        int queueCases = 0;
        /// {"<staff number>": {"tickets", "averageMinutes"}}: the planted call-to-receipt times.
        QJsonObject callToReceipt;
        QJsonObject toJson() const;
    };

    static Result<Plan> run(const Options &options);
};

} // namespace ow::hallsim
