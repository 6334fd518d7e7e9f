#include "scanner/ImageCodeDecoder.h"

#include <QCoreApplication>
#include <QImage>

#ifdef OW_HAVE_ZXING
#ifndef ZX_USE_UTF8
#define ZX_USE_UTF8 // text() as UTF-8 std::string (ZXing 1.4 otherwise warns and gives std::wstring)
#endif
#include <ZXing/ReadBarcode.h>
#endif

namespace ow::drivers::scanner {

QString DecodedCode::message() const
{
    switch (status) {
    case Status::Found:
        return QCoreApplication::translate("ow::drivers::scanner", "A code was read from the image.");
    case Status::NotFound:
        return QCoreApplication::translate("ow::drivers::scanner",
            "No readable code was found in the image. Hold the code flat, fully in view and in focus.");
    case Status::InvalidImage:
        return QCoreApplication::translate("ow::drivers::scanner", "There is no image to read a code from.");
    case Status::Unsupported:
        return QCoreApplication::translate(
            "ow::drivers::scanner", "This installation cannot read codes from camera images.");
    }
    return {};
}

bool ImageCodeDecoder::isAvailable()
{
#ifdef OW_HAVE_ZXING
    return true;
#else
    return false;
#endif
}

DecodedCode ImageCodeDecoder::decode(const QImage &image, Formats formats)
{
    DecodedCode result;
    if (image.isNull()) {
        result.status = DecodedCode::Status::InvalidImage;
        return result;
    }
#ifdef OW_HAVE_ZXING
    // ZXing binarises luminance itself; handing it 8-bit grey avoids a format it may not know.
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(
        grey.constBits(), grey.width(), grey.height(), ZXing::ImageFormat::Lum, int(grey.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    if (formats == Formats::QrOnly)
        hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const ZXing::Result read = ZXing::ReadBarcode(view, hints);
    if (!read.isValid())
        return result;
    const std::string text = read.text();
    result.status = DecodedCode::Status::Found;
    result.text = QString::fromUtf8(text.data(), qsizetype(text.size()));
    result.format = QString::fromLatin1(ZXing::ToString(read.format()));
#else
    Q_UNUSED(formats);
    result.status = DecodedCode::Status::Unsupported;
#endif
    return result;
}

} // namespace ow::drivers::scanner
