#pragma once

#include "server/Api.h"
#include "server/DepartmentPushSender.h"
#include "server/HttpFrontend.h"
#include "server/RequestLog.h"
#include "server/SmsGateway.h"
#include "server/SmsSender.h"
#include "server/SupervisionWatchThread.h"
#include "server/UploadSweeper.h"
#include "storage/Database.h"

#include <QHostAddress>
#include <QObject>
#include <QStringList>
#include <memory>

class QSocketNotifier;

namespace ow::server {

/// What `onewindow-server` is started with.
struct ServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;
    QString dataDirectory;
    QString database; ///< sqlite:PATH or postgresql://…; default sqlite in the data folder
    QString tlsCertificate;
    QString tlsKey;
    bool trustProxy = false;
    HttpLimits limits; ///< --idle-timeout, --max-connections-per-address, --max-connections
    qint64 clockWindowHours = 24; ///< event times at most this far after the server's time
    qint64 maxEventAgeDays = 365; ///< and at most this far before it; 0: no limit
    qint64 uploadExpiryDays = UploadStore::kDefaultExpiryDays; ///< unfinished uploads removed after
    QString queueSettings; ///< --queue-settings: the hall's queue rules (docs/queue.md); empty: defaults
    /// --supervision-settings: the hall's warning rules (docs/supervision.md); empty: defaults
    QString supervisionSettings;
    /// --supervision-interval: minutes between the server's own rounds of the warnings; 0: none
    int supervisionIntervalMinutes = 10;
    QString pushSettings; ///< --push-settings: pushes to department systems (docs/deployment.md)
    QString pickupHours; ///< --pickup-hours: the pickup counter's opening hours, for the status page
    QByteArray timeZone = "Asia/Shanghai"; ///< --time-zone: the hall's IANA zone, for effective days
    PreApplicationRules preApplications; ///< --preapplication-*: online pre-applications (off by default)
    /// The queue's SMS (docs/queue.md): --sms-gateway off|simulator|http and the gateway's settings.
    QString smsGateway = QStringLiteral("off");
    QString smsLog; ///< the simulator's log; default sms.log in the data folder
    QString smsUrl;
    QString smsHeaders; ///< "Name: value | Name: value"
    QString smsBody; ///< {mobile} and {text} JSON-escaped; "@FILE" reads it from FILE
    QString smsIdKey = QStringLiteral("id");
    int smsRetries = 3;

    /// Parses the command line; fails with a usage message. `--help` sets *help.
    static Result<ServerOptions> parse(const QStringList &arguments, bool *help);
    static QString usage();
};

/// onewindow-server: opens and migrates the database, listens, and shuts down gracefully on
/// SIGTERM or SIGINT (stops accepting, lets the answers being written go out, closes the database).
class ServerApp : public QObject
{
    Q_OBJECT

public:
    explicit ServerApp(ServerOptions options, QObject *parent = nullptr);
    ~ServerApp() override;

    /// Starts listening; the first line on standard output is {"event": "listening", "port": N, …}.
    Result<void> start();
    void shutdown();

private:
    void watchSignals();
    void finishShutdown(int waitedMs);
    Result<void> startSms(const Clock &clock);
    void startPush(const Clock &clock, DeliveryPolicy policy, quint16 port);
    void startSupervisionWatch(const Clock &clock, const supervision::SupervisionRules &rules);

    ServerOptions m_options;
    RequestLog m_log;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<Api> m_api;
    std::unique_ptr<HttpFrontend> m_http;
    std::unique_ptr<UploadSweeper> m_sweeper;
    std::unique_ptr<SmsGateway> m_smsGateway;
    std::unique_ptr<SmsSender> m_smsSender;
    std::unique_ptr<DepartmentPushSender> m_pushSender;
    std::unique_ptr<SupervisionWatchThread> m_supervisionWatch;
    QSocketNotifier *m_signalNotifier = nullptr;
    bool m_stopping = false;
};

} // namespace ow::server
