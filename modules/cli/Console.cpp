#include "cli/Console.h"

#include "core/InputExcerpt.h"

#include <algorithm>
#include <cstdio>

namespace ow::cli {

namespace {

/// Whether the surrogate at `i` is half of a proper pair (a lone one is escaped).
bool isPaired(const QString &text, qsizetype i)
{
    const char16_t c = text[i].unicode();
    if (QChar::isHighSurrogate(c))
        return i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode());
    return i > 0 && QChar::isHighSurrogate(text[i - 1].unicode());
}

} // namespace

Console::Console()
    : m_out(stdout)
    , m_err(stderr)
{
    m_out.setEncoding(QStringConverter::Utf8);
    m_err.setEncoding(QStringConverter::Utf8);
}

Console::Console(QString *out, QString *err)
    : m_out(out)
    , m_err(err)
{
}

ConsoleStream &ConsoleStream::operator<<(QStringView text)
{
    const QString escaped = safe(text);
    QStringView rest(escaped);
    while (!rest.isEmpty()) {
        const qsizetype newline = rest.indexOf(u'\n');
        const QStringView piece = newline < 0 ? rest : rest.first(newline);
        if (!m_cut) {
            if (m_column + piece.size() <= m_maxLineLength) {
                m_stream << piece;
                m_column += piece.size();
            } else {
                qsizetype room = std::max<qsizetype>(0, m_maxLineLength - 1 - m_column);
                if (room > 0 && room < piece.size() && QChar::isLowSurrogate(piece[room].unicode()))
                    --room; // never half a character
                m_stream << piece.first(room) << QChar(u'…');
                m_cut = true;
            }
        }
        if (newline < 0)
            break;
        m_stream << QChar(u'\n');
        m_column = 0;
        m_cut = false;
        rest = rest.sliced(newline + 1);
    }
    return *this;
}

QString ConsoleStream::safe(QStringView text)
{
    QString out;
    out.reserve(text.size());
    qsizetype from = 0;
    // Line feeds and tabs are the console's own layout; everything else unsafe is escaped.
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != u'\n' && text[i] != u'\t')
            continue;
        out += InputExcerpt::escaped(text.sliced(from, i - from));
        if (i < text.size())
            out += text[i];
        from = i + 1;
    }
    return out;
}

void Console::printJson(const QJsonDocument &document)
{
    const QString json = QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    QString out;
    out.reserve(json.size());
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char16_t c = json[i].unicode();
        // The writer already escapes C0 controls inside strings; what is left unsafe can only stand
        // inside a string, where \uXXXX means the same character to any JSON reader.
        if (c != u'\n' && (InputExcerpt::isUnsafe(c) || (QChar::isSurrogate(c) && !isPaired(json, i))))
            out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
        else
            out += json[i];
    }
    m_out << out;
    m_out.flush();
}

QString Console::quote(QStringView input)
{
    return InputExcerpt::excerpt(input);
}

namespace {

// The wide and full-width blocks of UAX #11 that Chinese text uses (a subset: no emoji widths).
bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF)
        || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
        || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

} // namespace

int Console::displayWidth(QStringView text)
{
    int width = 0;
    for (char32_t c : text.toUcs4())
        width += isWide(c) ? 2 : 1;
    return width;
}

QString Console::padded(const QString &text, int columns)
{
    const int width = displayWidth(text);
    return width >= columns ? text : text + QString(columns - width, QLatin1Char(' '));
}

void Console::printTable(const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QStringList &row : rows)
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c == widths.size())
                widths.append(0);
            widths[c] = std::max(widths.at(c), displayWidth(row.at(c)));
        }
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? padded(row.at(c), widths.at(c) + 2) : row.at(c);
        out() << line << '\n';
    }
}

} // namespace ow::cli
