#include "documents/BlockLayout.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QTextLayout>
#include <algorithm>

namespace ow::documents {

namespace {

const QColor kShade(0xEE, 0xEE, 0xEE);

QFont makeFont(const QString &family, qreal points, QFont::Weight weight = QFont::Normal)
{
    QFont font(family);
    font.setPointSizeF(points);
    font.setWeight(weight);
    // Unhinted outlines scale linearly, so a page measures the same on a 200 dpi preview, a
    // 300 dpi PDF and a 203 dpi receipt head.
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setStyleStrategy(QFont::PreferOutline);
    return font;
}

/// The width of one CJK character: the unit Chinese typesetting counts in.
qreal em(const QFont &font, QPaintDevice *device)
{
    return QFontMetricsF(font, device).horizontalAdvance(QChar(0x4E2D));
}

} // namespace

void PaintItem::translate(const QPointF &offset)
{
    position += offset;
    line.translate(offset);
    rect.translate(offset);
}

DocumentFonts DocumentFonts::make(const Document &document, const PageFormat &format)
{
    const PageFormat::Typography &type = format.type;
    // Thin serifs break up on a 203 dpi thermal head; receipts are set in sans throughout.
    const QString serif = format.receipt ? document.sansFamily : document.serifFamily;
    DocumentFonts fonts;
    fonts.organ = makeFont(document.sansFamily, type.organ);
    fonts.title = makeFont(serif, type.title, QFont::Bold);
    fonts.subtitle = makeFont(document.sansFamily, type.subtitle);
    fonts.body = makeFont(serif, type.body);
    fonts.strong = makeFont(document.sansFamily, type.body, QFont::Bold);
    fonts.table = makeFont(document.sansFamily, type.table);
    fonts.tableBold = makeFont(document.sansFamily, type.table, QFont::Bold);
    fonts.small = makeFont(document.sansFamily, type.small);
    return fonts;
}

BlockLayout::BlockLayout(
    const PageFormat &format, const DocumentFonts &fonts, QPaintDevice *device, qreal contentWidth)
    : m_format(format)
    , m_fonts(fonts)
    , m_device(device)
    , m_dpi(device->logicalDpiY())
    , m_width(contentWidth)
{
}

Result<void> BlockLayout::add(const Block &block, QList<LayoutUnit> &units) const
{
    if (const auto *b = std::get_if<HeadingBlock>(&block))
        heading(*b, units);
    else if (const auto *b = std::get_if<MetaLineBlock>(&block))
        metaLine(*b, units);
    else if (const auto *b = std::get_if<ParagraphBlock>(&block))
        paragraph(*b, units);
    else if (const auto *b = std::get_if<SectionBlock>(&block))
        section(*b, units);
    else if (const auto *b = std::get_if<FieldsBlock>(&block))
        fields(*b, units);
    else if (const auto *b = std::get_if<TableBlock>(&block))
        m_format.isNarrow() ? tableAsList(*b, units) : table(*b, units);
    else if (const auto *b = std::get_if<QrBlock>(&block))
        return qr(*b, units);
    else if (const auto *b = std::get_if<SignatureBlock>(&block))
        return signature(*b, units);
    else if (const auto *b = std::get_if<SignLinesBlock>(&block))
        signLines(*b, units);
    else if (const auto *b = std::get_if<SpacerBlock>(&block))
        units.append(LayoutUnit {0, mm(b->millimetres), false, -1, {}});
    return {};
}

QList<BlockLayout::Line> BlockLayout::wrap(const QString &text, const TextSpec &spec, qreal width) const
{
    QList<Line> lines;
    const QFontMetricsF metrics(spec.font, m_device);
    const qreal lineHeight = metrics.height() * spec.leading;
    const qreal baseline = (lineHeight - metrics.height()) / 2 + metrics.ascent();
    const qreal unit = em(spec.font, m_device);
    const QStringList paragraphs = text.split(QLatin1Char('\n'));
    for (const QString &paragraph : paragraphs) {
        if (paragraph.isEmpty()) {
            lines.append(Line {PaintItem {}, lineHeight});
            lines.last().item.kind = PaintItem::Kind::Text;
            continue;
        }
        QTextLayout layout(paragraph, spec.font, m_device);
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(option);
        layout.beginLayout();
        for (bool first = true;; first = false) {
            QTextLine line = layout.createLine();
            if (!line.isValid())
                break;
            line.setLineWidth(std::max<qreal>(1, width - (first ? spec.firstIndent : 0)));
        }
        layout.endLayout();
        for (int i = 0; i < layout.lineCount(); ++i) {
            const QTextLine line = layout.lineAt(i);
            QString piece = paragraph.mid(line.textStart(), line.textLength());
            while (piece.endsWith(QLatin1Char(' ')))
                piece.chop(1);
            const qreal indent = i == 0 ? spec.firstIndent : 0;
            const qreal natural = metrics.horizontalAdvance(piece);
            PaintItem item;
            item.kind = PaintItem::Kind::Text;
            item.text = piece;
            item.font = spec.font;
            qreal x = indent;
            if (spec.align & Qt::AlignHCenter)
                x = (width - natural) / 2;
            else if (spec.align & Qt::AlignRight)
                x = width - natural;
            const bool lastLine = i + 1 == layout.lineCount();
            if (spec.justify && !lastLine && piece.size() > 1) {
                // Chinese text is set flush on both sides. The slack is shared between the characters
                // only while it stays a hair (text extractors read wider gaps as spaces), which holds
                // for lines of ideographs; a line broken before a long number stays ragged.
                const qreal extra = (width - indent - natural) / (piece.size() - 1);
                if (extra > 0 && extra < 0.06 * unit)
                    item.font.setLetterSpacing(QFont::AbsoluteSpacing, extra);
            }
            item.position = QPointF(x, baseline);
            lines.append(Line {item, lineHeight});
        }
    }
    return lines;
}

qreal BlockLayout::height(const QList<Line> &lines)
{
    qreal total = 0;
    for (const Line &line : lines)
        total += line.height;
    return total;
}

qreal BlockLayout::place(const QList<Line> &lines, LayoutUnit &unit, qreal x, qreal y)
{
    qreal top = y;
    for (const Line &line : lines) {
        if (!line.item.text.isEmpty()) {
            PaintItem item = line.item;
            item.translate(QPointF(x, top));
            unit.items.append(item);
        }
        top += line.height;
    }
    return top - y;
}

PaintItem BlockLayout::rule(const QLineF &line, bool dotted) const
{
    PaintItem item;
    item.kind = PaintItem::Kind::Line;
    item.line = line;
    item.penWidth = pt(0.6);
    item.dotted = dotted;
    return item;
}

void BlockLayout::heading(const HeadingBlock &block, QList<LayoutUnit> &units) const
{
    LayoutUnit unit;
    qreal y = 0;
    if (!block.organ.isEmpty())
        y += place(wrap(block.organ, TextSpec {m_fonts.organ, 1.1, Qt::AlignHCenter}, m_width), unit, 0, y);
    y += mm(m_format.receipt ? 1 : 2);
    y += place(wrap(block.title, TextSpec {m_fonts.title, 1.15, Qt::AlignHCenter}, m_width), unit, 0, y);
    if (!block.subtitle.isEmpty())
        y += place(
            wrap(block.subtitle, TextSpec {m_fonts.subtitle, 1.2, Qt::AlignHCenter}, m_width), unit, 0, y);
    unit.height = y + mm(m_format.receipt ? 1.5 : 3);
    units.append(unit);
}

void BlockLayout::metaLine(const MetaLineBlock &block, QList<LayoutUnit> &units) const
{
    LayoutUnit unit;
    const QFontMetricsF metrics(m_fonts.table, m_device);
    const bool oneLine
        = metrics.horizontalAdvance(block.left) + metrics.horizontalAdvance(block.right) + mm(4) <= m_width;
    qreal y = 0;
    if (!block.left.isEmpty())
        y += place(wrap(block.left, TextSpec {m_fonts.table, 1.2}, m_width), unit, 0, 0);
    if (oneLine)
        y = std::max(
            y, place(wrap(block.right, TextSpec {m_fonts.table, 1.2, Qt::AlignRight}, m_width), unit, 0, 0));
    else // too narrow for both (a receipt): the right-hand text goes under the left, flush left
        y += place(wrap(block.right, TextSpec {m_fonts.table, 1.2}, m_width), unit, 0, y);
    unit.height = y;
    unit.spaceBefore = mm(1);
    units.append(unit);
}

void BlockLayout::paragraph(const ParagraphBlock &block, QList<LayoutUnit> &units) const
{
    TextSpec spec {m_fonts.body, 1.1, Qt::AlignLeft, 0, true};
    if (block.style == TextStyle::Strong)
        spec = TextSpec {m_fonts.strong, 1.2, Qt::AlignLeft, 0, true};
    else if (block.style == TextStyle::Small)
        spec = TextSpec {m_fonts.small, 1.15, Qt::AlignLeft, 0, true};
    if (block.indent)
        spec.firstIndent = 2 * em(spec.font, m_device);
    const QList<Line> lines = wrap(block.text, spec, m_width);
    // One unit a line: a long paragraph may continue on the next page.
    for (qsizetype i = 0; i < lines.size(); ++i) {
        LayoutUnit unit;
        unit.height = place({lines.at(i)}, unit, 0, 0);
        unit.spaceBefore = i == 0 ? mm(block.style == TextStyle::Small ? 0.8 : 1.2) : 0;
        // No lone first line at the foot of a page, no lone last line at the head of the next.
        unit.keepWithNext = lines.size() > 1 && (i == 0 || i == lines.size() - 2);
        units.append(unit);
    }
}

void BlockLayout::section(const SectionBlock &block, QList<LayoutUnit> &units) const
{
    LayoutUnit unit;
    unit.height = place(wrap(block.text, TextSpec {m_fonts.strong, 1.2}, m_width), unit, 0, 0);
    unit.spaceBefore = mm(m_format.receipt ? 2 : 4);
    unit.keepWithNext = true;
    units.append(unit);
}

LayoutUnit BlockLayout::row(
    const QList<qreal> &widths, const QList<QList<Line>> &cells, const QList<bool> &shaded) const
{
    const qreal padX = mm(1.2);
    const qreal padY = mm(0.9);
    qreal tallest = 0;
    for (const QList<Line> &cell : cells)
        tallest = std::max(tallest, height(cell));
    LayoutUnit unit;
    unit.height = tallest + 2 * padY;
    qreal x = 0;
    for (qsizetype c = 0; c < cells.size(); ++c) {
        if (shaded.value(c)) {
            PaintItem fill;
            fill.kind = PaintItem::Kind::Fill;
            fill.rect = QRectF(x, 0, widths.at(c), unit.height);
            fill.colour = kShade;
            unit.items.append(fill);
        }
        x += widths.at(c);
    }
    x = 0;
    for (qsizetype c = 0; c < cells.size(); ++c) {
        const qreal top = (unit.height - height(cells.at(c))) / 2;
        place(cells.at(c), unit, x + padX, top);
        x += widths.at(c);
    }
    unit.items.append(rule(QLineF(0, 0, m_width, 0)));
    unit.items.append(rule(QLineF(0, unit.height, m_width, unit.height)));
    x = 0;
    for (qsizetype c = 0; c <= cells.size(); ++c) {
        unit.items.append(rule(QLineF(x, 0, x, unit.height)));
        if (c < cells.size())
            x += widths.at(c);
    }
    return unit;
}

void BlockLayout::fields(const FieldsBlock &block, QList<LayoutUnit> &units) const
{
    const qreal padX = mm(1.2);
    if (m_format.isNarrow()) {
        for (const Field &field : block.fields) {
            LayoutUnit unit;
            const QString text = field.label + QStringLiteral("：") + field.value;
            unit.height = place(wrap(text, TextSpec {m_fonts.table, 1.15}, m_width), unit, 0, 0);
            units.append(unit);
        }
        if (!units.isEmpty())
            units.last().height += mm(1);
        return;
    }
    const qreal label = mm(27);
    const qreal half = m_width / 2;
    const TextSpec labelSpec {m_fonts.tableBold, 0.95, Qt::AlignHCenter};
    const TextSpec valueSpec {m_fonts.table, 0.95};
    bool first = true;
    for (qsizetype i = 0; i < block.fields.size();) {
        const Field &field = block.fields.at(i);
        const bool pair = !field.wide && i + 1 < block.fields.size() && !block.fields.at(i + 1).wide;
        QList<qreal> widths;
        QList<QList<Line>> cells;
        if (pair) {
            const Field &second = block.fields.at(i + 1);
            widths = {label, half - label, label, half - label};
            cells = {wrap(field.label, labelSpec, label - 2 * padX),
                wrap(field.value, valueSpec, half - label - 2 * padX),
                wrap(second.label, labelSpec, label - 2 * padX),
                wrap(second.value, valueSpec, half - label - 2 * padX)};
            i += 2;
        } else {
            widths = {label, m_width - label};
            cells = {wrap(field.label, labelSpec, label - 2 * padX),
                wrap(field.value, valueSpec, m_width - label - 2 * padX)};
            i += 1;
        }
        LayoutUnit unit = row(widths, cells, {true, false, true, false});
        unit.spaceBefore = first ? mm(2) : 0;
        first = false;
        units.append(unit);
    }
}

void BlockLayout::table(const TableBlock &block, QList<LayoutUnit> &units) const
{
    const qreal padX = mm(1.2);
    qreal weights = 0;
    for (const TableColumn &column : block.columns)
        weights += column.weight;
    QList<qreal> widths;
    for (const TableColumn &column : block.columns)
        widths.append(m_width * column.weight / weights);

    QList<QList<Line>> headerCells;
    for (qsizetype c = 0; c < block.columns.size(); ++c)
        headerCells.append(wrap(block.columns.at(c).header,
            TextSpec {m_fonts.tableBold, 0.95, Qt::AlignHCenter}, widths.at(c) - 2 * padX));
    LayoutUnit header = row(widths, headerCells, QList<bool>(block.columns.size(), true));
    header.spaceBefore = mm(2);
    header.keepWithNext = true;
    const qsizetype headerIndex = units.size();
    units.append(header);

    for (const QList<TableCell> &cells : block.rows) {
        QList<QList<Line>> laid;
        for (qsizetype c = 0; c < block.columns.size(); ++c) {
            const TableCell cell = cells.value(c);
            const qreal inner = widths.at(c) - 2 * padX;
            const Qt::Alignment align = block.columns.at(c).centred ? Qt::AlignHCenter : Qt::AlignLeft;
            QList<Line> lines = wrap(cell.text, TextSpec {m_fonts.table, 0.95, align}, inner);
            for (const QString &detail : cell.details)
                lines += wrap(detail, TextSpec {m_fonts.small, 0.95, align}, inner);
            laid.append(lines);
        }
        LayoutUnit unit = row(widths, laid, {});
        unit.repeatHeader = headerIndex;
        units.append(unit);
    }
}

void BlockLayout::tableAsList(const TableBlock &block, QList<LayoutUnit> &units) const
{
    bool first = true;
    for (const QList<TableCell> &cells : block.rows) {
        QString prefix;
        QString title;
        QStringList details;
        QStringList fieldsText;
        for (qsizetype c = 0; c < block.columns.size(); ++c) {
            const TableColumn &column = block.columns.at(c);
            const TableCell cell = cells.value(c);
            switch (column.compact) {
            case TableColumn::Compact::Prefix:
                prefix += cell.text + QStringLiteral(". ");
                break;
            case TableColumn::Compact::Title:
                title = cell.text;
                details += cell.details;
                break;
            case TableColumn::Compact::Inline:
                if (!cell.text.isEmpty())
                    title += QStringLiteral("　") + cell.text;
                break;
            case TableColumn::Compact::Field:
                if (!cell.text.isEmpty())
                    fieldsText.append(column.header + QStringLiteral("：") + cell.text);
                break;
            case TableColumn::Compact::Hidden:
                break;
            }
        }
        LayoutUnit unit;
        const qreal indent = mm(2);
        qreal y = place(wrap(prefix + title, TextSpec {m_fonts.tableBold, 1.1}, m_width), unit, 0, 0);
        for (const QString &line : std::as_const(fieldsText))
            y += place(wrap(line, TextSpec {m_fonts.table, 1.1}, m_width - indent), unit, indent, y);
        for (const QString &detail : std::as_const(details))
            y += place(wrap(detail, TextSpec {m_fonts.small, 1.1}, m_width - indent), unit, indent, y);
        y += mm(0.8);
        unit.items.append(rule(QLineF(0, y, m_width, y), true));
        unit.height = y + mm(0.8);
        unit.spaceBefore = first ? mm(1) : 0;
        first = false;
        units.append(unit);
    }
}

Result<qreal> BlockLayout::placeQr(const QrBlock &block, LayoutUnit &unit, qreal x, qreal width) const
{
    Result<QrCode> code
        = QrCode::encode(block.text.isEmpty() ? QString::fromUtf8(block.link.toEncoded()) : block.text);
    if (!code)
        return failWith(code.error());
    PaintItem symbol;
    symbol.kind = PaintItem::Kind::Qr;
    symbol.qr = std::make_shared<const QrCode>(*code);
    if (m_format.receipt) {
        const qreal side = std::min(mm(26), width);
        symbol.rect = QRectF(x + (width - side) / 2, 0, side, side);
        unit.items.append(symbol);
        qreal y = side;
        for (const QString &caption : block.caption)
            y += place(wrap(caption, TextSpec {m_fonts.small, 1.1, Qt::AlignHCenter}, width), unit, x, y);
        return y;
    }
    const qreal side = mm(23);
    symbol.rect = QRectF(x, 0, side, side);
    unit.items.append(symbol);
    QList<Line> lines;
    for (qsizetype i = 0; i < block.caption.size(); ++i)
        lines += wrap(block.caption.at(i), TextSpec {i == 0 ? m_fonts.tableBold : m_fonts.small, 1.2},
            width - side - mm(3));
    place(lines, unit, x + side + mm(3), std::max<qreal>(0, (side - height(lines)) / 2));
    return std::max(side, height(lines));
}

Result<void> BlockLayout::qr(const QrBlock &block, QList<LayoutUnit> &units) const
{
    LayoutUnit unit;
    Result<qreal> used = placeQr(block, unit, 0, m_width);
    if (!used)
        return failWith(used.error());
    unit.height = *used;
    unit.spaceBefore = mm(2);
    units.append(unit);
    return {};
}

Result<void> BlockLayout::signature(const SignatureBlock &block, QList<LayoutUnit> &units) const
{
    LayoutUnit unit;
    if (m_format.receipt) {
        qreal y = 0;
        if (block.qr) {
            Result<qreal> used = placeQr(*block.qr, unit, 0, m_width);
            if (!used)
                return failWith(used.error());
            y = *used + mm(2);
        }
        const TextSpec spec {m_fonts.table, 1.15, Qt::AlignHCenter};
        y += place(wrap(block.organ, spec, m_width), unit, 0, y);
        y += place(wrap(block.date, spec, m_width), unit, 0, y);
        unit.height = y;
        unit.spaceBefore = mm(3);
        units.append(unit);
        return {};
    }
    // A seal never stands alone on a page: it takes the end of the text it signs with it.
    if (!units.isEmpty())
        units.last().keepWithNext = true;
    // GB/T 9704: the date ends four characters from the right edge and the organ is centred over
    // it; the seal is stamped across both, so they keep clear of the QR code on the left.
    const QFontMetricsF metrics(m_fonts.body, m_device);
    // A little more than the widest line, so rounding in the line breaker never wraps the organ.
    const qreal blockWidth
        = std::max(metrics.horizontalAdvance(block.organ), metrics.horizontalAdvance(block.date)) + mm(1);
    const qreal left = m_width - 4 * em(m_fonts.body, m_device) - blockWidth;
    const TextSpec spec {m_fonts.body, 1.2, Qt::AlignHCenter};
    QList<Line> lines = wrap(block.organ, spec, blockWidth);
    if (!block.note.isEmpty())
        lines += wrap(block.note, TextSpec {m_fonts.small, 1.2, Qt::AlignHCenter}, blockWidth);
    lines += wrap(block.date, spec, blockWidth);
    qreal qrHeight = 0;
    if (block.qr) {
        Result<qreal> used = placeQr(*block.qr, unit, 0, left - mm(8));
        if (!used)
            return failWith(used.error());
        qrHeight = *used;
    }
    // Beside a QR code the signature sits level with its lower part, as a seal over a form's corner.
    const qreal top = std::max<qreal>(0, qrHeight - height(lines));
    place(lines, unit, left, top);
    unit.height = std::max(qrHeight, top + height(lines));
    unit.spaceBefore = mm(block.qr ? 4 : 10);
    units.append(unit);
    return {};
}

void BlockLayout::signLines(const SignLinesBlock &block, QList<LayoutUnit> &units) const
{
    const QFontMetricsF metrics(m_fonts.body, m_device);
    const qreal lineHeight = metrics.height() * 1.8;
    const int perRow = m_format.isNarrow() ? 1 : 2;
    const qreal cell = m_width / perRow;
    for (qsizetype i = 0; i < block.labels.size(); i += perRow) {
        LayoutUnit unit;
        unit.height = lineHeight;
        unit.spaceBefore = i == 0 ? mm(4) : 0;
        for (int j = 0; j < perRow && i + j < block.labels.size(); ++j) {
            const qreal x = j * cell;
            const QList<Line> label = wrap(block.labels.at(i + j), TextSpec {m_fonts.body, 1.8}, cell);
            place(label, unit, x, 0);
            const qreal start
                = x + (label.isEmpty() ? 0 : metrics.horizontalAdvance(label.first().item.text));
            const qreal baseline = label.isEmpty() ? lineHeight * 0.7 : label.first().item.position.y();
            unit.items.append(
                rule(QLineF(start + mm(1), baseline + mm(1), x + cell - mm(6), baseline + mm(1))));
        }
        units.append(unit);
    }
}

} // namespace ow::documents
