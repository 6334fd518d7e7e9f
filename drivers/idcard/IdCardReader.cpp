#include "idcard/IdCardReader.h"

#include "idcard/IdCardReaderWorker.h"

namespace ow::drivers::idcard {

IdCardReader::IdCardReader(IdCardTransportFactory factory, IdCardReaderOptions options, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
    , m_options(options)
{
    qRegisterMetaType<IdCardData>();
    qRegisterMetaType<IdCardReaderWorker::Link>();
    m_thread.setObjectName(QStringLiteral("IdCardReader"));
}

IdCardReader::~IdCardReader()
{
    stop();
}

void IdCardReader::start()
{
    if (m_worker)
        return;
    m_worker = new IdCardReaderWorker(m_factory, m_options);
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &IdCardReaderWorker::cardRead, this, &IdCardReader::cardRead, Qt::QueuedConnection);
    connect(
        m_worker, &IdCardReaderWorker::readerError, this, &IdCardReader::readerError, Qt::QueuedConnection);
    connect(
        m_worker, &IdCardReaderWorker::linkChanged, this,
        [this](IdCardReaderWorker::Link link) {
            const State state = link == IdCardReaderWorker::Link::Connected ? State::Connected
                : link == IdCardReaderWorker::Link::Missing                 ? State::Missing
                                                                            : State::Error;
            if (!m_worker || state == m_state)
                return;
            m_state = state;
            Q_EMIT stateChanged(state);
        },
        Qt::QueuedConnection);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &IdCardReaderWorker::start, Qt::QueuedConnection);
}

void IdCardReader::stop()
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(m_worker, &IdCardReaderWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
    m_worker = nullptr;
    if (m_state != State::Stopped) {
        m_state = State::Stopped;
        Q_EMIT stateChanged(m_state);
    }
}

} // namespace ow::drivers::idcard
