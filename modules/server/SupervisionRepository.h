#pragma once

#include "core/Clock.h"
#include "core/WorkingCalendar.h"
#include "storage/Database.h"
#include "supervision/DayFigures.h"
#include "supervision/FollowUp.h"
#include "supervision/HallFigures.h"
#include "supervision/PointsLedger.h"
#include "supervision/SupervisionRules.h"
#include "supervision/Warning.h"

#include <QJsonArray>
#include <QList>

namespace ow::server {

/// Supervision on the server (docs/supervision.md): the warnings of a hall computed from the
/// stored events of its cases with the supervision module's rules, kept as a history — a warning
/// that clears itself is closed with the time, never deleted; a yellow one turning red is closed
/// and the red one opened — and the follow-up items of bad ratings, one per rating of 1 or 2.
class SupervisionRepository
{
public:
    /// What a supervisor sees of a hall on a day.
    struct HallView
    {
        QList<supervision::Warning> warnings;
        QList<supervision::FollowUp> followUps;
    };

    enum class Outcome
    {
        Done,
        NotFound,
        AlreadyClosed,
    };

    SupervisionRepository(const storage::Database &db, Clock clock, supervision::SupervisionRules rules = {});

    const supervision::SupervisionRules &rules() const { return m_rules; }
    /// Today by the server's clock.
    QDate today() const { return m_clock.today(); }
    /// The built-in holiday calendar the rules count with, or why it could not be read.
    const Result<WorkingCalendar> &calendar() const { return m_calendar; }

    /// The warnings and follow-ups as they stood at the end of `day`, from the events stored now;
    /// writes nothing (a past day, or a look without recording).
    Result<HallView> compute(const QString &hall, QDate day) const;
    /// Today's warnings by the server's clock, recorded: new warnings opened, cleared ones closed,
    /// follow-up items opened for new bad ratings. Returns today's view.
    Result<HallView> refresh(const QString &hall);
    /// Records `view` as the hall's warnings now (what refresh() does after computing): opens the
    /// new warnings and follow-up items, closes the cleared ones. One short write transaction.
    Result<void> record(const QString &hall, const HallView &view);
    /// The halls the server holds cases or complaints of.
    Result<QStringList> halls() const;
    /// Recorded warnings, newest first: {"id", "opened", "closed" (empty while open), "warning"}.
    Result<QJsonArray> history(const QString &hall, int limit) const;

    /// Records that the applicant was called back, by whom and what was agreed.
    Result<Outcome> recordContact(
        const QString &hall, const QString &id, const QString &by, const QString &agreed);
    /// Closes a follow-up item with how it was fixed.
    Result<Outcome> close(const QString &hall, const QString &id, const QString &by, const QString &note);

    /// The clerks' and matters' figures of the hall's cases decided in [from, to] (null = open),
    /// with the clerks' consultations of those days and the complaints received then that name them.
    Result<supervision::HallFigures> figures(const QString &hall, QDate from, QDate to) const;
    /// The clerks' points of the month of `month` (docs/supervision.md): the hall's case events,
    /// clerk activities and corrections with the weights of `rules`; the hall's intake clerks are
    /// listed even without a point.
    Result<QList<supervision::ClerkPoints>> points(
        const QString &hall, QDate month, const supervision::PointsRules &rules) const;
    /// The figures of one day of the hall (the supervisor's desk's 今日), from the stored events.
    Result<supervision::DayFigures> dayFigures(const QString &hall, QDate day) const;

private:
    /// Calls `each` with every case of the hall and its events in the server's order.
    template<typename Each> Result<void> forEachCase(const QString &hall, Each each) const;
    Result<QHash<QString, QString>> clerkNames(const QString &hall) const;
    /// The review items of published catalogue submissions, for their editors' points.
    Result<void> addCatalogueItems(supervision::PointsLedger &ledger) const;
    /// When the queue called the hall's tickets of [from, to], by HallFigures::ticketKey().
    Result<QHash<QString, QList<QDateTime>>> ticketCalls(const QString &hall, QDate from, QDate to) const;
    Result<QHash<QString, supervision::FollowUp>> storedFollowUps(const QString &hall) const;
    Result<void> recordWarnings(const QString &hall, const QList<supervision::Warning> &warnings);
    Result<void> recordFollowUps(const QString &hall, const QList<supervision::FollowUp> &items);
    Result<Outcome> updateFollowUp(
        const QString &hall, const QString &id, const QString &sql, const QVariantList &values);

    const storage::Database &m_db;
    Clock m_clock;
    supervision::SupervisionRules m_rules;
    Result<WorkingCalendar> m_calendar;
};

} // namespace ow::server
