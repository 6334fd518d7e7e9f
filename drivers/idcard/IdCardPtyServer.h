#pragma once

#include "idcard/IdCardSimulator.h"
#include "idcard/PseudoTerminal.h"

#include <QObject>

class QSocketNotifier;

namespace ow::drivers::idcard {

/// Serves an IdCardSimulator on a pseudo-terminal, driven by the event loop of the thread it lives
/// on: what the program on the slave end writes goes to the simulator, its answers go back.
class IdCardPtyServer : public QObject
{
    Q_OBJECT

public:
    explicit IdCardPtyServer(IdCardSimulator &simulator, QObject *parent = nullptr);
    ~IdCardPtyServer() override;

    /// Creates the terminal; returns the path to give the reader as its serial port.
    Result<QString> open();
    void close();
    QString portPath() const { return m_pty.slavePath(); }

Q_SIGNALS:
    /// Each request served, for logs: the bytes in and the bytes answered.
    void exchanged(const QByteArray &request, const QByteArray &reply);

private:
    void serve();

    IdCardSimulator &m_simulator;
    PseudoTerminal m_pty;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace ow::drivers::idcard
