#include "CameraTestPhotos.h"
#include "camera/PageDetector.h"
#include "camera/PageProcessor.h"

#include <QBuffer>
#include <QImageReader>
#include <QTest>
#include <cmath>

using namespace ow::drivers::camera;

/// Page detection, crop, deskew, quarter turns and JPEG output on synthetic camera photos whose
/// page position and tilt are known.
class TestPageProcessor : public QObject
{
    Q_OBJECT

    static constexpr double kPageWidth = 620;
    static constexpr double kPageHeight = 877; // A4 proportions

private Q_SLOTS:
    void findsTheTiltedPage_data()
    {
        QTest::addColumn<double>("angle");
        QTest::addColumn<QPointF>("centre");
        QTest::newRow("7° right of centre") << 7.0 << QPointF(870, 610);
        QTest::newRow("7° anticlockwise, left") << -7.0 << QPointF(700, 590);
        QTest::newRow("level") << 0.0 << QPointF(800, 600);
        QTest::newRow("12.5°") << 12.5 << QPointF(820, 620);
        QTest::newRow("-3.2°") << -3.2 << QPointF(760, 640);
        QTest::newRow("0.4°") << 0.4 << QPointF(800, 580);
    }

    void findsTheTiltedPage()
    {
        QFETCH(double, angle);
        QFETCH(QPointF, centre);
        const QImage photo
            = CameraTestPhotos::pagePhoto(QSize(1600, 1200), QSizeF(kPageWidth, kPageHeight), centre, angle);
        const ow::Result<PageGeometry> page = PageDetector::detect(photo);
        QVERIFY2(page.has_value(), qPrintable(page.has_value() ? QString() : page.error().message()));
        QVERIFY2(std::abs(page->angle - angle) < 0.5, qPrintable(QString::number(page->angle)));
        QVERIFY2(std::abs(page->centre.x() - centre.x()) < 3 && std::abs(page->centre.y() - centre.y()) < 3,
            qPrintable(QStringLiteral("%1,%2").arg(page->centre.x()).arg(page->centre.y())));
        QVERIFY2(
            std::abs(page->size.width() - kPageWidth) < 4 && std::abs(page->size.height() - kPageHeight) < 4,
            qPrintable(QStringLiteral("%1×%2").arg(page->size.width()).arg(page->size.height())));
    }

    void cropsAndLevelsThePage()
    {
        const QImage photo = CameraTestPhotos::pagePhoto(
            QSize(1600, 1200), QSizeF(kPageWidth, kPageHeight), QPointF(870, 610), 7.0);
        const ProcessedPage result = PageProcessor::process(photo, PageOptions {});
        QVERIFY(result.page.has_value());
        QVERIFY(result.note.isEmpty());
        QVERIFY(std::abs(result.turnedDegrees + 7.0) < 0.5);
        const QImage &page = result.image;
        // The page, less the few pixels trimmed off its edges.
        const double trim = 2 * PageProcessor::edgeTrim(QSizeF(kPageWidth, kPageHeight));
        QVERIFY(trim <= 8);
        QVERIFY2(std::abs(page.width() - (kPageWidth - trim)) < 4
                && std::abs(page.height() - (kPageHeight - trim)) < 4,
            qPrintable(QStringLiteral("%1×%2").arg(page.width()).arg(page.height())));
        // No desk left in the corners: the margins are paper.
        for (const QRect corner : {QRect(0, 0, 30, 30), QRect(page.width() - 30, 0, 30, 30),
                 QRect(0, page.height() - 30, 30, 30), QRect(page.width() - 30, page.height() - 30, 30, 30)})
            QVERIFY2(CameraTestPhotos::darkShare(page, corner) < 0.02,
                qPrintable(QStringLiteral("%1,%2").arg(corner.x()).arg(corner.y())));
        // The first text line is level: dark at both ends of its row, paper just above and below.
        const int middle = int(CameraTestPhotos::kFirstLineTop + CameraTestPhotos::kLineHeight / 2);
        const int left = int(CameraTestPhotos::kMargin) + 10;
        const int right = page.width() - int(CameraTestPhotos::kMargin) - 40;
        QVERIFY(CameraTestPhotos::darkShare(page, QRect(left, middle - 3, 30, 6)) > 0.9);
        QVERIFY(CameraTestPhotos::darkShare(page, QRect(right, middle - 3, 30, 6)) > 0.9);
        const int above = int(CameraTestPhotos::kFirstLineTop) - 8;
        const int below = int(CameraTestPhotos::kFirstLineTop + CameraTestPhotos::kLineHeight) + 6;
        QVERIFY(CameraTestPhotos::darkShare(page, QRect(left, above, right - left, 2)) < 0.02);
        QVERIFY(CameraTestPhotos::darkShare(page, QRect(left, below, right - left, 2)) < 0.02);
    }

    void withoutDeskewKeepsTheUprightBox()
    {
        const QImage photo = CameraTestPhotos::pagePhoto(
            QSize(1600, 1200), QSizeF(kPageWidth, kPageHeight), QPointF(800, 600), 7.0);
        PageOptions options;
        options.deskew = false;
        const ProcessedPage result = PageProcessor::process(photo, options);
        QCOMPARE(result.turnedDegrees, 0.0);
        // The box around a page turned 7°: w cos + h sin by w sin + h cos.
        const double radians = 7.0 * M_PI / 180;
        const double trim = 2 * PageProcessor::edgeTrim(QSizeF(kPageWidth, kPageHeight));
        const double pageWidth = kPageWidth - trim;
        const double pageHeight = kPageHeight - trim;
        const double width = pageWidth * std::cos(radians) + pageHeight * std::sin(radians);
        const double height = pageWidth * std::sin(radians) + pageHeight * std::cos(radians);
        QVERIFY(std::abs(result.image.width() - width) < 5);
        QVERIFY(std::abs(result.image.height() - height) < 5);
    }

    void tiltBeyondTheLimitIsNotTurned()
    {
        const QImage photo = CameraTestPhotos::pagePhoto(
            QSize(1600, 1200), QSizeF(kPageWidth, kPageHeight), QPointF(800, 600), 25.0);
        const ProcessedPage result = PageProcessor::process(photo, PageOptions {});
        QVERIFY(result.page.has_value());
        QVERIFY(std::abs(result.page->angle - 25.0) < 0.5);
        QCOMPARE(result.turnedDegrees, 0.0);
        QVERIFY(result.image.width() > kPageWidth + 100); // the upright box around the page
    }

    void landscapePageStaysLandscape()
    {
        const QImage photo = CameraTestPhotos::pagePhoto(
            QSize(1600, 1200), QSizeF(kPageHeight, kPageWidth), QPointF(800, 600), -5.0);
        const ProcessedPage result = PageProcessor::process(photo, PageOptions {});
        QVERIFY(result.page.has_value());
        QVERIFY(std::abs(result.page->angle + 5.0) < 0.5);
        QVERIFY(result.image.width() > result.image.height());
    }

    void degeneratePhotosAreKeptWhole_data()
    {
        QTest::addColumn<QImage>("photo");
        QTest::addColumn<int>("code");
        QImage black(800, 600, QImage::Format_RGB32);
        black.fill(Qt::black);
        QImage white(800, 600, QImage::Format_RGB32);
        white.fill(Qt::white);
        QImage tiny(10, 10, QImage::Format_RGB32);
        tiny.fill(Qt::white);
        QImage speck(800, 600, QImage::Format_RGB32);
        speck.fill(QColor(60, 60, 60));
        QPainter(&speck).fillRect(QRect(100, 100, 40, 40), Qt::white);
        QTest::newRow("all black") << black << int(ow::Error::Code::NotFound);
        QTest::newRow("all white") << white << int(ow::Error::Code::NotFound);
        QTest::newRow("tiny") << tiny << int(ow::Error::Code::Invalid);
        QTest::newRow("only a speck") << speck << int(ow::Error::Code::NotFound);
        QTest::newRow("page fills the photo")
            << CameraTestPhotos::pagePhoto(QSize(600, 850), QSizeF(640, 900), QPointF(300, 425), 0)
            << int(ow::Error::Code::NotFound);
        QTest::newRow("null") << QImage() << int(ow::Error::Code::Invalid);
    }

    void degeneratePhotosAreKeptWhole()
    {
        QFETCH(QImage, photo);
        QFETCH(int, code);
        const ow::Result<PageGeometry> page = PageDetector::detect(photo);
        QVERIFY(!page.has_value());
        QCOMPARE(int(page.error().code()), code);
        QVERIFY(!page.error().message().isEmpty());
        const ProcessedPage result = PageProcessor::process(photo, PageOptions {});
        QVERIFY(!result.page.has_value());
        QCOMPARE(result.image.size(), photo.size());
        QCOMPARE(result.note.isEmpty(), photo.isNull());
    }

    void otsuSplitsTwoPeaks()
    {
        std::array<qint64, 256> histogram {};
        for (int i = 40; i <= 60; ++i)
            histogram[std::size_t(i)] = 100;
        for (int i = 200; i <= 230; ++i)
            histogram[std::size_t(i)] = 50;
        const int threshold = PageDetector::otsuThreshold(histogram);
        QVERIFY(threshold >= 60 && threshold < 200);
    }

    void quarterTurns()
    {
        QImage image(4, 2, QImage::Format_RGB32);
        image.fill(Qt::white);
        image.setPixel(0, 0, qRgb(255, 0, 0));
        const QImage right = PageProcessor::rotateQuarterTurns(image, 1);
        QCOMPARE(right.size(), QSize(2, 4));
        QCOMPARE(right.pixel(1, 0), qRgb(255, 0, 0)); // top-left goes to top-right
        const QImage left = PageProcessor::rotateQuarterTurns(image, -1);
        QCOMPARE(left.pixel(0, 3), qRgb(255, 0, 0)); // top-left goes to bottom-left
        QCOMPARE(PageProcessor::rotateQuarterTurns(image, 3), left);
        QCOMPARE(PageProcessor::rotateQuarterTurns(image, 4), image);
        QCOMPARE(PageProcessor::rotateQuarterTurns(image, 2).pixel(3, 1), qRgb(255, 0, 0));
    }

    void jpegHonoursQualityAndLongEdge()
    {
        const QImage photo
            = CameraTestPhotos::pagePhoto(QSize(3000, 2000), QSizeF(1200, 1700), QPointF(1500, 1000), 3.0);
        const ow::Result<QByteArray> good = PageProcessor::encodeJpeg(photo, 95, 2480);
        const ow::Result<QByteArray> small = PageProcessor::encodeJpeg(photo, 30, 2480);
        QVERIFY(good.has_value() && small.has_value());
        QVERIFY(good->startsWith("\xFF\xD8"));
        QVERIFY(small->size() < good->size());
        QBuffer buffer(const_cast<QByteArray *>(&*good));
        QImageReader reader(&buffer, "jpeg");
        QCOMPARE(reader.size(), QSize(2480, 1653));
        const ow::Result<QByteArray> unlimited = PageProcessor::encodeJpeg(photo, 80, 0);
        QBuffer again(const_cast<QByteArray *>(&*unlimited));
        QCOMPARE(QImageReader(&again, "jpeg").size(), QSize(3000, 2000));
        QCOMPARE(
            int(PageProcessor::encodeJpeg(QImage(), 80, 0).error().code()), int(ow::Error::Code::Invalid));
    }
};

QTEST_MAIN(TestPageProcessor)
#include "tst_pageProcessor.moc"
