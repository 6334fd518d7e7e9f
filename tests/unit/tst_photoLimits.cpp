#include "camera/PageProcessor.h"
#include "camera/PhotoReader.h"
#include "cli/CliApplication.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

using ow::drivers::camera::PhotoReader;

/// The photo sizes and the processing ranges the documentation states are the ones enforced.
class TestPhotoLimits : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static int cli(const QStringList &arguments, QString *err)
    {
        QString out;
        ow::cli::Console console(&out, err);
        return ow::cli::CliApplication().run(
            QStringList {QStringLiteral("onewindow-cli")} + arguments, console);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Qt's own default, as a program starts with it.
        QImageReader::setAllocationLimit(128);
    }

    void an8000x6000PhotoIsRead()
    {
        // The black-box case: refused by Qt's 128 MB allocation limit with "Unable to read image data".
        QImage photo(8000, 6000, QImage::Format_RGB32);
        photo.fill(Qt::darkGray);
        const QString path = m_dir.filePath(QStringLiteral("48mp.jpg"));
        QVERIFY(photo.save(path, "JPEG", 30));
        photo = QImage();
        const ow::Result<QImage> read = PhotoReader::read(path);
        QVERIFY2(read.has_value(), qPrintable(read ? QString() : read.error().message()));
        QCOMPARE(read->size(), QSize(8000, 6000));
    }

    void aLargerPhotoIsRefusedWithTheNumbers()
    {
        // A small JPEG whose header says 10000 × 7000: the size is refused before any pixel is decoded.
        QImage small(16, 16, QImage::Format_RGB32);
        small.fill(Qt::white);
        const QString path = m_dir.filePath(QStringLiteral("70mp.jpg"));
        QVERIFY(small.save(path, "JPEG"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        const qsizetype sof = bytes.indexOf(QByteArray::fromHex("FFC0"));
        QVERIFY(sof > 0);
        bytes[sof + 5] = char(7000 >> 8);
        bytes[sof + 6] = char(7000 & 0xFF);
        bytes[sof + 7] = char(10000 >> 8);
        bytes[sof + 8] = char(10000 & 0xFF);
        QVERIFY(file.seek(0) && file.write(bytes) == bytes.size());
        file.close();

        const ow::Result<QImage> read = PhotoReader::read(path);
        QVERIFY(!read);
        const QString message = read.error().message();
        QVERIFY2(message.contains(QStringLiteral("10000 × 7000")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("70 megapixels")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("at most 64")), qPrintable(message));
    }

    void aFolderOrANonImageSaysSo()
    {
        const ow::Result<QImage> folder = PhotoReader::read(m_dir.path());
        QVERIFY(!folder);
        QVERIFY2(folder.error().message().contains(QStringLiteral("is a folder")),
            qPrintable(folder.error().message()));

        const QString text = m_dir.filePath(QStringLiteral("notes.jpg"));
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not an image at all");
        file.close();
        const ow::Result<QImage> notImage = PhotoReader::read(text);
        QVERIFY(!notImage);
        // Text under a .jpg name: no reader recognises the content.
        QVERIFY2(notImage.error().message().contains(QStringLiteral("not an image of a supported kind")),
            qPrintable(notImage.error().message()));

        // A real JPEG cut short: Qt's JPEG reader gives no specific reason, so the generic sentence.
        QImage small(64, 48, QImage::Format_RGB32);
        small.fill(Qt::gray);
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(small.save(&buffer, "JPEG"));
        const QString cut = m_dir.filePath(QStringLiteral("cut.jpg"));
        QFile cutFile(cut);
        QVERIFY(cutFile.open(QIODevice::WriteOnly));
        cutFile.write(jpeg.left(jpeg.size() / 3));
        cutFile.close();
        const ow::Result<QImage> damaged = PhotoReader::read(cut);
        QVERIFY(!damaged);
        QVERIFY2(damaged.error().message().contains(QStringLiteral("cannot be decoded")),
            qPrintable(damaged.error().message()));
    }

    void maxEdgeRangeIsTheDocumentedOne()
    {
        QString err;
        const QString missing = m_dir.filePath(QStringLiteral("absent.jpg"));
        QCOMPARE(cli({QStringLiteral("camera"), QStringLiteral("process"), missing, missing,
                         QStringLiteral("--max-edge"), QStringLiteral("20001")},
                     &err),
            2);
        QVERIFY2(err.contains(QStringLiteral("--max-edge 0 to 20000")), qPrintable(err));
        err.clear();
        // 20000 passes the range check; the command then stops at the missing photo instead.
        QCOMPARE(cli({QStringLiteral("camera"), QStringLiteral("process"), missing, missing,
                         QStringLiteral("--max-edge"), QStringLiteral("20000")},
                     &err),
            2);
        QVERIFY2(err.contains(QStringLiteral("does not exist")), qPrintable(err));
        QCOMPARE(ow::drivers::camera::PageOptions::kMaxLongEdge, 20000);
    }
};

QTEST_MAIN(TestPhotoLimits)
#include "tst_photoLimits.moc"
