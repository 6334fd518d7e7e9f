#pragma once

#include <QByteArray>
#include <QStringList>

namespace ow::drivers::scanner {

/// Cuts the byte stream of a serial scanner into codes: a code ends at CR, LF or CR LF (scanners
/// are set to one of these suffixes), empty lines are skipped, and text is UTF-8 (QR codes carry
/// Chinese) with surrounding spaces removed. A line longer than the limit is line noise, not a code,
/// and is dropped up to its end.
class ScanLineSplitter
{
public:
    static constexpr qsizetype kMaxLineBytes = 8192; ///< well above the 7089 digits of the largest QR code

    /// The codes completed by `bytes`.
    QStringList feed(const QByteArray &bytes);
    /// Forgets a half-received line (after the port was reopened).
    void reset();

private:
    QByteArray m_line;
    bool m_discarding = false;
};

} // namespace ow::drivers::scanner
