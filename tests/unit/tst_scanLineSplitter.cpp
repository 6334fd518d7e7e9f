#include "scanner/ScanLineSplitter.h"

#include <QTest>

using namespace ow::drivers::scanner;

/// Cutting a serial scanner's bytes into codes.
class TestScanLineSplitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLineEndEndsACode()
    {
        ScanLineSplitter splitter;
        QCOMPARE(splitter.feed("ABC\rDEF\nGHI\r\nJKL"),
            (QStringList {QStringLiteral("ABC"), QStringLiteral("DEF"), QStringLiteral("GHI")}));
        QCOMPARE(splitter.feed("\r"), QStringList {QStringLiteral("JKL")});
    }

    void codesMayArriveInPieces()
    {
        ScanLineSplitter splitter;
        QVERIFY(splitter.feed("33030201").isEmpty());
        QVERIFY(splitter.feed("20260315").isEmpty());
        QCOMPARE(splitter.feed("010001W\r"), QStringList {QStringLiteral("3303020120260315010001W")});
    }

    void emptyLinesAndSpacesAreDropped()
    {
        ScanLineSplitter splitter;
        QCOMPARE(splitter.feed("\r\n\r\n  X1  \r\n \r"), QStringList {QStringLiteral("X1")});
    }

    void textIsUtf8()
    {
        ScanLineSplitter splitter;
        QCOMPARE(splitter.feed(QStringLiteral("鹿城区-001\r").toUtf8()),
            QStringList {QStringLiteral("鹿城区-001")});
    }

    void overlongLinesAreDroppedWhole()
    {
        ScanLineSplitter splitter;
        QVERIFY(splitter.feed(QByteArray(ScanLineSplitter::kMaxLineBytes + 10, 'x')).isEmpty());
        QVERIFY(splitter.feed("tail of the noise\r").isEmpty());
        QCOMPARE(splitter.feed("OK\r"), QStringList {QStringLiteral("OK")});
    }

    void resetForgetsAHalfLine()
    {
        ScanLineSplitter splitter;
        QVERIFY(splitter.feed("HALF").isEmpty());
        splitter.reset();
        QCOMPARE(splitter.feed("NEW\r"), QStringList {QStringLiteral("NEW")});
    }
};

QTEST_GUILESS_MAIN(TestScanLineSplitter)
#include "tst_scanLineSplitter.moc"
