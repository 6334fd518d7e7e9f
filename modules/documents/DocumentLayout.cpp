#include "documents/DocumentLayout.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace ow::documents {

namespace {

bool hasLatinLetter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
    });
}

/// Draws a line of text. In a line with Latin letters the ASCII digits are drawn as runs of their
/// own: shaped inside a Latin run, Noto CJK substitutes digit glyphs that its character map does
/// not list, and Qt's PDF writer cannot map those back to characters, so the PDF's text would lose
/// them ("1101**********002X" extracted as "**********X"). Alone, digits keep their mapped glyphs.
void drawText(QPainter &painter, const PaintItem &item)
{
    painter.setFont(item.font);
    painter.setPen(item.colour);
    if (!hasLatinLetter(item.text)) {
        painter.drawText(item.position, item.text);
        return;
    }
    const QFontMetricsF metrics(item.font, painter.device());
    qsizetype start = 0;
    while (start < item.text.size()) {
        const bool digits = item.text.at(start).isDigit() && item.text.at(start).unicode() < 0x80;
        qsizetype end = start;
        while (end < item.text.size()
            && (item.text.at(end).isDigit() && item.text.at(end).unicode() < 0x80) == digits)
            ++end;
        const qreal x = metrics.horizontalAdvance(item.text.first(start));
        painter.drawText(item.position + QPointF(x, 0), item.text.sliced(start, end - start));
        start = end;
    }
}

void emitUnit(QList<PaintItem> &page, const LayoutUnit &unit, const QPointF &at)
{
    for (PaintItem item : unit.items) {
        item.translate(at);
        page.append(item);
    }
}

} // namespace

Result<DocumentLayout> DocumentLayout::layout(
    const Document &document, const PageFormat &format, QPaintDevice *device)
{
    const qreal dpi = device->logicalDpiY();
    const auto mm = [dpi](qreal millimetres) { return millimetres * dpi / 25.4; };
    const DocumentFonts fonts = DocumentFonts::make(document, format);
    const qreal left = mm(format.margins.left());
    const qreal top = mm(format.margins.top());
    const qreal width
        = format.receipt ? format.receiptDots * dpi / format.receiptDpi : mm(format.size.width());
    const qreal contentWidth = width - left - mm(format.margins.right());
    const BlockLayout blocks(format, fonts, device, contentWidth);

    QList<LayoutUnit> units;
    for (const Document::Entry &entry : document.entries) {
        if (entry.where == (format.receipt ? Document::Where::SheetOnly : Document::Where::ReceiptOnly))
            continue;
        Result<void> added = blocks.add(entry.block, units);
        if (!added)
            return failWith(added.error());
    }

    // The foot of a sheet: the hall's line on the left, the page number on the right.
    const QFontMetricsF smallMetrics(fonts.small, device);
    const QString widestLabel = document.pageLabel.arg(99).arg(99);
    const qreal labelWidth = smallMetrics.horizontalAdvance(widestLabel);
    const QList<BlockLayout::Line> footer
        = blocks.wrap(document.footer, BlockLayout::TextSpec {fonts.small, 1.15},
            format.receipt ? contentWidth : contentWidth - labelWidth - mm(4));
    const qreal footerHeight = BlockLayout::height(footer);
    const qreal continuationHeight = smallMetrics.height() * 1.2 + mm(3);

    DocumentLayout result;
    const qreal pageHeight = format.isContinuous() ? 0 : mm(format.size.height());
    const qreal footerTop = pageHeight - mm(format.margins.bottom()) - footerHeight;
    const qreal bottom = footerTop - mm(4);
    qreal y = top;
    qreal pageTop = top;
    const auto newPage = [&] {
        result.m_pages.append(QList<PaintItem>());
        pageTop = top + (result.m_pages.size() > 1 ? continuationHeight : 0);
        y = pageTop;
    };
    newPage();
    for (qsizetype i = 0; i < units.size(); ++i) {
        const LayoutUnit &unit = units.at(i);
        qreal space = y == pageTop ? 0 : unit.spaceBefore;
        // A unit kept with the next one moves to a new page with the whole chain of units kept
        // together, unless the chain is longer than a page anyway.
        qreal needed = space + unit.height;
        for (qsizetype j = i; units.at(j).keepWithNext && j + 1 < units.size(); ++j)
            needed += units.at(j + 1).spaceBefore + units.at(j + 1).height;
        if (needed > bottom - pageTop)
            needed = space + unit.height;
        if (!format.isContinuous() && y > pageTop && y + needed > bottom) {
            newPage();
            space = 0;
            if (unit.repeatHeader >= 0) {
                emitUnit(result.m_pages.last(), units.at(unit.repeatHeader), QPointF(left, y));
                y += units.at(unit.repeatHeader).height;
            }
        }
        y += space;
        emitUnit(result.m_pages.last(), unit, QPointF(left, y));
        y += unit.height;
    }

    if (format.isContinuous()) {
        // A receipt ends with the hall's line, centred, and the margin the cutter needs.
        y += mm(3);
        const QList<BlockLayout::Line> centred = blocks.wrap(
            document.footer, BlockLayout::TextSpec {fonts.small, 1.15, Qt::AlignHCenter}, contentWidth);
        for (const BlockLayout::Line &line : centred) {
            PaintItem item = line.item;
            item.translate(QPointF(left, y));
            if (!item.text.isEmpty())
                result.m_pages.last().append(item);
            y += line.height;
        }
        result.m_pageSize = QSizeF(width, std::ceil(y + mm(format.margins.bottom())));
        return result;
    }

    result.m_pageSize = QSizeF(width, pageHeight);
    const int count = int(result.m_pages.size());
    const qreal right = left + contentWidth;
    for (int p = 0; p < count; ++p) {
        QList<PaintItem> &page = result.m_pages[p];
        PaintItem rule;
        rule.kind = PaintItem::Kind::Line;
        rule.penWidth = 0.5 * dpi / 72;
        rule.line = QLineF(left, footerTop - mm(1.5), right, footerTop - mm(1.5));
        page.append(rule);
        qreal lineTop = footerTop;
        for (const BlockLayout::Line &line : footer) {
            PaintItem item = line.item;
            item.translate(QPointF(left, lineTop));
            if (!item.text.isEmpty())
                page.append(item);
            lineTop += line.height;
        }
        PaintItem number;
        number.font = fonts.small;
        number.text = document.pageLabel.arg(p + 1).arg(count);
        number.position = QPointF(right - smallMetrics.horizontalAdvance(number.text),
            footerTop + smallMetrics.ascent()
                + (footer.isEmpty() ? 0 : (footer.first().height - smallMetrics.height()) / 2));
        page.append(number);
        if (p == 0)
            continue;
        const qreal baseline = top + smallMetrics.ascent();
        PaintItem title;
        title.font = fonts.small;
        title.text = document.continuedLabel.arg(document.title);
        title.position = QPointF(left, baseline);
        page.append(title);
        if (!document.caseNumber.isEmpty()) {
            PaintItem caseNumber = title;
            caseNumber.text = document.caseNumber;
            caseNumber.position = QPointF(right - smallMetrics.horizontalAdvance(caseNumber.text), baseline);
            page.append(caseNumber);
        }
        rule.line = QLineF(left, top + smallMetrics.height() * 1.2 + mm(0.5), right,
            top + smallMetrics.height() * 1.2 + mm(0.5));
        page.append(rule);
    }
    return result;
}

void DocumentLayout::paintPage(QPainter &painter, int index) const
{
    if (index < 0 || index >= m_pages.size())
        return;
    painter.save();
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    for (const PaintItem &item : m_pages.at(index)) {
        switch (item.kind) {
        case PaintItem::Kind::Text:
            drawText(painter, item);
            break;
        case PaintItem::Kind::Line: {
            // Rules are drawn without antialiasing so they stay solid black on a thermal head.
            painter.setRenderHint(QPainter::Antialiasing, false);
            QPen pen(item.colour, item.penWidth, item.dotted ? Qt::DotLine : Qt::SolidLine);
            pen.setCapStyle(Qt::FlatCap);
            painter.setPen(pen);
            painter.drawLine(item.line);
            break;
        }
        case PaintItem::Kind::Fill:
            painter.fillRect(item.rect, item.colour);
            break;
        case PaintItem::Kind::Qr:
            if (item.qr)
                item.qr->draw(painter, item.rect);
            break;
        }
    }
    painter.restore();
}

} // namespace ow::documents
