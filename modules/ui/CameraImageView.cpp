#include "ui/CameraImageView.h"

#include <QPainter>

namespace ow::ui {

CameraImageView::CameraImageView(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(160, 120);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void CameraImageView::setImage(const QImage &image)
{
    m_image = image;
    update();
}

void CameraImageView::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

void CameraImageView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0x2b, 0x30, 0x36));
    if (m_image.isNull()) {
        painter.setPen(QColor(0xd0, 0xd5, 0xdb));
        painter.drawText(
            rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const QSize fitted = m_image.size().scaled(size() - QSize(8, 8), Qt::KeepAspectRatio);
    const QRect target(QPoint((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(target, m_image);
}

} // namespace ow::ui
