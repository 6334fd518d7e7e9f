#pragma once

#include "core/ClockTimer.h"
#include "core/Result.h"

#include <QObject>

namespace ow::intake {

class IntakeSession;

/// Keeps the open intake as a draft: each change restarts a short delay, after which the intake is
/// written to the store (IntakeSession::keepDraft, one transaction). A burst of typing is one write,
/// and a crash loses at most the delay. flush() writes at once (quitting, locking, a new case).
class DraftKeeper : public QObject
{
    Q_OBJECT

public:
    /// How long the intake must stand still before it is written.
    static constexpr qint64 kDelayMs = 1500;

    explicit DraftKeeper(Clock clock = {}, QObject *parent = nullptr);

    /// The intake to keep (not owned); null stops keeping and forgets a pending write.
    void setSession(IntakeSession *session);
    IntakeSession *session() const { return m_session; }
    bool isPending() const { return m_timer.isActive(); }

public Q_SLOTS:
    /// Something in the intake changed: write it once the delay passes without another change.
    void changed();
    /// Writes now when anything changed since the last write. Whether it wrote.
    Result<bool> flush();

Q_SIGNALS:
    /// The draft was written.
    void kept(qint64 draftId);
    /// Writing failed; the reason for the status bar. The next change tries again.
    void failed(const QString &message);

private:
    ClockTimer m_timer;
    IntakeSession *m_session = nullptr;
};

} // namespace ow::intake
