#pragma once

#include "core/Result.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QStringList>

namespace ow::samplegen {

/// One drawing instruction of a sample spec: `kind numbers… key=value… flags… : text`, with children.
struct SpecElement
{
    QString kind;
    QList<double> numbers;
    QHash<QString, QString> options;
    QStringList flags;
    QString text;
    QList<SpecElement> children; ///< the rows of a table
    SourceLocation where;

    bool hasFlag(const QString &flag) const { return flags.contains(flag); }
    QString option(const QString &key, const QString &fallback = {}) const;
    double number(qsizetype index, double fallback = 0) const;
    /// The first four numbers as a rectangle (x, y, width, height).
    QRectF rect() const;
};

/// What one sample image is: its size, the materials it illustrates and the elements drawn on it.
struct SampleSpec
{
    QString image; ///< path relative to the catalogue folder, e.g. samples/id-card.png
    QSize size;
    QStringList materials; ///< ids of the catalogue materials whose `sample:` is this image
    QColor paper = QColor(0xfb, 0xfa, 0xf6);
    QString watermark; ///< the diagonal marking; the spec may change it, never remove it
    QList<SpecElement> elements;
    SourceLocation where;
};

/// Reads the small text format of tools/samplegen/specs/*.txt (see README.md there).
class SampleSpecParser
{
public:
    static Result<SampleSpec> parseFile(const QString &path);
    static Result<SampleSpec> parse(const QString &text, const QString &fileName);
};

} // namespace ow::samplegen
