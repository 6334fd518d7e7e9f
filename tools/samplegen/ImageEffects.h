#pragma once

#include <QImage>
#include <QRect>
#include <QString>

namespace ow::samplegen {

/// What is done to a sample after drawing: personal data blurred, the 样本 watermark laid over.
class ImageEffects
{
public:
    /// Three passes of a box blur inside `region`: close to a Gaussian, and no text stays legible.
    static void blur(QImage &image, const QRect &region, int radius);
    /// Repeats the watermark diagonally across the whole image, translucent so the fields stay readable.
    static void watermark(QImage &image, const QString &text);
    /// Reduces the image to a palette of at most `colours` (median cut, no dithering), which keeps
    /// document images sharp and their PNGs small.
    static QImage quantise(const QImage &image, int colours);
};

} // namespace ow::samplegen
