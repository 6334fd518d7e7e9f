#pragma once

#include "core/Clock.h"
#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QUrl>
#include <QUrlQuery>
#include <memory>

class QNetworkReply;

namespace ow::sync {

/// What `POST /enrol` gives a workstation.
struct Enrolment
{
    QString token;
    QString workstation; ///< the server's id for this workstation
    QString hall;
    QString counter;
    int counterNumber = 0;
};

/// The server's answer for one event of a batch.
struct EventResult
{
    QString id;
    QString status; ///< protocol::kStored, kDuplicate or kRejected
    QString code;
    QString message;
};

/// How much of an attachment the server holds.
struct UploadStatus
{
    qint64 received = 0;
    qint64 total = -1; ///< -1 when the server does not know it yet
    bool complete = false;
};

/// One page of `GET /changes`.
struct ChangesPage
{
    QList<QJsonObject> events; ///< CaseJson::event objects, in server order
    QString cursor;
    bool more = false;
};

/// An HTTP answer that was not a success. `status` 0 means no answer at all (network, timeout):
/// those, and 5xx, are worth retrying; a 4xx is final for that request.
struct HttpFailure
{
    int status = 0;
    QString code; ///< the server's error keyword, see protocol::error
    QString message;
    QJsonObject body;

    bool retryable() const { return status == 0 || status >= 500; }
};

/// The workstation's HTTP client for the sync protocol (docs/sync-protocol.md): bearer token, JSON
/// errors turned into ow::Error with the server's message, and a transfer timeout.
///
/// Calls block on a local event loop: the client is meant for the sync worker's own thread and for
/// the command line, never for the GUI thread. Create it in the thread that uses it.
class SyncClient
{
public:
    explicit SyncClient(QUrl server, QString token = {});

    const QUrl &server() const { return m_server; }
    void setToken(const QString &token) { m_token = token; }
    /// Milliseconds without progress before a request is abandoned (default 30 s).
    void setTimeout(int milliseconds) { m_timeout = milliseconds; }
    /// The clock whose time goes with each request (the server records the skew) and against which
    /// the server's time is compared.
    void setClock(Clock clock) { m_clock = std::move(clock); }
    const Clock &clock() const { return m_clock; }
    /// How far the server's clock is ahead of this workstation's (negative: behind), from the last
    /// answer that carried the server's time; nullopt before one did.
    std::optional<qint64> serverClockOffsetMs() const { return m_serverOffsetMs; }
    /// The failure of the last call that failed, with the HTTP status and server code.
    const HttpFailure &lastFailure() const { return m_lastFailure; }
    /// The HTTP status of the last answer (0 when none came), e.g. 200 or 201 after a publish.
    int lastStatus() const { return m_lastStatus; }

    Result<QJsonObject> health();
    Result<Enrolment> enrol(const QString &code, const QString &machine);
    /// `payloads` are outbox payloads (JSON objects as text); at most protocol::kMaxEventsPerBatch.
    Result<QList<EventResult>> postEvents(const QList<QByteArray> &payloads);
    Result<UploadStatus> uploadStatus(const QString &sha256);
    /// Sends one chunk. On 409 offset-mismatch the result is the server's status (received = where
    /// it stands), so the caller resumes from there.
    Result<UploadStatus> uploadChunk(
        const QString &sha256, qint64 offset, qint64 total, const QByteArray &chunk);
    Result<ChangesPage> changes(const QString &after, int limit);
    /// `GET /cases/<number>`: {"case": {…}, "events": […]}.
    Result<QJsonObject> fetchCase(const QString &number);

    /// Any JSON call, for the commands that need one the class does not name (department status,
    /// catalogue publishing). `body` is sent when the method is POST or PUT.
    Result<QJsonObject> call(const QByteArray &method, const QString &path, const QUrlQuery &query = {},
        const QByteArray &body = {}, const QByteArray &contentType = "application/json");

    /// `GET` of raw bytes (a scan): the body as it came, its Content-Type in `contentType`. An answer
    /// cut off before its announced length fails like an unreachable server; one larger than
    /// `maxBytes` (when not negative) is refused.
    Result<QByteArray> download(const QString &path, QString *contentType = nullptr, qint64 maxBytes = -1);

private:
    QUrl urlFor(const QString &path, const QUrlQuery &query) const;
    Failure failure(HttpFailure failed);
    /// Sends one request and waits for the whole answer; `sent` is the time that went with it.
    std::unique_ptr<QNetworkReply> exchange(const QByteArray &method, const QString &path,
        const QUrlQuery &query, const QByteArray &body, const QByteArray &contentType, QDateTime *sent);
    Failure errorAnswer(int status, const QByteArray &data, QNetworkReply &reply);

    QUrl m_server;
    QString m_token;
    int m_timeout = 30000;
    HttpFailure m_lastFailure;
    int m_lastStatus = 0;
    Clock m_clock;
    std::optional<qint64> m_serverOffsetMs;
    QNetworkAccessManager m_manager;
};

} // namespace ow::sync
