#pragma once

#include <QtGlobal>

namespace ow::server {

class RequestLog;

/// Where onewindow-server's own messages go: qWarning/qCritical and Qt's messages (its network and
/// SQL modules) are written to standard error by a RequestLog writer thread, not by the thread that
/// raised them. A log reader that stops reading (a hung journal collector, a full pipe) therefore
/// never stops request handling: messages wait in a bounded queue, and beyond it are dropped and
/// counted. Each message is one line, its control characters escaped and its length bounded, so
/// input quoted in a message cannot break the log into lines or reach a terminal raw.
class ServerMessages
{
public:
    /// The longest line written for one message, in characters.
    static constexpr qsizetype kMaxLineLength = 2000;

    /// Installs the message handler writing to `fileDescriptor` (standard error by default); the
    /// log lives until the program ends. A second call does nothing.
    static void install(int fileDescriptor = 2);
    /// The log behind the handler, for tests; null before install().
    static RequestLog *log();
    /// The line a message becomes: "warning: …", escaped and bounded.
    static QByteArray format(QtMsgType type, const char *category, const QString &message);
};

} // namespace ow::server
