#pragma once

#include <QList>
#include <QSize>
#include <QString>
#include <optional>

namespace ow::drivers::camera {

/// One video format a camera offers, reduced to what the choice needs; the Qt Multimedia backend
/// fills it from QCameraFormat so the choice itself can be tested without a camera.
struct CameraFormatOption
{
    QSize resolution;
    /// MJPEG (or another compressed stream): the camera compresses, so USB bandwidth does not cap it.
    bool compressed = false;
    /// Bytes per pixel of an uncompressed format (YUYV 2, NV12 1.5); ignored when compressed.
    double bytesPerPixel = 2.0;
    double maxFrameRate = 0;
    QString pixelFormatName;
};

/// What makes a format good enough for a document camera at the counter.
struct CameraFormatPolicy
{
    /// A preview slower than this is unusable for placing a page; such formats are taken only when
    /// nothing better exists.
    double minFrameRate = 5.0;
    /// At or above this many pixels a compressed format wins a tie with an uncompressed one: the
    /// camera's JPEG costs less than the frame rate lost to the bus.
    qint64 compressedFromPixels = 1920LL * 1080LL;
    /// Bytes a second an uncompressed stream can really get over the bus; 0 = no limit. USB 2.0
    /// isochronous transfers top out near 24 MB/s, which is why raw 5 MP runs at 2–5 fps.
    double busBytesPerSecond = 24.0e6;
};

/// Picks the format a document camera should run at: the largest resolution that still previews
/// at a usable rate, compressed when large. Pure, so it is tested on lists of formats.
class CameraFormatChoice
{
public:
    /// The frame rate the format can really reach: its own limit, capped by the bus for raw formats.
    static double effectiveFrameRate(const CameraFormatOption &format, const CameraFormatPolicy &policy = {});

    /// Index of the best format in `formats`, nothing when the list is empty or holds no valid size.
    static std::optional<qsizetype> choose(
        const QList<CameraFormatOption> &formats, const CameraFormatPolicy &policy = {});

    /// "2592×1944 MJPEG 15 fps", for logs and the command line.
    static QString describe(const CameraFormatOption &format);
};

} // namespace ow::drivers::camera
