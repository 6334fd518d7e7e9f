#pragma once

#include "SampleLayout.h"
#include "SampleSpec.h"
#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QStringList>

namespace ow::samplegen {

/// The `sample:` and `mark` lines of a catalogue's material files, compared with — or rewritten
/// to — the marks a spec lays out. Everything else in the files is left byte for byte as it was.
class CatalogueMarks
{
public:
    explicit CatalogueMarks(QString catalogueDir);

    /// Reads materials/*.txt of the catalogue.
    Result<void> load();
    /// One readable line per disagreement between the catalogue and the spec; empty when they agree.
    /// A mark tied to a review point the material does not have is a disagreement too.
    QStringList compare(const SampleSpec &spec, const QList<MarkRegion> &marks) const;
    /// Review points of the spec's materials that no rendered field is tagged with.
    QStringList unmarkedPoints(const SampleSpec &spec, const QList<MarkRegion> &marks) const;
    /// Sets the `sample:` line of each of the spec's materials and replaces its marks.
    Result<void> update(const SampleSpec &spec, const QList<MarkRegion> &marks);
    /// Writes the files `update` changed; returns their names.
    Result<QStringList> save() const;
    /// Every (material id, image path) of a `sample:` line in the catalogue.
    QList<QPair<QString, QString>> sampleReferences() const;

private:
    struct Block
    {
        QString file;
        qsizetype first = 0; ///< the `material` line
        qsizetype end = 0; ///< one past the block's last line
        qsizetype sampleLine = -1; ///< the `sample:` line, or -1
        QString samplePath;
        QStringList marks; ///< normalised mark lines under the sample
        QStringList pointIds; ///< ids of the material's own review points
    };

    std::optional<Block> findBlock(const QString &materialId) const;

    QString m_dir;
    QHash<QString, QStringList> m_files; ///< file path → its lines
    QStringList m_order; ///< file paths in name order
    QSet<QString> m_changed;
};

} // namespace ow::samplegen
