#include "camera/QtDocumentCamera.h"

#include <QCamera>
#include <QCameraDevice>
#include <QCameraFormat>
#include <QTimer>
#include <QVideoFrame>

namespace ow::drivers::camera {

QtDocumentCamera::QtDocumentCamera(QObject *parent)
    : DocumentCamera(parent)
{
    m_session.setImageCapture(&m_imageCapture);
    m_session.setVideoSink(&m_sink);
    m_imageCapture.setQuality(QImageCapture::VeryHighQuality);
    connect(
        &m_mediaDevices, &QMediaDevices::videoInputsChanged, this, &QtDocumentCamera::onVideoInputsChanged);
    // The sink may be fed on a Qt Multimedia thread; the connection queues the frames to ours.
    connect(&m_sink, &QVideoSink::videoFrameChanged, this, &QtDocumentCamera::onFrame);
    connect(&m_imageCapture, &QImageCapture::imageCaptured, this, [this](int id, const QImage &image) {
        if (id != m_pendingCapture)
            return;
        m_pendingCapture = -1;
        Q_EMIT captured(image);
    });
    connect(&m_imageCapture, &QImageCapture::errorOccurred, this,
        [this](int id, QImageCapture::Error, const QString &message) {
            if (id != m_pendingCapture && id != -1)
                return;
            m_pendingCapture = -1;
            Q_EMIT failed(tr("The camera could not take the picture: %1").arg(message));
        });
}

QtDocumentCamera::~QtDocumentCamera()
{
    m_session.setCamera(nullptr);
}

CameraFormatOption QtDocumentCamera::toOption(const QCameraFormat &format)
{
    CameraFormatOption option;
    option.resolution = format.resolution();
    option.maxFrameRate = format.maxFrameRate();
    option.pixelFormatName = QVideoFrameFormat::pixelFormatToString(format.pixelFormat());
    switch (format.pixelFormat()) {
    case QVideoFrameFormat::Format_Jpeg:
        option.compressed = true;
        option.pixelFormatName = QStringLiteral("MJPEG");
        break;
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YV12:
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
    case QVideoFrameFormat::Format_IMC1:
    case QVideoFrameFormat::Format_IMC2:
    case QVideoFrameFormat::Format_IMC3:
    case QVideoFrameFormat::Format_IMC4:
        option.bytesPerPixel = 1.5;
        break;
    case QVideoFrameFormat::Format_Y8:
        option.bytesPerPixel = 1;
        break;
    case QVideoFrameFormat::Format_YUV422P:
    case QVideoFrameFormat::Format_UYVY:
    case QVideoFrameFormat::Format_YUYV:
    case QVideoFrameFormat::Format_Y16:
        option.bytesPerPixel = 2;
        break;
    default:
        option.bytesPerPixel = 4;
        break;
    }
    return option;
}

std::optional<QCameraFormat> QtDocumentCamera::bestFormat(const QCameraDevice &device)
{
    const QList<QCameraFormat> formats = device.videoFormats();
    QList<CameraFormatOption> options;
    options.reserve(formats.size());
    for (const QCameraFormat &format : formats)
        options.append(toOption(format));
    const std::optional<qsizetype> best = CameraFormatChoice::choose(options);
    if (!best)
        return std::nullopt;
    return formats.at(*best);
}

QList<CameraDevice> QtDocumentCamera::availableDevices()
{
    QList<CameraDevice> devices;
    for (const QCameraDevice &input : QMediaDevices::videoInputs()) {
        CameraDevice device;
        device.id = QString::fromUtf8(input.id());
        device.description = input.description();
        device.isDefault = input.isDefault();
        if (const std::optional<QCameraFormat> format = bestFormat(input))
            device.bestFormat = CameraFormatChoice::describe(toOption(*format));
        devices.append(device);
    }
    return devices;
}

void QtDocumentCamera::open(const QString &deviceId)
{
    close();
    const QList<QCameraDevice> inputs = QMediaDevices::videoInputs();
    std::optional<QCameraDevice> chosen;
    for (const QCameraDevice &input : inputs) {
        if (deviceId.isEmpty() ? input.isDefault() : QString::fromUtf8(input.id()) == deviceId)
            chosen = input;
    }
    if (!chosen && deviceId.isEmpty() && !inputs.isEmpty())
        chosen = inputs.constFirst();
    if (!chosen) {
        setState(State::Error,
            deviceId.isEmpty() ? tr("No camera is connected.")
                               : tr("The camera %1 is not connected.").arg(deviceId));
        return;
    }
    m_deviceId = chosen->id();
    m_camera = std::make_unique<QCamera>(*chosen);
    if (const std::optional<QCameraFormat> format = bestFormat(*chosen)) {
        m_camera->setCameraFormat(*format);
        m_imageCapture.setResolution(format->resolution());
    }
    connect(m_camera.get(), &QCamera::activeChanged, this, [this](bool active) {
        if (active)
            setState(State::Ready);
        else if (state() == State::Ready)
            setState(State::Error, tr("The camera stopped."));
    });
    connect(
        m_camera.get(), &QCamera::errorOccurred, this, [this](QCamera::Error error, const QString &message) {
            if (error != QCamera::NoError)
                setState(State::Error, tr("The camera reports an error: %1").arg(message));
        });
    m_session.setCamera(m_camera.get());
    setState(State::Opening);
    m_lastPreviewMs.reset();
    m_camera->start();
}

void QtDocumentCamera::close()
{
    if (m_camera) {
        m_camera->disconnect(this);
        m_camera->stop();
        m_session.setCamera(nullptr);
        m_camera.reset();
    }
    m_deviceId.clear();
    m_pendingCapture = -1;
    setState(State::Closed);
}

void QtDocumentCamera::capture()
{
    if (state() != State::Ready) {
        failLater(tr("The camera is not ready."));
        return;
    }
    if (m_pendingCapture != -1 || !m_imageCapture.isReadyForCapture()) {
        failLater(tr("The camera is still busy with the last picture."));
        return;
    }
    m_pendingCapture = m_imageCapture.capture();
    if (m_pendingCapture == -1)
        failLater(tr("The camera could not take the picture: %1").arg(m_imageCapture.errorString()));
}

void QtDocumentCamera::failLater(const QString &message)
{
    // Callers expect the answer as a signal after the call, as from the camera itself.
    QTimer::singleShot(0, this, [this, message] { Q_EMIT failed(message); });
}

void QtDocumentCamera::onVideoInputsChanged()
{
    Q_EMIT devicesChanged();
    if (m_deviceId.isEmpty())
        return;
    for (const QCameraDevice &input : QMediaDevices::videoInputs()) {
        if (input.id() == m_deviceId)
            return;
    }
    close();
    setState(State::Error, tr("The document camera was unplugged."));
}

void QtDocumentCamera::onFrame(const QVideoFrame &frame)
{
    if (state() != State::Ready || !frame.isValid())
        return;
    const qint64 now = m_clock.monotonicMs();
    if (m_lastPreviewMs && now - *m_lastPreviewMs < kPreviewIntervalMs)
        return;
    m_lastPreviewMs = now;
    QImage image = frame.toImage();
    if (image.isNull())
        return;
    if (std::max(image.width(), image.height()) > kPreviewEdge)
        image = image.scaled(kPreviewEdge, kPreviewEdge, Qt::KeepAspectRatio, Qt::FastTransformation);
    Q_EMIT previewFrame(image);
}

} // namespace ow::drivers::camera
