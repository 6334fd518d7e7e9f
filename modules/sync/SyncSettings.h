#pragma once

#include "cases/CaseStore.h"

#include <optional>

namespace ow::sync {

/// What a workstation keeps in its store's sync_state: its enrolment and the changes cursor.
struct SyncSettings
{
    static constexpr QLatin1StringView kServer {"server"};
    static constexpr QLatin1StringView kToken {"token"};
    static constexpr QLatin1StringView kWorkstationId {"workstation"};
    static constexpr QLatin1StringView kHall {"hall"};
    static constexpr QLatin1StringView kCounter {"counter"};
    static constexpr QLatin1StringView kCounterNumber {"counterNumber"};
    static constexpr QLatin1StringView kCursor {"cursor"};
    static constexpr QLatin1StringView kEnrolled {"enrolled"};
    /// The server's clock minus this workstation's, in ms, as last measured, and when (UTC).
    static constexpr QLatin1StringView kClockOffset {"clockOffsetMs"};
    static constexpr QLatin1StringView kClockChecked {"clockChecked"};

    QString server;
    QString token;
    QString workstationId;
    cases::Workstation workstation;

    bool isEnrolled() const { return !server.isEmpty() && !token.isEmpty(); }

    /// The enrolment stored in `store` (empty fields when it never enrolled).
    static Result<SyncSettings> read(const cases::CaseStore &store);
    /// Reads the enrolment of the store in `dataDirectory` without creating one: nullopt when the
    /// folder has no store or the store never enrolled. main.cpp opens its store with the
    /// workstation found here, so cases are numbered for the hall and counter the server gave.
    static Result<std::optional<SyncSettings>> readFrom(const QString &dataDirectory);
};

} // namespace ow::sync
