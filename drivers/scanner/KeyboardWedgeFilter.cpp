#include "scanner/KeyboardWedgeFilter.h"

#include <QCoreApplication>
#include <QKeyEvent>

namespace ow::drivers::scanner {

KeyboardWedgeFilter::KeyboardWedgeFilter(KeyboardWedgeOptions options, Clock clock, QObject *parent)
    : BarcodeScanner(parent)
    , m_options(std::move(options))
    , m_clock(std::move(clock))
    , m_idleTimer(m_clock)
{
    connect(&m_idleTimer, &ClockTimer::timeout, this, &KeyboardWedgeFilter::flushIfIdle);
}

KeyboardWedgeFilter::~KeyboardWedgeFilter()
{
    stop();
}

void KeyboardWedgeFilter::start()
{
    if (m_running || !QCoreApplication::instance())
        return;
    QCoreApplication::instance()->installEventFilter(this);
    m_running = true;
}

void KeyboardWedgeFilter::stop()
{
    if (!m_running)
        return;
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
    m_running = false;
    flush();
}

bool KeyboardWedgeFilter::isScanCharacter(const QKeyEvent *event) const
{
    const QString text = event->text();
    const Qt::KeyboardModifiers chordModifiers
        = event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    return text.size() == 1 && text.at(0).isPrint() && chordModifiers == Qt::NoModifier
        && !event->isAutoRepeat();
}

bool KeyboardWedgeFilter::isModifierKey(const QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_Meta:
    case Qt::Key_CapsLock:
        return true;
    default:
        return false;
    }
}

bool KeyboardWedgeFilter::isTerminator(const QKeyEvent *event) const
{
    const Qt::KeyboardModifiers chordModifiers
        = event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    return m_options.terminators.contains(event->key()) && chordModifiers == Qt::NoModifier;
}

bool KeyboardWedgeFilter::eventFilter(QObject *watched, QEvent *event)
{
    if (m_replaying || (event->type() != QEvent::KeyPress && event->type() != QEvent::KeyRelease))
        return false;
    const auto *key = static_cast<const QKeyEvent *>(event);

    if (event->type() == QEvent::KeyRelease) {
        if (!m_held.empty()) {
            hold(watched, key); // keeps press/release order when the burst turns out to be typing
            return true;
        }
        if (m_swallowRelease == key->key()) {
            m_swallowRelease.reset();
            return true;
        }
        return false;
    }

    const qint64 now = m_clock.monotonicMs();
    const bool inTime = !m_held.empty() && now - m_lastPressMs <= m_options.maxIntervalMs;
    if (!m_held.empty() && !inTime)
        flush(); // the held keys were typed: this key comes too late to continue a scan

    if (isTerminator(key)) {
        if (inTime && m_text.size() >= m_options.minLength) {
            const QString code = m_text;
            dropHeld();
            m_swallowRelease = key->key();
            Q_EMIT codeScanned(code);
            return true;
        }
        flush();
        return false;
    }
    if (isModifierKey(key)) {
        // Scanners press Shift around capitals; a modifier neither ends a burst nor counts as a key,
        // and is held with the burst so the order of events stays as it was.
        if (m_held.empty())
            return false;
        hold(watched, key);
        return true;
    }
    if (isScanCharacter(key)) {
        hold(watched, key);
        m_text += key->text();
        m_lastPressMs = now;
        m_idleTimer.start(m_options.maxIntervalMs + 1);
        return true;
    }
    flush();
    return false;
}

void KeyboardWedgeFilter::hold(QObject *receiver, const QKeyEvent *event)
{
    m_held.push_back({receiver, std::unique_ptr<QKeyEvent>(event->clone())});
}

void KeyboardWedgeFilter::dropHeld()
{
    m_held.clear();
    m_text.clear();
    m_idleTimer.stop();
}

void KeyboardWedgeFilter::flushIfIdle()
{
    if (m_held.empty())
        return;
    const qint64 quiet = m_clock.monotonicMs() - m_lastPressMs;
    if (quiet > m_options.maxIntervalMs)
        flush();
    else
        m_idleTimer.start(m_options.maxIntervalMs - quiet + 1);
}

void KeyboardWedgeFilter::flush()
{
    if (m_held.empty())
        return;
    std::vector<HeldEvent> held = std::exchange(m_held, {});
    dropHeld();
    m_replaying = true;
    for (const HeldEvent &item : held)
        if (item.receiver)
            QCoreApplication::sendEvent(item.receiver, item.event.get());
    m_replaying = false;
}

} // namespace ow::drivers::scanner
