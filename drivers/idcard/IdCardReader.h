#pragma once

#include "idcard/IdCardData.h"
#include "idcard/IdCardReaderOptions.h"
#include "idcard/IdCardTransport.h"

#include <QObject>
#include <QThread>

namespace ow::drivers::idcard {

class IdCardReaderWorker;

/// Reads ID cards continuously on a thread of its own and reports each card once, through queued
/// signals: cardRead when a card has been read, readerError with a sentence for every failure,
/// stateChanged when the reader comes, goes or breaks.
class IdCardReader : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Stopped, ///< not started
        Connected, ///< the reader answers; cards are looked for
        Missing, ///< the reader is not plugged in
        Error, ///< the reader is there but does not work (see readerError)
    };
    Q_ENUM(State)

    explicit IdCardReader(
        IdCardTransportFactory factory, IdCardReaderOptions options = {}, QObject *parent = nullptr);
    ~IdCardReader() override;

    void start();
    /// Blocks until the loop has closed the device (at most one command's timeout).
    void stop();
    bool isRunning() const { return m_worker != nullptr; }
    State state() const { return m_state; }

Q_SIGNALS:
    void cardRead(const ow::drivers::idcard::IdCardData &card);
    void readerError(const QString &message);
    void stateChanged(ow::drivers::idcard::IdCardReader::State state);

private:
    IdCardTransportFactory m_factory;
    IdCardReaderOptions m_options;
    QThread m_thread;
    IdCardReaderWorker *m_worker = nullptr;
    State m_state = State::Stopped;
};

} // namespace ow::drivers::idcard
