#include "authoring/NodeBlocks.h"

namespace ow::authoring {

using catalogue::TextNode;

namespace {

NodeBlocks::Found findIn(const QList<TextNode> &nodes, const TextNode *parent, int line)
{
    // Siblings are in line order: the one holding `line` is the last that starts at or before it.
    qsizetype lo = 0;
    qsizetype hi = nodes.size();
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (nodes.at(mid).where.line <= line)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return {};
    const TextNode &candidate = nodes.at(lo - 1);
    if (candidate.where.line == line)
        return {&candidate, parent, &nodes, lo - 1};
    return findIn(candidate.children, &candidate, line);
}

} // namespace

NodeBlocks::NodeBlocks(const QStringList &lines, const QList<TextNode> &roots)
    : m_lines(lines)
    , m_roots(roots)
{
}

NodeBlocks::Found NodeBlocks::find(int line) const
{
    return findIn(m_roots, nullptr, line);
}

const TextNode *NodeBlocks::innermostAt(int line) const
{
    const QList<TextNode> *level = &m_roots;
    const TextNode *inside = nullptr;
    while (true) {
        const TextNode *next = nullptr;
        for (const TextNode &node : *level) {
            if (node.where.line > line)
                break;
            if (node.where.line == line || blockEnd(node) >= line - 1)
                next = &node;
        }
        if (!next)
            return inside;
        inside = next;
        if (next->where.line == line)
            return inside;
        level = &next->children;
    }
}

QString NodeBlocks::withoutLineEnd(const QString &line)
{
    qsizetype end = line.size();
    while (end > 0 && (line.at(end - 1) == QLatin1Char('\n') || line.at(end - 1) == QLatin1Char('\r')))
        --end;
    return line.left(end);
}

int NodeBlocks::indentOf(int index) const
{
    const QString &line = m_lines.at(index);
    int width = 0;
    for (QChar c : line) {
        if (c == QLatin1Char(' '))
            ++width;
        else if (c.isSpace() && c != QLatin1Char('\n') && c != QLatin1Char('\r'))
            width += 2;
        else
            break;
    }
    return width;
}

bool NodeBlocks::isBlank(int index) const
{
    return withoutLineEnd(m_lines.at(index)).trimmed().isEmpty();
}

bool NodeBlocks::isBlankOrComment(int index) const
{
    const QString content = withoutLineEnd(m_lines.at(index)).trimmed();
    return content.isEmpty() || content.startsWith(QLatin1Char('#'));
}

int NodeBlocks::blockStart(const TextNode &node) const
{
    const int own = node.where.line - 1;
    const int indent = indentOf(own);
    int start = own;
    // Comments at the node's own indentation, with no blank line between, are about the node.
    while (start > 0 && !isBlank(start - 1) && isBlankOrComment(start - 1) && indentOf(start - 1) == indent)
        --start;
    return start;
}

int NodeBlocks::blockEnd(const TextNode &node) const
{
    const int own = node.where.line - 1;
    const int indent = indentOf(own);
    int last = own;
    for (int i = own + 1; i < m_lines.size(); ++i) {
        if (isBlankOrComment(i))
            continue;
        if (indentOf(i) <= indent)
            break;
        last = i;
    }
    return last;
}

} // namespace ow::authoring
