#pragma once

#include "SampleSpec.h"
#include "core/Result.h"

#include <QImage>

class QPainter;

namespace ow::samplegen {

class DocumentPainter;

/// Turns a sample spec into its image: draws every element, blurs personal fields, adds the watermark.
class SampleRenderer
{
public:
    static Result<QImage> render(const SampleSpec &spec);

private:
    /// Draws one element; adds to `blurs` what must be blurred (the glyphs of a text, a whole photo).
    static Result<void> draw(
        QPainter &painter, DocumentPainter &document, const SpecElement &element, QList<QRect> &blurs);
    static void drawTable(
        QPainter &painter, DocumentPainter &document, const SpecElement &table, QList<QRect> &blurs);
};

} // namespace ow::samplegen
