#pragma once

#include "core/Clock.h"
#include "core/ClockTimer.h"
#include "scanner/BarcodeScanner.h"

#include <QList>
#include <QPointer>
#include <QtCore/qnamespace.h>
#include <memory>
#include <optional>
#include <vector>

class QKeyEvent;

namespace ow::drivers::scanner {

/// What tells a keyboard-wedge scan from typing.
struct KeyboardWedgeOptions
{
    /// Characters before the terminator; shorter bursts are typing.
    int minLength = 6;
    /// Longest pause between two keys of a scan; scanners type far faster than people.
    int maxIntervalMs = 35;
    QList<int> terminators {Qt::Key_Return, Qt::Key_Enter};
};

/// Recognises a USB keyboard-wedge scanner among the keystrokes of the application: a burst of at
/// least minLength printable keys, each within maxIntervalMs of the last, ending in a terminator,
/// is a scan. Its keystrokes are swallowed, so the code does not land in the focused field, and
/// codeScanned is emitted instead.
///
/// Printable keys are therefore held back until it is clear what they are: when the next key comes
/// too late, a key that is neither printable nor a modifier comes (Shift, which scanners press for
/// capitals, does not count), or the burst goes quiet for maxIntervalMs, the held keys are
/// delivered to their widgets unchanged and in order. Typing is delayed by at most that interval and
/// otherwise untouched. start() watches the whole application; the filter may also be installed on
/// one widget with installEventFilter.
class KeyboardWedgeFilter : public BarcodeScanner
{
    Q_OBJECT

public:
    /// Scans are told from typing by `clock`'s monotonic reading; tests give a ManualClock's.
    explicit KeyboardWedgeFilter(
        KeyboardWedgeOptions options = {}, Clock clock = {}, QObject *parent = nullptr);
    ~KeyboardWedgeFilter() override;

    void start() override;
    void stop() override;
    bool isRunning() const override { return m_running; }

    const KeyboardWedgeOptions &options() const { return m_options; }

    /// Delivers the held keys if the burst has been quiet longer than maxIntervalMs by the clock.
    /// A timer calls it; tests with a hand-driven clock call it directly.
    void flushIfIdle();
    /// Delivers the held keys now.
    void flush();

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct HeldEvent
    {
        QPointer<QObject> receiver;
        std::unique_ptr<QKeyEvent> event;
    };

    bool isScanCharacter(const QKeyEvent *event) const;
    bool isTerminator(const QKeyEvent *event) const;
    static bool isModifierKey(const QKeyEvent *event);
    void hold(QObject *receiver, const QKeyEvent *event);
    void dropHeld();

    KeyboardWedgeOptions m_options;
    Clock m_clock;
    std::vector<HeldEvent> m_held;
    QString m_text; ///< the characters of the held presses
    qint64 m_lastPressMs = 0;
    ClockTimer m_idleTimer;
    std::optional<int> m_swallowRelease; ///< the terminator of the last scan, whose release is still to come
    bool m_replaying = false;
    bool m_running = false;
};

} // namespace ow::drivers::scanner
