#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ow::drivers::receipt {

/// How a helper program ended.
struct ProcessOutcome
{
    enum class Status
    {
        Finished, ///< ran to the end; see exitCode
        FailedToStart, ///< missing or not executable
        TimedOut, ///< killed after the time allowed
        Crashed,
    };
    Status status = Status::Finished;
    int exitCode = 0;
    QByteArray standardError;
};

/// Runs a program with bytes on its standard input and waits for it. A seam: CupsRawSink goes
/// through it so tests can stand in for `lp`.
class ProcessRunner
{
public:
    virtual ~ProcessRunner() = default;
    virtual ProcessOutcome run(
        const QString &program, const QStringList &arguments, const QByteArray &input, int timeoutMs)
        = 0;
};

/// The real one, with QProcess; blocking, for the printer's thread.
class QProcessRunner : public ProcessRunner
{
public:
    ProcessOutcome run(const QString &program, const QStringList &arguments, const QByteArray &input,
        int timeoutMs) override;
};

} // namespace ow::drivers::receipt
