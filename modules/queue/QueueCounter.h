#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace ow::queue {

/// Whether a counter takes tickets: open with a clerk logged in, paused (the clerk stepped away:
/// tickets sent there wait, none are called) or closed (no clerk; nothing is dispatched to it).
enum class CounterState
{
    Open,
    Paused,
    Closed
};

QString keyword(CounterState state);
std::optional<CounterState> counterStateFromKeyword(const QString &text);

/// 窗口 as the queue sees it: its state, the clerk logged in there and what that clerk may take.
struct QueueCounter
{
    QString hall;
    QString id; ///< e.g. "W05", as the counter's workstation is enrolled
    CounterState state = CounterState::Closed;
    QString clerk; ///< staff number (工号) of the clerk logged in; empty when closed
    QStringList areas; ///< service areas served; empty = every area
    QStringList matters; ///< matters the clerk may take; empty = every matter (无差别全科受理)
    QDateTime since; ///< when the state last changed, UTC

    /// Whether this counter's clerk may serve a ticket of `area` for `matter` (empty: not sure yet).
    bool mayTake(const QString &area, const QString &matter) const;
    /// The counter's number for spoken calls and SMS: the digits its id ends with ("W05" → 5).
    int number() const;
    QJsonObject toJson() const;
};

} // namespace ow::queue
