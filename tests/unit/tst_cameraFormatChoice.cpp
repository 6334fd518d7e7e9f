#include "camera/CameraFormatChoice.h"

#include <QTest>

using namespace ow::drivers::camera;

/// Which of a camera's formats the document camera runs at: the lists are what typical UVC
/// document cameras report (5 MP and 8 MP models with MJPEG and YUYV).
class TestCameraFormatChoice : public QObject
{
    Q_OBJECT

    static CameraFormatOption mjpeg(int width, int height, double fps)
    {
        return CameraFormatOption {QSize(width, height), true, 0, fps, QStringLiteral("MJPEG")};
    }
    static CameraFormatOption yuyv(int width, int height, double fps)
    {
        return CameraFormatOption {QSize(width, height), false, 2, fps, QStringLiteral("YUYV")};
    }

private Q_SLOTS:
    void prefersTheLargestMjpegOnAFiveMegapixelCamera()
    {
        const QList<CameraFormatOption> formats {yuyv(640, 480, 30), yuyv(1280, 960, 8), yuyv(2592, 1944, 3),
            mjpeg(640, 480, 30), mjpeg(1280, 960, 30), mjpeg(2592, 1944, 15), mjpeg(1920, 1080, 30)};
        const std::optional<qsizetype> best = CameraFormatChoice::choose(formats);
        QVERIFY(best.has_value());
        QCOMPARE(formats.at(*best).resolution, QSize(2592, 1944));
        QVERIFY(formats.at(*best).compressed);
    }

    void rawAtFiveMegapixelsIsTooSlowForTheBus()
    {
        // The camera claims 10 fps of raw 5 MP, but 10 MB a frame cannot cross USB 2.0 that fast.
        const CameraFormatOption raw = yuyv(2592, 1944, 10);
        QVERIFY(CameraFormatChoice::effectiveFrameRate(raw) < 5);
        QCOMPARE(CameraFormatChoice::effectiveFrameRate(mjpeg(2592, 1944, 15)), 15.0);
        const QList<CameraFormatOption> formats {raw, mjpeg(1600, 1200, 30)};
        QCOMPARE(formats.at(*CameraFormatChoice::choose(formats)).resolution, QSize(1600, 1200));
        // With no bus limit (a USB 3 camera) the raw format is fast enough and larger.
        CameraFormatPolicy usb3;
        usb3.busBytesPerSecond = 0;
        QCOMPARE(formats.at(*CameraFormatChoice::choose(formats, usb3)).resolution, QSize(2592, 1944));
    }

    void smallFormatsPreferRawOnATie()
    {
        // At 640×480 raw is fluent and has no JPEG artefacts.
        const QList<CameraFormatOption> formats {mjpeg(640, 480, 30), yuyv(640, 480, 30)};
        QVERIFY(!formats.at(*CameraFormatChoice::choose(formats)).compressed);
        // At 2 MP and more, MJPEG wins the tie.
        const QList<CameraFormatOption> large {yuyv(1920, 1080, 5), mjpeg(1920, 1080, 30)};
        QVERIFY(large.at(*CameraFormatChoice::choose(large)).compressed);
    }

    void fasterWinsBetweenEqualFormats()
    {
        const QList<CameraFormatOption> formats {mjpeg(3264, 2448, 10), mjpeg(3264, 2448, 15)};
        QCOMPARE(*CameraFormatChoice::choose(formats), 1);
    }

    void onlySlowFormatsStillGiveTheLargest()
    {
        const QList<CameraFormatOption> formats {yuyv(1280, 960, 3), yuyv(2592, 1944, 2)};
        QCOMPARE(formats.at(*CameraFormatChoice::choose(formats)).resolution, QSize(2592, 1944));
    }

    void nothingToChooseFrom()
    {
        QVERIFY(!CameraFormatChoice::choose({}).has_value());
        QVERIFY(!CameraFormatChoice::choose({mjpeg(0, 0, 30)}).has_value());
    }

    void describesAFormat()
    {
        QCOMPARE(
            CameraFormatChoice::describe(mjpeg(2592, 1944, 15)), QStringLiteral("2592×1944 MJPEG 15 fps"));
        QCOMPARE(CameraFormatChoice::describe(yuyv(640, 480, 7.5)), QStringLiteral("640×480 YUYV 7.5 fps"));
    }
};

QTEST_GUILESS_MAIN(TestCameraFormatChoice)
#include "tst_cameraFormatChoice.moc"
