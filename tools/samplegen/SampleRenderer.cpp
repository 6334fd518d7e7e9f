#include "SampleRenderer.h"

#include "DocumentPainter.h"
#include "ImageEffects.h"
#include "SampleLayout.h"

#include <QCoreApplication>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace ow::samplegen {

namespace {

constexpr int blurRadius = 6;
// 256 colours keep anti-aliased text smooth; PNGs of documents stay well under 150 KB.
constexpr int paletteSize = 256;

QColor colorOption(const SpecElement &element, const QString &key, const QColor &fallback)
{
    const QColor color(element.option(key));
    return color.isValid() ? color : fallback;
}

QString unescaped(QString text)
{
    return text.replace(u"\\n"_s, u"\n"_s);
}

QPen penFor(const SpecElement &element, const QColor &fallback)
{
    QPen pen(colorOption(element, u"pen"_s, colorOption(element, u"color"_s, fallback)),
        element.option(u"width"_s, u"1.5"_s).toDouble());
    if (element.hasFlag(u"dash"_s)) {
        pen.setStyle(Qt::DashLine);
    }
    if (element.option(u"pen"_s) == u"none") {
        pen = Qt::NoPen;
    }
    return pen;
}

// A blur a little wider than the glyphs, so no stroke escapes it, but never outside the field.
QRect textBlurArea(const QRectF &covered, const QRectF &field)
{
    return covered.adjusted(-8, -4, 8, 4).intersected(field.adjusted(-4, -4, 4, 4)).toAlignedRect();
}

} // namespace

Result<QImage> SampleRenderer::render(const SampleSpec &spec)
{
    QImage image(spec.size, QImage::Format_RGB32);
    image.fill(spec.paper);
    QList<QRect> blurs;
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        DocumentPainter document(painter);
        for (const SpecElement &element : spec.elements) {
            if (Result<void> drawn = draw(painter, document, element, blurs); !drawn) {
                return ow::failWith(drawn.error());
            }
        }
    }
    for (const QRect &region : std::as_const(blurs)) {
        ImageEffects::blur(image, region, blurRadius);
    }
    ImageEffects::watermark(image, spec.watermark);
    return ImageEffects::quantise(image, paletteSize);
}

Result<void> SampleRenderer::draw(
    QPainter &painter, DocumentPainter &document, const SpecElement &element, QList<QRect> &blurs)
{
    const bool blurred = element.hasFlag(u"blur"_s);
    const QString &kind = element.kind;
    const QRectF rect = element.rect();
    const auto seed = quint32(element.option(u"seed"_s, u"7"_s).toUInt());
    if (kind == u"rect") {
        painter.save();
        painter.setPen(penFor(element, QColor(0x33, 0x33, 0x33)));
        const QColor fill(element.option(u"fill"_s));
        painter.setBrush(fill.isValid() ? QBrush(fill) : QBrush(Qt::NoBrush));
        const double radius = element.option(u"radius"_s, u"0"_s).toDouble();
        painter.drawRoundedRect(rect, radius, radius);
        painter.restore();
    } else if (kind == u"line") {
        painter.save();
        painter.setPen(penFor(element, QColor(0x33, 0x33, 0x33)));
        painter.drawLine(
            QPointF(element.number(0), element.number(1)), QPointF(element.number(2), element.number(3)));
        painter.restore();
    } else if (kind == u"text") {
        const QRectF covered
            = document.text(rect, unescaped(element.text), TextStyle::from(element.options, element.flags));
        if (blurred) {
            blurs.append(textBlurArea(covered, rect));
        }
    } else if (kind == u"photo") {
        document.photo(rect, colorOption(element, u"bg"_s, QColor(0xdc, 0xe8, 0xf2)));
    } else if (kind == u"emblem") {
        document.emblem(SampleLayout::elementRect(element));
    } else if (kind == u"seal") {
        document.seal(SampleLayout::elementRect(element), element.text, element.option(u"sub"_s),
            colorOption(element, u"color"_s, QColor(0xd2, 0x1f, 0x26)));
    } else if (kind == u"qr") {
        document.qrCode(SampleLayout::elementRect(element), seed);
    } else if (kind == u"barcode") {
        document.barcode(rect, seed);
    } else if (kind == u"guilloche") {
        document.guilloche(rect, colorOption(element, u"color"_s, QColor(0xb8, 0xcf, 0xdc)), seed);
    } else if (kind == u"frame") {
        document.frame(rect, colorOption(element, u"color"_s, QColor(0xb0, 0x2a, 0x2a)));
    } else if (kind == u"sign") {
        document.signature(rect, element.text, colorOption(element, u"color"_s, QColor(0x1c, 0x2a, 0x6e)));
    } else if (kind == u"door") {
        document.door(QPointF(element.number(0), element.number(1)), element.number(2),
            element.option(u"rot"_s, u"0"_s).toDouble(), element.hasFlag(u"mirror"_s),
            QColor(0x33, 0x33, 0x33));
    } else if (kind == u"dim") {
        document.dimension(QPointF(element.number(0), element.number(1)),
            QPointF(element.number(2), element.number(3)), element.text, QColor(0x44, 0x44, 0x44));
    } else if (kind == u"check") {
        const double size = element.number(2, 18);
        document.checkbox(QRectF(element.number(0), element.number(1), size, size),
            element.hasFlag(u"checked"_s), QColor(0x22, 0x22, 0x22));
    } else if (kind == u"table") {
        drawTable(painter, document, element, blurs);
    } else if (kind == u"blur") {
        blurs.append(rect.toAlignedRect());
    } else if (kind != u"region") {
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::samplegen", "Unknown element \"%1\".").arg(kind), element.where);
    }
    if (blurred && kind != u"text" && kind != u"table") {
        blurs.append(SampleLayout::elementRect(element).toAlignedRect());
    }
    return {};
}

void SampleRenderer::drawTable(
    QPainter &painter, DocumentPainter &document, const SpecElement &table, QList<QRect> &blurs)
{
    const TextStyle base = TextStyle::from(table.options, table.flags, TextStyle {20});
    const QColor grid = colorOption(table, u"pen"_s, QColor(0x30, 0x30, 0x30));
    const bool borders = !table.hasFlag(u"noborder"_s);
    for (const TableCell &cell : SampleLayout::tableCells(table)) {
        const QColor fill(cell.options.value(u"bg"_s));
        if (fill.isValid()) {
            painter.fillRect(cell.rect, fill);
        }
        if (borders) {
            painter.save();
            painter.setPen(QPen(grid, 1.2));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(cell.rect);
            painter.restore();
        }
        const QRectF inner = cell.rect.adjusted(8, 3, -8, -3);
        const bool blurred = cell.flags.contains(u"blur"_s);
        if (cell.flags.contains(u"sign"_s)) {
            document.signature(
                inner.adjusted(0, inner.height() * 0.15, 0, 0), cell.text, QColor(0x1c, 0x2a, 0x6e));
            if (blurred) {
                blurs.append(inner.toAlignedRect());
            }
        } else if (!cell.text.isEmpty()) {
            const QRectF covered
                = document.text(inner, cell.text, TextStyle::from(cell.options, cell.flags, base));
            if (blurred) {
                blurs.append(textBlurArea(covered, inner));
            }
        }
    }
}

} // namespace ow::samplegen
