#include "core/Error.h"

namespace ow {

QString SourceLocation::toString() const
{
    if (line <= 0)
        return file;
    if (column <= 0)
        return QStringLiteral("%1:%2").arg(file).arg(line);
    return QStringLiteral("%1:%2:%3").arg(file).arg(line).arg(column);
}

Error::Error(Code code, QString message, SourceLocation where)
    : m_code(code)
    , m_message(std::move(message))
    , m_where(std::move(where))
{
}

QString Error::toString() const
{
    if (!m_where.isValid())
        return m_message;
    return m_where.toString() + QStringLiteral(": ") + m_message;
}

} // namespace ow
