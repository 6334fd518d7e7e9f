#include "DocumentPainter.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QtMath>

using namespace Qt::StringLiterals;

namespace ow::samplegen {

namespace {

const QString sansFamily = u"Noto Sans CJK SC"_s;
const QString serifFamily = u"Noto Serif CJK SC"_s;
const QString monoFamily = u"Noto Sans Mono CJK SC"_s;

QFont makeFont(const QString &family, double pixelSize, bool bold)
{
    QFont font(family);
    font.setPixelSize(qMax(6, qRound(pixelSize)));
    font.setBold(bold);
    // Hinting differs between machines; without it the same spec gives the same pixels everywhere.
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

QPolygonF starPolygon(QPointF centre, double outer, double rotation = 0)
{
    QPolygonF star;
    const double inner = outer * 0.382;
    for (int i = 0; i < 10; ++i) {
        const double radius = (i % 2 == 0) ? outer : inner;
        const double angle = qDegreesToRadians(-90.0 + rotation + i * 36.0);
        star << centre + QPointF(radius * qCos(angle), radius * qSin(angle));
    }
    return star;
}

} // namespace

TextStyle TextStyle::from(
    const QHash<QString, QString> &options, const QStringList &flags, const TextStyle &fallback)
{
    TextStyle style = fallback;
    if (options.contains(u"size"_s)) {
        style.size = options.value(u"size"_s).toDouble();
    }
    if (options.contains(u"color"_s)) {
        style.color = QColor(options.value(u"color"_s));
    }
    if (options.contains(u"spacing"_s)) {
        style.spacing = options.value(u"spacing"_s).toDouble();
    }
    style.serif = style.serif || flags.contains(u"serif"_s);
    style.mono = style.mono || flags.contains(u"mono"_s);
    style.bold = style.bold || flags.contains(u"bold"_s);
    style.wrap = style.wrap || flags.contains(u"wrap"_s);

    Qt::Alignment horizontal = style.align & Qt::AlignHorizontal_Mask;
    Qt::Alignment vertical = style.align & Qt::AlignVertical_Mask;
    const QString align = options.value(u"align"_s);
    if (flags.contains(u"center"_s) || align == u"center") {
        horizontal = Qt::AlignHCenter;
    } else if (flags.contains(u"right"_s) || align == u"right") {
        horizontal = Qt::AlignRight;
    } else if (flags.contains(u"left"_s) || align == u"left") {
        horizontal = Qt::AlignLeft;
    }
    const QString valign = options.value(u"valign"_s);
    if (flags.contains(u"top"_s) || valign == u"top") {
        vertical = Qt::AlignTop;
    } else if (valign == u"bottom") {
        vertical = Qt::AlignBottom;
    } else if (valign == u"middle") {
        vertical = Qt::AlignVCenter;
    }
    style.align = horizontal | vertical;
    return style;
}

TextStyle TextStyle::from(const QHash<QString, QString> &options, const QStringList &flags)
{
    return from(options, flags, TextStyle {});
}

DocumentPainter::DocumentPainter(QPainter &painter)
    : m_painter(painter)
{
}

QRectF DocumentPainter::text(const QRectF &rect, const QString &text, const TextStyle &style)
{
    const QString family = style.mono ? monoFamily : (style.serif ? serifFamily : sansFamily);
    QFont font = makeFont(family, style.size, style.bold);
    if (style.spacing != 0) {
        font.setLetterSpacing(QFont::AbsoluteSpacing, style.spacing);
    }
    if (!style.wrap) {
        const QStringList lines = text.split(u'\n');
        for (int guard = 0; guard < 40 && font.pixelSize() > 8; ++guard) {
            const QFontMetricsF metrics(font);
            double widest = 0;
            for (const QString &line : lines) {
                widest = qMax(widest, metrics.horizontalAdvance(line));
            }
            if (widest <= rect.width() && metrics.lineSpacing() * double(lines.size()) <= rect.height() + 2) {
                break;
            }
            font.setPixelSize(font.pixelSize() - 1);
        }
    }
    m_painter.save();
    m_painter.setFont(font);
    m_painter.setPen(style.color);
    const int wrap = style.wrap ? int(Qt::TextWordWrap) : 0;
    QRectF covered;
    m_painter.drawText(rect, int(style.align) | wrap, text, &covered);
    m_painter.restore();
    return covered;
}

void DocumentPainter::photo(const QRectF &rect, const QColor &background)
{
    m_painter.save();
    m_painter.setPen(Qt::NoPen);
    m_painter.fillRect(rect, background);
    const double w = rect.width();
    const double h = rect.height();
    const QPointF top = rect.topLeft();
    // Shoulders and collar.
    QPainterPath body;
    body.moveTo(top + QPointF(w * 0.05, h));
    body.cubicTo(top + QPointF(w * 0.08, h * 0.74), top + QPointF(w * 0.25, h * 0.70),
        top + QPointF(w * 0.40, h * 0.66));
    body.lineTo(top + QPointF(w * 0.60, h * 0.66));
    body.cubicTo(
        top + QPointF(w * 0.75, h * 0.70), top + QPointF(w * 0.92, h * 0.74), top + QPointF(w * 0.95, h));
    body.closeSubpath();
    m_painter.setBrush(QColor(0x34, 0x3f, 0x52));
    m_painter.drawPath(body);
    m_painter.setBrush(QColor(0xf4, 0xf4, 0xf4));
    QPolygonF collar;
    collar << top + QPointF(w * 0.42, h * 0.66) << top + QPointF(w * 0.50, h * 0.80)
           << top + QPointF(w * 0.58, h * 0.66);
    m_painter.drawPolygon(collar);
    // Neck, face, hair.
    m_painter.setBrush(QColor(0xd8, 0xb4, 0x98));
    m_painter.drawRect(QRectF(top + QPointF(w * 0.43, h * 0.52), QSizeF(w * 0.14, h * 0.15)));
    m_painter.drawEllipse(QRectF(top + QPointF(w * 0.31, h * 0.20), QSizeF(w * 0.38, h * 0.40)));
    m_painter.setBrush(QColor(0x22, 0x22, 0x26));
    QPainterPath hair;
    hair.moveTo(top + QPointF(w * 0.30, h * 0.40));
    hair.cubicTo(top + QPointF(w * 0.26, h * 0.12), top + QPointF(w * 0.74, h * 0.12),
        top + QPointF(w * 0.70, h * 0.40));
    hair.cubicTo(top + QPointF(w * 0.66, h * 0.26), top + QPointF(w * 0.40, h * 0.24),
        top + QPointF(w * 0.30, h * 0.40));
    m_painter.drawPath(hair);
    m_painter.restore();
}

void DocumentPainter::emblem(const QRectF &square)
{
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing);
    const QPointF c = square.center();
    const double r = square.width() / 2;
    const QColor gold(0xe8, 0xb9, 0x23);
    const QColor red(0xc8, 0x16, 0x1d);
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(gold);
    m_painter.drawEllipse(c, r, r);
    m_painter.setBrush(red);
    m_painter.drawEllipse(c, r * 0.86, r * 0.86);
    m_painter.setBrush(gold);
    m_painter.drawPolygon(starPolygon(c + QPointF(0, -r * 0.38), r * 0.22));
    for (int i = 0; i < 4; ++i) {
        const double angle = qDegreesToRadians(-150.0 + i * 40.0);
        const QPointF at = c + QPointF(-r * 0.0, -r * 0.38)
            + QPointF(r * 0.42 * qCos(angle), r * 0.42 * qSin(angle) + r * 0.18);
        m_painter.drawPolygon(starPolygon(at, r * 0.08, i * 15.0 - 20.0));
    }
    // A stylised gate: three steps of a roof and a base.
    m_painter.drawRect(QRectF(c.x() - r * 0.42, c.y() + r * 0.10, r * 0.84, r * 0.08));
    m_painter.drawRect(QRectF(c.x() - r * 0.30, c.y() + r * 0.22, r * 0.60, r * 0.18));
    m_painter.drawRect(QRectF(c.x() - r * 0.52, c.y() + r * 0.44, r * 1.04, r * 0.09));
    m_painter.setBrush(red);
    m_painter.drawRect(QRectF(c.x() - r * 0.06, c.y() + r * 0.27, r * 0.12, r * 0.13));
    m_painter.restore();
}

void DocumentPainter::seal(
    const QRectF &square, const QString &text, const QString &bottomText, const QColor &color)
{
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing);
    const QPointF c = square.center();
    const double r = square.width() / 2;
    QColor ink = color;
    ink.setAlpha(210);
    m_painter.setPen(QPen(ink, qMax(2.0, r * 0.07)));
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawEllipse(c, r * 0.94, r * 0.94);
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(ink);
    m_painter.drawPolygon(starPolygon(c, r * 0.30));

    // Characters run clockwise along the upper arc, each standing with its foot towards the centre,
    // condensed like the lettering of a real seal so that long names still fit.
    const qsizetype count = text.size();
    if (count > 0) {
        const double span = qMin(250.0, 24.0 * double(count));
        const double step = count > 1 ? span / double(count - 1) : 0;
        const double baseline = r * 0.64;
        const double arc = qDegreesToRadians(step) * baseline;
        QFont font = makeFont(serifFamily, qMin(r * 0.27, count > 1 ? arc * 1.25 : r * 0.27), true);
        font.setStretch(72);
        m_painter.setFont(font);
        m_painter.setPen(ink);
        const QFontMetricsF metrics(font);
        for (qsizetype i = 0; i < count; ++i) {
            const double angle = -span / 2 + step * double(i);
            m_painter.save();
            m_painter.translate(c);
            m_painter.rotate(angle);
            const QString ch = text.mid(i, 1);
            const double w = metrics.horizontalAdvance(ch);
            m_painter.drawText(QPointF(-w / 2, -baseline), ch);
            m_painter.restore();
        }
    }
    if (!bottomText.isEmpty()) {
        const QFont font = makeFont(serifFamily, r * 0.17, true);
        m_painter.setFont(font);
        m_painter.setPen(ink);
        m_painter.drawText(
            QRectF(c.x() - r * 0.7, c.y() + r * 0.36, r * 1.4, r * 0.3), Qt::AlignCenter, bottomText);
    }
    m_painter.restore();
}

void DocumentPainter::qrCode(const QRectF &square, quint32 seed)
{
    constexpr int modules = 25;
    const double unit = square.width() / (modules + 2);
    QRandomGenerator random(seed);
    m_painter.save();
    m_painter.fillRect(square, Qt::white);
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(Qt::black);
    const QPointF origin = square.topLeft() + QPointF(unit, unit);
    auto finder = [&](int col, int row) {
        m_painter.drawRect(QRectF(origin + QPointF(col * unit, row * unit), QSizeF(7 * unit, 7 * unit)));
        m_painter.fillRect(
            QRectF(origin + QPointF((col + 1) * unit, (row + 1) * unit), QSizeF(5 * unit, 5 * unit)),
            Qt::white);
        m_painter.drawRect(
            QRectF(origin + QPointF((col + 2) * unit, (row + 2) * unit), QSizeF(3 * unit, 3 * unit)));
    };
    for (int row = 0; row < modules; ++row) {
        for (int col = 0; col < modules; ++col) {
            const bool inFinder
                = (row < 8 && col < 8) || (row < 8 && col >= modules - 8) || (row >= modules - 8 && col < 8);
            if (!inFinder && random.bounded(2) == 1) {
                m_painter.drawRect(QRectF(origin + QPointF(col * unit, row * unit), QSizeF(unit, unit)));
            }
        }
    }
    finder(0, 0);
    finder(modules - 7, 0);
    finder(0, modules - 7);
    m_painter.restore();
}

void DocumentPainter::barcode(const QRectF &rect, quint32 seed)
{
    QRandomGenerator random(seed);
    m_painter.save();
    double x = rect.left();
    bool bar = true;
    while (x < rect.right()) {
        const double width = 1.5 * double(1 + random.bounded(3));
        if (bar) {
            m_painter.fillRect(
                QRectF(x, rect.top(), qMin(width, rect.right() - x), rect.height()), Qt::black);
        }
        x += width;
        bar = !bar;
    }
    m_painter.restore();
}

void DocumentPainter::guilloche(const QRectF &rect, const QColor &color, quint32 seed)
{
    QRandomGenerator random(seed);
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing);
    m_painter.setClipRect(rect);
    QColor line = color;
    m_painter.setPen(QPen(line, 1.0));
    const int waves = 14;
    for (int k = 0; k < waves; ++k) {
        const double phase = random.bounded(628) / 100.0;
        const double amplitude = rect.height() * (0.05 + random.bounded(10) / 100.0);
        const double frequency = 2 * M_PI / (rect.width() / (2.0 + random.bounded(4)));
        const double baseline = rect.top() + rect.height() * (k + 0.5) / waves;
        QPainterPath path;
        for (double x = rect.left(); x <= rect.right(); x += 3) {
            const double y = baseline + amplitude * qSin(frequency * (x - rect.left()) + phase);
            if (x == rect.left()) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        m_painter.drawPath(path);
    }
    m_painter.restore();
}

void DocumentPainter::frame(const QRectF &rect, const QColor &color)
{
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing);
    m_painter.setBrush(Qt::NoBrush);
    m_painter.setPen(QPen(color, 6));
    m_painter.drawRect(rect);
    m_painter.setPen(QPen(color, 1.5));
    const QRectF inner = rect.adjusted(14, 14, -14, -14);
    m_painter.drawRect(inner);
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(color);
    const QList<QPointF> corners {inner.topLeft(), inner.topRight(), inner.bottomLeft(), inner.bottomRight()};
    for (const QPointF &corner : corners) {
        QPolygonF diamond;
        diamond << corner + QPointF(0, -9) << corner + QPointF(9, 0) << corner + QPointF(0, 9)
                << corner + QPointF(-9, 0);
        m_painter.drawPolygon(diamond);
    }
    m_painter.restore();
}

void DocumentPainter::signature(const QRectF &rect, const QString &text, const QColor &ink)
{
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing);
    m_painter.translate(rect.left(), rect.bottom());
    m_painter.shear(-0.35, 0);
    m_painter.rotate(-4);
    const QFont font = makeFont(serifFamily, rect.height() * 0.72, false);
    m_painter.setFont(font);
    m_painter.setPen(QPen(ink, 1));
    m_painter.drawText(QPointF(rect.height() * 0.3, -rect.height() * 0.2), text);
    // The flourish under a signature.
    QPainterPath stroke;
    const double w = QFontMetricsF(font).horizontalAdvance(text);
    stroke.moveTo(rect.height() * 0.2, -rect.height() * 0.08);
    stroke.cubicTo(w * 0.4, rect.height() * 0.02, w * 0.8, -rect.height() * 0.2, w + rect.height() * 0.4,
        -rect.height() * 0.12);
    m_painter.setPen(QPen(ink, 1.6));
    m_painter.drawPath(stroke);
    m_painter.restore();
}

void DocumentPainter::door(QPointF hinge, double width, double rotation, bool mirrored, const QColor &color)
{
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing);
    m_painter.translate(hinge);
    m_painter.rotate(rotation);
    if (mirrored) {
        m_painter.scale(-1, 1);
    }
    m_painter.setPen(QPen(color, 2));
    m_painter.drawLine(QPointF(0, 0), QPointF(0, -width));
    m_painter.setPen(QPen(color, 1, Qt::DashLine));
    m_painter.drawArc(QRectF(-width, -width, 2 * width, 2 * width), 0, 90 * 16);
    m_painter.restore();
}

void DocumentPainter::dimension(QPointF from, QPointF to, const QString &label, const QColor &color)
{
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing);
    m_painter.setPen(QPen(color, 1));
    m_painter.drawLine(from, to);
    const QLineF line(from, to);
    const QLineF normal = line.normalVector().unitVector();
    const QPointF tick = (normal.p2() - normal.p1()) * 7;
    m_painter.drawLine(from - tick, from + tick);
    m_painter.drawLine(to - tick, to + tick);
    const QPointF middle = (from + to) / 2;
    m_painter.translate(middle);
    if (qAbs(line.dx()) < qAbs(line.dy())) {
        m_painter.rotate(-90);
    }
    const QFont font = makeFont(sansFamily, 15, false);
    m_painter.setFont(font);
    const double w = QFontMetricsF(font).horizontalAdvance(label) + 8;
    const QRectF box(-w / 2, -11, w, 22);
    m_painter.fillRect(box, Qt::white);
    m_painter.drawText(box, Qt::AlignCenter, label);
    m_painter.restore();
}

void DocumentPainter::checkbox(const QRectF &square, bool checked, const QColor &color)
{
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing);
    m_painter.setPen(QPen(color, 1.5));
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawRect(square);
    if (checked) {
        m_painter.setPen(QPen(color, 2.5));
        QPolygonF tick;
        tick << square.topLeft() + QPointF(square.width() * 0.18, square.height() * 0.52)
             << square.topLeft() + QPointF(square.width() * 0.42, square.height() * 0.78)
             << square.topLeft() + QPointF(square.width() * 0.86, square.height() * 0.20);
        m_painter.drawPolyline(tick);
    }
    m_painter.restore();
}

} // namespace ow::samplegen
