#pragma once

#include "accounts/Role.h"

#include <QList>

namespace ow::ui {

/// Which workstation screens a role gets, and what it may do on the case screens.
///
/// Intake clerks take cases in and follow their own (drafts, reprints, supplements); pickup clerks hand
/// results out and look cases up; supervisors watch every case against its deadline (电子监察) and read a
/// case's detail without changing it and see the transfer lists left unconfirmed; a department's
/// receiver confirms transfer lists; administrators get everything.
class RoleScreens
{
public:
    enum class Screen
    {
        Intake, ///< search, interview, registration, material check, decision
        Pickup, ///< 出件: hand over or mail results
        CaseList, ///< every case with its deadline, filters
        CaseDetail, ///< one case: data, checks, timeline, deadline
        Transfer, ///< 移交清单: the counter's paper handed to the departments, and received
        SupervisorDesk, ///< 监察台: the whole hall's warnings and figures from the server
    };

    /// The screens of a role, the one to open first first.
    static QList<Screen> screensFor(accounts::Role role);
    static bool mayOpen(accounts::Role role, Screen screen);
    /// Whether the role records events on a case (pickup, mailing); the supervisor only reads.
    static bool mayRecordEvents(accounts::Role role);
    /// Whether the role makes transfer lists: the counter clerks whose paper goes to the departments.
    static bool mayHandOver(accounts::Role role);
    /// Whether the role confirms a transfer list by scanning the folders (a department's receiver).
    static bool mayReceive(accounts::Role role);
    /// Whether personal data shows in clear without asking: the clerks who serve the applicant in
    /// person see it; supervisors and administrators see it masked and may open it, audited.
    static bool seesPersonalData(accounts::Role role);
    /// Whether the role reads the workstation's audit log (who looked at what): supervisors, and
    /// administrators who answer for the machine.
    static bool mayReadAuditLog(accounts::Role role);
    /// Whether the role pre-reviews online pre-applications (网上预审): intake clerks, supervisors,
    /// administrators.
    static bool mayPreReview(accounts::Role role);
};

} // namespace ow::ui
