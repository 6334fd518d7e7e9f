#include "core/LibraryMessages.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <cstdio>
#include <unistd.h>

using ow::LibraryMessages;

namespace {

/// What the process writes to its standard error while `work` runs.
template<typename Work> QString capturedStderr(Work work)
{
    QTemporaryFile sink;
    if (!sink.open())
        qFatal("no temporary file");
    std::fflush(stderr);
    const int saved = ::dup(2);
    ::dup2(sink.handle(), 2);
    work();
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    QFile read(sink.fileName());
    if (!read.open(QIODevice::ReadOnly))
        qFatal("cannot read back");
    return QString::fromUtf8(read.readAll());
}

QStringList g_passedOn;
QtMessageHandler g_testHandler = nullptr;

/// Stands for the handler that was there before (QTest's): records what reaches it, and passes on.
void recorder(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_passedOn.append(message);
    if (g_testHandler)
        g_testHandler(type, context, message);
}

} // namespace

/// Library internals (Qt's image plugins, libpng, libjpeg) never reach the terminal in their own
/// English: each is replaced by our sentence, and everything else passes through.
class TestLibraryMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void imageMessagesAreOurs_data()
    {
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("ours");
        QTest::newRow("allocation limit")
            << QStringLiteral("qt.gui.imageio")
            << QStringLiteral("QImageIOHandler: Rejecting image as it exceeds the "
                              "current allocation limit of 128 megabytes")
            << QStringLiteral("more than 128 MB");
        QTest::newRow("corrupt JPEG") << QStringLiteral("qt.gui.imageio.jpeg")
                                      << QStringLiteral("Corrupt JPEG data: premature end of data segment")
                                      << QStringLiteral("JPEG image is damaged");
        QTest::newRow("libpng error")
            << QStringLiteral("default") << QStringLiteral("libpng error: IHDR: CRC error")
            << QStringLiteral("PNG image is damaged");
        QTest::newRow("libpng warning")
            << QStringLiteral("qt.gui.imageio")
            << QStringLiteral("libpng warning: iCCP: known incorrect sRGB profile")
            << QStringLiteral("small defect");
        QTest::newRow("colour profile") << QStringLiteral("qt.gui.icc")
                                        << QStringLiteral("fromIccProfile: failed minimal tag size sanity")
                                        << QStringLiteral("colour profile");
        QTest::newRow("other image message")
            << QStringLiteral("qt.gui.imageio") << QStringLiteral("QImageReader::read: something internal")
            << QStringLiteral("could not be read as expected");
    }

    void imageMessagesAreOurs()
    {
        QFETCH(QString, category);
        QFETCH(QString, message);
        QFETCH(QString, ours);
        const QByteArray name = category.toUtf8();
        const std::optional<QString> rewritten
            = LibraryMessages::rewrite(QtWarningMsg, name.constData(), message);
        QVERIFY(rewritten.has_value());
        QVERIFY2(rewritten->contains(ours), qPrintable(*rewritten));
        QVERIFY(!rewritten->contains(message));
    }

    void debugChatterIsDroppedOthersPassThrough()
    {
        QCOMPARE(
            LibraryMessages::rewrite(QtDebugMsg, "qt.gui.imageio", QStringLiteral("probing")), QString());
        QVERIFY(!LibraryMessages::rewrite(QtWarningMsg, "default", QStringLiteral("our own warning")));
        QVERIFY(!LibraryMessages::rewrite(QtWarningMsg, "qt.network.ssl", QStringLiteral("x")));
        QVERIFY(!LibraryMessages::rewrite(QtWarningMsg, nullptr, QStringLiteral("x")));
    }

    void aCorruptJpegWritesOurSentenceOnce()
    {
        // The black-box case: "qt.gui.imageio.jpeg: Corrupt JPEG data…" on the terminal.
        QImage image(64, 64, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "JPEG", 90));
        jpeg.truncate(jpeg.size() * 2 / 3); // cut off: libjpeg complains, Qt passes it on

        g_testHandler = qInstallMessageHandler(recorder);
        LibraryMessages::install();
        LibraryMessages::install(); // twice is harmless
        const QString err = capturedStderr([&jpeg] {
            QImage damaged;
            damaged.loadFromData(jpeg, "JPEG");
            damaged.loadFromData(jpeg, "JPEG");
            qWarning("our own warning passes through");
        });
        QVERIFY2(!err.contains(QStringLiteral("Corrupt JPEG")) && !err.contains(QStringLiteral("qt.gui")),
            qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("A JPEG image is damaged or incomplete")), qPrintable(err));
        QCOMPARE(err.count(QStringLiteral("A JPEG image is damaged")), 1);
        QCOMPARE(g_passedOn, QStringList {QStringLiteral("our own warning passes through")});
    }
};

QTEST_MAIN(TestLibraryMessages)
#include "tst_libraryMessages.moc"
