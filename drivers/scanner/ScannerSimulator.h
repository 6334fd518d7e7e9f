#pragma once

#include "scanner/BarcodeScanner.h"

#include <QStringList>
#include <QTimer>

namespace ow::drivers::scanner {

/// A scanner in this process for demos and tests of the code that uses one: scan() reports a code
/// at once; a list given to scanEvery() is reported one code per interval, round and round.
class ScannerSimulator : public BarcodeScanner
{
    Q_OBJECT

public:
    explicit ScannerSimulator(QObject *parent = nullptr);

    void start() override { m_running = true; }
    void stop() override;
    bool isRunning() const override { return m_running; }

    /// Reports `code` now, if running.
    void scan(const QString &code);
    void scanEvery(int intervalMs, const QStringList &codes);

private:
    QTimer m_timer;
    QStringList m_codes;
    qsizetype m_next = 0;
    bool m_running = false;
};

} // namespace ow::drivers::scanner
