#include "ui/SyncStatusIndicator.h"

#include "ui/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace ow::ui {

SyncStatusIndicator::SyncStatusIndicator(QWidget *parent)
    : QWidget(parent)
    , m_dot(new QLabel(this))
    , m_label(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    m_dot->setFixedSize(10, 10);
    m_dot->setAccessibleName(tr("Connection to the server"));
    layout->addWidget(m_dot);
    layout->addWidget(m_label);
    // Until the worker reports, the counter does not know whether the server is there.
    setStatus(false, 0, 0, {});
}

QString SyncStatusIndicator::text() const
{
    return m_label->text();
}

void SyncStatusIndicator::setStatus(
    bool online, qint64 pendingEvents, qint64 pendingBytes, const QString &lastError)
{
    m_online = online;
    // Online with something to say (a scan set aside, a wrong clock): amber, and a sign on the label.
    const bool warn = online && !lastError.isEmpty();
    m_warning = warn;
    setCursor(warn ? Qt::PointingHandCursor : Qt::ArrowCursor);
    const QColor colour = !online ? Theme::secondaryText() : warn ? Theme::warning() : Theme::success();
    m_dot->setStyleSheet(QStringLiteral("background: %1; border-radius: 5px;").arg(colour.name()));
    const QString state = online ? tr("Online") : tr("Offline");
    if (pendingEvents > 0)
        m_label->setText(
            tr("%1 · %n event(s) waiting", nullptr, int(std::min<qint64>(pendingEvents, INT_MAX)))
                .arg(state));
    else
        m_label->setText(state);
    if (warn)
        m_label->setText(m_label->text() + QLatin1Char(' ') + QChar(0x26A0));
    QString tip = online ? tr("Connected to the central server.")
                         : tr("The central server cannot be reached; cases are kept here and sent later.");
    if (pendingBytes > 0)
        tip += QLatin1Char('\n') + tr("Scans waiting: %1").arg(QLocale().formattedDataSize(pendingBytes));
    if (!lastError.isEmpty())
        tip += QLatin1Char('\n') + lastError;
    if (warn)
        tip += QLatin1Char('\n') + tr("Click for the scans that cannot be read.");
    setToolTip(tip);
}

void SyncStatusIndicator::mouseReleaseEvent(QMouseEvent *event)
{
    QWidget::mouseReleaseEvent(event);
    if (m_warning)
        Q_EMIT detailsRequested();
}

} // namespace ow::ui
