#include "scanner/ScannerSimulator.h"

namespace ow::drivers::scanner {

ScannerSimulator::ScannerSimulator(QObject *parent)
    : BarcodeScanner(parent)
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_codes.isEmpty())
            return;
        scan(m_codes.at(m_next));
        m_next = (m_next + 1) % m_codes.size();
    });
}

void ScannerSimulator::stop()
{
    m_running = false;
    m_timer.stop();
}

void ScannerSimulator::scan(const QString &code)
{
    if (m_running)
        Q_EMIT codeScanned(code);
}

void ScannerSimulator::scanEvery(int intervalMs, const QStringList &codes)
{
    m_codes = codes;
    m_next = 0;
    if (codes.isEmpty())
        m_timer.stop();
    else
        m_timer.start(intervalMs);
}

} // namespace ow::drivers::scanner
