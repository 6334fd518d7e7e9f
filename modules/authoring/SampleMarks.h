#pragma once

#include "authoring/DocumentEdit.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QRect>
#include <QString>
#include <optional>

namespace ow::authoring {

class CatalogueDocument;

/// The sample of one material of an open document as the sample editor shows it: its image, its marks
/// (each tied to a review point) and the material's review points; and the edits that change the marks,
/// each rewriting one mark's line (or adding or removing it) and nothing else (docs/editor.md).
class SampleMarks
{
    Q_DECLARE_TR_FUNCTIONS(ow::authoring::SampleMarks)

public:
    struct Point
    {
        QString id;
        QString text;
        bool content = false; ///< a content review point (内容审查要点), else a form point
    };
    struct Mark
    {
        NodeRef node;
        QString pointId;
        QString value; ///< as written
        std::optional<QRect> rect; ///< none when the value is not a rectangle the loader reads
    };

    /// The material a node belongs to (the material itself, its sample, a mark, a review point…): its
    /// ref, or an invalid ref when the node is not inside a material.
    static NodeRef materialOf(const CatalogueDocument &document, const NodeRef &node);
    /// Reads the material whose block starts at `material`; nothing when no material starts there.
    static std::optional<SampleMarks> read(const CatalogueDocument &document, const NodeRef &material);
    /// Finds a material of the library by id (materials move when lines above them change).
    static NodeRef findMaterial(const CatalogueDocument &document, const QString &materialId);

    NodeRef material;
    QString materialId;
    QString materialName;
    NodeRef sample; ///< the `sample:` line (invalid when the material has none)
    QString image; ///< as written, relative to the catalogue folder
    QList<Point> points;
    QList<Mark> marks;

    /// Why the image cannot be shown (missing, outside the folder, not decoding whole), naming the
    /// file; empty when it can.
    QString imageProblem(const QString &directory) const;
    /// The image's path on disk.
    QString imagePath(const QString &directory) const;
    /// The index of the mark on a line, or -1.
    int markAt(const NodeRef &node) const;
    /// The text of a review point (empty when the material has none of that id).
    QString pointText(const QString &pointId) const;
    /// The review point a new mark is tied to: the first not yet marked, else the first; the
    /// placeholder id when the material has none (the live lint then asks for one).
    QString pointForNewMark() const;

    /// The mark's rectangle rewritten (its line only, in the format's units).
    Result<Edit> setRect(const CatalogueDocument &document, int mark, const QRect &rect) const;
    /// The mark tied to another review point (its id on its line).
    Result<Edit> tie(const CatalogueDocument &document, int mark, const QString &pointId) const;
    /// A new mark after the others.
    Result<Edit> add(const CatalogueDocument &document, const QRect &rect) const;
    Result<Edit> remove(const CatalogueDocument &document, int mark) const;
    /// The sample's image set to a file of the catalogue folder (`relativePath`): the `sample:` line
    /// rewritten, or added after the material's other lines when it has none.
    Result<Edit> setImage(const CatalogueDocument &document, const QString &relativePath) const;
};

} // namespace ow::authoring
