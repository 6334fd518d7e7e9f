#pragma once

// Shared by the tests of the counter's side of the queue: a real onewindow-server on loopback with
// the demo catalogue published (so tickets may name a matter), workstations enrolled for counters,
// and tickets issued as the kiosk does.

#include "ServerTestSupport.h"
#include "core/Clock.h"
#include "server/CatalogueRepository.h"
#include "server/CredentialStore.h"
#include "server/ServerSchema.h"
#include "sync/CataloguePackage.h"

#include <QDir>

namespace ow::server::testing {

class QueueHall
{
public:
    static inline const QString kHall = QStringLiteral("33030201");

    explicit QueueHall(QString dataDir)
        : m_dataDir(std::move(dataDir))
        , m_server(QStringLiteral(OW_SERVER_PATH), m_dataDir, {})
    {
    }

    /// Publishes the demo catalogue into the server's database, then starts the server.
    bool start()
    {
        if (!QDir().mkpath(m_dataDir))
            return false;
        {
            Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(databaseUrl());
            if (!db || !ServerSchema::migrate(**db)) {
                qWarning() << "cannot prepare the server's database";
                return false;
            }
            Result<sync::CataloguePackage> package
                = sync::CataloguePackage::fromDirectory(QStringLiteral(OW_DEMO_CATALOGUE),
                    QStringLiteral("lucheng-demo"), QStringLiteral("2026.11.2"));
            if (!package) {
                qWarning().noquote() << package.error().toString();
                return false;
            }
            CatalogueRepository catalogues(**db, m_dataDir + QStringLiteral("/catalogues"), Clock());
            Result<CatalogueRepository::Outcome> published = catalogues.publish(
                *package, QJsonDocument(package->toJson()).toJson(QJsonDocument::Compact));
            if (!published || published->status != CatalogueRepository::Outcome::Status::Published) {
                qWarning().noquote() << "publishing the demo catalogue:"
                                     << (published ? int(published->status) : -1)
                                     << (published ? QString() : published.error().toString());
                return false;
            }
        }
        return m_server.start();
    }

    /// A workstation token of the hall for `counter`, enrolled over HTTP.
    QString enrol(const QString &counter)
    {
        QString secret;
        {
            Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(databaseUrl());
            if (!db)
                return {};
            const Result<IssuedSecret> code = CredentialStore(**db, Clock()).issueEnrolCode(kHall, counter);
            if (!code)
                return {};
            secret = code->secret;
        }
        const HttpResult enrolled = m_http.call("POST", m_server.url(QStringLiteral("/api/v1/enrol")),
            QJsonDocument(
                QJsonObject {{QStringLiteral("code"), secret}, {QStringLiteral("machine"), counter}})
                .toJson());
        return enrolled.json().value(QStringLiteral("token")).toString();
    }

    /// POST /api/v1/queue/<path>.
    HttpResult post(const QString &token, const QString &path, const QJsonObject &body)
    {
        return m_http.call("POST", m_server.url(QStringLiteral("/api/v1/queue/") + path),
            QJsonDocument(body).toJson(QJsonDocument::Compact), token);
    }
    HttpResult get(const QString &token, const QString &path)
    {
        return m_http.call("GET", m_server.url(QStringLiteral("/api/v1/queue/") + path), {}, token);
    }

    QString url() const { return m_server.url({}).toString(); }
    ServerProcess &server() { return m_server; }

private:
    QString databaseUrl() const
    {
        return QStringLiteral("sqlite:") + m_dataDir + QStringLiteral("/server.db");
    }

    QString m_dataDir;
    ServerProcess m_server;
    HttpClient m_http;
};

} // namespace ow::server::testing
