// The HeadlessBrowser driver on a page of its own (a data: URL): it loads the page, reads values
// from it, waits for what a timer changes, sizes the viewport, takes a screenshot of that size,
// runs a script before the page's own, and collects console errors and uncaught exceptions.

#include "HeadlessBrowser.h"

#include <QImage>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::testing;
using namespace Qt::StringLiterals;

namespace {

QUrl page(const QString &html)
{
    return QUrl(u"data:text/html;charset=utf-8,"_s + QString::fromLatin1(QUrl::toPercentEncoding(html)));
}

const QString kPage
    = uR"(<!doctype html><html><head><meta name="viewport" content="width=device-width"><title>一窗</title></head><body>
<p id="greeting">请 A012 号到 5 号窗口</p>
<script>
  window.stubbed = window.earlyValue || "none";
  setTimeout(() => { document.body.insertAdjacentHTML("beforeend", "<p class='late'>later</p>"); }, 200);
  console.error("a console error", 42);
  setTimeout(() => { throw new Error("an uncaught exception"); }, 0);
</script></body></html>)"_s;

} // namespace

class TestHeadlessBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loadsEvaluatesAndWaits();
    void viewportAndScreenshot();
    void consoleErrorsAreCollected();
    void scriptBeforeThePage();
    void throwingExpressionIsAnError();

private:
    HeadlessBrowser m_browser;
};

void TestHeadlessBrowser::initTestCase()
{
    if (!HeadlessBrowser::isInstalled())
        QSKIP("chromium is not installed (scripts/deps installs Debian's chromium)");
    QVERIFY2(m_browser.start(), qPrintable(m_browser.lastError()));
}

void TestHeadlessBrowser::loadsEvaluatesAndWaits()
{
    QVERIFY2(m_browser.navigate(page(kPage)), qPrintable(m_browser.lastError()));
    QCOMPARE(m_browser.evaluate(u"document.title"_s).toString(), u"一窗"_s);
    QCOMPARE(m_browser.evaluate(u"document.getElementById('greeting').textContent"_s).toString(),
        u"请 A012 号到 5 号窗口"_s);
    QCOMPARE(m_browser.evaluate(u"[1, 2, {a: 'b'}]"_s).toArray(),
        QJsonArray({1, 2, QJsonObject {{u"a"_s, u"b"_s}}}));
    QCOMPARE(m_browser.evaluate(u"Promise.resolve(7)"_s).toInt(), 7);
    QVERIFY(m_browser.evaluate(u"undefined"_s).isUndefined());
    QVERIFY2(m_browser.waitFor(u"document.querySelectorAll('.late').length === 1"_s),
        qPrintable(m_browser.lastError()));
    QVERIFY(!m_browser.waitFor(u"document.querySelectorAll('.never').length === 1"_s, 300));
    QVERIFY(m_browser.lastError().contains(u".never"_s));
}

void TestHeadlessBrowser::viewportAndScreenshot()
{
    QTemporaryDir dir;
    QVERIFY(m_browser.setViewport(390, 844, 1.0, true));
    QVERIFY(m_browser.navigate(page(kPage)));
    QCOMPARE(m_browser.evaluate(u"window.innerWidth"_s).toInt(), 390);
    QVERIFY2(m_browser.screenshot(dir.filePath(u"phone.png"_s)), qPrintable(m_browser.lastError()));
    QCOMPARE(QImage(dir.filePath(u"phone.png"_s)).size(), QSize(390, 844));

    QVERIFY(m_browser.setViewport(1920, 1080));
    QVERIFY(m_browser.screenshot(dir.filePath(u"tv.png"_s)));
    QCOMPARE(QImage(dir.filePath(u"tv.png"_s)).size(), QSize(1920, 1080));
}

void TestHeadlessBrowser::consoleErrorsAreCollected()
{
    m_browser.clearConsoleErrors();
    QVERIFY(m_browser.navigate(page(kPage)));
    QTRY_VERIFY(m_browser.consoleErrors().size() >= 2);
    const QString all = m_browser.consoleErrors().join(u'\n');
    QVERIFY2(all.contains(u"a console error 42"_s), qPrintable(all));
    QVERIFY2(all.contains(u"an uncaught exception"_s), qPrintable(all));
    m_browser.clearConsoleErrors();
    QVERIFY(m_browser.consoleErrors().isEmpty());
}

void TestHeadlessBrowser::scriptBeforeThePage()
{
    QVERIFY(m_browser.addScriptOnNewDocument(u"window.earlyValue = 'stub';"_s));
    QVERIFY(m_browser.navigate(page(kPage)));
    QCOMPARE(m_browser.evaluate(u"window.stubbed"_s).toString(), u"stub"_s);
}

void TestHeadlessBrowser::throwingExpressionIsAnError()
{
    bool ok = true;
    const QJsonValue value = m_browser.evaluate(u"(() => { throw new Error('nope'); })()"_s, &ok);
    QVERIFY(!ok);
    QVERIFY(value.isUndefined());
    QVERIFY2(m_browser.lastError().contains(u"nope"_s), qPrintable(m_browser.lastError()));
}

QTEST_GUILESS_MAIN(TestHeadlessBrowser)
#include "tst_headlessBrowser.moc"
