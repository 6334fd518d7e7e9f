#include "SampleLayout.h"

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
    for (const SpecElement &element : spec.elements) {
        if (element.kind == u"table") {
            for (const TableCell &cell : tableCells(element)) {
                if (cell.options.contains(u"mark"_s)) {
                    add(cell.options.value(u"mark"_s), cell.rect);
                }
            }
        } else if (element.options.contains(u"mark"_s)) {
            add(element.option(u"mark"_s), elementRect(element));
        }
    }
    return marks;
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
