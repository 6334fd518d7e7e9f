#pragma once

#include <QJsonDocument>
#include <QTextStream>

namespace ow::cli {

/// Standard output and error as UTF-8 text streams; commands write through it so tests can capture.
class Console
{
public:
    Console();
    /// Writes into the given strings instead of the process's streams (for tests).
    Console(QString *out, QString *err);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    void printJson(const QJsonDocument &document);

    /// Columns a terminal gives the text: East Asian wide characters (汉字, full-width forms) take
    /// two, as in Unicode's East Asian Width property (UAX #11), everything else one.
    static int displayWidth(QStringView text);
    /// The text padded with spaces to `columns` display columns, so Chinese labels line up.
    static QString padded(const QString &text, int columns);

private:
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace ow::cli
