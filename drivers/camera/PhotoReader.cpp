#include "camera/PhotoReader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>

namespace ow::drivers::camera {

namespace {

QString because(QImageReader::ImageReaderError error)
{
    switch (error) {
    case QImageReader::FileNotFoundError:
        return QCoreApplication::translate("ow::drivers::camera", "the file does not exist");
    case QImageReader::DeviceError:
        return QCoreApplication::translate("ow::drivers::camera", "the file cannot be opened (no access?)");
    case QImageReader::UnsupportedFormatError:
        return QCoreApplication::translate(
            "ow::drivers::camera", "it is not an image of a supported kind (JPEG, PNG, BMP)");
    case QImageReader::InvalidDataError:
        return QCoreApplication::translate("ow::drivers::camera", "the image data is damaged or incomplete");
    case QImageReader::UnknownError:
        break;
    }
    return QCoreApplication::translate("ow::drivers::camera", "the image cannot be decoded");
}

} // namespace

Result<QImage> PhotoReader::read(const QString &path)
{
    const QString name = QDir::toNativeSeparators(path);
    if (QFileInfo(path).isDir())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::drivers::camera", "%1 is a folder; name a photo file.")
                .arg(name),
            {path});
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (!size.isValid())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::drivers::camera", "%1 could not be read: %2.")
                .arg(name, because(reader.error())),
            {path});
    if (qint64(size.width()) * size.height() > kMaxPixels)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::drivers::camera",
                "The photo %1 is %2 × %3 pixels (%4 megapixels); at most %5 megapixels can be processed. "
                "Take it at a lower resolution.")
                .arg(name)
                .arg(size.width())
                .arg(size.height())
                .arg(qint64(size.width()) * size.height() / 1'000'000)
                .arg(kMaxPixels / 1'000'000),
            {path});
    // Qt refuses to decode anything above its allocation limit; raise it to what we support, never
    // lower it (0 means no limit).
    if (QImageReader::allocationLimit() != 0 && QImageReader::allocationLimit() < kAllocationLimitMb)
        QImageReader::setAllocationLimit(kAllocationLimitMb);
    const QImage photo = reader.read();
    if (photo.isNull())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::drivers::camera", "%1 could not be read: %2.")
                .arg(name, because(reader.error())),
            {path});
    return photo;
}

} // namespace ow::drivers::camera
