#pragma once

#include "core/Result.h"

#include <QImage>
#include <QString>

namespace ow::drivers::camera {

/// Reads a photo file for page processing, within the size the processing supports, with errors
/// in our own words (Qt's reader explains itself in English, or not at all: an 8000×6000 photo was
/// refused by its allocation limit as "Unable to read image data").
class PhotoReader
{
public:
    /// The most pixels a photo may have: 64 megapixels, e.g. 9248 × 6920, more than any document
    /// camera and the full size of the largest phone cameras. Decoded at 4 bytes a pixel that is
    /// 256 MB, which is the image allocation limit the reader sets (Qt's default is 128 MB, about
    /// 33 megapixels).
    static constexpr qint64 kMaxPixels = 64'000'000;
    static constexpr int kAllocationLimitMb = 256;

    /// The photo at `path`, turned upright by its EXIF orientation.
    static Result<QImage> read(const QString &path);
};

} // namespace ow::drivers::camera
