#pragma once

#include "cases/ClerkActivity.h"
#include "core/Clock.h"
#include "storage/Database.h"
#include "supervision/PointsLedger.h"

#include <QList>

namespace ow::server {

/// The clerk activities the workstations send (consultations, practice scores) and the supervisors'
/// corrections of points, per hall (tables clerk_activities and point_corrections,
/// docs/supervision.md). Neither is ever edited: an activity is stored once by its id, a correction
/// is a row of its own with its reason.
class ActivityRepository
{
public:
    /// What became of one activity of a batch.
    enum class Stored
    {
        Stored,
        Duplicate, ///< this hall had it already (a resend): kept once
        OtherHall, ///< another hall holds the id: not stored
    };

    ActivityRepository(const storage::Database &db, Clock clock);

    /// Stores the activities (already checked) of a workstation's hall, in one transaction.
    Result<QList<Stored>> store(
        const QString &hall, const QString &credentialId, const QList<cases::ClerkActivity> &activities);
    /// The hall's activities of `kind` (empty: every kind) on the local days [from, to] (null: open),
    /// oldest first.
    Result<QList<cases::ClerkActivity>> activities(
        const QString &hall, const QString &kind = {}, QDate from = {}, QDate to = {}) const;

    /// Records a correction counting in `month` (its first day) with the server's time and a new id.
    Result<supervision::PointCorrection> correct(const QString &hall, const QString &staffNumber, int points,
        const QString &reason, const QString &by, QDate month);
    Result<QList<supervision::PointCorrection>> corrections(const QString &hall, QDate month) const;

private:
    const storage::Database &m_db;
    Clock m_clock;
};

} // namespace ow::server
