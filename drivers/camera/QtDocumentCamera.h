#pragma once

#include "camera/CameraFormatChoice.h"
#include "camera/DocumentCamera.h"
#include "core/Clock.h"

#include <QImageCapture>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoSink>
#include <memory>
#include <optional>

class QCamera;
class QCameraDevice;
class QCameraFormat;

namespace ow::drivers::camera {

/// A UVC document camera through Qt Multimedia: runs at the format CameraFormatChoice picks (the
/// largest, MJPEG when large), takes stills with QImageCapture, follows plugging in and out.
/// Qt Multimedia does the device I/O on its own threads; this object only receives its signals.
class QtDocumentCamera : public DocumentCamera
{
    Q_OBJECT

public:
    explicit QtDocumentCamera(QObject *parent = nullptr);
    ~QtDocumentCamera() override;

    /// The longest edge of preview frames, and the gap between them: a page is placed by hand, so
    /// a dozen small frames a second is plenty and spares the GUI thread.
    static constexpr int kPreviewEdge = 1280;
    static constexpr int kPreviewIntervalMs = 80;

    /// The cameras Qt Multimedia sees, each with the format it would run at.
    static QList<CameraDevice> availableDevices();
    /// A QCameraFormat as the choice sees it.
    static CameraFormatOption toOption(const QCameraFormat &format);
    /// The format to run `device` at, nothing when it lists none.
    static std::optional<QCameraFormat> bestFormat(const QCameraDevice &device);

    QList<CameraDevice> devices() const override { return availableDevices(); }
    void open(const QString &deviceId = QString()) override;
    void close() override;
    void capture() override;

private:
    void onVideoInputsChanged();
    void onFrame(const QVideoFrame &frame);
    void failLater(const QString &message);

    QMediaDevices m_mediaDevices;
    QMediaCaptureSession m_session;
    QImageCapture m_imageCapture;
    QVideoSink m_sink;
    std::unique_ptr<QCamera> m_camera;
    QByteArray m_deviceId;
    Clock m_clock;
    std::optional<qint64> m_lastPreviewMs; ///< on m_clock's monotonic reading
    int m_pendingCapture = -1;
};

} // namespace ow::drivers::camera
