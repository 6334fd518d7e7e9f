#include "scanner/ImageCodeDecoder.h"

#include <QImage>
#include <QTest>

#ifdef OW_HAVE_ZXING
#define ZX_USE_UTF8
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#endif

using namespace ow::drivers::scanner;

namespace {

#ifdef OW_HAVE_ZXING
/// A code drawn by ZXing's own writer, about `size` pixels wide, with a quiet zone of four modules.
QImage drawCode(const QString &text, ZXing::BarcodeFormat format, int size)
{
    const ZXing::BitMatrix matrix
        = ZXing::MultiFormatWriter(format)
              .setEncoding(ZXing::CharacterSet::UTF8)
              .setMargin(4)
              .encode(text.toStdString(), size, format == ZXing::BarcodeFormat::QRCode ? size : size / 3);
    QImage image(matrix.width(), matrix.height(), QImage::Format_RGB32);
    for (int y = 0; y < matrix.height(); ++y)
        for (int x = 0; x < matrix.width(); ++x)
            image.setPixel(x, y, matrix.get(x, y) ? qRgb(0, 0, 0) : qRgb(255, 255, 255));
    return image;
}
#endif

} // namespace

/// Reading codes from camera stills with ZXing-cpp, on codes ZXing itself drew.
class TestImageCodeDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAQrCode()
    {
#ifndef OW_HAVE_ZXING
        QSKIP("built without ZXing-cpp");
#else
        const QString text = QStringLiteral("https://example.org/s/3303020120260315010001W");
        const DecodedCode code = ImageCodeDecoder::decode(
            drawCode(text, ZXing::BarcodeFormat::QRCode, 300), ImageCodeDecoder::Formats::QrOnly);
        QVERIFY2(code.found(), qPrintable(code.message()));
        QCOMPARE(code.text, text);
        QCOMPARE(code.format, QStringLiteral("QRCode"));
#endif
    }

    void readsChineseText()
    {
#ifndef OW_HAVE_ZXING
        QSKIP("built without ZXing-cpp");
#else
        const QString text = QStringLiteral("温州市鹿城区 一窗受理 010001");
        const DecodedCode code = ImageCodeDecoder::decode(drawCode(text, ZXing::BarcodeFormat::QRCode, 400));
        QVERIFY2(code.found(), qPrintable(code.message()));
        QCOMPARE(code.text, text);
#endif
    }

    void readsACodeInALargerRotatedPhoto()
    {
#ifndef OW_HAVE_ZXING
        QSKIP("built without ZXing-cpp");
#else
        // The code as a camera sees it: smaller than the frame, off centre, on grey, turned a quarter.
        const QImage code = drawCode(QStringLiteral("OW-TOKEN-7F3K"), ZXing::BarcodeFormat::QRCode, 240);
        QImage photo(1280, 720, QImage::Format_RGB32);
        photo.fill(qRgb(200, 200, 200));
        const QImage turned = code.transformed(QTransform().rotate(90));
        for (int y = 0; y < turned.height(); ++y)
            for (int x = 0; x < turned.width(); ++x)
                photo.setPixel(700 + x, 300 + y, turned.pixel(x, y));
        const DecodedCode found = ImageCodeDecoder::decode(photo);
        QVERIFY2(found.found(), qPrintable(found.message()));
        QCOMPARE(found.text, QStringLiteral("OW-TOKEN-7F3K"));
#endif
    }

    void qrOnlyIgnoresLinearBarcodes()
    {
#ifndef OW_HAVE_ZXING
        QSKIP("built without ZXing-cpp");
#else
        const QImage barcode = drawCode(QStringLiteral("OW123456"), ZXing::BarcodeFormat::Code128, 600);
        const DecodedCode any = ImageCodeDecoder::decode(barcode, ImageCodeDecoder::Formats::Any);
        QVERIFY2(any.found(), qPrintable(any.message()));
        QCOMPARE(any.text, QStringLiteral("OW123456"));
        QCOMPARE(any.format, QStringLiteral("Code128"));
        QCOMPARE(ImageCodeDecoder::decode(barcode, ImageCodeDecoder::Formats::QrOnly).status,
            DecodedCode::Status::NotFound);
#endif
    }

    void blankAndNullImages()
    {
        QImage blank(200, 200, QImage::Format_RGB32);
        blank.fill(Qt::white);
        const DecodedCode nothing = ImageCodeDecoder::decode(blank);
        QCOMPARE(nothing.status,
            ImageCodeDecoder::isAvailable() ? DecodedCode::Status::NotFound
                                            : DecodedCode::Status::Unsupported);
        QVERIFY(!nothing.found());
        QVERIFY(!nothing.message().isEmpty());
        QCOMPARE(ImageCodeDecoder::decode(QImage()).status, DecodedCode::Status::InvalidImage);
    }
};

QTEST_GUILESS_MAIN(TestImageCodeDecoder)
#include "tst_imageCodeDecoder.moc"
