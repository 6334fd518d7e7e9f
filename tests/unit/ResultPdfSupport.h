#pragma once

// A department's result document for the tests of the pickup counter: a real PDF of A4 pages,
// written with QPdfWriter (needs a QGuiApplication), each page titled so a reader can tell them apart.

#include <QBuffer>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace ow::cases::testing {

inline QByteArray licencePdf(int pages, const QString &title = QStringLiteral("公共场所卫生许可证"))
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(150);
    writer.setTitle(title);
    QPainter painter(&writer);
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        painter.drawRect(QRect(100, 100, 1000, 1400));
        painter.drawText(QRect(100, 200, 1000, 200), Qt::AlignCenter,
            QStringLiteral("%1 — %2/%3").arg(title).arg(page + 1).arg(pages));
    }
    painter.end();
    return bytes;
}

} // namespace ow::cases::testing
