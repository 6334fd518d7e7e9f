#include "ui/IdleWatcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace ow::ui {

IdleWatcher::IdleWatcher(int minutes, QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::expireNow);
    QCoreApplication::instance()->installEventFilter(this);
    setMinutes(minutes);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleWatcher::setMinutes(int minutes)
{
    m_minutes = qMax(0, minutes);
    restart();
}

void IdleWatcher::restart()
{
    if (m_minutes == 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(std::chrono::minutes(m_minutes));
}

void IdleWatcher::expireNow()
{
    m_timer.stop();
    Q_EMIT idle();
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (m_minutes > 0)
            m_timer.start(std::chrono::minutes(m_minutes));
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace ow::ui
