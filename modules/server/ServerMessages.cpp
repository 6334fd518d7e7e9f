#include "server/ServerMessages.h"

#include "core/InputExcerpt.h"
#include "server/RequestLog.h"

#include <QByteArray>
#include <QString>
#include <cstring>

namespace ow::server {

namespace {

RequestLog *g_log = nullptr;

const char *label(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "message";
}

void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log->writeLine(ServerMessages::format(type, context.category, message));
    // The process ends right after a fatal message: give the writer its chance to get it out.
    if (type == QtFatalMsg)
        g_log->flush(1000);
}

} // namespace

void ServerMessages::install(int fileDescriptor)
{
    if (g_log)
        return;
    // Never destroyed: messages may come from other threads until the very end of the process.
    g_log = new RequestLog(fileDescriptor);
    qInstallMessageHandler(handle);
}

RequestLog *ServerMessages::log()
{
    return g_log;
}

QByteArray ServerMessages::format(QtMsgType type, const char *category, const QString &message)
{
    QString line = QString::fromLatin1(label(type)) + QStringLiteral(": ");
    if (category && std::strcmp(category, "default") != 0)
        line += QString::fromUtf8(category) + QStringLiteral(": ");
    line += message;
    return InputExcerpt::bounded(line, kMaxLineLength).toUtf8();
}

} // namespace ow::server
