#pragma once

// onewindow-devsim department as a child process, for the tests of the whole loop on loopback
// (counter, server, department): started with its arguments, its standard output read as JSON lines.

#include "SyncTestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace ow::sync::testing {

/// A loopback port nobody listens on now, for the simulator to take.
inline quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/// Registers the department's endpoint on the loopback port through onewindow-cli, as IT would;
/// the signing secret it prints once (empty when the command failed).
inline QString registerDepartmentEndpoint(
    const QString &serverDataDir, const QString &department, quint16 port)
{
    QString output;
    if (runCli({QStringLiteral("server"), QStringLiteral("department-endpoint"), QStringLiteral("--data-dir"),
                   serverDataDir, QStringLiteral("--department"), department, QStringLiteral("--url"),
                   QStringLiteral("http://127.0.0.1:%1/onewindow").arg(port), QStringLiteral("--json")},
            &output)
        != 0)
        return {};
    return QJsonDocument::fromJson(output.toUtf8()).object().value(QStringLiteral("secret")).toString();
}

/// The server's state of a case, as a workstation of its hall reads it (empty when it cannot).
inline QString serverState(SyncClient &client, const QString &number)
{
    const Result<QJsonObject> found = client.fetchCase(number);
    return found ? found->value(QStringLiteral("case")).toObject().value(QStringLiteral("state")).toString()
                 : QString();
}

/// onewindow-devsim department (OW_DEVSIM_PATH), its output read as JSON lines.
class DepartmentSimulatorProcess
{
public:
    bool start(const QStringList &arguments)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
        m_process.start(
            QStringLiteral(OW_DEVSIM_PATH), QStringList {QStringLiteral("department")} + arguments);
        return m_process.waitForStarted(5000) && waitFor(QStringLiteral("listening"), {}, 1);
    }
    ~DepartmentSimulatorProcess()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    /// Reads lines until `count` lines of `event` (whose `key` is `value`, when given) were seen.
    bool waitFor(const QString &event, const std::pair<QString, QString> &match, int count)
    {
        for (int round = 0; round < 600; ++round) {
            while (m_process.canReadLine())
                m_lines.append(QJsonDocument::fromJson(m_process.readLine()).object());
            if (matching(event, match).size() >= count)
                return true;
            if (m_process.state() != QProcess::Running)
                return false;
            m_process.waitForReadyRead(100);
        }
        qWarning("simulator: %s", m_process.readAllStandardError().constData());
        return false;
    }
    QList<QJsonObject> matching(const QString &event, const std::pair<QString, QString> &match = {}) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &line : m_lines)
            if (line.value(QStringLiteral("event")).toString() == event
                && (match.first.isEmpty() || line.value(match.first).toString() == match.second))
                found.append(line);
        return found;
    }

private:
    QProcess m_process;
    QList<QJsonObject> m_lines;
};

} // namespace ow::sync::testing
