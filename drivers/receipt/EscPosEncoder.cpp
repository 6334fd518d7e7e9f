#include "receipt/EscPosEncoder.h"

#include <QCoreApplication>
#include <QImage>
#include <algorithm>

namespace ow::drivers::receipt {

namespace {

void appendLittleEndian16(QByteArray &bytes, int value)
{
    bytes.append(char(value & 0xFF));
    bytes.append(char((value >> 8) & 0xFF));
}

} // namespace

EscPosEncoder &EscPosEncoder::initialize()
{
    m_bytes.append(kEsc).append('@');
    return *this;
}

EscPosEncoder &EscPosEncoder::align(Alignment alignment)
{
    m_bytes.append(kEsc).append('a').append(char(alignment));
    return *this;
}

EscPosEncoder &EscPosEncoder::rasterImage(const MonochromeImage &image, int bandRows)
{
    if (image.isNull())
        return *this;
    bandRows = std::clamp(bandRows, 1, kMaxBandRows);
    for (int first = 0; first < image.height(); first += bandRows) {
        const int rows = std::min(bandRows, image.height() - first);
        m_bytes.append(kGs).append('v').append('0').append('\0'); // m = 0: normal density
        appendLittleEndian16(m_bytes, image.bytesPerRow());
        appendLittleEndian16(m_bytes, rows);
        m_bytes.append(image.rows(first, rows));
    }
    return *this;
}

EscPosEncoder &EscPosEncoder::feedLines(int lines)
{
    m_bytes.append(kEsc).append('d').append(char(std::clamp(lines, 0, 255)));
    return *this;
}

EscPosEncoder &EscPosEncoder::cut(CutMode mode)
{
    if (mode != CutMode::None)
        m_bytes.append(kGs).append('V').append(mode == CutMode::Full ? '\0' : '\1');
    return *this;
}

Result<QByteArray> EscPosEncoder::encodeReceipt(const QImage &image, const ReceiptOptions &options)
{
    return encodeReceipt(MonochromeImage::fromImage(image, options.dithering, options.threshold), options);
}

Result<QByteArray> EscPosEncoder::encodeReceipt(const MonochromeImage &image, const ReceiptOptions &options)
{
    if (image.isNull())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::drivers::receipt", "The receipt image is empty."));
    if (image.width() > options.paperDots())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::drivers::receipt",
                "The receipt image is %1 dots wide, but the paper holds only %2 dots a line.")
                .arg(image.width())
                .arg(options.paperDots()));
    EscPosEncoder encoder;
    encoder.initialize()
        .align(options.alignment)
        .rasterImage(image, options.bandRows)
        .feedLines(options.feedLines)
        .cut(options.cut);
    return encoder.bytes();
}

} // namespace ow::drivers::receipt
