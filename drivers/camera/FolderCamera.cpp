#include "camera/FolderCamera.h"

#include "camera/PhotoReader.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QTimer>

namespace ow::drivers::camera {

FolderCamera::FolderCamera(const QString &folder, QObject *parent)
    : DocumentCamera(parent)
    , m_folder(folder)
{
}

QStringList FolderCamera::nameFilters()
{
    return {
        QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"), QStringLiteral("*.png"), QStringLiteral("*.bmp")};
}

void FolderCamera::setFolder(const QString &folder)
{
    close();
    m_folder = folder;
    Q_EMIT devicesChanged();
}

QList<CameraDevice> FolderCamera::devices() const
{
    if (m_folder.isEmpty())
        return {};
    return {CameraDevice {QStringLiteral("folder"),
        tr("Images in %1").arg(QDir::toNativeSeparators(m_folder)), QString(), true}};
}

void FolderCamera::open(const QString &deviceId)
{
    Q_UNUSED(deviceId) // a folder camera is its one device
    ++m_generation;
    setState(State::Opening);
    QTimer::singleShot(0, this, [this, generation = m_generation] {
        if (generation == m_generation)
            finishOpening();
    });
}

void FolderCamera::finishOpening()
{
    const QDir dir(m_folder);
    if (m_folder.isEmpty() || !dir.exists()) {
        setState(State::Error, tr("The folder of the simulated camera, '%1', does not exist.").arg(m_folder));
        return;
    }
    m_files = dir.entryList(nameFilters(), QDir::Files | QDir::Readable, QDir::Name | QDir::IgnoreCase);
    m_next = 0;
    if (m_files.isEmpty()) {
        setState(
            State::Error, tr("The folder of the simulated camera, '%1', holds no images.").arg(m_folder));
        return;
    }
    setState(State::Ready);
    showPreview();
}

void FolderCamera::close()
{
    ++m_generation;
    m_files.clear();
    setState(State::Closed);
}

QString FolderCamera::currentFile() const
{
    if (state() != State::Ready || m_files.isEmpty())
        return QString();
    return QDir(m_folder).filePath(m_files.at(m_next));
}

void FolderCamera::capture()
{
    QTimer::singleShot(0, this, [this, generation = m_generation] {
        if (generation != m_generation || state() != State::Ready) {
            Q_EMIT failed(tr("The camera is not ready."));
            return;
        }
        finishCapture();
    });
}

void FolderCamera::finishCapture()
{
    const Result<QImage> image = PhotoReader::read(currentFile());
    m_next = (m_next + 1) % m_files.size();
    if (!image)
        Q_EMIT failed(image.error().message());
    else
        Q_EMIT captured(*image);
    showPreview();
}

void FolderCamera::showPreview()
{
    QImageReader reader(currentFile());
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    // Decode at preview size when the format can (JPEG scales while decoding).
    if (size.isValid() && std::max(size.width(), size.height()) > kPreviewEdge)
        reader.setScaledSize(size.scaled(kPreviewEdge, kPreviewEdge, Qt::KeepAspectRatio));
    const QImage frame = reader.read();
    if (!frame.isNull())
        Q_EMIT previewFrame(frame);
}

} // namespace ow::drivers::camera
