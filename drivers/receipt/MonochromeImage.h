#pragma once

#include <QByteArray>

class QImage;

namespace ow::drivers::receipt {

/// How grey becomes black or white on a thermal printer, which has no grey.
enum class Dithering
{
    /// Each pixel on its own: darker than the threshold prints. The default, because receipts are
    /// text and QR codes, whose edges must stay sharp for scanners.
    Threshold,
    /// Floyd–Steinberg error diffusion: the error of each pixel is spread over its neighbours, so
    /// photographs keep their shading. It frays the edges of text and codes.
    FloydSteinberg,
};

/// A 1-bit raster in the printer's own layout: rows of ceil(width / 8) bytes, the leftmost dot in
/// the most significant bit, 1 = black (burnt), padding bits at the end of a row white.
class MonochromeImage
{
public:
    MonochromeImage() = default;
    /// An all-white raster.
    MonochromeImage(int width, int height);

    /// Converts any QImage: transparent pixels count as paper (white); colour goes through the
    /// usual luminance weights (qGray) before `dithering` with `threshold` (0–255; a grey value
    /// below it is black).
    static MonochromeImage fromImage(
        const QImage &image, Dithering dithering = Dithering::Threshold, int threshold = 128);
    /// Takes rows already packed in the layout above; a null image when the sizes disagree.
    static MonochromeImage fromPackedRows(int width, int height, const QByteArray &rows);

    bool isNull() const { return m_width <= 0 || m_height <= 0; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    int bytesPerRow() const { return (m_width + 7) / 8; }
    const QByteArray &bits() const { return m_bits; }
    /// Rows `first` to `first + count - 1`, packed.
    QByteArray rows(int first, int count) const;

    bool isBlack(int x, int y) const;
    void setBlack(int x, int y, bool black);

    /// Black on white, for previews and the simulator.
    QImage toImage() const;

    friend bool operator==(const MonochromeImage &, const MonochromeImage &) = default;

private:
    int m_width = 0;
    int m_height = 0;
    QByteArray m_bits;
};

} // namespace ow::drivers::receipt
