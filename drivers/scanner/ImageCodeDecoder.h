#pragma once

#include <QString>

class QImage;

namespace ow::drivers::scanner {

/// What looking for a code in an image found.
struct DecodedCode
{
    enum class Status
    {
        Found,
        NotFound, ///< no readable code in the image
        InvalidImage, ///< a null image
        Unsupported, ///< this build has no decoder (ZXing was not found)
    };

    Status status = Status::NotFound;
    QString text; ///< the code's content, when found
    QString format; ///< "QRCode", "Code128" …, when found

    bool found() const { return status == Status::Found; }
    /// A translated sentence for the status.
    QString message() const;
};

/// Reads a QR code or barcode from a still image with ZXing-cpp: the fallback when a counter has a
/// camera but no scanner. Pure and thread-safe, so callers run it off the GUI thread (QtConcurrent)
/// on frames from the document camera.
class ImageCodeDecoder
{
public:
    enum class Formats
    {
        QrOnly, ///< QR codes only: faster, and what our case tokens use
        Any, ///< every format ZXing knows, linear barcodes included
    };

    static DecodedCode decode(const QImage &image, Formats formats = Formats::Any);
    static bool isAvailable();
};

} // namespace ow::drivers::scanner
