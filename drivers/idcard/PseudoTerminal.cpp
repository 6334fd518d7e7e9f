#include "idcard/PseudoTerminal.h"

#include <QCoreApplication>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

namespace ow::drivers::idcard {

namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

constexpr int kWriteWaitMs = 1000;

} // namespace

PseudoTerminal::~PseudoTerminal()
{
    close();
}

Result<void> PseudoTerminal::open()
{
    close();
    m_master = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (m_master < 0 || ::grantpt(m_master) != 0 || ::unlockpt(m_master) != 0) {
        const QString reason = systemError();
        close();
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::drivers::idcard", "A pseudo-terminal could not be created: %1.")
                .arg(reason));
    }
    const char *name = ::ptsname(m_master);
    m_slavePath = name ? QString::fromLocal8Bit(name) : QString();
    m_slave = name ? ::open(name, O_RDWR | O_NOCTTY) : -1;
    termios settings {};
    if (m_slave < 0 || ::tcgetattr(m_slave, &settings) != 0) {
        const QString reason = systemError();
        close();
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::drivers::idcard", "The pseudo-terminal could not be opened: %1.")
                .arg(reason));
    }
    // Binary frames: no echo, no line editing, no CR/LF translation on either side.
    ::cfmakeraw(&settings);
    ::tcsetattr(m_slave, TCSANOW, &settings);
    ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
    return {};
}

void PseudoTerminal::close()
{
    if (m_slave >= 0)
        ::close(m_slave);
    if (m_master >= 0)
        ::close(m_master);
    m_slave = -1;
    m_master = -1;
    m_slavePath.clear();
}

QByteArray PseudoTerminal::readAvailable()
{
    QByteArray bytes;
    char buffer[4096];
    while (m_master >= 0) {
        const ssize_t n = ::read(m_master, buffer, sizeof buffer);
        if (n <= 0)
            break;
        bytes.append(buffer, n);
    }
    return bytes;
}

Result<void> PseudoTerminal::writeAll(const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_master, bytes.constData() + done, size_t(bytes.size() - done));
        if (n > 0) {
            done += n;
            continue;
        }
        if (n < 0 && errno == EAGAIN) {
            pollfd waitFor {m_master, POLLOUT, 0};
            if (::poll(&waitFor, 1, kWriteWaitMs) > 0)
                continue;
        }
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::drivers::idcard", "Writing to the pseudo-terminal failed: %1.")
                .arg(systemError()));
    }
    return {};
}

} // namespace ow::drivers::idcard
