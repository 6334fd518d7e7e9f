#pragma once

#include "catalogue/Catalogue.h"
#include "catalogue/LoadContext.h"
#include "catalogue/TextTree.h"

#include <QSize>
#include <optional>

namespace ow::catalogue {

/// Reads a `material` block (§5) of the material library, with its review points and annotated sample.
class MaterialReader
{
public:
    explicit MaterialReader(LoadContext &context);

    Material read(const TextNode &node);

    /// `form-point ID: TEXT` or `content-point ID: TEXT`, shared with a matter's `require` lines.
    static std::optional<ReviewPoint> readReviewPoint(
        LoadContext &context, const TextNode &node, const QString &matterCode);
    /// Reports `duplicate-id` when `point` repeats an id of `points` (a material's own points, or the
    /// points one requirement adds to it); appends it otherwise.
    static void addReviewPoint(
        LoadContext &context, QList<ReviewPoint> &points, ReviewPoint point, const QString &materialId);
    static std::optional<MaterialForm> readForm(LoadContext &context, const TextNode &node);
    /// A sample mark's `X, Y, WIDTH, HEIGHT`: whole image pixels, width and height above 0 (the
    /// editor reads marks with it too).
    static std::optional<QRect> parseRect(QStringView text);

private:
    /// Returns the image size when the sample is a readable PNG or JPEG.
    std::optional<QSize> readSample(const TextNode &node, Material &material);
    void checkMarks(const Material &material, std::optional<QSize> imageSize);

    LoadContext &m_context;
};

} // namespace ow::catalogue
