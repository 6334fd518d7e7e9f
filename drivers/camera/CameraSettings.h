#pragma once

#include "camera/DocumentCamera.h"
#include "camera/PageProcessor.h"
#include "core/Result.h"

#include <memory>

class QSettings;

namespace ow::drivers::camera {

/// The document camera as configured under the settings group "camera" (keys in docs/hardware.md).
struct CameraSettings
{
    enum class Backend
    {
        Qt, ///< a UVC camera through Qt Multimedia (the default)
        Folder, ///< the simulator: images from camera/folder
        None, ///< no document camera at this counter
    };

    Backend backend = Backend::Qt;
    QString deviceId; ///< empty: the system's default camera
    QString folder; ///< for Backend::Folder
    PageOptions page;

    /// Reads the keys under "camera/"; missing keys keep their defaults, wrong values are errors
    /// that name the key.
    static Result<CameraSettings> load(const QSettings &settings);

    /// The configured camera, nullptr for Backend::None. Not opened.
    std::unique_ptr<DocumentCamera> create(QObject *parent = nullptr) const;
};

} // namespace ow::drivers::camera
