#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

class QSettings;

namespace ow::queue {

/// The three SMS of guide 三(二)3: ticket taken, one person ahead, called.
enum class SmsKind
{
    Issued,
    Next,
    Called
};

QString keyword(SmsKind kind);

/// What one SMS may say about the ticket, and nothing else: the texts can name the ticket number,
/// the counter, the people ahead and the expected wait, never the visitor.
struct SmsFacts
{
    QString number;
    int counter = 0; ///< 0 when no counter is known yet
    int ahead = 0;
    int minutes = 0;
};

/// The hall's queue rules, each a setting (the `[queue]` group of the queue settings file,
/// docs/queue.md); the defaults are what the guide and the halls' practice suggest.
struct QueueRules
{
    int maxCalls = 3; ///< calls before the clerk may only mark the ticket no-show
    int recallAfterMinutes = 1; ///< a recall waits this long after the previous call
    int walkInCapMinutes = 30; ///< a walk-in waiting this long is called before appointments
    int appointmentEarlyMinutes = 15; ///< an appointment counts as inside its window this early
    int targetWaitMinutes = 20; ///< the figures' "served within the target wait"
    bool stealing = true; ///< an idle counter takes the oldest ticket waiting at another counter
    int defaultServiceMinutes = 10; ///< expected service time of a matter without history
    int historyDays = 30; ///< days of the hall's own history behind the medians
    int minimumSamples = 3; ///< services of a matter before its median replaces the default
    QStringList areas {QStringLiteral("A")}; ///< service areas: their ticket number prefixes
    int numberDigits = 3; ///< "A012"
    QString smsIssued; ///< SMS texts with {number}, {counter}, {ahead}, {minutes}
    QString smsNext;
    QString smsCalled;
    bool displaySilent = false; ///< the hall display shows the calls without speaking them

    QueueRules();

    /// Reads the `queue` group of `settings`; keys left out keep their defaults. A bad value fails
    /// with the key, the value and what would be accepted, and so does an SMS text with a
    /// placeholder other than the four (so no text can ever carry the visitor's name or number).
    static Result<QueueRules> load(const QSettings &settings);
    /// Whether `text` uses only the placeholders an SMS may carry; the failure names the others.
    static Result<void> checkSmsText(const QString &key, const QString &text);

    QString smsText(SmsKind kind) const;
    /// The text of one SMS with its placeholders filled in.
    QString renderSms(SmsKind kind, const SmsFacts &facts) const;
};

} // namespace ow::queue
