#pragma once

#include "catalogue/TextTree.h"

#include <QStringList>

namespace ow::authoring {

/// Where the blocks of one file's nodes lie among its lines: a node's block is its own line, the
/// comments written right above it, and every line indented under it up to the last one with content.
class NodeBlocks
{
public:
    /// `lines` are the file's lines (line ends may be attached); `roots` what TextTree read from them.
    NodeBlocks(const QStringList &lines, const QList<catalogue::TextNode> &roots);

    /// The node on a 1-based line, with its parent (null at the top) and its place among its siblings.
    struct Found
    {
        const catalogue::TextNode *node = nullptr;
        const catalogue::TextNode *parent = nullptr;
        const QList<catalogue::TextNode> *siblings = nullptr;
        qsizetype index = -1;
    };
    Found find(int line) const;
    /// The innermost node whose block holds a 1-based line (null when the line is outside all).
    const catalogue::TextNode *innermostAt(int line) const;

    /// 0-based first line of a node's block: its comments above it, else its own line.
    int blockStart(const catalogue::TextNode &node) const;
    /// 0-based last line of a node's block: its own or its last indented line with content.
    int blockEnd(const catalogue::TextNode &node) const;
    /// Spaces before the keyword of a 0-based line (a tab counts as two, as TextTree counts it).
    int indentOf(int index) const;
    bool isBlankOrComment(int index) const;
    bool isBlank(int index) const;

    static QString withoutLineEnd(const QString &line);

private:
    const QStringList &m_lines;
    const QList<catalogue::TextNode> &m_roots;
};

} // namespace ow::authoring
