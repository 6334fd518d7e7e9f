#include "SampleLayout.h"

#include <QCoreApplication>
#include <QRegion>

using namespace Qt::StringLiterals;

namespace ow::samplegen {

namespace {

// Marks stand a little off the field so the numbered marker does not hide its first character.
constexpr int markPadding = 4;

void parseCellPrefix(TableCell &cell, QString text)
{
    text = text.trimmed();
    if (text.startsWith(u'{')) {
        const qsizetype close = text.indexOf(u'}');
        if (close > 0) {
            const QStringList tokens = text.mid(1, close - 1).split(u' ', Qt::SkipEmptyParts);
            for (const QString &token : tokens) {
                if (const qsizetype eq = token.indexOf(u'='); eq > 0) {
                    cell.options.insert(token.left(eq), token.mid(eq + 1));
                } else {
                    cell.flags.append(token);
                }
            }
            text = text.mid(close + 1).trimmed();
        }
    }
    cell.text = text.replace(u"\\n"_s, u"\n"_s);
}

// A mark larger than this share of the image frames the page, not a field.
constexpr double maximumPageShare = 0.4;
// The fields a mark names must fill at least this share of its rectangle; below it the mark unites
// fields far apart and mostly frames what lies between them. A signature beside the seal of the same
// point (签字并盖章) fills about two fifths.
constexpr double minimumFill = 0.35;

/// Every rectangle tagged with a review point, in the order drawn (table cells one by one).
QList<QPair<QString, QRectF>> taggedAreas(const SampleSpec &spec)
{
    QList<QPair<QString, QRectF>> areas;
    for (const SpecElement &element : spec.elements) {
        if (element.kind == u"table") {
            for (const TableCell &cell : SampleLayout::tableCells(element)) {
                if (cell.options.contains(u"mark"_s)) {
                    areas.append({cell.options.value(u"mark"_s), cell.rect});
                }
            }
        } else if (element.options.contains(u"mark"_s)) {
            areas.append({element.option(u"mark"_s), SampleLayout::elementRect(element)});
        }
    }
    return areas;
}

qint64 areaOf(const QRegion &region)
{
    qint64 area = 0;
    for (const QRect &rect : region) {
        area += qint64(rect.width()) * rect.height();
    }
    return area;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("ow::samplegen", text);
}

QRect padded(const QRectF &rect, const QSize &bounds)
{
    const QRect grown = rect.toAlignedRect().adjusted(-markPadding, -markPadding, markPadding, markPadding);
    return grown.intersected(QRect(QPoint(0, 0), bounds));
}

} // namespace

QList<TableCell> SampleLayout::tableCells(const SpecElement &table)
{
    QList<double> widths;
    for (const QString &part : table.option(u"cols"_s).split(u'/', Qt::SkipEmptyParts)) {
        widths.append(part.toDouble());
    }
    QList<TableCell> cells;
    if (widths.isEmpty()) {
        return cells;
    }
    double y = table.number(1);
    for (const SpecElement &row : table.children) {
        const double height = row.number(0, 40);
        const QStringList parts = row.text.split(u'|');
        double x = table.number(0);
        qsizetype column = 0;
        for (const QString &part : parts) {
            if (column >= widths.size()) {
                break;
            }
            TableCell cell;
            cell.where = row.where;
            parseCellPrefix(cell, part);
            const qsizetype span = qMax<qsizetype>(1, cell.options.value(u"span"_s, u"1"_s).toInt());
            double width = 0;
            for (qsizetype c = column; c < qMin(column + span, widths.size()); ++c) {
                width += widths.at(c);
            }
            cell.rect = QRectF(x, y, width, height);
            cells.append(cell);
            x += width;
            column += span;
        }
        y += height;
    }
    return cells;
}

QRectF SampleLayout::elementRect(const SpecElement &element)
{
    if (element.kind == u"seal" || element.kind == u"qr" || element.kind == u"emblem") {
        const double d = element.number(2);
        return {element.number(0), element.number(1), d, d};
    }
    return element.rect();
}

QList<MarkRegion> SampleLayout::marks(const SampleSpec &spec)
{
    QList<MarkRegion> marks;
    auto add = [&](const QString &pointId, const QRectF &rect) {
        const QRect area = padded(rect, spec.size);
        for (MarkRegion &mark : marks) {
            if (mark.pointId == pointId) {
                mark.rect = mark.rect.united(area);
                return;
            }
        }
        marks.append({pointId, area});
    };
    for (const auto &[pointId, rect] : taggedAreas(spec)) {
        add(pointId, rect);
    }
    return marks;
}

QStringList SampleLayout::placementProblems(const SampleSpec &spec)
{
    QStringList pointOrder;
    QHash<QString, QRegion> fields;
    for (const auto &[pointId, rect] : taggedAreas(spec)) {
        if (!fields.contains(pointId)) {
            pointOrder.append(pointId);
        }
        fields[pointId] += rect.toAlignedRect();
    }
    QList<QPair<QString, QRect>> photos;
    for (const SpecElement &element : spec.elements) {
        if (element.kind == u"photo") {
            photos.append({element.option(u"mark"_s), elementRect(element).toAlignedRect()});
        }
    }
    const double pageArea = double(spec.size.width()) * spec.size.height();
    QStringList problems;
    for (const QString &pointId : std::as_const(pointOrder)) {
        const QRegion &region = fields.value(pointId);
        const QRect bounds = region.boundingRect();
        const double boundsArea = double(bounds.width()) * bounds.height();
        const QString where = u"%1: mark %2 (%3, %4, %5, %6)"_s.arg(spec.where.file, pointId)
                                  .arg(bounds.x())
                                  .arg(bounds.y())
                                  .arg(bounds.width())
                                  .arg(bounds.height());
        if (pageArea > 0 && boundsArea > maximumPageShare * pageArea) {
            problems.append(tr("%1 covers %2% of the image: it frames the page, not the field it names.")
                                .arg(where)
                                .arg(qRound(100 * boundsArea / pageArea)));
        } else if (boundsArea > 0 && double(areaOf(region)) < minimumFill * boundsArea) {
            problems.append(tr("%1 unites fields far apart: they fill %2% of it. Tag one field, or give "
                               "each its own review point.")
                                .arg(where)
                                .arg(qRound(100 * double(areaOf(region)) / boundsArea)));
        }
        for (const auto &[photoPoint, photo] : std::as_const(photos)) {
            if (photoPoint != pointId && region.intersects(photo)) {
                problems.append(tr("%1 runs under the photo at %2, %3: narrow its field.")
                                    .arg(where)
                                    .arg(photo.x())
                                    .arg(photo.y()));
            }
        }
    }
    return problems;
}

QString SampleLayout::markLine(const MarkRegion &mark)
{
    return u"mark %1: %2, %3, %4, %5"_s.arg(mark.pointId)
        .arg(mark.rect.x())
        .arg(mark.rect.y())
        .arg(mark.rect.width())
        .arg(mark.rect.height());
}

} // namespace ow::samplegen
