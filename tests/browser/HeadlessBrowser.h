#pragma once

// HeadlessBrowser: a real Chromium, headless, driven over the DevTools protocol, for tests of the
// pages onewindow-server serves to browsers (the hall display, the applicant's pages).
//
// It starts Debian's `chromium --headless --no-sandbox --remote-debugging-port=0` with a fresh
// profile in a temporary folder, reads the DevTools port from the browser's
// "DevTools listening on ws://…" line, opens a QWebSocket to the page target and speaks the
// protocol synchronously: every call sends one command and waits (in a local event loop, bounded
// by a timeout) for its answer. Console errors, uncaught exceptions and the browser's own error log
// entries (a blocked script, a refused connection) are collected for the test to check.
//
//     HeadlessBrowser browser;
//     if (!HeadlessBrowser::isInstalled())
//         QSKIP("chromium is not installed (scripts/deps installs it)");
//     QVERIFY2(browser.start(), qPrintable(browser.lastError()));
//     QVERIFY(browser.setViewport(1920, 1080));
//     QVERIFY2(browser.navigate(url), qPrintable(browser.lastError()));
//     QVERIFY(browser.waitFor(u"document.querySelectorAll('.call').length === 2"_s));
//     QCOMPARE(browser.evaluate(u"document.title"_s).toString(), u"…"_s);
//     QVERIFY(browser.screenshot(path));
//
// The browser is stopped (and its profile removed) when the object is destroyed.

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

class QWebSocket;

namespace ow::testing {

class HeadlessBrowser : public QObject
{
    Q_OBJECT

public:
    explicit HeadlessBrowser(QObject *parent = nullptr);
    ~HeadlessBrowser() override;

    /// The chromium executable ($OW_CHROMIUM, else chromium or chromium-browser on PATH); empty when
    /// none is installed, which is the one reason a browser test may skip.
    static QString executable();
    static bool isInstalled() { return !executable().isEmpty(); }

    /// Starts the browser and connects to its page. False with lastError() when it does not come up.
    bool start();
    /// Stops the browser (also done by the destructor).
    void stop();

    /// Loads `url` and waits for its load event.
    bool navigate(const QUrl &url, int timeoutMs = 30000);
    /// Reloads the current page and waits for its load event.
    bool reload(int timeoutMs = 30000);
    /// Runs `script` before any of the page's own scripts on every page loaded from now on (to stub
    /// an API the page calls, such as speechSynthesis).
    bool addScriptOnNewDocument(const QString &script);
    /// The value of a JavaScript expression, as JSON (promises are awaited). Undefined with
    /// lastError() when the expression throws or the browser does not answer; `ok` tells which.
    QJsonValue evaluate(const QString &expression, bool *ok = nullptr);
    /// Evaluates `condition` again and again (the page's event loop runs in between) until it is
    /// true; false with lastError() after `timeoutMs`.
    bool waitFor(const QString &condition, int timeoutMs = 30000);
    /// The viewport in CSS pixels, as a TV (1920×1080) or a phone (390×844, mobile = true) has it.
    bool setViewport(int width, int height, double deviceScaleFactor = 1.0, bool mobile = false);
    /// The visible viewport as a PNG file.
    bool screenshot(const QString &path);
    /// The WCAG 2.1 A/AA and best-practice violations axe-core (`axeScript`, injected once per page;
    /// DevTools evaluation is not subject to the page's Content-Security-Policy) finds on the page,
    /// one line each: rule (impact): the elements. `ok` false with lastError() when axe does not run.
    QStringList accessibilityViolations(const QString &axeScript, bool *ok);

    /// Every console.error, uncaught exception and error entry of the browser's log since the start
    /// (or the last clearConsoleErrors()), one line each.
    QStringList consoleErrors() const { return m_consoleErrors; }
    void clearConsoleErrors() { m_consoleErrors.clear(); }

    QString lastError() const { return m_lastError; }

    /// Sends one DevTools command and waits for its result (for what the helpers above do not
    /// cover). An empty object with lastError() on an error answer or a timeout.
    QJsonObject command(const QString &method, const QJsonObject &params = {}, int timeoutMs = 30000);

private:
    bool fail(const QString &message);
    bool readDevToolsPort(int timeoutMs);
    bool connectToPage(int timeoutMs);
    void onMessage(const QString &message);
    void onEvent(const QString &method, const QJsonObject &params);

    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QWebSocket> m_socket;
    QByteArray m_stderr;
    quint16 m_port = 0;
    int m_nextId = 1;
    QHash<int, QJsonObject> m_answers;
    int m_loadEvents = 0;
    QStringList m_consoleErrors;
    QString m_lastError;
};

} // namespace ow::testing
