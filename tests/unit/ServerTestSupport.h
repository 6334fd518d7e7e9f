#pragma once

// Shared by the server tests and the ingest benchmark: starts the real onewindow-server on a free
// loopback port with a temporary data folder, talks HTTP to it and builds outbox payloads.

#include "cases/CaseJson.h"
#include "cases/CaseNumber.h"
#include "cases/QrToken.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTimer>
#include <QUuid>
#include <memory>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace ow::server::testing {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const
    {
        return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
};

/// One onewindow-server process. The port is the one the server reports on its first line.
class ServerProcess
{
public:
    /// Every start() listens on one free port chosen now, so a test can kill the server and start it
    /// again where its clients and browser pages expect it (default: a new port at each start).
    void keepPort()
    {
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost, 0))
            m_fixedPort = probe.serverPort();
    }
    /// Options added after the defaults at every start.
    void setExtraArguments(const QStringList &extra) { m_extra = extra; }
    /// The server's language (--lang; default en).
    void setLanguage(const QString &language) { m_language = language; }

    ServerProcess(QString program, QString dataDir, QString database)
        : m_program(std::move(program))
        , m_dataDir(std::move(dataDir))
        , m_database(std::move(database))
    {
    }
    ~ServerProcess() { kill(); }

    bool start()
    {
        m_process = std::make_unique<QProcess>();
        // The fixtures are dated on fixed days: no lower bound for event times, or they would be
        // refused once those days are a year past (the upper bound stays).
        QStringList arguments {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_fixedPort),
            QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--lang"), m_language,
            QStringLiteral("--max-event-age"), QStringLiteral("0")};
        if (!m_database.isEmpty())
            arguments << QStringLiteral("--database") << m_database;
        arguments << m_extra;
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
        // Killed with the test, should it die without its destructors: an orphaned server would
        // hold its port (and whatever the test's runner holds) long after.
        m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
        m_process->start(m_program, arguments);
        if (!m_process->waitForStarted(5000))
            return false;
        while (!m_process->canReadLine()) {
            if (!m_process->waitForReadyRead(10000)) {
                m_startError = QString::fromLocal8Bit(m_process->readAllStandardError());
                return false;
            }
        }
        const QJsonObject line = QJsonDocument::fromJson(m_process->readLine()).object();
        m_port = quint16(line.value(QStringLiteral("port")).toInt());
        return m_port != 0 && (m_fixedPort == 0 || m_port == m_fixedPort);
    }
    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    /// SIGTERM, and the exit code (or -1 when it did not stop in time).
    int terminate()
    {
        m_process->terminate();
        if (!m_process->waitForFinished(10000))
            return -1;
        return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    }
    QByteArray output()
    {
        return m_process->readAllStandardOutput();
    }
    QString startError() const
    {
        return m_startError;
    }
    QUrl url(const QString &path = {}) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }

private:
    QString m_program;
    QString m_dataDir;
    QString m_database;
    QStringList m_extra;
    QString m_language = QStringLiteral("en");
    std::unique_ptr<QProcess> m_process;
    quint16 m_fixedPort = 0;
    quint16 m_port = 0;
    QString m_startError;
};

/// Blocking HTTP calls with QNetworkAccessManager; the server runs in its own process.
class HttpClient
{
public:
    HttpResult call(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
        const QString &token = {}, const QByteArray &contentType = "application/json")
    {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        request.setTransferTimeout(30000);
        QNetworkReply *reply
            = method == "GET" ? m_manager.get(request) : m_manager.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.retryAfter = reply->rawHeader("Retry-After");
        reply->deleteLater();
        return result;
    }

private:
    QNetworkAccessManager m_manager;
};

/// A case number of hall 33030201, counter 7, on a fixed day.
inline QString caseNumber(int serial, const QString &hall = QStringLiteral("33030201"))
{
    return cases::CaseNumber::make(hall, QDate(2026, 3, 16), cases::CaseNumber::sequenceFor(7, serial))
        ->toString();
}

/// An outbox payload: {"event", "state", "case"?}, as CaseStore writes it.
inline QJsonObject outboxEntry(const cases::Case *snapshot, const QString &number, cases::EventKind kind,
    const QDateTime &time, cases::CaseState stateAfter,
    const QString &id = QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    cases::CaseEvent event;
    event.id = id;
    event.caseNumber = number;
    event.kind = kind;
    event.time = time;
    event.clerk = QStringLiteral("clerk-042");
    event.counter = QStringLiteral("W07");
    QJsonObject entry {{QStringLiteral("event"), cases::CaseJson::event(event)},
        {QStringLiteral("state"), cases::keyword(stateAfter)}};
    if (snapshot)
        entry.insert(
            QStringLiteral("case"), cases::CaseJson::caseObject(*snapshot, cases::CaseJson::Privacy::Full));
    return entry;
}

inline QByteArray batch(const QJsonArray &entries)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("events"), entries}}).toJson(QJsonDocument::Compact);
}

} // namespace ow::server::testing
