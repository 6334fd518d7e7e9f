#include "catalogue/ConditionParser.h"

#include "core/InputExcerpt.h"

#include <QCoreApplication>
#include <cmath>

namespace ow::catalogue {

namespace {

// Deep enough for any hand-written condition, shallow enough that the recursive parser, evaluate()
// and the destructor of the tree cannot exhaust the stack on hostile input.
constexpr int kMaxDepth = 100;

bool isAsciiLetterOrDigit(char16_t u)
{
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
}

bool isIdChar(char16_t u)
{
    return isAsciiLetterOrDigit(u) || u == u'-' || u == u'_' || u == u'.';
}

bool isDigit(char16_t u)
{
    return u >= u'0' && u <= u'9';
}

qsizetype skipDigits(QStringView t, qsizetype p)
{
    while (p < t.size() && isDigit(t[p].unicode()))
        ++p;
    return p;
}

// Length of the number starting at `start` ([+-]digits[.digits][e[+-]digits]), or 0. Exponents are
// accepted because toString() prints very large and very small numbers that way.
qsizetype numberLength(QStringView t, qsizetype start)
{
    qsizetype p = start;
    if (p < t.size() && (t[p] == u'+' || t[p] == u'-'))
        ++p;
    const qsizetype digits = p;
    p = skipDigits(t, p);
    if (p == digits)
        return 0;
    if (p + 1 < t.size() && t[p] == u'.' && isDigit(t[p + 1].unicode()))
        p = skipDigits(t, p + 1);
    if (p < t.size() && (t[p] == u'e' || t[p] == u'E')) {
        qsizetype q = p + 1;
        if (q < t.size() && (t[q] == u'+' || t[q] == u'-'))
            ++q;
        const qsizetype exponent = skipDigits(t, q);
        if (exponent > q)
            p = exponent;
    }
    return p - start;
}

} // namespace

ConditionParser::ConditionParser(QStringView text, const SourceLocation &where)
    : m_text(text)
    , m_where(where)
{
}

ConditionParser::Token ConditionParser::lexWord(qsizetype start) const
{
    Token token;
    token.pos = start;
    const qsizetype n = m_text.size();
    const qsizetype numberEnd = start + numberLength(m_text, start);
    if (numberEnd > start && (numberEnd == n || !isIdChar(m_text[numberEnd].unicode()))) {
        token.kind = TokenKind::Number;
        token.text = m_text.sliced(start, numberEnd - start);
        bool ok = false;
        token.number = token.text.toDouble(&ok);
        if (!ok || !std::isfinite(token.number))
            token.number = std::nan(""); // reported by the parser, which knows what it expected
        return token;
    }
    if (!isAsciiLetterOrDigit(m_text[start].unicode())) {
        const bool pair
            = m_text[start].isHighSurrogate() && start + 1 < n && m_text[start + 1].isLowSurrogate();
        token.kind = TokenKind::Invalid;
        token.text = m_text.sliced(start, pair ? 2 : 1);
        return token;
    }
    qsizetype end = start;
    while (end < n && isIdChar(m_text[end].unicode()))
        ++end;
    token.text = m_text.sliced(start, end - start);
    // In the order of enum Keyword.
    static constexpr QStringView keywords[]
        = {u"and", u"or", u"not", u"in", u"has", u"any", u"answered", u"true", u"false"};
    token.kind = TokenKind::Id;
    for (size_t k = 0; k < std::size(keywords); ++k) {
        if (token.text == keywords[k]) {
            token.kind = TokenKind::Keyword;
            token.keyword = Keyword(k);
        }
    }
    return token;
}

void ConditionParser::tokenize()
{
    struct Symbol
    {
        QStringView text;
        TokenKind kind;
        Condition::Op op = Condition::Op::Equal;
    };
    // Two-character operators first, so "<=" is not read as "<" followed by "=".
    static constexpr Symbol symbols[] = {
        {u"<=", TokenKind::Op, Condition::Op::LessEqual}, {u">=", TokenKind::Op, Condition::Op::GreaterEqual},
        {u"!=", TokenKind::Op, Condition::Op::NotEqual}, {u"<", TokenKind::Op, Condition::Op::Less},
        {u">", TokenKind::Op, Condition::Op::Greater}, {u"=", TokenKind::Op, Condition::Op::Equal},
        {u"\u2264", TokenKind::Op, Condition::Op::LessEqual}, // ≤
        {u"\u2265", TokenKind::Op, Condition::Op::GreaterEqual}, // ≥
        {u"\u2260", TokenKind::Op, Condition::Op::NotEqual}, // ≠
        {u"(", TokenKind::LParen}, {u"\uFF08", TokenKind::LParen}, // full-width （
        {u")", TokenKind::RParen}, {u"\uFF09", TokenKind::RParen}, // full-width ）
        {u",", TokenKind::Comma}, {u"\uFF0C", TokenKind::Comma}, // full-width ，
    };
    m_tokens.clear();
    const qsizetype n = m_text.size();
    qsizetype i = 0;
    qsizetype counted = 0;
    int column = std::max(m_where.column, 1);
    for (;;) {
        while (i < n && m_text[i].isSpace())
            ++i;
        Token token;
        token.pos = i;
        token.kind = i == n ? TokenKind::End : TokenKind::Invalid;
        token.text = m_text.sliced(i, std::min<qsizetype>(1, n - i));
        for (const Symbol &symbol : symbols) {
            if (token.kind == TokenKind::Invalid && m_text.sliced(i).startsWith(symbol.text)) {
                token.kind = symbol.kind;
                token.op = symbol.op;
                token.text = m_text.sliced(i, symbol.text.size());
            }
        }
        if (token.kind == TokenKind::Invalid && m_text[i] != u'!')
            token = lexWord(i);
        // Columns count characters, so a surrogate pair counts once.
        for (; counted < i; ++counted) {
            if (!m_text[counted].isLowSurrogate() || counted == 0 || !m_text[counted - 1].isHighSurrogate())
                ++column;
        }
        token.column = column;
        m_tokens.push_back(token);
        if (token.kind == TokenKind::End || token.kind == TokenKind::Invalid)
            break; // the parser reports an invalid token when it gets there; nothing after it matters
        i += token.text.size();
    }
}

SourceLocation ConditionParser::locationOf(const Token &token) const
{
    SourceLocation location = m_where;
    location.column = token.column;
    return location;
}

Failure ConditionParser::errorAt(const Token &token, const QString &message) const
{
    return fail(Error::Code::Parse, message, locationOf(token));
}

Failure ConditionParser::expected(const QString &what, const Token &found) const
{
    switch (found.kind) {
    case TokenKind::End:
        return errorAt(found,
            QCoreApplication::translate("ow::catalogue", "unexpected end of condition: expected %1")
                .arg(what));
    case TokenKind::Invalid:
        if (found.text.size() == 1 && !found.text.front().isPrint()) {
            const QString code = QString::number(found.text.front().unicode(), 16).toUpper();
            return errorAt(found,
                QCoreApplication::translate("ow::catalogue", "unknown character U+%1")
                    .arg(code.rightJustified(4, u'0')));
        }
        return errorAt(found,
            QCoreApplication::translate("ow::catalogue", "unknown character '%1'")
                .arg(InputExcerpt::excerpt(found.text)));
    case TokenKind::Keyword:
        return errorAt(found,
            QCoreApplication::translate("ow::catalogue", "expected %1 but found the reserved word '%2'")
                .arg(what, InputExcerpt::excerpt(found.text)));
    default:
        return errorAt(found,
            QCoreApplication::translate("ow::catalogue", "expected %1 but found '%2'")
                .arg(what, InputExcerpt::excerpt(found.text)));
    }
}

Result<ConditionPtr> ConditionParser::parse()
{
    tokenize();
    m_next = 0;
    if (peek().kind == TokenKind::End) {
        Token start;
        start.column = std::max(m_where.column, 1);
        return errorAt(start,
            QCoreApplication::translate(
                "ow::catalogue", "the condition is empty: write a condition or leave out the line"));
    }
    auto condition = parseGroup(Condition::Kind::Or, 0);
    if (!condition)
        return condition;
    if (peek().kind == TokenKind::RParen)
        return errorAt(peek(),
            QCoreApplication::translate("ow::catalogue", "unexpected ')': there is no '(' it could close"));
    if (peek().kind != TokenKind::End)
        return expected(
            QCoreApplication::translate("ow::catalogue", "'and', 'or' or the end of the condition"), peek());
    return condition;
}

Result<ConditionPtr> ConditionParser::parseGroup(Condition::Kind kind, int depth)
{
    const Keyword separator = kind == Condition::Kind::Or ? Keyword::Or : Keyword::And;
    auto parseOperand = [&] {
        return kind == Condition::Kind::Or ? parseGroup(Condition::Kind::And, depth) : parseUnary(depth);
    };
    const Token &start = peek();
    auto first = parseOperand();
    if (!first || !isKeyword(separator))
        return first;
    auto group = std::make_shared<Condition>();
    group->kind = kind;
    group->where = locationOf(start);
    for (auto operand = std::move(first);; operand = parseOperand()) {
        if (!operand)
            return operand;
        // `a and (b and c)` means the same as `a and b and c`; one flat node keeps the tree canonical.
        const auto &flat = (*operand)->kind == kind ? (*operand)->operands : std::vector {*operand};
        group->operands.insert(group->operands.end(), flat.begin(), flat.end());
        if (!isKeyword(separator))
            return group;
        take();
    }
}

Result<ConditionPtr> ConditionParser::parseUnary(int depth)
{
    if (depth > kMaxDepth)
        return errorAt(peek(),
            QCoreApplication::translate(
                "ow::catalogue", "the condition is nested too deeply (more than %1 levels)")
                .arg(kMaxDepth));
    if (!isKeyword(Keyword::Not))
        return parsePrimary(depth);
    const Token &notToken = take();
    auto operand = parseUnary(depth + 1);
    if (!operand)
        return operand;
    auto node = std::make_shared<Condition>();
    node->kind = Condition::Kind::Not;
    node->where = locationOf(notToken);
    node->operands.push_back(*operand);
    return node;
}

Result<void> ConditionParser::closeParenthesis(const QString &expectedHere)
{
    if (peek().kind == TokenKind::End)
        return errorAt(peek(),
            QCoreApplication::translate(
                "ow::catalogue", "unexpected end of condition: a closing ')' is missing"));
    if (peek().kind != TokenKind::RParen)
        return expected(expectedHere, peek());
    take();
    return {};
}

Result<ConditionPtr> ConditionParser::parsePrimary(int depth)
{
    const Token &token = peek();
    if (token.kind == TokenKind::LParen) {
        take();
        auto inner = parseGroup(Condition::Kind::Or, depth + 1);
        if (!inner)
            return inner;
        if (auto closed
            = closeParenthesis(QCoreApplication::translate("ow::catalogue", "'and', 'or' or ')'"));
            !closed)
            return failWith(closed.error());
        return inner;
    }
    if (token.kind == TokenKind::Id)
        return parseComparison();

    auto node = std::make_shared<Condition>();
    node->where = locationOf(token);
    if (token.kind == TokenKind::Keyword
        && (token.keyword == Keyword::True || token.keyword == Keyword::False)) {
        node->kind = Condition::Kind::Literal;
        node->literal = token.keyword == Keyword::True;
        take();
        return node;
    }
    if (token.kind != TokenKind::Keyword || token.keyword != Keyword::Answered)
        return expected(QCoreApplication::translate("ow::catalogue", "a condition"), token);
    take();
    if (peek().kind != TokenKind::LParen)
        return errorAt(peek(),
            QCoreApplication::translate(
                "ow::catalogue", "'answered' needs a question id in parentheses, as in answered(q)"));
    take();
    if (peek().kind != TokenKind::Id)
        return expected(
            QCoreApplication::translate("ow::catalogue", "a question id in 'answered(…)'"), peek());
    node->kind = Condition::Kind::Answered;
    node->questionId = take().text.toString();
    if (auto closed
        = closeParenthesis(QCoreApplication::translate("ow::catalogue", "')' after the question id"));
        !closed)
        return failWith(closed.error());
    return node;
}

Result<ConditionPtr> ConditionParser::parseComparison()
{
    const Token &id = take();
    auto node = std::make_shared<Condition>();
    node->where = locationOf(id);
    node->questionId = id.text.toString();
    const Token &next = take();
    if (next.kind == TokenKind::Op) {
        const Token &value = peek();
        if (value.kind == TokenKind::Number) {
            if (std::isnan(value.number))
                return errorAt(value,
                    QCoreApplication::translate("ow::catalogue", "the number '%1' is too large")
                        .arg(InputExcerpt::excerpt(value.text)));
            node->kind = Condition::Kind::Compare;
            node->op = next.op;
            node->number = take().number;
            return node;
        }
        if (next.op != Condition::Op::Equal && next.op != Condition::Op::NotEqual)
            return expected(QCoreApplication::translate("ow::catalogue", "a number after '%1'")
                                .arg(InputExcerpt::excerpt(next.text)),
                value);
        if (value.kind != TokenKind::Id)
            return expected(QCoreApplication::translate("ow::catalogue", "an option id after '%1'")
                                .arg(InputExcerpt::excerpt(next.text)),
                value);
        node->kind = next.op == Condition::Op::Equal ? Condition::Kind::Equals : Condition::Kind::NotEquals;
        node->optionIds.append(take().text.toString());
        return node;
    }
    const bool isIn = next.kind == TokenKind::Keyword && next.keyword == Keyword::In;
    const bool isHas = next.kind == TokenKind::Keyword && next.keyword == Keyword::Has;
    if (isHas && !isKeyword(Keyword::Any)) {
        if (peek().kind != TokenKind::Id)
            return expected(QCoreApplication::translate("ow::catalogue", "an option id after 'has'"), peek());
        node->kind = Condition::Kind::Has;
        node->optionIds.append(take().text.toString());
        return node;
    }
    if (isIn || isHas) {
        node->kind = isIn ? Condition::Kind::In : Condition::Kind::HasAny;
        if (isHas)
            take(); // "any"
        auto list = parseList(isIn ? QCoreApplication::translate(
                                  "ow::catalogue", "'in' needs a list in parentheses, as in q in (a, b)")
                                   : QCoreApplication::translate("ow::catalogue",
                                       "'has any' needs a list in parentheses, as in q has any (a, b)"));
        if (!list)
            return failWith(list.error());
        node->optionIds = std::move(*list);
        return node;
    }
    return expected(QCoreApplication::translate(
                        "ow::catalogue", "'=', '!=', 'in', 'has' or a comparison after the question id '%1'")
                        .arg(InputExcerpt::excerpt(id.text)),
        next);
}

Result<QStringList> ConditionParser::parseList(const QString &needsList)
{
    if (peek().kind != TokenKind::LParen)
        return errorAt(peek(), needsList);
    take();
    if (peek().kind == TokenKind::RParen)
        return errorAt(peek(),
            QCoreApplication::translate(
                "ow::catalogue", "the list in parentheses is empty: write at least one option id"));
    QStringList ids;
    for (;;) {
        if (peek().kind != TokenKind::Id)
            return expected(QCoreApplication::translate("ow::catalogue", "an option id"), peek());
        ids.append(take().text.toString());
        if (peek().kind != TokenKind::Comma)
            break;
        take();
    }
    if (auto closed
        = closeParenthesis(QCoreApplication::translate("ow::catalogue", "',' or ')' in the list"));
        !closed)
        return failWith(closed.error());
    return ids;
}

Result<ConditionPtr> parseCondition(QStringView text, const SourceLocation &where)
{
    return ConditionParser(text, where).parse();
}

} // namespace ow::catalogue
