#pragma once

#include <QObject>
#include <QTimer>

namespace ow::ui {

/// Notices when nobody has touched keyboard or mouse for a set time, so the workstation can lock
/// while the clerk is away from the counter.
class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    /// Watches the whole application; `minutes` 0 never reports idleness.
    explicit IdleWatcher(int minutes, QObject *parent = nullptr);
    ~IdleWatcher() override;

    int minutes() const { return m_minutes; }
    void setMinutes(int minutes);
    bool isRunning() const { return m_timer.isActive(); }

public Q_SLOTS:
    /// Starts the idle time again (any input does this).
    void restart();
    /// Reports idleness now, as if the time had run out (tests, and a "lock now" command).
    void expireNow();

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int m_minutes = 0;
    QTimer m_timer;
};

} // namespace ow::ui
