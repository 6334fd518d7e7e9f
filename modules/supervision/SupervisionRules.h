#pragma once

#include "core/Result.h"

class QSettings;

namespace ow::supervision {

/// The hall's supervision settings (the `[supervision]` group of the server's supervision
/// settings file, docs/supervision.md). All counts are working days, counted as WorkingCalendar
/// counts them (the day something happens is not counted).
struct SupervisionRules
{
    int yellowDays = 1; ///< yellow when this many working days or fewer are left; red once late
    int transferDays = 0; ///< acceptance to the confirmed transfer (0: the same day, guide 三(四)1)
    int resultDays = 1; ///< the department's decision to the result at the pickup counter
    int pickupDays = 5; ///< result ready to handed over or mailed
    int departmentSilentDays = 2; ///< a transferred case with no status from its department
    int followUpContactDays = 1; ///< a bad rating: the applicant called back (DOMAIN.md 好差评)
    int followUpFixDays = 15; ///< a bad rating: the problem fixed and the item closed
    int complaintDays = 5; ///< a complaint (投诉): received to replied and closed
    /// Hours a supervisor's sign-in at a workstation (POST /supervision/session) stays valid.
    int sessionHours = 8;

    /// Reads the `supervision` group; keys left out keep their defaults. A bad value fails with the
    /// key, the value and the range accepted.
    static Result<SupervisionRules> load(const QSettings &settings);
};

} // namespace ow::supervision
