#include "devices/CameraChannel.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <algorithm>

namespace ow::devices {

using drivers::camera::CameraSettings;
using drivers::camera::DocumentCamera;

CameraChannel::CameraChannel(const CameraSettings &settings, QObject *parent)
    : DeviceChannel(DeviceKind::Camera, parent)
    , m_camera(settings.create())
    , m_deviceId(settings.deviceId)
{
    if (!m_camera)
        return;
    switch (settings.backend) {
    case CameraSettings::Backend::Qt:
        setBackend(settings.deviceId.isEmpty()
                ? QCoreApplication::translate("ow::devices", "camera: the system's default")
                : QCoreApplication::translate("ow::devices", "camera %1").arg(settings.deviceId));
        break;
    case CameraSettings::Backend::Folder:
        // The folder's name is enough to recognise it; the whole path is in the settings tab.
        setBackend(QCoreApplication::translate("ow::devices", "simulator: images from the folder %1")
                       .arg(QFileInfo(settings.folder).fileName()));
        break;
    case CameraSettings::Backend::None:
        break;
    }
    connect(m_camera.get(), &DocumentCamera::stateChanged, this, &CameraChannel::onStateChanged);
    connect(m_camera.get(), &DocumentCamera::devicesChanged, this, &CameraChannel::updatePresence);
    connect(m_camera.get(), &DocumentCamera::captured, this, [this](const QImage &image) {
        if (isTesting())
            endTest(true,
                QCoreApplication::translate("ow::devices", "Captured a still of %1 × %2 pixels.")
                    .arg(image.width())
                    .arg(image.height()));
    });
    connect(m_camera.get(), &DocumentCamera::failed, this, [this](const QString &message) {
        if (isTesting())
            endTest(false, message);
    });
    updatePresence();
}

CameraChannel::~CameraChannel() = default;

void CameraChannel::updatePresence()
{
    if (m_camera->state() == DocumentCamera::State::Error) {
        setState(DeviceState::Error, m_camera->errorMessage());
        return;
    }
    const QList<drivers::camera::CameraDevice> devices = m_camera->devices();
    const bool present = m_deviceId.isEmpty()
        ? !devices.isEmpty()
        : std::any_of(devices.begin(), devices.end(),
            [this](const drivers::camera::CameraDevice &device) { return device.id == m_deviceId; });
    if (present)
        setState(DeviceState::Connected);
    else
        setState(
            DeviceState::Missing, QCoreApplication::translate("ow::devices", "No camera is plugged in."));
}

void CameraChannel::startTest()
{
    beginTest(QCoreApplication::translate("ow::devices", "Taking a still with the camera…"), kTestTimeoutMs);
    m_captureAsked = false;
    if (m_camera->state() == DocumentCamera::State::Ready) {
        m_captureAsked = true;
        m_camera->capture();
        return;
    }
    m_openedForTest = true;
    m_camera->open(m_deviceId);
}

QString CameraChannel::timeoutMessage() const
{
    return QCoreApplication::translate("ow::devices", "The camera gave no picture within %1 seconds.")
        .arg(kTestTimeoutMs / 1000);
}

void CameraChannel::testTimedOut()
{
    endTest(false, timeoutMessage());
}

void CameraChannel::onStateChanged(DocumentCamera::State state)
{
    if (state == DocumentCamera::State::Error) {
        setState(DeviceState::Error, m_camera->errorMessage());
        if (isTesting())
            endTest(false, m_camera->errorMessage());
        return;
    }
    if (state == DocumentCamera::State::Ready && isTesting() && !m_captureAsked) {
        m_captureAsked = true;
        m_camera->capture();
    }
    if (state != DocumentCamera::State::Opening)
        updatePresence();
}

void CameraChannel::endTest(bool ok, const QString &message)
{
    if (m_openedForTest) {
        m_openedForTest = false;
        m_camera->close();
    }
    finishTest(ok, message);
}

} // namespace ow::devices
