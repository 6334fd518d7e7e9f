#include "CameraTestPhotos.h"
#include "cli/CliApplication.h"

#include <QCameraDevice>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMediaDevices>
#include <QTemporaryDir>
#include <QTest>

using ow::cli::CliApplication;
using ow::cli::Console;

/// `onewindow-cli camera process|list`: what IT staff run to check a counter's camera and desk.
class TestCameraCommand : public QObject
{
    Q_OBJECT

    static int run(const QStringList &arguments, QString *out, QString *err)
    {
        Console console(out, err);
        return CliApplication().run(
            QStringList {QStringLiteral("onewindow-cli"), QStringLiteral("camera")} + arguments, console);
    }

private Q_SLOTS:
    void processCropsAndLevels()
    {
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("photo.png"));
        QVERIFY(CameraTestPhotos::pagePhoto(QSize(1600, 1200), QSizeF(620, 877), QPointF(820, 600), 7.0)
                    .save(in));
        const QString out = dir.filePath(QStringLiteral("page.jpg"));
        QString stdOut, stdErr;
        QCOMPARE(run({QStringLiteral("process"), in, out, QStringLiteral("--json")}, &stdOut, &stdErr), 0);
        const QJsonObject json = QJsonDocument::fromJson(stdOut.toUtf8()).object();
        QVERIFY(json.value(QStringLiteral("pageFound")).toBool());
        QVERIFY(std::abs(json.value(QStringLiteral("pageAngle")).toDouble() - 7.0) < 0.5);
        const QSize page = QImageReader(out).size();
        QVERIFY(std::abs(page.width() - 620) < 12 && std::abs(page.height() - 877) < 12);

        // Turned and limited; the whole photo without cropping.
        QCOMPARE(run({QStringLiteral("process"), in, out, QStringLiteral("--rotate"), QStringLiteral("1"),
                         QStringLiteral("--max-edge"), QStringLiteral("500")},
                     &stdOut, &stdErr),
            0);
        const QSize turned = QImageReader(out).size();
        QCOMPARE(turned.width(), 500); // the portrait page, turned on its side, long edge 500
        QVERIFY(turned.height() < 400);
        const QString whole = dir.filePath(QStringLiteral("whole.png"));
        QCOMPARE(
            run({QStringLiteral("process"), in, whole, QStringLiteral("--no-crop")}, &stdOut, &stdErr), 0);
        QCOMPARE(QImageReader(whole).size(), QSize(1600, 1200));
    }

    void noPageExitsOneButWritesThePhoto()
    {
        QTemporaryDir dir;
        QImage white(400, 300, QImage::Format_RGB32);
        white.fill(Qt::white);
        const QString in = dir.filePath(QStringLiteral("white.png"));
        QVERIFY(white.save(in));
        const QString out = dir.filePath(QStringLiteral("out.jpg"));
        QString stdOut, stdErr;
        QCOMPARE(run({QStringLiteral("process"), in, out}, &stdOut, &stdErr), 1);
        QCOMPARE(QImageReader(out).size(), QSize(400, 300));
    }

    void usageErrors()
    {
        QTemporaryDir dir;
        QString stdOut, stdErr;
        QCOMPARE(run({}, &stdOut, &stdErr), 2);
        QCOMPARE(run({QStringLiteral("zoom")}, &stdOut, &stdErr), 2);
        QCOMPARE(run({QStringLiteral("process"), dir.filePath(QStringLiteral("missing.jpg")),
                         dir.filePath(QStringLiteral("out.jpg"))},
                     &stdOut, &stdErr),
            2);
        QCOMPARE(run({QStringLiteral("process"), QStringLiteral("a"), QStringLiteral("b"),
                         QStringLiteral("--quality"), QStringLiteral("0")},
                     &stdOut, &stdErr),
            2);
    }

    void listNamesEveryCameraQtSees()
    {
        // The machine decides which cameras there are; the answer follows from them: one entry per
        // camera and 0, or an empty list and 1.
        const QList<QCameraDevice> cameras = QMediaDevices::videoInputs();
        QString stdOut, stdErr;
        QCOMPARE(run({QStringLiteral("list"), QStringLiteral("--json")}, &stdOut, &stdErr),
            cameras.isEmpty() ? 1 : 0);
        const QJsonDocument json = QJsonDocument::fromJson(stdOut.toUtf8());
        QVERIFY2(json.isArray(), qPrintable(stdOut));
        const QJsonArray listed = json.array();
        QCOMPARE(listed.size(), cameras.size());
        for (qsizetype i = 0; i < cameras.size(); ++i)
            QCOMPARE(listed.at(i).toObject().value(QStringLiteral("id")).toString(),
                QString::fromUtf8(cameras.at(i).id()));
    }
};

QTEST_MAIN(TestCameraCommand)
#include "tst_cameraCommand.moc"
