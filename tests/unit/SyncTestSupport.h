#pragma once

// Shared by the sync integration tests: the real onewindow-server as a child process on a free
// loopback port, credentials issued straight into its database, and workstation stores enrolled
// with it.

#include "CaseTestSupport.h"
#include "server/CredentialStore.h"
#include "server/ServerSchema.h"
#include "sync/SyncClient.h"
#include "sync/SyncSettings.h"

#include <QDir>
#include <QEventLoop>
#include <QProcess>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace ow::sync::testing {

/// onewindow-server on 127.0.0.1 with its own data folder; kill() is SIGKILL, start() again
/// reuses folder and port.
class ServerProcess
{
public:
    explicit ServerProcess(QString dataDirectory)
        : m_dataDirectory(std::move(dataDirectory))
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
    }
    ~ServerProcess() { kill(); }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    /// Options added to the server's command line at the next start() (e.g. a settings file).
    void setExtraArguments(QStringList arguments) { m_extraArguments = std::move(arguments); }
    QString databaseSpec() const
    {
        return QStringLiteral("sqlite:") + QDir(m_dataDirectory).filePath(QStringLiteral("server.db"));
    }

    /// Starts the server and waits until /health answers; false (with the server's output) when it
    /// does not come up.
    bool start()
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_LINUX
        // Killed with the test, should it die without its destructors: an orphaned server would hold
        // its port, and whatever the test's runner held (a lock's file descriptor), long after.
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
        m_process.start(QStringLiteral(OW_SERVER_PATH),
            QStringList {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port),
                QStringLiteral("--data-dir"), m_dataDirectory, QStringLiteral("--lang"), QStringLiteral("en"),
                QStringLiteral("--max-event-age"), QStringLiteral("0")}
                + m_extraArguments);
        if (!m_process.waitForStarted(5000))
            return false;
        SyncClient client {QUrl(url())};
        client.setTimeout(1000);
        for (int attempt = 0; attempt < 200; ++attempt) {
            if (client.health())
                return true;
            if (m_process.state() != QProcess::Running)
                break;
            QTest::qWait(25);
        }
        qWarning("server did not start: %s", m_process.readAll().constData());
        return false;
    }

    void kill()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    /// Issues credentials in the server's database (the admin commands do the same).
    QString enrolCode(const QString &hall, const QString &counter) const
    {
        return withCredentials(
            [&](server::CredentialStore &store) { return store.issueEnrolCode(hall, counter); });
    }
    QString departmentKey(const QString &department) const
    {
        return withCredentials(
            [&](server::CredentialStore &store) { return store.issueDepartmentKey(department); });
    }
    QString publisherKey(const QString &name) const
    {
        return withCredentials([&](server::CredentialStore &store) { return store.issuePublisherKey(name); });
    }

private:
    template<typename Issue> QString withCredentials(Issue issue) const
    {
        QDir().mkpath(m_dataDirectory);
        auto db = server::ServerSchema::open(databaseSpec());
        if (!db || !server::ServerSchema::migrate(**db))
            qFatal("cannot open the server database");
        server::CredentialStore store(**db, Clock());
        const Result<server::IssuedSecret> issued = issue(store);
        if (!issued)
            qFatal("cannot issue a credential: %s", qPrintable(issued.error().toString()));
        return issued->secret;
    }

    QString m_dataDirectory;
    quint16 m_port = 0;
    QProcess m_process;
    QStringList m_extraArguments;
};

/// Runs onewindow-cli; returns its exit code and fills the output.
inline int runCli(const QStringList &arguments, QString *output = nullptr, int timeoutMs = 60000)
{
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(QStringLiteral(OW_CLI_PATH),
        QStringList {QStringLiteral("--lang"), QStringLiteral("en")} + arguments);
    if (!cli.waitForFinished(timeoutMs))
        return -1;
    if (output)
        *output = QString::fromUtf8(cli.readAll());
    return cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
}

/// Enrols the store in `dataDirectory` with onewindow-cli and opens it as the counter it was given.
inline std::unique_ptr<cases::CaseStore> enrolled(
    const ServerProcess &server, const QString &dataDirectory, const QString &counter)
{
    QString output;
    const int code
        = runCli({QStringLiteral("sync"), QStringLiteral("enrol"), QStringLiteral("--data-dir"),
                     dataDirectory, QStringLiteral("--server"), server.url(), QStringLiteral("--code"),
                     server.enrolCode(cases::testing::workstation().hall, counter)},
            &output);
    if (code != 0)
        qFatal("enrol failed: %s", qPrintable(output));
    auto settings = SyncSettings::readFrom(dataDirectory);
    if (!settings || !*settings)
        qFatal("no enrolment stored");
    auto store = cases::CaseStore::open(dataDirectory, (*settings)->workstation);
    if (!store)
        qFatal("cannot open store: %s", qPrintable(store.error().toString()));
    return std::move(*store);
}

/// A client with the store's token, for asking the server what it holds.
inline std::unique_ptr<SyncClient> clientFor(const cases::CaseStore &store)
{
    const auto settings = SyncSettings::read(store);
    return std::make_unique<SyncClient>(QUrl(settings->server), settings->token);
}

/// Every event of the hall the server holds, in its order.
inline QList<QJsonObject> serverEvents(SyncClient &client)
{
    QList<QJsonObject> all;
    QString cursor;
    for (;;) {
        auto page = client.changes(cursor, 500);
        if (!page)
            qFatal("changes failed: %s", qPrintable(page.error().toString()));
        all += page->events;
        if (!page->more || page->cursor == cursor)
            return all;
        cursor = page->cursor;
    }
}

/// Opens, scans and accepts a case: two outbox events, `scans` attachments of `scanBytes` random bytes.
inline cases::Case acceptCase(cases::CaseStore &store, int scans, qsizetype scanBytes, quint32 seed)
{
    cases::Case c = cases::testing::draft();
    c.materialChecks[1].failedPoints.clear();
    for (int i = 0; i < scans; ++i) {
        QByteArray bytes(scanBytes, Qt::Uninitialized);
        quint32 x = seed * 7919u + quint32(i) * 104729u + 1u;
        for (char &b : bytes) {
            x = x * 1664525u + 1013904223u;
            b = char(x >> 24);
        }
        const QString sha = store.attachments().put(bytes).value();
        c.attachments.append(
            cases::CaseAttachment {sha, QStringLiteral("id-card"), QStringLiteral("scan.jpg"),
                QStringLiteral("image/jpeg"), bytes.size(), QDateTime::currentDateTimeUtc()});
    }
    cases::Case stored = store.createDraft(c, QStringLiteral("clerk-042")).value();
    if (!store.save(stored, cases::testing::caseEvent(cases::EventKind::Accepted)))
        qFatal("accept failed");
    return store.findByNumber(stored.number).value();
}

} // namespace ow::sync::testing
