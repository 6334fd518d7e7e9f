#pragma once

#include "server/CredentialStore.h"
#include "server/RequestParser.h"

#include <QDateTime>
#include <QString>

namespace ow::server {

/// The protocol's rules for one entry of `POST /events` (docs/sync-protocol.md, "What the server
/// checks in an event"): known kinds and states, identifiers of their documented shape, bounded
/// text, the credential's hall and counter, the applicant's numbers as the counter checks them and
/// event times inside a window around the server's time. It reads no database, so every rule is
/// tested alone; the rule that needs the server's copy of the case (the first event) takes whether
/// the server knows it.
class EventValidator
{
public:
    /// How far event times may be from the server's time.
    struct Window
    {
        qint64 aheadSeconds = 24 * 3600; ///< after the server's time
        qint64 behindSeconds = 365LL * 24 * 3600; ///< before it; 0: no limit (offline counters)
    };

    static constexpr int kMaxIdLength = 64; ///< clerk, counter, material and other ids
    static constexpr int kMaxNameLength = 200; ///< names: matter, department, applicant, file
    static constexpr int kMaxTextLength = 4000; ///< any other text: remarks, notes, reasons
    static constexpr int kMaxEntryBytes = 512 * 1024; ///< one entry as compact JSON
    static constexpr int kMaxDepth = 16; ///< nesting of objects and lists
    static constexpr int kMaxPromisedDays = 366;
    static constexpr int kMaxQuantity = 9999;

    EventValidator() = default;
    explicit EventValidator(Window window)
        : m_window(window)
    {
    }

    const Window &window() const { return m_window; }

    /// Why the entry must be refused (in the server's language), or an empty string when it may
    /// be stored. `now` is the server's time.
    QString check(const IncomingEvent &incoming, const Credential &workstation, const QDateTime &now) const;
    /// Lifecycle order against the server's copy: a case starts with `created` (with its snapshot),
    /// and `created` comes once.
    static QString checkOrder(const IncomingEvent &incoming, bool caseKnown);
    /// The same bounds for a department's status event: its clerk, and the text and nesting of its
    /// payload.
    static QString checkDepartmentEvent(const DepartmentEventRequest &request);
    /// Whether the text is a UUID written as 8-4-4-4-12 hexadecimal digits, without braces.
    static bool isUuid(QStringView text);

private:
    QString checkTime(const QString &what, const QDateTime &time, const QDateTime &now) const;
    QString checkSnapshot(
        const IncomingEvent &incoming, const Credential &workstation, const QDateTime &now) const;

    Window m_window;
};

} // namespace ow::server
