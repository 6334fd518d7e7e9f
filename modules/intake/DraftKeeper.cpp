#include "intake/DraftKeeper.h"

#include "intake/IntakeSession.h"

namespace ow::intake {

DraftKeeper::DraftKeeper(Clock clock, QObject *parent)
    : QObject(parent)
    , m_timer(std::move(clock))
{
    connect(&m_timer, &ClockTimer::timeout, this, [this] { (void)flush(); });
}

void DraftKeeper::setSession(IntakeSession *session)
{
    m_timer.stop();
    m_session = session;
}

void DraftKeeper::changed()
{
    if (m_session)
        m_timer.start(kDelayMs);
}

Result<bool> DraftKeeper::flush()
{
    m_timer.stop();
    if (!m_session)
        return false;
    Result<bool> written = m_session->keepDraft();
    if (!written)
        Q_EMIT failed(written.error().message());
    else if (*written)
        Q_EMIT kept(m_session->draftId());
    return written;
}

} // namespace ow::intake
