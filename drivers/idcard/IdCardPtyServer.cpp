#include "idcard/IdCardPtyServer.h"

#include <QSocketNotifier>

namespace ow::drivers::idcard {

IdCardPtyServer::IdCardPtyServer(IdCardSimulator &simulator, QObject *parent)
    : QObject(parent)
    , m_simulator(simulator)
{
}

IdCardPtyServer::~IdCardPtyServer()
{
    close();
}

Result<QString> IdCardPtyServer::open()
{
    close();
    if (Result<void> opened = m_pty.open(); !opened)
        return failWith(opened.error());
    m_notifier = new QSocketNotifier(qintptr(m_pty.masterDescriptor()), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &IdCardPtyServer::serve);
    return m_pty.slavePath();
}

void IdCardPtyServer::close()
{
    delete m_notifier;
    m_notifier = nullptr;
    m_pty.close();
}

void IdCardPtyServer::serve()
{
    const QByteArray request = m_pty.readAvailable();
    if (request.isEmpty())
        return;
    const QByteArray reply = m_simulator.receive(request);
    if (!reply.isEmpty())
        (void)m_pty.writeAll(reply); // a host that went away just misses the answer, as with a real reader
    Q_EMIT exchanged(request, reply);
}

} // namespace ow::drivers::idcard
