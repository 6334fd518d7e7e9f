// The hall display (/display/<hall>) in a real headless Chromium against the real onewindow-server:
// an empty queue, each call made through the queue API shown (newest large, the others in time
// order) and spoken once, silent by URL, the server killed (the last calls stay on screen marked
// "connection lost") and started again on the same port (the page reconnects and shows the new
// calls); the feed carries ticket numbers and counters only, is rate-limited, and the page comes
// with its security headers. Screenshots at 1920×1080 for docs/screenshots/.

#include "../unit/ServerTestSupport.h"
#include "HeadlessBrowser.h"
#include "core/Clock.h"
#include "server/CredentialStore.h"
#include "server/ServerSchema.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace ow;
using namespace ow::server;
using namespace ow::testing;
using namespace Qt::StringLiterals;
using ow::server::testing::ServerProcess;

namespace {

const QString kHall = u"33030201"_s;
const QString kMobile = u"13800138000"_s;

// Records what the page would say instead of saying it (a headless browser has no voice).
const QString kSpeechStub = uR"(
  window.spoken = [];
  Object.defineProperty(window, "speechSynthesis", { configurable: true,
    value: { speak(u) { window.spoken.push(u.text); }, cancel() {} } });
  if (!("SpeechSynthesisUtterance" in window))
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
)"_s;

struct Reply
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers)
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

Reply request(
    const QByteArray &method, const QUrl &url, const QJsonObject &body = {}, const QString &token = {})
{
    static QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setTransferTimeout(30000);
    QNetworkReply *reply = method == "GET"
        ? network.get(request)
        : network.sendCustomRequest(request, method,
            body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

} // namespace

class TestHallDisplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void emptyQueue();
    void eachCallShownAndSpoken();
    void serverKilledAndRestarted();
    void silentByUrl();
    void feedCarriesNumbersOnly();
    void ticketFollowedOnAPhone();
    void headersAndLimits();
    void silentBySetting();

private:
    QString enrol(const QString &counter);
    void openCounter(const QString &counter);
    QString issue(qint64 *id = nullptr);
    QString callNext(const QString &counter);
    void screenshot(const QString &name);
    QString displayUrl() const { return u"/display/"_s + kHall; }

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    HeadlessBrowser m_browser;
    QHash<QString, QString> m_tokens; ///< per counter
};

void TestHallDisplay::initTestCase()
{
    if (!HeadlessBrowser::isInstalled())
        QSKIP("chromium is not installed (scripts/deps installs Debian's chromium)");
    QVERIFY(m_dir.isValid());
    // On one fixed port, so the page finds it again after a restart.
    m_server = std::make_unique<ServerProcess>(
        QStringLiteral(OW_SERVER_PATH), m_dir.filePath(u"data"_s), QString());
    m_server->keepPort();
    m_server->setLanguage(u"zh_CN"_s);
    QVERIFY(m_server->start());
    // A counter's workstation acts only for its own counter.
    for (const QString &counter : {u"W05"_s, u"W12"_s}) {
        m_tokens.insert(counter, enrol(counter));
        QVERIFY(!m_tokens.value(counter).isEmpty());
    }
    QVERIFY2(m_browser.start(), qPrintable(m_browser.lastError()));
    QVERIFY(m_browser.setViewport(1920, 1080));
    QVERIFY(m_browser.addScriptOnNewDocument(kSpeechStub));
}

void TestHallDisplay::cleanupTestCase()
{
    m_browser.stop();
    m_server.reset();
}

QString TestHallDisplay::enrol(const QString &counter)
{
    Result<std::unique_ptr<storage::Database>> db
        = ServerSchema::open(u"sqlite:"_s + m_dir.filePath(u"data/server.db"_s));
    if (!db)
        return {};
    const Result<IssuedSecret> code = CredentialStore(**db, Clock()).issueEnrolCode(kHall, counter);
    if (!code)
        return {};
    db->reset();
    return request(
        "POST", m_server->url(u"/api/v1/enrol"_s), {{u"code"_s, code->secret}, {u"machine"_s, counter}})
        .json()
        .value(u"token"_s)
        .toString();
}

void TestHallDisplay::openCounter(const QString &counter)
{
    const Reply opened = request("POST", m_server->url(u"/api/v1/queue/counters/"_s + counter),
        {{u"state"_s, u"open"_s}, {u"clerk"_s, u"1001"_s}}, m_tokens.value(counter));
    QVERIFY2(opened.status == 200, opened.body.constData());
}

QString TestHallDisplay::issue(qint64 *id)
{
    const Reply issued = request("POST", m_server->url(u"/api/v1/queue/tickets"_s), {{u"mobile"_s, kMobile}},
        m_tokens.value(u"W05"_s));
    if (issued.status != 201)
        qFatal("issue failed: %d %s", issued.status, issued.body.constData());
    if (id)
        *id = qint64(issued.json().value(u"id"_s).toDouble());
    return issued.json().value(u"number"_s).toString();
}

QString TestHallDisplay::callNext(const QString &counter)
{
    const Reply called = request("POST", m_server->url(u"/api/v1/queue/counters/%1/call"_s.arg(counter)),
        {{u"clerk"_s, u"1001"_s}}, m_tokens.value(counter));
    if (called.status != 200)
        qFatal("call failed: %d %s", called.status, called.body.constData());
    const QJsonObject ticket = called.json().value(u"ticket"_s).toObject();
    // Served at once, so the counter's next call is not refused for a ticket still called.
    const Reply served = request("POST",
        m_server->url(u"/api/v1/queue/tickets/%1/serve"_s.arg(qint64(ticket.value(u"id"_s).toDouble()))),
        {{u"counter"_s, counter}}, m_tokens.value(counter));
    if (served.status != 200)
        qFatal("serve failed: %d %s", served.status, served.body.constData());
    return ticket.value(u"number"_s).toString();
}

void TestHallDisplay::screenshot(const QString &name)
{
    // $OW_SCREENSHOTS_DIR (docs/screenshots when regenerating them), else the build tree.
    QString folder = qEnvironmentVariable("OW_SCREENSHOTS_DIR");
    if (folder.isEmpty())
        folder = QStringLiteral(OW_SCREENSHOT_DEFAULT_DIR);
    QVERIFY(QDir().mkpath(folder));
    QVERIFY2(m_browser.screenshot(folder + u'/' + name), qPrintable(m_browser.lastError()));
}

void TestHallDisplay::emptyQueue()
{
    QVERIFY2(m_browser.navigate(m_server->url(displayUrl())), qPrintable(m_browser.lastError()));
    QVERIFY2(m_browser.waitFor(u"document.body.dataset.state === 'connected'"_s),
        qPrintable(m_browser.lastError()));
    QCOMPARE(m_browser.evaluate(u"document.getElementById('empty').hidden"_s).toBool(), false);
    QCOMPARE(m_browser.evaluate(u"document.getElementById('empty').textContent"_s).toString(), u"暂无叫号"_s);
    QCOMPARE(m_browser.evaluate(u"document.getElementById('latest').hidden"_s).toBool(), true);
    QCOMPARE(m_browser.evaluate(u"document.documentElement.lang"_s).toString(), u"zh-CN"_s);
    screenshot(u"hall-display-empty.png"_s);
    QVERIFY2(m_browser.consoleErrors().isEmpty(), qPrintable(m_browser.consoleErrors().join(u'\n')));
}

void TestHallDisplay::eachCallShownAndSpoken()
{
    openCounter(u"W05"_s);
    openCounter(u"W12"_s);
    for (int i = 0; i < 5; ++i)
        issue();
    QStringList called;
    for (const QString &counter : {u"W05"_s, u"W12"_s, u"W05"_s, u"W12"_s}) {
        called << callNext(counter);
        QVERIFY2(m_browser.waitFor(u"document.querySelector('#latest .number').textContent === '%1'"_s.arg(
                     called.constLast())),
            qPrintable(m_browser.lastError()));
    }
    QCOMPARE(m_browser.evaluate(u"document.querySelector('#latest .counter').textContent"_s).toString(),
        u"12 号窗口"_s);
    // The calls before the newest, newest first.
    QCOMPARE(m_browser.evaluate(u"[...document.querySelectorAll('tr.call')].map(r => r.dataset.number)"_s)
                 .toArray(),
        QJsonArray({called.at(2), called.at(1), called.at(0)}));
    QCOMPARE(m_browser.evaluate(u"window.spoken"_s).toArray(),
        QJsonArray({u"请 %1 号到 5 号窗口"_s.arg(called.at(0)), u"请 %1 号到 12 号窗口"_s.arg(called.at(1)),
            u"请 %1 号到 5 号窗口"_s.arg(called.at(2)), u"请 %1 号到 12 号窗口"_s.arg(called.at(3))}));
    screenshot(u"hall-display.png"_s);
    QVERIFY2(m_browser.consoleErrors().isEmpty(), qPrintable(m_browser.consoleErrors().join(u'\n')));
}

void TestHallDisplay::serverKilledAndRestarted()
{
    const QString before
        = m_browser.evaluate(u"document.querySelector('#latest .number').textContent"_s).toString();
    QVERIFY(!before.isEmpty());
    m_server->kill();
    QVERIFY2(
        m_browser.waitFor(u"document.body.dataset.state === 'lost'"_s), qPrintable(m_browser.lastError()));
    // The last state stays on screen, marked.
    QCOMPARE(
        m_browser.evaluate(u"document.querySelector('#latest .number').textContent"_s).toString(), before);
    QCOMPARE(m_browser.evaluate(u"document.getElementById('status').textContent"_s).toString(),
        u"连接中断，显示的可能不是最新叫号"_s);
    screenshot(u"hall-display-connection-lost.png"_s);

    QVERIFY(m_server->start());
    const QString next = callNext(u"W05"_s);
    QVERIFY(next != before);
    QVERIFY2(m_browser.waitFor(
                 u"document.querySelector('#latest .number').textContent === '%1'"_s.arg(next), 60000),
        qPrintable(m_browser.lastError()));
    QVERIFY(m_browser.waitFor(u"document.body.dataset.state === 'connected'"_s));
    QVERIFY(m_browser.evaluate(u"window.spoken"_s).toArray().contains(u"请 %1 号到 5 号窗口"_s.arg(next)));
    m_browser.clearConsoleErrors(); // the refused connections while it was down
}

void TestHallDisplay::silentByUrl()
{
    QVERIFY(m_browser.navigate(m_server->url(displayUrl() + u"?silent=1"_s)));
    QVERIFY(m_browser.waitFor(u"document.body.dataset.state === 'connected'"_s));
    // What was called before the page opened is shown, never spoken.
    QVERIFY(m_browser.evaluate(u"document.querySelectorAll('tr.call').length"_s).toInt() > 0);
    issue();
    const QString next = callNext(u"W12"_s);
    QVERIFY(m_browser.waitFor(u"document.querySelector('#latest .number').textContent === '%1'"_s.arg(next)));
    QCOMPARE(m_browser.evaluate(u"window.spoken.length"_s).toInt(), 0);

    // Without the parameter the same page speaks the next call.
    QVERIFY(m_browser.navigate(m_server->url(displayUrl())));
    QVERIFY(m_browser.waitFor(u"document.body.dataset.state === 'connected'"_s));
    issue();
    const QString spoken = callNext(u"W12"_s);
    QVERIFY(m_browser.waitFor(u"window.spoken.length === 1"_s));
    QCOMPARE(m_browser.evaluate(u"window.spoken[0]"_s).toString(), u"请 %1 号到 12 号窗口"_s.arg(spoken));
    QVERIFY2(m_browser.consoleErrors().isEmpty(), qPrintable(m_browser.consoleErrors().join(u'\n')));
}

void TestHallDisplay::feedCarriesNumbersOnly()
{
    const Reply feed = request("GET", m_server->url(displayUrl() + u"/calls"_s));
    QCOMPARE(feed.status, 200);
    QVERIFY(!feed.body.contains(kMobile.toUtf8()));
    const QJsonArray calls = feed.json().value(u"calls"_s).toArray();
    QVERIFY(calls.size() >= 5);
    const QStringList keys {
        u"callCount"_s, u"counter"_s, u"counterNumber"_s, u"id"_s, u"number"_s, u"ticket"_s, u"time"_s};
    for (const QJsonValue &call : calls)
        QCOMPARE(call.toObject().keys(), keys);
    QCOMPARE(feed.json().value(u"silent"_s).toBool(), false);
    // Another hall's display shows nothing of this hall; a malformed hall is not a page.
    QCOMPARE(
        request("GET", m_server->url(u"/display/33030299/calls"_s)).json().value(u"calls"_s).toArray().size(),
        0);
    QCOMPARE(request("GET", m_server->url(u"/display/..%2Fapi/calls"_s)).status, 404);
    QCOMPARE(request("GET", m_server->url(u"/display/assets/other.js"_s)).status, 404);
    QCOMPARE(request("POST", m_server->url(displayUrl() + u"/calls"_s)).status, 404);
}

void TestHallDisplay::ticketFollowedOnAPhone()
{
    // The slip's QR code opens the ticket's page on the visitor's phone.
    qint64 id = 0;
    const QString number = issue(&id);
    issue();
    QVERIFY(m_browser.setViewport(390, 844, 2.0, true));
    m_browser.clearConsoleErrors();
    QVERIFY(m_browser.navigate(m_server->url(u"/display/%1/tickets/%2"_s.arg(kHall).arg(id))));
    QVERIFY2(m_browser.waitFor(u"document.getElementById('number').textContent === '%1'"_s.arg(number)),
        qPrintable(m_browser.lastError()));
    QCOMPARE(m_browser.evaluate(u"document.getElementById('state').textContent"_s).toString(), u"等候叫号"_s);
    QCOMPARE(m_browser.evaluate(u"document.getElementById('aheadBox').hidden"_s).toBool(), false);
    QVERIFY(m_browser.evaluate(u"document.body.innerText"_s).toString().indexOf(kMobile) < 0);
    screenshot(u"ticket-follow.png"_s);

    // Called at its counter: the page says where to go.
    QString called;
    for (int i = 0; i < 10 && called != number; ++i)
        called = callNext(u"W05"_s);
    QCOMPARE(called, number);
    QVERIFY2(m_browser.waitFor(u"document.body.dataset.state === 'serving'"_s, 30000),
        qPrintable(m_browser.lastError()));
    QCOMPARE(m_browser.evaluate(u"document.getElementById('aheadBox').hidden"_s).toBool(), true);
    QVERIFY2(m_browser.consoleErrors().isEmpty(), qPrintable(m_browser.consoleErrors().join(u'\n')));
    QVERIFY(m_browser.setViewport(1920, 1080));
}

void TestHallDisplay::headersAndLimits()
{
    const Reply page = request("GET", m_server->url(displayUrl()));
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("Content-Type").startsWith("text/html"));
    const QByteArray policy = page.header("Content-Security-Policy");
    QVERIFY2(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy.constData());
    QVERIFY(policy.contains("frame-ancestors 'none'"));
    QCOMPARE(page.header("X-Frame-Options"), QByteArray("DENY"));
    QCOMPARE(page.header("X-Content-Type-Options"), QByteArray("nosniff"));
    QVERIFY(!page.body.contains("<script>")); // the one script is the server's own file
    const Reply script = request("GET", m_server->url(u"/display/assets/display.js"_s));
    QCOMPARE(script.status, 200);
    QVERIFY(script.header("Content-Type").startsWith("text/javascript"));

    // One address polling far faster than a TV is refused for a while.
    int status = 200;
    for (int i = 0; i < 200 && status == 200; ++i)
        status = request("GET", m_server->url(displayUrl() + u"/calls"_s)).status;
    QCOMPARE(status, 429);
}

void TestHallDisplay::silentBySetting()
{
    // display_silent in the queue settings silences every display of the hall, without a URL change.
    const QString settings = m_dir.filePath(u"queue.ini"_s);
    QFile file(settings);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[queue]\ndisplay_silent = true\n");
    file.close();
    m_server->kill();
    m_server->setExtraArguments({u"--queue-settings"_s, settings});
    QVERIFY(m_server->start());
    QCOMPARE(
        request("GET", m_server->url(displayUrl() + u"/calls"_s)).json().value(u"silent"_s).toBool(), true);
    QVERIFY(m_browser.navigate(m_server->url(displayUrl())));
    QVERIFY(m_browser.waitFor(u"document.body.dataset.state === 'connected'"_s));
    issue();
    const QString next = callNext(u"W12"_s);
    QVERIFY(m_browser.waitFor(u"document.querySelector('#latest .number').textContent === '%1'"_s.arg(next)));
    QCOMPARE(m_browser.evaluate(u"window.spoken.length"_s).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestHallDisplay)
#include "tst_hallDisplay.moc"
