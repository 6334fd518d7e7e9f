#include "idcard/WltPhotoDecoder.h"

#include <QCoreApplication>
#include <QtEndian>

namespace ow::drivers::idcard {

namespace {
constexpr qsizetype kWltSize = 1024;
// 102 × 126 pixels, 24-bit rows padded to 308 bytes, plus the 54-byte BMP header is 38,862 bytes;
// the rest is room for a library that writes more than it should.
constexpr qsizetype kOutputCapacity = 64 * 1024;
constexpr qsizetype kBmpHeaderSize = 54;
} // namespace

WltPhotoDecoder::WltPhotoDecoder()
    : WltPhotoDecoder(Config {})
{
}

WltPhotoDecoder::WltPhotoDecoder(Config config)
    : m_config(std::move(config))
{
}

bool WltPhotoDecoder::isAvailable()
{
    if (m_tried)
        return m_unpack != nullptr;
    m_tried = true;
    m_library.setFileName(m_config.libraryPath);
    if (!m_library.load()) {
        m_reason = QCoreApplication::translate(
            "ow::drivers::idcard", "the photo decoding library %1 is not installed (%2)")
                       .arg(m_config.libraryPath, m_library.errorString());
        return false;
    }
    m_unpack = reinterpret_cast<Unpack>(m_library.resolve(m_config.symbol.constData()));
    if (!m_unpack) {
        m_reason = QCoreApplication::translate(
            "ow::drivers::idcard", "the photo decoding library %1 has no function %2")
                       .arg(m_config.libraryPath, QString::fromLatin1(m_config.symbol));
        m_library.unload();
        return false;
    }
    return true;
}

Result<QByteArray> WltPhotoDecoder::decodeToBmp(const QByteArray &wlt)
{
    if (!isAvailable())
        return fail(Error::Code::Unsupported, notAvailableMessage(m_reason));
    if (wlt.size() != kWltSize)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::drivers::idcard",
                "The photo is not available: the card gave %1 bytes of photo data instead of %2.")
                .arg(wlt.size())
                .arg(kWltSize));
    QByteArray source = wlt;
    QByteArray output(kOutputCapacity, '\0');
    const int result = m_unpack(source.data(), output.data(), m_config.bmpSaveArgument);
    if (result != m_config.successCode)
        return fail(Error::Code::Io,
            QCoreApplication::translate(
                "ow::drivers::idcard", "The photo is not available: the decoding library returned %1.")
                .arg(result));
    const quint32 fileSize = qFromLittleEndian<quint32>(output.constData() + 2);
    if (!output.startsWith("BM") || fileSize <= kBmpHeaderSize || fileSize > quint32(kOutputCapacity))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::drivers::idcard",
                "The photo is not available: the decoding library did not produce a BMP image."));
    output.truncate(qsizetype(fileSize));
    return output;
}

QString WltPhotoDecoder::notAvailableMessage(const QString &reason)
{
    return QCoreApplication::translate("ow::drivers::idcard", "The photo is not available: %1.").arg(reason);
}

} // namespace ow::drivers::idcard
