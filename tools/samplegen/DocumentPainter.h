#pragma once

#include <QColor>
#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

class QPainter;

namespace ow::samplegen {

/// How a piece of text is set: font, size in pixels, weight, alignment and colour.
struct TextStyle
{
    double size = 24;
    bool serif = false;
    bool mono = false;
    bool bold = false;
    bool wrap = false;
    Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter;
    QColor color = QColor(0x1a, 0x1a, 0x1a);
    double spacing = 0;

    /// Reads size=, color=, align=, valign=, spacing= and the serif/mono/bold/wrap flags.
    static TextStyle from(
        const QHash<QString, QString> &options, const QStringList &flags, const TextStyle &fallback);
    static TextStyle from(const QHash<QString, QString> &options, const QStringList &flags);
};

/// Draws the pieces official documents are made of — text, photos, seals, emblems, QR codes,
/// guilloche, frames, signatures, floor-plan symbols — in the Noto CJK fonts.
class DocumentPainter
{
public:
    explicit DocumentPainter(QPainter &painter);

    /// Sets text in the rectangle; text that does not fit is set smaller rather than cut.
    /// Returns the area the glyphs cover, which is what a blur must hide.
    QRectF text(const QRectF &rect, const QString &text, const TextStyle &style);
    /// A head-and-shoulders portrait (to be blurred: it stands for a real person's photo).
    void photo(const QRectF &rect, const QColor &background);
    /// A stylised round emblem: red disc, golden ring and stars — a placeholder, not a state emblem.
    void emblem(const QRectF &square);
    /// A round red official seal with its text along the upper arc and a star in the middle.
    void seal(const QRectF &square, const QString &text, const QString &bottomText, const QColor &color);
    /// A QR-code-like pattern, the same for the same seed.
    void qrCode(const QRectF &square, quint32 seed);
    void barcode(const QRectF &rect, quint32 seed);
    /// Fine interlaced wave lines, the security background of cards and certificates.
    void guilloche(const QRectF &rect, const QColor &color, quint32 seed);
    /// A certificate border: a heavy outer line, a fine inner line and corner ornaments.
    void frame(const QRectF &rect, const QColor &color);
    /// A handwritten-looking signature in ink.
    void signature(const QRectF &rect, const QString &text, const QColor &ink);
    /// A door symbol of a floor plan: the open leaf and its swing, hinged at `hinge`. Unrotated, the
    /// leaf points up and the door closes to the right (to the left when mirrored).
    void door(QPointF hinge, double width, double rotation, bool mirrored, const QColor &color);
    /// A dimension line with end ticks and its label in the middle.
    void dimension(QPointF from, QPointF to, const QString &label, const QColor &color);
    void checkbox(const QRectF &square, bool checked, const QColor &color);

private:
    QPainter &m_painter;
};

} // namespace ow::samplegen
