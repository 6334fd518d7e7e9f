#pragma once

#include <QDateTime>
#include <QImage>
#include <QString>

namespace ow::devices {

/// The page the device panel prints to test a receipt printer: a title, when and through what it
/// was sent, Chinese text (receipts are rasters, so this shows the font reaches the paper), a ruler
/// in millimetres and a frame at the edges of the printable width, so a wrong paper-width setting
/// shows as a cut-off frame.
class TestReceipt
{
public:
    /// `widthDots`: the printer's dots per line (576 on 80 mm paper, 384 on 58 mm).
    static QImage render(int widthDots, const QString &backend, const QDateTime &when);
};

} // namespace ow::devices
