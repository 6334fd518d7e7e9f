#include "cli/Console.h"

#include <cstdio>

namespace ow::cli {

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

void Console::printJson(const QJsonDocument &document)
{
    m_out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    m_out.flush();
}

} // namespace ow::cli
