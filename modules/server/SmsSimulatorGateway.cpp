#include "server/SmsSimulatorGateway.h"

#include "cases/CaseJson.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace ow::server {

SmsSimulatorGateway::SmsSimulatorGateway(QString logPath, Clock clock, QObject *parent)
    : SmsGateway(parent)
    , m_logPath(std::move(logPath))
    , m_clock(std::move(clock))
{
}

void SmsSimulatorGateway::send(const SmsMessage &message, Done done)
{
    // The id carries the time, so ids stay distinct across restarts of the server.
    const QString id
        = QStringLiteral("sim-%1-%2").arg(m_clock.nowUtc().toMSecsSinceEpoch()).arg(++m_sequence);
    const QJsonObject line {{QStringLiteral("time"), cases::CaseJson::timeText(m_clock.nowUtc())},
        {QStringLiteral("id"), id}, {QStringLiteral("mobile"), message.mobile},
        {QStringLiteral("text"), message.text}};
    QFile file(m_logPath);
    SmsOutcome outcome;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)
        || file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n') < 0 || !file.flush()) {
        outcome.error = QCoreApplication::translate("ow::server", "The SMS log %1 could not be written: %2")
                            .arg(m_logPath, file.errorString());
    } else {
        outcome.sent = true;
        outcome.messageId = id;
    }
    done(outcome);
}

} // namespace ow::server
