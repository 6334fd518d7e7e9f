#pragma once

#include <QImage>
#include <QList>
#include <QObject>
#include <QString>

namespace ow::drivers::camera {

/// A camera the counter can use, as listed to the clerk and written to the settings.
struct CameraDevice
{
    QString id; ///< stable across restarts; what camera/device holds
    QString description; ///< the name the camera reports
    QString bestFormat; ///< the format it would run at, e.g. "2592×1944 MJPEG 15 fps"; may be empty
    bool isDefault = false;
};

/// A document camera (高拍仪): a live preview to place the page, and stills at the best resolution.
/// Backends: Qt Multimedia for UVC cameras (QtDocumentCamera) and a folder of images for demos and
/// tests (FolderCamera). Lives on the GUI thread; backends report through signals, never block.
///
/// Every capture() ends with exactly one captured or failed.
class DocumentCamera : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Closed,
        Opening,
        Ready, ///< previewing; capture() works
        Error, ///< see errorMessage(); open() again to retry
    };
    Q_ENUM(State)

    using QObject::QObject;

    virtual QList<CameraDevice> devices() const = 0;
    /// Starts the camera with this id; an empty id takes the default camera.
    virtual void open(const QString &deviceId = QString()) = 0;
    virtual void close() = 0;
    State state() const { return m_state; }
    /// Why the state is Error, translated; empty otherwise.
    QString errorMessage() const { return m_error; }
    /// Takes one still at the camera's best resolution.
    virtual void capture() = 0;

Q_SIGNALS:
    void stateChanged(ow::drivers::camera::DocumentCamera::State state);
    /// Cameras were plugged in or out.
    void devicesChanged();
    /// A live frame, scaled for display; frames may be dropped when the receiver is slow.
    void previewFrame(const QImage &frame);
    void captured(const QImage &image);
    void failed(const QString &message);

protected:
    /// Moves to `state` (with the reason when it is Error) and signals when anything changed.
    void setState(State state, const QString &error = QString())
    {
        const bool changed = state != m_state || error != m_error;
        m_state = state;
        m_error = error;
        if (changed)
            Q_EMIT stateChanged(state);
    }

private:
    State m_state = State::Closed;
    QString m_error;
};

} // namespace ow::drivers::camera
