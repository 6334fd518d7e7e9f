#pragma once

#include "catalogue/Condition.h"
#include "core/Result.h"

#include <QStringView>
#include <vector>

namespace ow::catalogue {

/// Lexer and recursive-descent parser for the condition language (docs/catalogue-format.md §9).
class ConditionParser
{
public:
    ConditionParser(QStringView text, const SourceLocation &where);

    /// Parses the whole text; the first error stops it and points at the offending token.
    Result<ConditionPtr> parse();

private:
    enum class TokenKind
    {
        End,
        Invalid,
        Id,
        Number,
        Keyword,
        LParen,
        RParen,
        Comma,
        Op
    };
    enum class Keyword
    {
        And,
        Or,
        Not,
        In,
        Has,
        Any,
        Answered,
        True,
        False
    };
    struct Token
    {
        TokenKind kind = TokenKind::End;
        qsizetype pos = 0; ///< index into the text, in UTF-16 units
        int column = 0; ///< column in the file, in characters
        QStringView text;
        Keyword keyword = Keyword::And;
        Condition::Op op = Condition::Op::Equal;
        double number = 0;
    };

    void tokenize();
    Token lexWord(qsizetype start) const;

    /// `or` groups of `and` groups of unary conditions; `depth` counts nesting, to bound recursion.
    Result<ConditionPtr> parseGroup(Condition::Kind kind, int depth);
    Result<ConditionPtr> parseUnary(int depth);
    Result<ConditionPtr> parsePrimary(int depth);
    Result<ConditionPtr> parseComparison();
    Result<QStringList> parseList(const QString &needsList);
    /// Takes the ')' that must come next; `expectedHere` says what else could have come instead.
    Result<void> closeParenthesis(const QString &expectedHere);

    const Token &peek() const { return m_tokens[m_next]; }
    const Token &take() { return m_tokens[m_next < m_tokens.size() - 1 ? m_next++ : m_next]; }
    bool isKeyword(Keyword k) const { return peek().kind == TokenKind::Keyword && peek().keyword == k; }

    SourceLocation locationOf(const Token &token) const;
    Failure errorAt(const Token &token, const QString &message) const;
    /// "expected WHAT but found TOKEN", with the special forms for the end of text and bad characters.
    Failure expected(const QString &what, const Token &found) const;

    QStringView m_text;
    SourceLocation m_where;
    std::vector<Token> m_tokens;
    size_t m_next = 0;
};

} // namespace ow::catalogue
