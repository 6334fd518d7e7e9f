#pragma once

#include <QByteArray>
#include <QRect>

namespace ow::synthgen {

/// Writes a plain 8-bit greyscale PNG without Qt Gui, so the generator stays a Qt Core tool.
class PngEncoder
{
public:
    PngEncoder(int width, int height);

    int width() const { return m_width; }
    int height() const { return m_height; }
    /// Fills a rectangle (clipped to the image) with a grey level, 0 = black, 255 = white.
    void fill(const QRect &rect, quint8 grey);
    /// Draws a one-pixel outline of a rectangle.
    void outline(const QRect &rect, quint8 grey);

    QByteArray encode() const;

private:
    int m_width;
    int m_height;
    QByteArray m_pixels;
};

} // namespace ow::synthgen
