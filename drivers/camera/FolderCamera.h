#pragma once

#include "camera/DocumentCamera.h"

#include <QStringList>

namespace ow::drivers::camera {

/// A document camera that serves the images of a folder in name order, for demos and tests: the
/// preview shows the image the next capture() returns; each capture moves on to the next image,
/// round and round. Like a real camera it answers on the event loop, never inside the call.
class FolderCamera : public DocumentCamera
{
    Q_OBJECT

public:
    explicit FolderCamera(const QString &folder = QString(), QObject *parent = nullptr);

    /// Image files it reads (by suffix).
    static QStringList nameFilters();

    void setFolder(const QString &folder);
    QString folder() const { return m_folder; }
    /// The longest edge of preview frames.
    static constexpr int kPreviewEdge = 1280;

    QList<CameraDevice> devices() const override;
    void open(const QString &deviceId = QString()) override;
    void close() override;
    void capture() override;

    /// The file the next capture() returns, empty when not ready.
    QString currentFile() const;

private:
    void finishOpening();
    void finishCapture();
    void showPreview();

    QString m_folder;
    QStringList m_files;
    qsizetype m_next = 0;
    int m_generation = 0; ///< bumped by close(), so answers queued before it are dropped
};

} // namespace ow::drivers::camera
