#pragma once

// Helpers of every widget test, the workstation's and the editor's: keys to whatever has the focus, as
// a person presses them, and screenshots for docs/screenshots.

#include <QApplication>
#include <QDir>
#include <QTest>
#include <QWidget>

namespace ow::test {

/// Presses a key where the keyboard focus is, as a clerk would.
inline void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY2(target, "no widget has the keyboard focus");
    QTest::keyClick(target, Qt::Key(key), modifiers);
}

/// Types text where the keyboard focus is.
inline void type(const QString &text)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY2(target, "no widget has the keyboard focus");
    QTest::keyClicks(target, text);
}

#ifdef OW_SCREENSHOT_DEFAULT_DIR
/// Saves a picture of `window` as `name` in $OW_SCREENSHOTS_DIR, or else in the build tree (the test
/// target defines OW_SCREENSHOT_DEFAULT_DIR), for docs/screenshots.
inline void saveScreenshot(QWidget &window, const QString &name)
{
    QString dir = qEnvironmentVariable("OW_SCREENSHOTS_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(OW_SCREENSHOT_DEFAULT_DIR);
    QDir().mkpath(dir);
    QVERIFY(window.grab().save(QDir(dir).filePath(name)));
}
#endif

} // namespace ow::test
