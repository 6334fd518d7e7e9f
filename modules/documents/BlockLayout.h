#pragma once

#include "core/Result.h"
#include "documents/Document.h"
#include "documents/PageFormat.h"
#include "documents/QrCode.h"

#include <QColor>
#include <QFont>
#include <QLineF>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <memory>

class QPaintDevice;

namespace ow::documents {

/// One thing to paint, in device pixels.
struct PaintItem
{
    enum class Kind
    {
        Text,
        Line,
        Fill,
        Qr
    };
    Kind kind = Kind::Text;
    QPointF position; ///< Text: the start of the baseline
    QString text;
    QFont font;
    QLineF line;
    qreal penWidth = 1;
    bool dotted = false;
    QRectF rect; ///< Fill and Qr
    QColor colour = Qt::black;
    std::shared_ptr<const QrCode> qr;

    void translate(const QPointF &offset);
};

/// A piece of a laid-out block that goes on a page whole; pieces stack top to bottom.
struct LayoutUnit
{
    qreal height = 0;
    qreal spaceBefore = 0; ///< dropped at the top of a page
    bool keepWithNext = false; ///< never the last thing on a page (section headings)
    qsizetype repeatHeader
        = -1; ///< a table header (index into the unit list) to repeat when this starts a page
    QList<PaintItem> items; ///< relative to the unit's top-left corner in the content area
};

/// The fonts of a document on one device.
struct DocumentFonts
{
    QFont organ;
    QFont title;
    QFont subtitle;
    QFont body;
    QFont strong;
    QFont table;
    QFont tableBold;
    QFont small;

    static DocumentFonts make(const Document &document, const PageFormat &format);
};

/// Turns each block of a Document into LayoutUnits for a content width on a device: text wrapped
/// the way Chinese text is set (first-line indent of two characters, lines justified when that
/// only needs a hair of extra spacing), ruled tables and field grids on sheets, lists on receipts.
class BlockLayout
{
public:
    BlockLayout(
        const PageFormat &format, const DocumentFonts &fonts, QPaintDevice *device, qreal contentWidth);

    /// Millimetres and points in device pixels.
    qreal mm(qreal millimetres) const { return millimetres * m_dpi / 25.4; }
    qreal pt(qreal points) const { return points * m_dpi / 72.0; }

    Result<void> add(const Block &block, QList<LayoutUnit> &units) const;

    struct TextSpec
    {
        QFont font;
        qreal leading = 1.0; ///< line height as a multiple of the font's height
        Qt::Alignment align = Qt::AlignLeft;
        qreal firstIndent = 0;
        bool justify = false;
    };
    struct Line
    {
        PaintItem item; ///< the text, baseline relative to the line's top
        qreal height = 0;
    };
    /// Breaks `text` into lines of at most `width`; "\n" starts a new line.
    QList<Line> wrap(const QString &text, const TextSpec &spec, qreal width) const;
    static qreal height(const QList<Line> &lines);

private:
    void heading(const HeadingBlock &block, QList<LayoutUnit> &units) const;
    void metaLine(const MetaLineBlock &block, QList<LayoutUnit> &units) const;
    void paragraph(const ParagraphBlock &block, QList<LayoutUnit> &units) const;
    void section(const SectionBlock &block, QList<LayoutUnit> &units) const;
    void fields(const FieldsBlock &block, QList<LayoutUnit> &units) const;
    void table(const TableBlock &block, QList<LayoutUnit> &units) const;
    void tableAsList(const TableBlock &block, QList<LayoutUnit> &units) const;
    Result<void> qr(const QrBlock &block, QList<LayoutUnit> &units) const;
    Result<void> signature(const SignatureBlock &block, QList<LayoutUnit> &units) const;
    /// The QR code with its caption at `x` in `width` (beside it on a sheet, under it on a
    /// receipt); returns the height used.
    Result<qreal> placeQr(const QrBlock &block, LayoutUnit &unit, qreal x, qreal width) const;
    void signLines(const SignLinesBlock &block, QList<LayoutUnit> &units) const;

    /// Stacks lines into `unit` at (x, y) and returns the height they take.
    static qreal place(const QList<Line> &lines, LayoutUnit &unit, qreal x, qreal y);
    /// A ruled row of cells: each cell's lines vertically centred, borders and optional shading.
    LayoutUnit row(
        const QList<qreal> &widths, const QList<QList<Line>> &cells, const QList<bool> &shaded) const;
    PaintItem rule(const QLineF &line, bool dotted = false) const;

    PageFormat m_format;
    DocumentFonts m_fonts;
    QPaintDevice *m_device = nullptr;
    qreal m_dpi = 72;
    qreal m_width = 0;
};

} // namespace ow::documents
