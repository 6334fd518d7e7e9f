#include "receipt/ProcessRunner.h"

#include <QProcess>

namespace ow::drivers::receipt {

ProcessOutcome QProcessRunner::run(
    const QString &program, const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    ProcessOutcome outcome;
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(timeoutMs)) {
        outcome.status = ProcessOutcome::Status::FailedToStart;
        outcome.standardError = process.errorString().toUtf8();
        return outcome;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        outcome.status = ProcessOutcome::Status::TimedOut;
        return outcome;
    }
    outcome.standardError = process.readAllStandardError();
    outcome.exitCode = process.exitCode();
    outcome.status = process.exitStatus() == QProcess::NormalExit ? ProcessOutcome::Status::Finished
                                                                  : ProcessOutcome::Status::Crashed;
    return outcome;
}

} // namespace ow::drivers::receipt
