#include "scanner/ScanLineSplitter.h"

namespace ow::drivers::scanner {

QStringList ScanLineSplitter::feed(const QByteArray &bytes)
{
    QStringList codes;
    for (const char byte : bytes) {
        if (byte == '\r' || byte == '\n') {
            const QString code = QString::fromUtf8(m_line).trimmed();
            if (!m_discarding && !code.isEmpty())
                codes.append(code);
            m_line.clear();
            m_discarding = false;
            continue;
        }
        if (m_discarding)
            continue;
        if (m_line.size() >= kMaxLineBytes) {
            m_line.clear();
            m_discarding = true;
            continue;
        }
        m_line.append(byte);
    }
    return codes;
}

void ScanLineSplitter::reset()
{
    m_line.clear();
    m_discarding = false;
}

} // namespace ow::drivers::scanner
