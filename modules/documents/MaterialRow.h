#pragma once

#include "catalogue/Catalogue.h"
#include "catalogue/SituationEngine.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ow::documents {

/// One material as the documents print it: from a live checklist, or from the snapshot a case
/// keeps of the checklist it was taken in with (so a document printed later shows what was asked).
struct MaterialRow
{
    struct Point
    {
        QString id;
        QString text;
    };

    QString materialId;
    QString name;
    QString source;
    catalogue::MaterialForm form = catalogue::MaterialForm::Original;
    int copies = 1;
    catalogue::Medium medium = catalogue::Medium::Paper;
    bool dataShared = false;
    bool waivable = false;
    QStringList notes;
    QList<Point> reviewPoints;
    QStringList matters; ///< the names of the matters this material serves (several in a bundle)

    /// The text of a review point, or the id when the point is unknown.
    QString pointText(const QString &pointId) const;

    static QList<MaterialRow> fromChecklist(const catalogue::Checklist &checklist);
    /// Reads CaseJson::checklistSnapshot; unknown keywords fall back to the defaults above.
    static QList<MaterialRow> fromSnapshot(const QJsonArray &snapshot);
    static const MaterialRow *find(const QList<MaterialRow> &rows, const QString &materialId);
    /// Whether the rows serve more than one matter (a bundle): then each says which it serves.
    static bool serveSeveralMatters(const QList<MaterialRow> &rows);
    /// The line under a material that says which matters it serves (`wording` holds %1 for the
    /// names), or nothing outside a bundle: one rule for every paper and screen that lists materials.
    static QStringList servesLine(
        const MaterialRow *row, const QList<MaterialRow> &rows, const QString &wording);
};

} // namespace ow::documents
