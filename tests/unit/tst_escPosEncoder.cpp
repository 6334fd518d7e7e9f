#include "receipt/EscPosDecoder.h"
#include "receipt/EscPosEncoder.h"
#include "receipt/MonochromeImage.h"

#include <QImage>
#include <QTest>

using namespace ow::drivers::receipt;

namespace {

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray out;
    for (const int value : values)
        out.append(char(value));
    return out;
}

/// 16×3: row 0 all black, row 1 every other dot from the left, row 2 the left half black.
QImage tinyImage()
{
    QImage image(16, 3, QImage::Format_RGB32);
    image.fill(Qt::white);
    for (int x = 0; x < 16; ++x) {
        image.setPixel(x, 0, qRgb(0, 0, 0));
        if (x % 2 == 0)
            image.setPixel(x, 1, qRgb(0, 0, 0));
        if (x < 8)
            image.setPixel(x, 2, qRgb(0, 0, 0));
    }
    return image;
}

/// Every row of its own pattern (the row number in its first two bytes), so a band that is cut or
/// ordered wrongly shows.
MonochromeImage numberedRows(int width, int height)
{
    MonochromeImage image(width, height);
    for (int y = 0; y < height; ++y)
        for (int bit = 0; bit < 16; ++bit)
            image.setBlack(bit, y, (y >> (15 - bit)) & 1);
    return image;
}

} // namespace

/// The ESC/POS encoder: exact bytes for a small receipt, band splitting, feed and cut, the 1-bit
/// conversion, and playback through the decoder the simulator uses.
class TestEscPosEncoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tinyImageGoldenBytes()
    {
        ReceiptOptions options;
        options.alignment = Alignment::Centre;
        options.feedLines = 4;
        options.cut = CutMode::Partial;
        const ow::Result<QByteArray> job = EscPosEncoder::encodeReceipt(tinyImage(), options);
        QVERIFY(job.has_value());
        const QByteArray expected = bytes({
            0x1B, 0x40, // ESC @
            0x1B, 0x61, 0x01, // ESC a 1: centre
            0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x03, 0x00, // GS v 0, m 0, 2 bytes a row, 3 rows
            0xFF, 0xFF, // row 0
            0xAA, 0xAA, // row 1
            0xFF, 0x00, // row 2
            0x1B, 0x64, 0x04, // ESC d 4
            0x1D, 0x56, 0x01, // GS V 1: partial cut
        });
        QCOMPARE(job->toHex(' '), expected.toHex(' '));
    }

    void rowWidthIsRoundedUpToWholeBytes()
    {
        // 10 dots: two bytes a row, the last six bits white padding.
        QImage image(10, 1, QImage::Format_RGB32);
        image.fill(Qt::black);
        const MonochromeImage mono = MonochromeImage::fromImage(image);
        QCOMPARE(mono.bytesPerRow(), 2);
        QCOMPARE(mono.bits().toHex(), QByteArray("ffc0"));
        EscPosEncoder encoder;
        encoder.rasterImage(mono);
        QCOMPARE(encoder.bytes().toHex(' '),
            bytes({0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x01, 0x00, 0xFF, 0xC0}).toHex(' '));
    }

    void fullWidthImageIsSplitIntoBands()
    {
        const MonochromeImage image = numberedRows(576, 600);
        EscPosEncoder encoder;
        encoder.rasterImage(image, 255);
        const QByteArray &out = encoder.bytes();
        // 255 + 255 + 90 rows, each band a header of 8 bytes and 72 bytes a row.
        QCOMPARE(out.size(), 3 * 8 + 600 * 72);
        qsizetype offset = 0;
        int firstRow = 0;
        for (const int rows : {255, 255, 90}) {
            QCOMPARE(out.mid(offset, 8).toHex(' '),
                bytes({0x1D, 0x76, 0x30, 0x00, 72, 0x00, rows & 0xFF, rows >> 8}).toHex(' '));
            QCOMPARE(out.mid(offset + 8, rows * 72), image.rows(firstRow, rows));
            // The first row of the band carries its own number.
            QCOMPARE((quint8(out.at(offset + 8)) << 8) | quint8(out.at(offset + 9)), firstRow);
            offset += 8 + rows * 72;
            firstRow += rows;
        }
    }

    void bandHeightIsClampedToTheCommandLimit()
    {
        const MonochromeImage image = numberedRows(16, 5000);
        EscPosEncoder encoder;
        encoder.rasterImage(image, 100000);
        // 4095 rows (0x0FFF) then 905 (0x0389).
        QCOMPARE(encoder.bytes().mid(0, 8).toHex(' '),
            bytes({0x1D, 0x76, 0x30, 0x00, 2, 0, 0xFF, 0x0F}).toHex(' '));
        const qsizetype second = 8 + 4095 * 2;
        QCOMPARE(encoder.bytes().mid(second, 8).toHex(' '),
            bytes({0x1D, 0x76, 0x30, 0x00, 2, 0, 0x89, 0x03}).toHex(' '));
        QCOMPARE(encoder.bytes().size(), second + 8 + 905 * 2);
    }

    void feedAndCutBytes()
    {
        QCOMPARE(EscPosEncoder().cut(CutMode::Full).bytes().toHex(' '), QByteArray("1d 56 00"));
        QCOMPARE(EscPosEncoder().cut(CutMode::Partial).bytes().toHex(' '), QByteArray("1d 56 01"));
        QVERIFY(EscPosEncoder().cut(CutMode::None).bytes().isEmpty());
        QCOMPARE(EscPosEncoder().feedLines(6).bytes().toHex(' '), QByteArray("1b 64 06"));
        QCOMPARE(EscPosEncoder().feedLines(1000).bytes().toHex(' '), QByteArray("1b 64 ff"));
        QCOMPARE(EscPosEncoder().align(Alignment::Right).bytes().toHex(' '), QByteArray("1b 61 02"));
        QCOMPARE(EscPosEncoder().initialize().bytes().toHex(' '), QByteArray("1b 40"));
    }

    void receiptWithoutCutEndsWithTheFeed()
    {
        ReceiptOptions options;
        options.cut = CutMode::None;
        options.feedLines = 2;
        options.alignment = Alignment::Left;
        const ow::Result<QByteArray> job = EscPosEncoder::encodeReceipt(tinyImage(), options);
        QVERIFY(job.has_value());
        QVERIFY(job->startsWith(bytes({0x1B, 0x40, 0x1B, 0x61, 0x00})));
        QVERIFY(job->endsWith(bytes({0xFF, 0x00, 0x1B, 0x64, 0x02})));
    }

    void rejectsImagesThePaperCannotTake()
    {
        ReceiptOptions options;
        options.paper = PaperWidth::Mm58;
        QImage wide(385, 10, QImage::Format_RGB32);
        wide.fill(Qt::white);
        const ow::Result<QByteArray> tooWide = EscPosEncoder::encodeReceipt(wide, options);
        QVERIFY(!tooWide.has_value());
        QVERIFY(tooWide.error().message().contains(QStringLiteral("385")));
        QVERIFY(tooWide.error().message().contains(QStringLiteral("384")));
        QVERIFY(EscPosEncoder::encodeReceipt(wide.copy(0, 0, 384, 10), options).has_value());
        QVERIFY(!EscPosEncoder::encodeReceipt(QImage(), options).has_value());
    }

    void thresholdSplitsGreyAtTheConfiguredLevel()
    {
        QImage grey(4, 1, QImage::Format_Grayscale8);
        grey.scanLine(0)[0] = 0;
        grey.scanLine(0)[1] = 127;
        grey.scanLine(0)[2] = 128;
        grey.scanLine(0)[3] = 255;
        const MonochromeImage mono = MonochromeImage::fromImage(grey, Dithering::Threshold, 128);
        QCOMPARE(mono.isBlack(0, 0), true);
        QCOMPARE(mono.isBlack(1, 0), true);
        QCOMPARE(mono.isBlack(2, 0), false);
        QCOMPARE(mono.isBlack(3, 0), false);
        const MonochromeImage darker = MonochromeImage::fromImage(grey, Dithering::Threshold, 100);
        QCOMPARE(darker.isBlack(1, 0), false);
    }

    void transparentPixelsArePaper()
    {
        QImage image(2, 1, QImage::Format_ARGB32);
        image.setPixel(0, 0, qRgba(0, 0, 0, 0)); // transparent black: nothing drawn
        image.setPixel(1, 0, qRgba(0, 0, 0, 255)); // opaque black
        const MonochromeImage mono = MonochromeImage::fromImage(image);
        QVERIFY(!mono.isBlack(0, 0));
        QVERIFY(mono.isBlack(1, 0));
    }

    void monoImagesFollowTheirColourTable()
    {
        // Index 0 is white here, the opposite of the printer's 0.
        QImage image(8, 1, QImage::Format_Mono);
        image.setColorTable({qRgb(255, 255, 255), qRgb(0, 0, 0)});
        image.fill(0);
        image.setPixel(7, 0, 1);
        QCOMPARE(MonochromeImage::fromImage(image).bits().toHex(), QByteArray("01"));
    }

    void floydSteinbergKeepsMidGreyAsHalfTone()
    {
        QImage grey(64, 64, QImage::Format_Grayscale8);
        grey.fill(128);
        const MonochromeImage threshold = MonochromeImage::fromImage(grey, Dithering::Threshold);
        const MonochromeImage dithered = MonochromeImage::fromImage(grey, Dithering::FloydSteinberg);
        int thresholdBlack = 0;
        int ditheredBlack = 0;
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 64; ++x) {
                thresholdBlack += threshold.isBlack(x, y);
                ditheredBlack += dithered.isBlack(x, y);
            }
        QCOMPARE(thresholdBlack, 0); // 128 is not below the threshold: all white
        QVERIFY2(ditheredBlack > 64 * 64 * 45 / 100 && ditheredBlack < 64 * 64 * 55 / 100,
            qPrintable(QString::number(ditheredBlack)));
    }

    void decoderPlaysTheJobBack()
    {
        ReceiptOptions options;
        options.paper = PaperWidth::Mm58;
        options.alignment = Alignment::Right;
        options.cut = CutMode::Full;
        options.feedLines = 1;
        const ow::Result<QByteArray> job = EscPosEncoder::encodeReceipt(tinyImage(), options);
        QVERIFY(job.has_value());
        const ow::Result<QList<PrintedReceipt>> receipts = EscPosDecoder::decode(*job, PaperWidth::Mm58);
        QVERIFY2(
            receipts.has_value(), qPrintable(receipts.has_value() ? QString() : receipts.error().message()));
        QCOMPARE(receipts->size(), 1);
        const PrintedReceipt &paper = receipts->first();
        QCOMPARE(paper.cut, CutMode::Full);
        QCOMPARE(paper.paper.width(), 384);
        QCOMPARE(paper.paper.height(), 3 + EscPosDecoder::kLineDots);
        // Right-aligned: the image occupies dots 368–383.
        QCOMPARE(qGray(paper.paper.pixel(367, 0)), 255);
        QCOMPARE(qGray(paper.paper.pixel(368, 0)), 0);
        QCOMPARE(qGray(paper.paper.pixel(369, 1)), 255);
        QCOMPARE(qGray(paper.paper.pixel(368, 1)), 0);
        QCOMPARE(qGray(paper.paper.pixel(376, 2)), 255);
        QCOMPARE(qGray(paper.paper.pixel(375, 2)), 0);
    }

    void decoderRejectsUnknownAndTruncatedCommands()
    {
        QVERIFY(!EscPosDecoder::decode(bytes({0x1B, 0x40, 0x1B, 0x21, 0x00})).has_value());
        QVERIFY(!EscPosDecoder::decode(bytes({0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x03, 0x00, 0xFF}))
                     .has_value());
    }
};

QTEST_GUILESS_MAIN(TestEscPosEncoder)
#include "tst_escPosEncoder.moc"
