#include "camera/CameraSettings.h"

#include "camera/FolderCamera.h"
#include "camera/QtDocumentCamera.h"
#include "core/SettingsReader.h"

#include <QCoreApplication>
#include <QSettings>

namespace ow::drivers::camera {

Result<CameraSettings> CameraSettings::load(const QSettings &settings)
{
    CameraSettings result;
    const QString backend = settings.value(QStringLiteral("camera/backend")).toString().trimmed().toLower();
    if (backend == QStringLiteral("folder"))
        result.backend = Backend::Folder;
    else if (backend == QStringLiteral("none"))
        result.backend = Backend::None;
    else if (!backend.isEmpty() && backend != QStringLiteral("qt"))
        return SettingsReader::invalid(QStringLiteral("camera/backend"), backend,
            QCoreApplication::translate("ow::drivers::camera", "use qt, folder or none."));

    result.deviceId = settings.value(QStringLiteral("camera/device")).toString().trimmed();
    result.folder = settings.value(QStringLiteral("camera/folder")).toString().trimmed();
    if (result.backend == Backend::Folder && result.folder.isEmpty())
        return SettingsReader::invalid(QStringLiteral("camera/folder"), QString(),
            QCoreApplication::translate(
                "ow::drivers::camera", "the simulated camera needs a folder of images."));

    if (Result<void> read = SettingsReader::number(
            settings, QStringLiteral("camera/jpegQuality"), 1, 100, result.page.jpegQuality);
        !read)
        return failWith(read.error());
    if (Result<void> read = SettingsReader::number(settings, QStringLiteral("camera/maxEdge"), 0,
            PageOptions::kMaxLongEdge, result.page.maxLongEdge);
        !read)
        return failWith(read.error());
    if (Result<void> read
        = SettingsReader::onOff(settings, QStringLiteral("camera/autoCrop"), result.page.autoCrop);
        !read)
        return failWith(read.error());
    if (Result<void> read
        = SettingsReader::onOff(settings, QStringLiteral("camera/deskew"), result.page.deskew);
        !read)
        return failWith(read.error());
    return result;
}

std::unique_ptr<DocumentCamera> CameraSettings::create(QObject *parent) const
{
    switch (backend) {
    case Backend::Qt:
        return std::make_unique<QtDocumentCamera>(parent);
    case Backend::Folder:
        return std::make_unique<FolderCamera>(folder, parent);
    case Backend::None:
        break;
    }
    return nullptr;
}

} // namespace ow::drivers::camera
