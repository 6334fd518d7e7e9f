#include "receipt/MonochromeImage.h"

#include <QImage>
#include <algorithm>
#include <vector>

namespace ow::drivers::receipt {

namespace {

/// Grey levels with transparency composed onto white paper.
std::vector<int> greyLevels(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    std::vector<int> grey(size_t(argb.width()) * size_t(argb.height()));
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            const QRgb pixel = line[x];
            const int alpha = qAlpha(pixel);
            grey[size_t(y) * size_t(argb.width()) + size_t(x)]
                = (qGray(pixel) * alpha + 255 * (255 - alpha)) / 255;
        }
    }
    return grey;
}

} // namespace

MonochromeImage::MonochromeImage(int width, int height)
    : m_width(std::max(0, width))
    , m_height(std::max(0, height))
    , m_bits(qsizetype(bytesPerRow()) * m_height, '\0')
{
}

MonochromeImage MonochromeImage::fromImage(const QImage &image, Dithering dithering, int threshold)
{
    if (image.isNull())
        return {};
    const int width = image.width();
    const int height = image.height();
    threshold = std::clamp(threshold, 0, 256);
    std::vector<int> grey = greyLevels(image);
    MonochromeImage result(width, height);
    const auto at = [width](int x, int y) { return size_t(y) * size_t(width) + size_t(x); };
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const int old = grey[at(x, y)];
            const bool black = old < threshold;
            result.setBlack(x, y, black);
            if (dithering != Dithering::FloydSteinberg)
                continue;
            // Weights 7/16 right, 3/16 below left, 5/16 below, 1/16 below right (Floyd and Steinberg, 1976).
            const int error = old - (black ? 0 : 255);
            if (x + 1 < width)
                grey[at(x + 1, y)] += error * 7 / 16;
            if (y + 1 < height) {
                if (x > 0)
                    grey[at(x - 1, y + 1)] += error * 3 / 16;
                grey[at(x, y + 1)] += error * 5 / 16;
                if (x + 1 < width)
                    grey[at(x + 1, y + 1)] += error * 1 / 16;
            }
        }
    }
    return result;
}

MonochromeImage MonochromeImage::fromPackedRows(int width, int height, const QByteArray &rows)
{
    MonochromeImage result(width, height);
    if (result.isNull() || rows.size() != result.m_bits.size())
        return {};
    result.m_bits = rows;
    return result;
}

QByteArray MonochromeImage::rows(int first, int count) const
{
    first = std::clamp(first, 0, m_height);
    count = std::clamp(count, 0, m_height - first);
    return m_bits.mid(qsizetype(first) * bytesPerRow(), qsizetype(count) * bytesPerRow());
}

bool MonochromeImage::isBlack(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_width || y >= m_height)
        return false;
    const auto byte = quint8(m_bits.at(qsizetype(y) * bytesPerRow() + x / 8));
    return byte & (0x80u >> (x % 8));
}

void MonochromeImage::setBlack(int x, int y, bool black)
{
    if (x < 0 || y < 0 || x >= m_width || y >= m_height)
        return;
    char &byte = m_bits[qsizetype(y) * bytesPerRow() + x / 8];
    const auto mask = quint8(0x80u >> (x % 8));
    byte = char(black ? quint8(byte) | mask : quint8(byte) & quint8(~mask));
}

QImage MonochromeImage::toImage() const
{
    if (isNull())
        return {};
    QImage image(m_width, m_height, QImage::Format_Grayscale8);
    for (int y = 0; y < m_height; ++y) {
        uchar *line = image.scanLine(y);
        for (int x = 0; x < m_width; ++x)
            line[x] = isBlack(x, y) ? 0 : 255;
    }
    return image;
}

} // namespace ow::drivers::receipt
