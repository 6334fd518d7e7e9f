#pragma once

#include <QImage>
#include <QWidget>

namespace ow::ui {

/// An image shown as large as fits, centred, on a dark ground like a camera viewfinder; a line of
/// text in its place when there is no image.
class CameraImageView : public QWidget
{
    Q_OBJECT

public:
    explicit CameraImageView(QWidget *parent = nullptr);

    void setImage(const QImage &image);
    QImage image() const { return m_image; }
    void setPlaceholder(const QString &text);
    QString placeholder() const { return m_placeholder; }

    QSize sizeHint() const override { return QSize(480, 360); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QImage m_image;
    QString m_placeholder;
};

} // namespace ow::ui
