#pragma once

// A GUI test run on the counter's screen: one offscreen screen of 1366×768 at 96 dpi, in the hall's
// language, so what the test sees (and the screenshots it writes for the documentation) is what a
// clerk sees.

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

namespace ow::test {

enum class ScreenLanguage
{
    Chinese, ///< the hall's language, the default of the workstation
    English ///< the source texts
};

/// The Chinese translator of the run, for a test that takes it away to look at the English texts.
inline QTranslator *&counterScreenChinese()
{
    static QTranslator *translator = nullptr;
    return translator;
}

/// Runs the test class `Test` on the counter's screen; the value for main() to return.
template<typename Test>
int runOnCounterScreen(int argc, char **argv, ScreenLanguage language = ScreenLanguage::Chinese)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("screen.json")));
    if (!file.open(QIODevice::WriteOnly))
        return 2;
    file.write(R"({"windowFrameMargins": false, "screens": [{"name": "counter", "x": 0, "y": 0,
        "width": 1366, "height": 768, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + file.fileName().toUtf8());
    QApplication app(argc, argv);
    QTranslator chinese;
    if (language == ScreenLanguage::Chinese) {
        if (!chinese.load(QStringLiteral(":/i18n/onewindow_zh_CN.qm"))
            || !QCoreApplication::installTranslator(&chinese))
            return 2;
        counterScreenChinese() = &chinese;
    }
    Test test;
    return QTest::qExec(&test, argc, argv);
}

} // namespace ow::test
