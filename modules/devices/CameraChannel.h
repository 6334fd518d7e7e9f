#pragma once

#include "camera/CameraSettings.h"
#include "camera/DocumentCamera.h"
#include "devices/DeviceChannel.h"

#include <memory>

namespace ow::devices {

/// The document camera (高拍仪). It is opened only while something captures (the intake's capture
/// dialog, or the test), so its lamp and the USB bandwidth are not held all day.
/// Test: open the camera if it is closed, take one still, close it again.
class CameraChannel : public DeviceChannel
{
    Q_OBJECT

public:
    static constexpr int kTestTimeoutMs = 20000;

    explicit CameraChannel(const drivers::camera::CameraSettings &settings, QObject *parent = nullptr);
    ~CameraChannel() override;

    /// nullptr when none is configured.
    drivers::camera::DocumentCamera *camera() const { return m_camera.get(); }
    const QString &deviceId() const { return m_deviceId; }

protected:
    void startTest() override;
    QString timeoutMessage() const override;
    void testTimedOut() override;

private:
    void updatePresence();
    void onStateChanged(drivers::camera::DocumentCamera::State state);
    void endTest(bool ok, const QString &message);

    std::unique_ptr<drivers::camera::DocumentCamera> m_camera;
    QString m_deviceId;
    bool m_openedForTest = false;
    bool m_captureAsked = false;
};

} // namespace ow::devices
