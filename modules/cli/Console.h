#pragma once

#include <QJsonDocument>
#include <QTextStream>
#include <type_traits>

namespace ow::cli {

/// One of the console's two streams. Every piece of text written through it has its control
/// characters escaped (line feed and tab excepted), so a NUL, an ESC sequence or a bidirectional
/// override that came in with the input never reaches the terminal raw, whatever a command forgot;
/// and a line longer than the stream's limit is cut with "…", the last guard against a message
/// that quotes a whole file name or argument of a megabyte.
class ConsoleStream
{
public:
    ConsoleStream(QTextStream &stream, qsizetype maxLineLength)
        : m_stream(stream)
        , m_maxLineLength(maxLineLength)
    {
    }

    ConsoleStream &operator<<(QStringView text);
    ConsoleStream &operator<<(const QString &text) { return *this << QStringView(text); }
    ConsoleStream &operator<<(QLatin1StringView text) { return *this << QString(text); }
    ConsoleStream &operator<<(const char *text) { return *this << QString::fromUtf8(text); }
    ConsoleStream &operator<<(const QByteArray &text) { return *this << QString::fromUtf8(text); }
    ConsoleStream &operator<<(QChar c) { return *this << QStringView(&c, 1); }
    ConsoleStream &operator<<(char c) { return *this << QString(QLatin1Char(c)); }
    ConsoleStream &operator<<(char16_t c) { return *this << QChar(c); }
    ConsoleStream &operator<<(QTextStream &(*manipulator)(QTextStream &))
    {
        manipulator(m_stream);
        return *this;
    }
    /// Numbers go through unchanged.
    template<typename Number>
    requires std::is_arithmetic_v<Number> &&(!std::is_same_v<Number, char>)&&(
        !std::is_same_v<Number, char16_t>)&&(!std::is_same_v<Number, char32_t>)ConsoleStream &
    operator<<(Number value)
    {
        m_stream << value;
        return *this;
    }
    void flush() { m_stream.flush(); }

    /// The text with every control character but line feed and tab escaped.
    static QString safe(QStringView text);

private:
    QTextStream &m_stream;
    qsizetype m_maxLineLength;
    qsizetype m_column = 0; ///< characters written on the current line
    bool m_cut = false; ///< the current line was cut: the rest of it is dropped
};

/// Standard output and error as UTF-8 text streams; commands write through it so tests can capture.
class Console
{
public:
    Console();
    /// Writes into the given strings instead of the process's streams (for tests).
    Console(QString *out, QString *err);

    /// The longest line of a message on standard error: a few terminal lines, what an excerpt of the
    /// input with the message around it needs.
    static constexpr qsizetype kMaxMessageLine = 400;
    /// The longest line of results on standard output (a checklist row with long material names).
    static constexpr qsizetype kMaxOutputLine = 2000;

    ConsoleStream &out() { return m_safeOut; }
    ConsoleStream &err() { return m_safeErr; }
    /// JSON keeps its own escapes: control characters the JSON writer leaves raw (DEL, C1, the
    /// bidirectional controls) are written as \uXXXX, which JSON readers decode back.
    void printJson(const QJsonDocument &document);

    /// What a message quotes of outside input: at most a short excerpt, escaped (core's InputExcerpt).
    static QString quote(QStringView input);

    /// Columns a terminal gives the text: East Asian wide characters (汉字, full-width forms) take
    /// two, as in Unicode's East Asian Width property (UAX #11), everything else one.
    static int displayWidth(QStringView text);
    /// The text padded with spaces to `columns` display columns, so Chinese labels line up.
    static QString padded(const QString &text, int columns);
    /// Rows under a header row, each column as wide as its widest cell (by display width), two
    /// spaces between columns.
    void printTable(const QList<QStringList> &rows);

private:
    QTextStream m_out;
    QTextStream m_err;
    ConsoleStream m_safeOut {m_out, kMaxOutputLine};
    ConsoleStream m_safeErr {m_err, kMaxMessageLine};
};

} // namespace ow::cli
