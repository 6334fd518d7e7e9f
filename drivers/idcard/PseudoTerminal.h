#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace ow::drivers::idcard {

/// A POSIX pseudo-terminal pair in raw mode: the master end is ours, the slave path is what a
/// program opens as if it were a serial port. Unix only.
class PseudoTerminal
{
public:
    PseudoTerminal() = default;
    ~PseudoTerminal();
    PseudoTerminal(const PseudoTerminal &) = delete;
    PseudoTerminal &operator=(const PseudoTerminal &) = delete;

    /// Creates the pair. The slave is also held open here so it keeps its raw settings and the
    /// master does not see a hang-up while the other program closes and reopens it.
    Result<void> open();
    void close();
    bool isOpen() const { return m_master >= 0; }

    QString slavePath() const { return m_slavePath; }
    int masterDescriptor() const { return m_master; }

    /// What the other program wrote (non-blocking; empty when nothing is waiting).
    QByteArray readAvailable();
    /// Everything, waiting for the terminal to take it.
    Result<void> writeAll(const QByteArray &bytes);

private:
    int m_master = -1;
    int m_slave = -1;
    QString m_slavePath;
};

} // namespace ow::drivers::idcard
