#pragma once

#include "catalogue/Diagnostic.h"
#include "core/Error.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace ow::catalogue {

/// One line `keyword [id] [: value]` of a catalogue file, with the lines indented under it.
struct TextNode
{
    QString keyword;
    QString id; ///< empty when the line has none
    QString value; ///< trimmed text after the first ':' or '：'
    bool hasValue = false; ///< a colon was written (the value may still be empty)
    SourceLocation where; ///< file, line and column of the keyword
    int valueColumn = 0; ///< 1-based column of the value's first character
    QList<TextNode> children;

    /// Where the value starts, so errors inside it (a condition) can point at the right column.
    SourceLocation valueWhere() const { return {where.file, where.line, valueColumn}; }
};

/// The generic line parser of the catalogue format (§2 of docs/catalogue-format.md): text to a forest of
/// nodes.
class TextTree
{
public:
    struct Parsed
    {
        QList<TextNode> roots;
        Diagnostics errors; ///< rule "parse"; lines in error are left out together with the lines under them
    };

    /// `file` is only used to locate nodes and errors. A leading byte-order mark is ignored.
    static Parsed parse(QStringView text, const QString &file);
};

} // namespace ow::catalogue

Q_DECLARE_TYPEINFO(ow::catalogue::TextNode, Q_RELOCATABLE_TYPE);
