#include "catalogue/TextTree.h"

#include "core/InputExcerpt.h"

#include <QCoreApplication>
#include <QHash>

namespace ow::catalogue {

namespace {

constexpr char16_t kFullWidthColon = u'：';

bool isKeywordChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-';
}

bool isIdChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'-'
        || u == u'_' || u == u'.';
}

bool isColon(QChar c)
{
    return c == QLatin1Char(':') || c.unicode() == kFullWidthColon;
}

// The keywords of the catalogue format, shared by every line that uses them: a large catalogue has
// a hundred thousand lines, and a copy of the keyword for each would be as many allocations.
QString internKeyword(QStringView keyword)
{
    static const QHash<QStringView, QString> known = [] {
        static constexpr QStringView words[] = {u"catalogue", u"version", u"issued", u"region", u"department",
            u"material", u"category", u"source", u"form", u"copies", u"medium", u"data-shared", u"waivable",
            u"description", u"form-point", u"content-point", u"common-error", u"prerequisite", u"blank-form",
            u"outline", u"reference-text", u"sample", u"mark", u"matter", u"kind", u"promised-days",
            u"legal-days", u"frequency", u"keywords", u"main", u"basis", u"question", u"type", u"hint",
            u"when", u"option", u"unit", u"min", u"max", u"materials", u"require", u"note", u"bundle",
            u"lead", u"preset"};
        QHash<QStringView, QString> table;
        for (QStringView word : words)
            table.insert(word, word.toString());
        return table;
    }();
    const auto it = known.constFind(keyword);
    return it != known.constEnd() ? it.value() : keyword.toString();
}

// A word for messages: the text from `from` up to the next space or colon.
QString wordAt(QStringView line, qsizetype from)
{
    qsizetype end = from;
    while (end < line.size() && line[end] != QLatin1Char(' ') && line[end] != QLatin1Char('\t')
        && !isColon(line[end]))
        ++end;
    return line.mid(from, end - from).toString();
}

// Parses one line into keyword, id and value; returns an error message, empty on success.
class LineParser
{
public:
    LineParser(QStringView line, qsizetype indent, TextNode &node)
        : m_line(line)
        , m_pos(indent)
        , m_node(node)
    {
    }

    // On failure, `errorColumn` is the 1-based column the message is about.
    QString parse(int &errorColumn)
    {
        const qsizetype keywordStart = m_pos;
        while (m_pos < m_line.size() && isKeywordChar(m_line[m_pos]))
            ++m_pos;
        if (m_pos == keywordStart || !atSeparator()) {
            errorColumn = int(keywordStart) + 1;
            if (m_pos < m_line.size() && m_line[m_pos] == QLatin1Char('\t'))
                return tabMessage(errorColumn, int(m_pos));
            const QString word = wordAt(m_line, keywordStart);
            if (word.isEmpty())
                return QCoreApplication::translate("ow::catalogue",
                    "a line must start with a keyword before ':'; "
                    "write it as 'keyword [id] [: value]'");
            return QCoreApplication::translate("ow::catalogue",
                "'%1' is not a keyword; keywords are written in lower-case "
                "ASCII letters, digits and '-' (see the catalogue format)")
                .arg(InputExcerpt::excerpt(word));
        }
        m_node.keyword = internKeyword(m_line.mid(keywordStart, m_pos - keywordStart));
        skipSpaces();
        if (m_pos < m_line.size() && m_line[m_pos] == QLatin1Char('\t'))
            return tabMessage(errorColumn, int(m_pos));
        if (m_pos < m_line.size() && !isColon(m_line[m_pos])) {
            const qsizetype idStart = m_pos;
            while (m_pos < m_line.size() && isIdChar(m_line[m_pos]))
                ++m_pos;
            const bool validStart = m_pos > idStart && m_line[idStart].unicode() != u'-'
                && m_line[idStart].unicode() != u'_' && m_line[idStart].unicode() != u'.';
            if (!validStart || !atSeparator()) {
                errorColumn = int(idStart) + 1;
                if (m_pos < m_line.size() && m_line[m_pos] == QLatin1Char('\t'))
                    return tabMessage(errorColumn, int(m_pos));
                return QCoreApplication::translate("ow::catalogue",
                    "'%1' is not a valid id; ids use ASCII letters, digits, "
                    "'-', '_' and '.', and start with a letter or a digit")
                    .arg(InputExcerpt::excerpt(wordAt(m_line, idStart)));
            }
            m_node.id = m_line.mid(idStart, m_pos - idStart).toString();
            skipSpaces();
            if (m_pos < m_line.size() && m_line[m_pos] == QLatin1Char('\t'))
                return tabMessage(errorColumn, int(m_pos));
            if (m_pos < m_line.size() && !isColon(m_line[m_pos])) {
                errorColumn = int(m_pos) + 1;
                return QCoreApplication::translate("ow::catalogue",
                    "unexpected '%1' after '%2 %3'; a line holds at most one "
                    "id, and its value follows a ':' (is the ':' missing?)")
                    .arg(InputExcerpt::excerpt(wordAt(m_line, m_pos)), InputExcerpt::excerpt(m_node.keyword),
                        InputExcerpt::excerpt(m_node.id));
            }
        }
        if (m_pos < m_line.size()) {
            // At a colon: the value is the rest of the line, trimmed.
            m_node.hasValue = true;
            ++m_pos;
            qsizetype start = m_pos;
            while (start < m_line.size() && m_line[start].isSpace())
                ++start;
            m_node.value = m_line.mid(start).trimmed().toString();
            m_node.valueColumn = int(start) + 1;
        }
        return {};
    }

private:
    bool atSeparator() const
    {
        return m_pos == m_line.size() || m_line[m_pos] == QLatin1Char(' ') || isColon(m_line[m_pos]);
    }

    void skipSpaces()
    {
        while (m_pos < m_line.size() && m_line[m_pos] == QLatin1Char(' '))
            ++m_pos;
    }

    static QString tabMessage(int &errorColumn, int position)
    {
        errorColumn = position + 1;
        return QCoreApplication::translate("ow::catalogue",
            "this line contains a tab; use spaces instead (set your editor "
            "to insert spaces)");
    }

    QStringView m_line;
    qsizetype m_pos;
    TextNode &m_node;
};

} // namespace

TextTree::Parsed TextTree::parse(QStringView text, const QString &file)
{
    Parsed parsed;
    if (!text.isEmpty() && text.front().unicode() == 0xFEFF)
        text = text.mid(1);

    // Open ancestors of the next line: stack[i] is the last node seen at level i.
    QList<TextNode *> stack;
    // After a line in error, the lines indented under it are dropped silently: they would only
    // repeat the error (or be attached to the wrong parent).
    qsizetype skipDeeperThan = -1;
    int lineNumber = 0;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = text.size();
        QStringView line = text.mid(start, end - start);
        start = end + 1;
        ++lineNumber;
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);

        // `indent` counts the characters before the keyword, `width` the spaces they stand for.
        qsizetype indent = 0;
        qsizetype width = 0;
        qsizetype badSpace = -1; // where the first tab or other non-plain space is
        for (; indent < line.size() && line[indent].isSpace(); ++indent) {
            if (line[indent] == QLatin1Char(' ')) {
                ++width;
                continue;
            }
            if (badSpace < 0)
                badSpace = indent;
            width += 2; // a tab is usually meant as one level; a full-width space is two columns wide
        }
        if (indent == line.size())
            continue;
        if (line[indent] == QLatin1Char('#'))
            continue;

        auto report = [&](int column, const QString &message) {
            parsed.errors.append({Diagnostic::Severity::Error, QStringLiteral("parse"), message,
                SourceLocation {file, lineNumber, column}});
            skipDeeperThan = width;
        };

        if (skipDeeperThan >= 0) {
            if (width > skipDeeperThan)
                continue;
            skipDeeperThan = -1;
        }
        if (badSpace >= 0) {
            report(int(badSpace) + 1,
                line[badSpace] == QLatin1Char('\t')
                    ? QCoreApplication::translate("ow::catalogue",
                        "this line is indented with a tab; indent with two spaces "
                        "per level (set your editor to insert spaces)")
                    : QCoreApplication::translate("ow::catalogue",
                        "this line is indented with a character that is not a plain "
                        "space (a full-width space?); indent with two plain spaces "
                        "per level"));
            // The error is reported once; the line is still read where it most likely belongs, so that
            // it does not also go missing from its block. If it fits nowhere, it is left out.
            if (width % 2 != 0 || width / 2 > stack.size())
                continue;
            skipDeeperThan = -1;
        }
        if (width % 2 != 0) {
            report(1,
                QCoreApplication::translate("ow::catalogue",
                    "this line is indented by %1 spaces; indent by two spaces per "
                    "level")
                    .arg(width));
            continue;
        }
        const qsizetype level = width / 2;
        if (level > stack.size()) {
            if (stack.isEmpty())
                report(1,
                    QCoreApplication::translate("ow::catalogue",
                        "this line is indented, but there is no line above it to "
                        "belong to; remove the indentation"));
            else
                report(1,
                    QCoreApplication::translate("ow::catalogue",
                        "this line is indented by %1 spaces, more than one level "
                        "(two spaces) deeper than the line it belongs to, which "
                        "is indented by %2")
                        .arg(width)
                        .arg((stack.size() - 1) * 2));
            continue;
        }

        TextNode node;
        node.where = SourceLocation {file, lineNumber, int(indent) + 1};
        int errorColumn = 0;
        const QString error = LineParser(line, indent, node).parse(errorColumn);
        if (!error.isEmpty()) {
            report(errorColumn, error);
            continue;
        }
        stack.resize(level);
        QList<TextNode> &siblings = level == 0 ? parsed.roots : stack.last()->children;
        siblings.append(std::move(node));
        stack.append(&siblings.last());
    }
    return parsed;
}

} // namespace ow::catalogue
