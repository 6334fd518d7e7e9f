#include "CameraTestPhotos.h"
#include "camera/CameraSettings.h"
#include "camera/FolderCamera.h"
#include "camera/QtDocumentCamera.h"

#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::drivers::camera;

/// The folder camera simulator (preview, captures in turn, errors) and the camera settings.
class TestFolderCamera : public QObject
{
    Q_OBJECT

    /// Three photos, told apart by size, in a temporary folder with a file that is not an image.
    static void writePhotos(const QTemporaryDir &dir)
    {
        for (int i = 0; i < 3; ++i) {
            const QImage photo = CameraTestPhotos::pagePhoto(
                QSize(800 + 100 * i, 600), QSizeF(300, 420), QPointF(400, 300), 3.0 * i, quint32(i + 1));
            QVERIFY(photo.save(dir.filePath(QStringLiteral("page-%1.jpg").arg(i + 1)), "jpeg", 90));
        }
        QFile notes(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
    }

private Q_SLOTS:
    void servesTheImagesInTurn()
    {
        QTemporaryDir dir;
        writePhotos(dir);
        FolderCamera camera(dir.path());
        QCOMPARE(camera.devices().size(), 1);
        QSignalSpy states(&camera, &DocumentCamera::stateChanged);
        QSignalSpy previews(&camera, &DocumentCamera::previewFrame);
        QSignalSpy captured(&camera, &DocumentCamera::captured);
        camera.open();
        QCOMPARE(camera.state(), DocumentCamera::State::Opening); // answers on the event loop
        QTRY_COMPARE(camera.state(), DocumentCamera::State::Ready);
        QCOMPARE(previews.count(), 1);
        QCOMPARE(previews.at(0).at(0).value<QImage>().size(), QSize(800, 600));
        QVERIFY(camera.currentFile().endsWith(QStringLiteral("page-1.jpg")));

        for (int expected : {800, 900, 1000, 800}) {
            camera.capture();
            QVERIFY(captured.wait());
            QCOMPARE(captured.last().at(0).value<QImage>().width(), expected);
        }
        // The preview always shows what the next capture returns.
        QCOMPARE(previews.last().at(0).value<QImage>().width(), 900);
        QVERIFY(states.count() >= 2);
    }

    void failsWhenNotReady()
    {
        QTemporaryDir dir;
        writePhotos(dir);
        FolderCamera camera(dir.path());
        QSignalSpy failed(&camera, &DocumentCamera::failed);
        QSignalSpy captured(&camera, &DocumentCamera::captured);
        camera.capture();
        QVERIFY(failed.wait());
        QCOMPARE(captured.count(), 0);

        // A capture asked for just before close() is answered with a failure, not a picture.
        camera.open();
        QTRY_COMPARE(camera.state(), DocumentCamera::State::Ready);
        camera.capture();
        camera.close();
        QVERIFY(failed.wait());
        QCOMPARE(captured.count(), 0);
    }

    void emptyOrMissingFolderIsAnError()
    {
        QTemporaryDir dir;
        FolderCamera empty(dir.path());
        empty.open();
        QTRY_COMPARE(empty.state(), DocumentCamera::State::Error);
        QVERIFY(empty.errorMessage().contains(QStringLiteral("no images")));

        FolderCamera missing(dir.filePath(QStringLiteral("nowhere")));
        missing.open();
        QTRY_COMPARE(missing.state(), DocumentCamera::State::Error);
        QVERIFY(missing.errorMessage().contains(QStringLiteral("does not exist")));
        QVERIFY(FolderCamera().devices().isEmpty());
    }

    void unreadableImageFailsTheCapture()
    {
        QTemporaryDir dir;
        QFile broken(dir.filePath(QStringLiteral("a.jpg")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not a jpeg");
        broken.close();
        FolderCamera camera(dir.path());
        camera.open();
        QTRY_COMPARE(camera.state(), DocumentCamera::State::Ready);
        QSignalSpy failed(&camera, &DocumentCamera::failed);
        camera.capture();
        QVERIFY(failed.wait());
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("a.jpg")));
    }

    void settingsDefaultsAndErrors()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        const ow::Result<CameraSettings> defaults = CameraSettings::load(settings);
        QVERIFY(defaults.has_value());
        QCOMPARE(defaults->backend, CameraSettings::Backend::Qt);
        QCOMPARE(defaults->page.jpegQuality, 85);
        QCOMPARE(defaults->page.maxLongEdge, 2480);
        QVERIFY(defaults->page.autoCrop);
        QVERIFY(qobject_cast<QtDocumentCamera *>(defaults->create().get()));

        settings.setValue(QStringLiteral("camera/backend"), QStringLiteral("folder"));
        settings.setValue(QStringLiteral("camera/folder"), dir.path());
        settings.setValue(QStringLiteral("camera/jpegQuality"), 70);
        settings.setValue(QStringLiteral("camera/maxEdge"), 3508);
        settings.setValue(QStringLiteral("camera/autoCrop"), QStringLiteral("false"));
        settings.setValue(QStringLiteral("camera/device"), QStringLiteral("/dev/video2"));
        const ow::Result<CameraSettings> folder = CameraSettings::load(settings);
        QVERIFY(folder.has_value());
        QCOMPARE(folder->page.jpegQuality, 70);
        QCOMPARE(folder->page.maxLongEdge, 3508);
        QVERIFY(!folder->page.autoCrop);
        QCOMPARE(folder->deviceId, QStringLiteral("/dev/video2"));
        const std::unique_ptr<DocumentCamera> camera = folder->create();
        QVERIFY(qobject_cast<FolderCamera *>(camera.get()));
        QCOMPARE(static_cast<FolderCamera *>(camera.get())->folder(), dir.path());

        settings.setValue(QStringLiteral("camera/jpegQuality"), 0);
        const ow::Result<CameraSettings> badQuality = CameraSettings::load(settings);
        QVERIFY(!badQuality.has_value());
        QVERIFY(badQuality.error().message().contains(QStringLiteral("camera/jpegQuality")));
        settings.setValue(QStringLiteral("camera/jpegQuality"), 70);
        settings.setValue(QStringLiteral("camera/autoCrop"), QStringLiteral("maybe"));
        QVERIFY(!CameraSettings::load(settings).has_value());
        settings.setValue(QStringLiteral("camera/autoCrop"), QStringLiteral("on"));
        settings.remove(QStringLiteral("camera/folder"));
        QVERIFY(!CameraSettings::load(settings).has_value());
        settings.setValue(QStringLiteral("camera/backend"), QStringLiteral("none"));
        QVERIFY(!CameraSettings::load(settings)->create());
        settings.setValue(QStringLiteral("camera/backend"), QStringLiteral("twain"));
        QVERIFY(!CameraSettings::load(settings).has_value());
    }
};

QTEST_MAIN(TestFolderCamera)
#include "tst_folderCamera.moc"
