#include "core/ManualClock.h"
#include "scanner/KeyboardWedgeFilter.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace ow::drivers::scanner;
using ow::ManualClock;

namespace {

/// A widget that writes down every key event it gets, to check that typing arrives unchanged.
class KeyRecorder : public QWidget
{
public:
    QStringList log;

protected:
    void keyPressEvent(QKeyEvent *event) override { log.append(QStringLiteral("press ") + describe(event)); }
    void keyReleaseEvent(QKeyEvent *event) override
    {
        log.append(QStringLiteral("release ") + describe(event));
    }

private:
    static QString describe(const QKeyEvent *event)
    {
        return event->key() == Qt::Key_Return ? QStringLiteral("Return") : event->text();
    }
};

/// Types `text` with `intervalMs` between the keys (the first key too), by the manual clock.
void type(QWidget *widget, const ManualClock &clock, const QString &text, int intervalMs)
{
    for (const QChar c : text) {
        clock.advance(intervalMs);
        QTest::keyClick(widget, c.toLatin1());
    }
}

void enter(QWidget *widget, const ManualClock &clock, int afterMs)
{
    clock.advance(afterMs);
    QTest::keyClick(widget, Qt::Key_Return);
}

} // namespace

/// The keyboard-wedge filter: fast bursts ending in Enter are scans and never reach the field;
/// anything else reaches it unchanged. Time comes from a manual clock, so no test sleeps.
class TestKeyboardWedge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fastBurstIsAScanAndIsSwallowed()
    {
        ManualClock clock;
        KeyboardWedgeFilter filter({}, clock.clock());
        QLineEdit edit;
        edit.installEventFilter(&filter);
        QSignalSpy scans(&filter, &BarcodeScanner::codeScanned);
        QSignalSpy returns(&edit, &QLineEdit::returnPressed);

        type(&edit, clock, QStringLiteral("3303020120260315010001W"), 8);
        enter(&edit, clock, 8);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.first().first().toString(), QStringLiteral("3303020120260315010001W"));
        QCOMPARE(edit.text(), QString());
        QCOMPARE(returns.size(), 0);
        clock.advance(1000);
        filter.flushIfIdle();
        QCOMPARE(edit.text(), QString());
    }

    void slowTypingPassesThrough()
    {
        ManualClock clock;
        KeyboardWedgeFilter filter({}, clock.clock());
        QLineEdit edit;
        edit.installEventFilter(&filter);
        QSignalSpy scans(&filter, &BarcodeScanner::codeScanned);
        QString textAtReturn;
        connect(&edit, &QLineEdit::returnPressed, &edit, [&] { textAtReturn = edit.text(); });

        type(&edit, clock, QStringLiteral("hello world"), 120);
        enter(&edit, clock, 150);
        QCOMPARE(textAtReturn, QStringLiteral("hello world"));
        QCOMPARE(scans.size(), 0);
    }

    void typingArrivesUnchangedAndInOrder()
    {
        ManualClock clock;
        KeyboardWedgeFilter filter({}, clock.clock());
        KeyRecorder recorder;
        recorder.installEventFilter(&filter);
        type(&recorder, clock, QStringLiteral("ab"), 10); // fast, like a quick typist's pair
        type(&recorder, clock, QStringLiteral("c"), 200);
        enter(&recorder, clock, 10);
        QCOMPARE(recorder.log,
            (QStringList {QStringLiteral("press a"), QStringLiteral("release a"), QStringLiteral("press b"),
                QStringLiteral("release b"), QStringLiteral("press c"), QStringLiteral("release c"),
                QStringLiteral("press Return"), QStringLiteral("release Return")}));
    }

    void fastBurstShorterThanTheMinimumPasses()
    {
        ManualClock clock;
        KeyboardWedgeFilter filter({}, clock.clock());
        QLineEdit edit;
        edit.installEventFilter(&filter);
        QSignalSpy scans(&filter, &BarcodeScanner::codeScanned);
        QString textAtReturn;
        connect(&edit, &QLineEdit::returnPressed, &edit, [&] { textAtReturn = edit.text(); });

        type(&edit, clock, QStringLiteral("12345"), 5); // one short of the minimum of 6
        enter(&edit, clock, 5);
        QCOMPARE(scans.size(), 0);
        QCOMPARE(textAtReturn, QStringLiteral("12345"));
    }

    void burstThatGoesQuietIsTyping()
    {
        ManualClock clock;
        KeyboardWedgeFilter filter({}, clock.clock());
        QLineEdit edit;
        edit.installEventFilter(&filter);
        type(&edit, clock, QStringLiteral("xy"), 10);
        QCOMPARE(edit.text(), QString()); // held: it might still become a scan
        clock.advance(20);
        filter.flushIfIdle();
        QCOMPARE(edit.text(), QString()); // 20 ms is within the interval
        clock.advance(20);
        filter.flushIfIdle();
        QCOMPARE(edit.text(), QStringLiteral("xy"));
    }

    void mixedTypingAndScans()
    {
        ManualClock clock;
        KeyboardWedgeFilter filter({}, clock.clock());
        QLineEdit edit;
        edit.installEventFilter(&filter);
        QSignalSpy scans(&filter, &BarcodeScanner::codeScanned);

        type(&edit, clock, QStringLiteral("ab"), 300);
        type(&edit, clock, QStringLiteral("QR-TOKEN-42"), 300); // the first key comes after a pause...
        enter(&edit, clock, 4);
        // ...which makes "Q" typing as well: a scan needs every interval short, from its first key.
        QCOMPARE(scans.size(), 0);

        edit.clear();
        type(&edit, clock, QStringLiteral("ab"), 300);
        type(&edit, clock, QStringLiteral("ABC"), 3);
        clock.advance(100); // a pause in the middle: ABC was typed
        type(&edit, clock, QStringLiteral("DEF123"), 3);
        enter(&edit, clock, 3);
        type(&edit, clock, QStringLiteral("c"), 400);
        clock.advance(100);
        filter.flushIfIdle();
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.first().first().toString(), QStringLiteral("DEF123"));
        QCOMPARE(edit.text(), QStringLiteral("abABCc"));
    }

    void aChordReleasesTheHeldKeysFirst()
    {
        ManualClock clock;
        KeyboardWedgeFilter filter({}, clock.clock());
        QLineEdit edit;
        edit.installEventFilter(&filter);
        type(&edit, clock, QStringLiteral("abc"), 5);
        clock.advance(5);
        QTest::keyClick(&edit, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(edit.text(), QStringLiteral("abc"));
        QCOMPARE(edit.selectedText(), QStringLiteral("abc"));
    }

    void shiftForCapitalsDoesNotBreakAScan()
    {
        ManualClock clock;
        KeyboardWedgeFilter filter({}, clock.clock());
        QLineEdit edit;
        edit.installEventFilter(&filter);
        QSignalSpy scans(&filter, &BarcodeScanner::codeScanned);
        // What a scanner sends for "ab" + "CD" + "12": Shift pressed and released around the capitals.
        type(&edit, clock, QStringLiteral("ab"), 4);
        clock.advance(4);
        QTest::keyPress(&edit, Qt::Key_Shift);
        for (const char c : {'C', 'D'}) {
            clock.advance(4);
            QTest::keyClick(&edit, c, Qt::ShiftModifier);
        }
        QTest::keyRelease(&edit, Qt::Key_Shift, Qt::ShiftModifier);
        type(&edit, clock, QStringLiteral("12"), 4);
        enter(&edit, clock, 4);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.first().first().toString(), QStringLiteral("abCD12"));
        QCOMPARE(edit.text(), QString());

        // Typed slowly, the same keys arrive in the field as typed.
        type(&edit, clock, QStringLiteral("x"), 200);
        clock.advance(200);
        QTest::keyPress(&edit, Qt::Key_Shift);
        clock.advance(200);
        QTest::keyClick(&edit, 'Y', Qt::ShiftModifier);
        QTest::keyRelease(&edit, Qt::Key_Shift, Qt::ShiftModifier);
        clock.advance(200);
        filter.flushIfIdle();
        QCOMPARE(edit.text(), QStringLiteral("xY"));
        QCOMPARE(scans.size(), 1);
    }

    void optionsAreHonoured()
    {
        ManualClock clock;
        KeyboardWedgeOptions options;
        options.minLength = 3;
        options.maxIntervalMs = 50;
        options.terminators = {Qt::Key_Tab};
        KeyboardWedgeFilter filter(options, clock.clock());
        QLineEdit edit;
        edit.installEventFilter(&filter);
        QSignalSpy scans(&filter, &BarcodeScanner::codeScanned);
        type(&edit, clock, QStringLiteral("789"), 45);
        clock.advance(45);
        QTest::keyClick(&edit, Qt::Key_Tab);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.first().first().toString(), QStringLiteral("789"));
        QCOMPARE(edit.text(), QString());
    }

    void startWatchesTheWholeApplication()
    {
        ManualClock clock;
        KeyboardWedgeFilter filter({}, clock.clock());
        QLineEdit edit;
        QSignalSpy scans(&filter, &BarcodeScanner::codeScanned);
        filter.start();
        QVERIFY(filter.isRunning());
        type(&edit, clock, QStringLiteral("ABCDEFG"), 2);
        enter(&edit, clock, 2);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(edit.text(), QString());

        type(&edit, clock, QStringLiteral("xyz"), 2);
        filter.stop(); // gives back what it held
        QCOMPARE(edit.text(), QStringLiteral("xyz"));
        type(&edit, clock, QStringLiteral("ABCDEFG"), 2);
        enter(&edit, clock, 2);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(edit.text(), QStringLiteral("xyzABCDEFG"));
    }
};

QTEST_MAIN(TestKeyboardWedge)
#include "tst_keyboardWedge.moc"
