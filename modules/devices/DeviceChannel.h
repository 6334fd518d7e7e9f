#pragma once

#include "core/Clock.h"
#include "core/ClockTimer.h"
#include "devices/DeviceStatus.h"

#include <QObject>

namespace ow::devices {

/// One device of the desk as DeviceHub sees it: its backend, its status, and a test action. Lives
/// on the GUI thread; the backends do their I/O on their own threads and report through queued
/// signals, which a channel turns into statusChanged and testFinished.
///
/// While a test runs the status shows Busy with what the clerk should do; changes the device reports
/// meanwhile are kept and shown when the test ends.
class DeviceChannel : public QObject
{
    Q_OBJECT

public:
    DeviceChannel(DeviceKind kind, QObject *parent = nullptr);

    DeviceKind kind() const { return m_status.kind; }
    const DeviceStatus &status() const { return m_status; }
    bool isTesting() const { return m_testing; }

    /// Starts the device's test; ends with exactly one testFinished. Does nothing while a test runs.
    void runTest();
    /// What test time-outs and the times of test results are read from (the system clock unless set).
    void setClock(Clock clock);

Q_SIGNALS:
    void statusChanged(const ow::devices::DeviceStatus &status);
    void testFinished(const ow::devices::DeviceTestResult &result);

protected:
    /// Begins the device-specific part of a test, once runTest has checked a test may start.
    virtual void startTest() = 0;
    /// The test ran out of time: the default ends it as failed with `timeoutMessage()`.
    virtual void testTimedOut();
    virtual QString timeoutMessage() const;

    void setBackend(const QString &backend);
    void setState(DeviceState state, const QString &message = QString());
    DeviceState restingState() const { return m_resting.state; }
    /// Shows Busy with `prompt` and fails the test after `timeoutMs`.
    void beginTest(const QString &prompt, int timeoutMs);
    void finishTest(bool ok, const QString &message);
    const Clock &clock() const { return m_clock; }

private:
    void publish(const DeviceStatus &status);

    DeviceStatus m_status; ///< what is shown
    DeviceStatus m_resting; ///< what the device last reported, shown again after a test
    Clock m_clock;
    ClockTimer m_testTimer;
    bool m_testing = false;
};

} // namespace ow::devices
