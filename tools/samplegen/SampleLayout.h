#pragma once

#include "SampleSpec.h"

#include <QHash>
#include <QList>
#include <QRect>
#include <QRectF>

namespace ow::samplegen {

/// One cell of a `table` element after layout.
struct TableCell
{
    QRectF rect;
    QString text;
    QHash<QString, QString> options; ///< from the cell's `{key=value flag}` prefix
    QStringList flags;
    SourceLocation where;
};

/// A rectangle tied to a review point: becomes a `mark POINT: X, Y, W, H` line of the catalogue.
struct MarkRegion
{
    QString pointId;
    QRect rect;
    friend bool operator==(const MarkRegion &, const MarkRegion &) = default;
};

/// Geometry shared by rendering and mark collection, so a mark always covers what was drawn.
class SampleLayout
{
public:
    static QList<TableCell> tableCells(const SpecElement &table);
    /// The area an element covers (seals and QR codes are squares of their diameter).
    static QRectF elementRect(const SpecElement &element);
    /// Marks in first-appearance order; regions tagged with the same point are united.
    static QList<MarkRegion> marks(const SampleSpec &spec);
    /// Why a mark does not sit on the field it names, one line each: it frames most of the page, it
    /// unites fields far apart (most of its rectangle covers other fields), or a field it covers
    /// runs under a photo tagged with another point. Empty when every mark sits where it should.
    static QStringList placementProblems(const SampleSpec &spec);
    /// The catalogue line for a mark, e.g. "mark name: 40, 30, 260, 40".
    static QString markLine(const MarkRegion &mark);
};

} // namespace ow::samplegen
