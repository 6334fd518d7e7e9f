#include "../unit/CameraTestPhotos.h"
#include "GuiTestSupport.h"
#include "camera/FolderCamera.h"
#include "ui/CameraCaptureDialog.h"
#include "ui/CameraImageView.h"
#include "ui/Theme.h"

#include <QBuffer>
#include <QImageReader>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>

using namespace ow::drivers::camera;
using ow::test::press;
using ow::test::saveScreenshot;
using ow::ui::CameraCaptureDialog;
using ow::ui::CameraImageView;

/// The document camera dialog on the folder camera: pages taken by keyboard, turned, shown whole,
/// deleted; Done hands back one JPEG a page.
class TestCameraCapture : public QObject
{
    Q_OBJECT

    /// Photos of three portrait pages, the second lying on its side, as a clerk would take them.
    static void writePhotos(const QTemporaryDir &dir)
    {
        const QSize photo(1600, 1200);
        QVERIFY(CameraTestPhotos::pagePhoto(photo, QSizeF(620, 877), QPointF(820, 610), 6.0, 1)
                    .save(dir.filePath(QStringLiteral("1.jpg")), "jpeg", 92));
        QVERIFY(CameraTestPhotos::pagePhoto(photo, QSizeF(620, 877), QPointF(780, 590), 86.0, 2)
                    .save(dir.filePath(QStringLiteral("2.jpg")), "jpeg", 92));
        QVERIFY(CameraTestPhotos::pagePhoto(photo, QSizeF(620, 877), QPointF(800, 600), 0.0, 3)
                    .save(dir.filePath(QStringLiteral("3.jpg")), "jpeg", 92));
    }

    static QSize jpegSize(const QByteArray &jpeg)
    {
        QBuffer buffer;
        buffer.setData(jpeg);
        return QImageReader(&buffer, "jpeg").size();
    }

private Q_SLOTS:
    void initTestCase() { ow::ui::Theme::apply(*qApp); }

    void takesTurnsAndHandsBackPages()
    {
        QTemporaryDir dir;
        writePhotos(dir);
        FolderCamera camera(dir.path());
        CameraCaptureDialog dialog(&camera, PageOptions {}, QStringLiteral("营业执照副本"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_COMPARE(camera.state(), DocumentCamera::State::Ready);
        auto *preview = dialog.findChild<CameraImageView *>(QStringLiteral("cameraPreview"));
        QVERIFY(preview);
        QTRY_VERIFY(!preview->image().isNull());

        press(Qt::Key_Space);
        QTRY_COMPARE(dialog.pageCount(), 1);
        // Cropped to the portrait page, levelled.
        const QImage first = dialog.pageImage(0);
        QVERIFY2(std::abs(first.width() - 620) < 12 && std::abs(first.height() - 877) < 12,
            qPrintable(QStringLiteral("%1×%2").arg(first.width()).arg(first.height())));

        press(Qt::Key_Return);
        QTRY_COMPARE(dialog.pageCount(), 2);
        QCOMPARE(dialog.selectedPage(), 1);
        const QSize sideways = dialog.pageImage(1).size();
        QVERIFY(sideways.width() > sideways.height());
        // The second page lay on its side, its top to the right: a turn right is the wrong way, two
        // turns left make it upright.
        press(Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(dialog.pageImage(1).size(), sideways.transposed());
        press(Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(dialog.pageImage(1).size(), sideways);
        press(Qt::Key_L, Qt::ControlModifier);
        const QImage upright = dialog.pageImage(1);
        QCOMPARE(upright.size(), sideways.transposed());
        const int firstLine = int(CameraTestPhotos::kFirstLineTop + CameraTestPhotos::kLineHeight / 2) - 2;
        QVERIFY(CameraTestPhotos::darkShare(
                    upright, QRect(int(CameraTestPhotos::kMargin) + 10, firstLine - 2, 40, 4))
            > 0.9);

        // The whole photo instead of the crop, and back.
        press(Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(dialog.pageImage(1).size(), QSize(1200, 1600));
        press(Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(dialog.pageImage(1).size(), sideways.transposed());

        // A third page taken by mistake is deleted.
        press(Qt::Key_Space);
        QTRY_COMPARE(dialog.pageCount(), 3);
        press(Qt::Key_Delete);
        QCOMPARE(dialog.pageCount(), 2);
        QCOMPARE(dialog.selectedPage(), 1);

        dialog.resize(1100, 720);
        QTest::qWait(0);
        saveScreenshot(dialog, QStringLiteral("camera-capture.png"));

        press(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const QList<QByteArray> pages = dialog.pages();
        QCOMPARE(pages.size(), 2);
        for (const QByteArray &jpeg : pages)
            QVERIFY(jpeg.startsWith("\xFF\xD8"));
        QCOMPARE(jpegSize(pages.at(0)), first.size());
        QCOMPARE(jpegSize(pages.at(1)), sideways.transposed());
        // The dialog opened the camera, so it closed it.
        QCOMPARE(camera.state(), DocumentCamera::State::Closed);
    }

    void cameraErrorIsShownAndNothingIsTaken()
    {
        QTemporaryDir dir; // no images
        FolderCamera camera(dir.path());
        CameraCaptureDialog dialog(&camera, PageOptions {}, QString());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_COMPARE(camera.state(), DocumentCamera::State::Error);
        auto *status = dialog.findChild<QLabel *>(QStringLiteral("cameraStatus"));
        QVERIFY(status);
        QCOMPARE(status->text(), camera.errorMessage());
        // Refused at once without asking the camera: the error stays on screen, nothing is taken.
        press(Qt::Key_Space);
        QCOMPARE(status->text(), camera.errorMessage());
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("cameraCapture"))->isEnabled());
        QCOMPARE(dialog.pageCount(), 0);
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("cameraDone"))->isEnabled());
        press(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(dialog.isVisible()); // Done needs a page
    }
};

QTEST_MAIN(TestCameraCapture)
#include "tst_cameraCapture.moc"
