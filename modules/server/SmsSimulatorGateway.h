#pragma once

#include "core/Clock.h"
#include "server/SmsGateway.h"

namespace ow::server {

/// The gateway of a hall without an SMS contract, and of tests: each message becomes one JSON line
/// {"time", "id", "mobile", "text"} appended to a log file, and counts as sent with the id "sim-N".
class SmsSimulatorGateway : public SmsGateway
{
    Q_OBJECT

public:
    SmsSimulatorGateway(QString logPath, Clock clock, QObject *parent = nullptr);

    void send(const SmsMessage &message, Done done) override;

private:
    QString m_logPath;
    Clock m_clock;
    qint64 m_sequence = 0;
};

} // namespace ow::server
