#include "receipt/EscPosDecoder.h"

#include "receipt/MonochromeImage.h"

#include <QCoreApplication>

namespace ow::drivers::receipt {

namespace {

/// The paper fed so far for the receipt being printed: rows of dots, white unless burnt.
class Paper
{
public:
    explicit Paper(int width)
        : m_width(width)
    {
    }

    void feed(int rows) { m_blank += rows; }

    void print(const MonochromeImage &band, Alignment alignment)
    {
        flushBlank();
        const int spare = std::max(0, m_width - band.width());
        const int left = alignment == Alignment::Centre ? spare / 2
            : alignment == Alignment::Right             ? spare
                                                        : 0;
        for (int y = 0; y < band.height(); ++y) {
            QByteArray row(m_width, char(255));
            for (int x = 0; x < band.width() && left + x < m_width; ++x)
                if (band.isBlack(x, y))
                    row[left + x] = 0;
            m_rows.append(row);
        }
    }

    PrintedReceipt tearOff(CutMode cut)
    {
        flushBlank();
        QImage image(m_width, int(m_rows.size()), QImage::Format_Grayscale8);
        for (int y = 0; y < int(m_rows.size()); ++y)
            std::copy(
                m_rows.at(y).cbegin(), m_rows.at(y).cend(), reinterpret_cast<char *>(image.scanLine(y)));
        m_rows.clear();
        return {image, cut};
    }

    bool isEmpty() const { return m_rows.isEmpty() && m_blank == 0; }

private:
    void flushBlank()
    {
        for (; m_blank > 0; --m_blank)
            m_rows.append(QByteArray(m_width, char(255)));
    }

    int m_width;
    int m_blank = 0;
    QList<QByteArray> m_rows;
};

Failure malformed(qsizetype offset, const QString &what)
{
    return fail(Error::Code::Parse,
        QCoreApplication::translate("ow::drivers::receipt", "Byte %1 of the print job: %2")
            .arg(offset)
            .arg(what));
}

} // namespace

Result<QList<PrintedReceipt>> EscPosDecoder::decode(const QByteArray &job, PaperWidth paperWidth)
{
    QList<PrintedReceipt> receipts;
    Paper paper {int(paperWidth)};
    Alignment alignment = Alignment::Left;
    const auto byteAt = [&job](qsizetype i) { return quint8(job.at(i)); };
    const QString truncated
        = QCoreApplication::translate("ow::drivers::receipt", "the command is cut short.");
    qsizetype i = 0;
    while (i < job.size()) {
        const quint8 byte = byteAt(i);
        if (byte == '\n') {
            paper.feed(kLineDots);
            ++i;
            continue;
        }
        if (i + 1 >= job.size())
            return malformed(i, truncated);
        const quint8 command = byteAt(i + 1);
        if (byte == 0x1B && command == '@') {
            alignment = Alignment::Left;
            i += 2;
        } else if (byte == 0x1B && command == 'a') {
            if (i + 2 >= job.size())
                return malformed(i, truncated);
            const quint8 n = byteAt(i + 2);
            alignment = n == 1 || n == '1' ? Alignment::Centre
                : n == 2 || n == '2'       ? Alignment::Right
                                           : Alignment::Left;
            i += 3;
        } else if (byte == 0x1B && command == 'd') {
            if (i + 2 >= job.size())
                return malformed(i, truncated);
            paper.feed(kLineDots * byteAt(i + 2));
            i += 3;
        } else if (byte == 0x1D && command == 'v') {
            if (i + 7 >= job.size() || byteAt(i + 2) != '0')
                return malformed(i, truncated);
            const int bytesPerRow = byteAt(i + 4) | (byteAt(i + 5) << 8);
            const int rows = byteAt(i + 6) | (byteAt(i + 7) << 8);
            const qsizetype size = qsizetype(bytesPerRow) * rows;
            if (i + 8 + size > job.size())
                return malformed(i, truncated);
            paper.print(
                MonochromeImage::fromPackedRows(bytesPerRow * 8, rows, job.mid(i + 8, size)), alignment);
            i += 8 + size;
        } else if (byte == 0x1D && command == 'V') {
            if (i + 2 >= job.size())
                return malformed(i, truncated);
            const quint8 m = byteAt(i + 2);
            // m 0/48 full, 1/49 partial; 65/66 feed n more dots first and take one more byte.
            const bool withFeed = m == 65 || m == 66;
            if (withFeed && i + 3 >= job.size())
                return malformed(i, truncated);
            if (withFeed)
                paper.feed(byteAt(i + 3));
            const bool full = m == 0 || m == 48 || m == 65;
            receipts.append(paper.tearOff(full ? CutMode::Full : CutMode::Partial));
            i += withFeed ? 4 : 3;
        } else {
            return malformed(i,
                QCoreApplication::translate("ow::drivers::receipt", "unknown command %1.")
                    .arg(QString::fromLatin1(job.mid(i, 2).toHex(' ').toUpper())));
        }
    }
    if (!paper.isEmpty())
        receipts.append(paper.tearOff(CutMode::None));
    return receipts;
}

} // namespace ow::drivers::receipt
