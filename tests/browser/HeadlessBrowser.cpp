#include "HeadlessBrowser.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>
#include <QWebSocket>
#include <functional>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace ow::testing {

namespace {

/// Runs the event loop until `done` is true or `timeoutMs` has passed; whether `done` came true.
/// `done` is checked every few milliseconds, so a test never sleeps longer than it must.
bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

QString describe(const QJsonObject &remoteObject)
{
    if (!remoteObject.contains(u"value"_s))
        return remoteObject.value(u"description"_s).toString();
    const QJsonValue value = remoteObject.value(u"value"_s);
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    const QByteArray json = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

} // namespace

HeadlessBrowser::HeadlessBrowser(QObject *parent)
    : QObject(parent)
{
}

HeadlessBrowser::~HeadlessBrowser()
{
    stop();
}

QString HeadlessBrowser::executable()
{
    const QString configured = qEnvironmentVariable("OW_CHROMIUM");
    if (!configured.isEmpty())
        return QStandardPaths::findExecutable(configured);
    for (const QString &name : {u"chromium"_s, u"chromium-browser"_s}) {
        const QString path = QStandardPaths::findExecutable(name);
        if (!path.isEmpty())
            return path;
    }
    return {};
}

bool HeadlessBrowser::fail(const QString &message)
{
    m_lastError = message;
    return false;
}

bool HeadlessBrowser::start()
{
    stop();
    const QString program = executable();
    if (program.isEmpty())
        return fail(u"chromium is not installed"_s);
    m_profile = std::make_unique<QTemporaryDir>();
    if (!m_profile->isValid())
        return fail(u"no temporary folder for the browser profile"_s);
    m_process = std::make_unique<QProcess>();
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->setReadChannel(QProcess::StandardError);
    // The browser writes its log to stderr for as long as it runs; it is read away continuously so a
    // full pipe never stalls the renderer (the last lines are kept for error messages).
    connect(m_process.get(), &QProcess::readyReadStandardError, this, [this] {
        if (m_port != 0)
            m_stderr = QByteArray(m_stderr + m_process->readAllStandardError()).right(4096);
    });
#ifdef Q_OS_LINUX
    // Should the test die without its destructors (qFatal, a crash), the browser dies with it: an
    // orphaned browser would keep the test's inherited descriptors, and any lock held on them, open.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
    m_process->start(program,
        {u"--headless"_s, u"--no-sandbox"_s, u"--disable-gpu"_s, u"--remote-debugging-port=0"_s,
            u"--user-data-dir="_s + m_profile->path(), u"--no-first-run"_s, u"--no-default-browser-check"_s,
            u"--disable-extensions"_s, u"--disable-background-networking"_s, u"--disable-component-update"_s,
            u"--disable-sync"_s, u"--mute-audio"_s, u"--hide-scrollbars"_s, u"--lang=zh-CN"_s,
            // A page in a headless browser counts as hidden: its timers must still run at full speed.
            u"--disable-background-timer-throttling"_s, u"--disable-renderer-backgrounding"_s,
            u"--disable-backgrounding-occluded-windows"_s, u"--window-size=1366,768"_s, u"about:blank"_s});
    if (!m_process->waitForStarted(10000))
        return fail(u"chromium did not start: "_s + m_process->errorString());
    if (!readDevToolsPort(30000))
        return false;
    if (!connectToPage(30000))
        return false;
    for (const QString &domain : {u"Page.enable"_s, u"Runtime.enable"_s, u"Log.enable"_s}) {
        m_lastError.clear();
        command(domain);
        if (!m_lastError.isEmpty())
            return false;
    }
    return true;
}

bool HeadlessBrowser::readDevToolsPort(int timeoutMs)
{
    static const QRegularExpression listening(u"DevTools listening on ws://[^:/]+:(\\d+)/"_s);
    const QDeadlineTimer deadline(timeoutMs);
    while (m_port == 0) {
        if (!m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))
            || deadline.hasExpired()) {
            return fail(u"chromium gave no DevTools port: "_s
                + QString::fromLocal8Bit(m_stderr + m_process->readAllStandardError()).right(2000));
        }
        m_stderr += m_process->readAllStandardError();
        const QRegularExpressionMatch match = listening.match(QString::fromLocal8Bit(m_stderr));
        if (match.hasMatch())
            m_port = quint16(match.captured(1).toUInt());
    }
    m_stderr.clear();
    return true;
}

bool HeadlessBrowser::connectToPage(int timeoutMs)
{
    // The page targets are listed over HTTP; the first one is the about:blank the browser opened.
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/json/list"_s.arg(m_port)));
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = network.get(request);
    if (!spinUntil([reply] { return reply->isFinished(); }, timeoutMs))
        return fail(u"the DevTools target list did not come"_s);
    const QJsonArray targets = QJsonDocument::fromJson(reply->readAll()).array();
    reply->deleteLater();
    QString pageSocket;
    for (const QJsonValue &target : targets) {
        if (target.toObject().value(u"type"_s).toString() == u"page"_s) {
            pageSocket = target.toObject().value(u"webSocketDebuggerUrl"_s).toString();
            break;
        }
    }
    if (pageSocket.isEmpty())
        return fail(u"the browser has no page target"_s);

    m_socket = std::make_unique<QWebSocket>();
    // A screenshot of a full HD page is a few megabytes of base64 in one message.
    m_socket->setMaxAllowedIncomingMessageSize(256 * 1024 * 1024);
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &HeadlessBrowser::onMessage);
    m_socket->open(QUrl(pageSocket));
    if (!spinUntil([this] { return m_socket->state() == QAbstractSocket::ConnectedState; }, timeoutMs))
        return fail(u"no DevTools connection to the page: "_s + m_socket->errorString());
    return true;
}

void HeadlessBrowser::stop()
{
    if (m_socket) {
        m_socket->abort();
        m_socket.reset();
    }
    if (m_process) {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(5000)) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
        m_process.reset();
    }
    m_profile.reset();
    m_port = 0;
    m_answers.clear();
}

void HeadlessBrowser::onMessage(const QString &message)
{
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    if (object.contains(u"id"_s))
        m_answers.insert(object.value(u"id"_s).toInt(), object);
    else
        onEvent(object.value(u"method"_s).toString(), object.value(u"params"_s).toObject());
}

void HeadlessBrowser::onEvent(const QString &method, const QJsonObject &params)
{
    if (method == u"Page.loadEventFired"_s) {
        ++m_loadEvents;
    } else if (method == u"Runtime.consoleAPICalled"_s && params.value(u"type"_s).toString() == u"error"_s) {
        QStringList parts;
        for (const QJsonValue &argument : params.value(u"args"_s).toArray())
            parts << describe(argument.toObject());
        m_consoleErrors << u"console.error: "_s + parts.join(u' ');
    } else if (method == u"Runtime.exceptionThrown"_s) {
        const QJsonObject details = params.value(u"exceptionDetails"_s).toObject();
        const QString description
            = details.value(u"exception"_s).toObject().value(u"description"_s).toString();
        m_consoleErrors << u"exception: "_s
                + (description.isEmpty() ? details.value(u"text"_s).toString() : description);
    } else if (method == u"Log.entryAdded"_s) {
        const QJsonObject entry = params.value(u"entry"_s).toObject();
        if (entry.value(u"level"_s).toString() == u"error"_s)
            m_consoleErrors << u"log: "_s + entry.value(u"text"_s).toString() + u" "_s
                    + entry.value(u"url"_s).toString();
    }
}

QJsonObject HeadlessBrowser::command(const QString &method, const QJsonObject &params, int timeoutMs)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        fail(method + u": the browser is not connected"_s);
        return {};
    }
    const int id = m_nextId++;
    const QJsonObject message {{u"id"_s, id}, {u"method"_s, method}, {u"params"_s, params}};
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    if (!spinUntil([this, id] { return m_answers.contains(id); }, timeoutMs)) {
        fail(method + u": no answer from the browser"_s);
        return {};
    }
    const QJsonObject answer = m_answers.take(id);
    if (answer.contains(u"error"_s)) {
        fail(method + u": "_s + answer.value(u"error"_s).toObject().value(u"message"_s).toString());
        return {};
    }
    return answer.value(u"result"_s).toObject();
}

bool HeadlessBrowser::navigate(const QUrl &url, int timeoutMs)
{
    m_lastError.clear();
    const int before = m_loadEvents;
    const QJsonObject result = command(u"Page.navigate"_s, {{u"url"_s, url.toString()}}, timeoutMs);
    if (!m_lastError.isEmpty())
        return false;
    if (result.contains(u"errorText"_s))
        return fail(url.toString() + u": "_s + result.value(u"errorText"_s).toString());
    if (!spinUntil([this, before] { return m_loadEvents > before; }, timeoutMs))
        return fail(url.toString() + u": the page did not finish loading"_s);
    return true;
}

bool HeadlessBrowser::reload(int timeoutMs)
{
    m_lastError.clear();
    const int before = m_loadEvents;
    command(u"Page.reload"_s, {{u"ignoreCache"_s, true}}, timeoutMs);
    if (!m_lastError.isEmpty())
        return false;
    if (!spinUntil([this, before] { return m_loadEvents > before; }, timeoutMs))
        return fail(u"the page did not finish loading again"_s);
    return true;
}

bool HeadlessBrowser::addScriptOnNewDocument(const QString &script)
{
    m_lastError.clear();
    command(u"Page.addScriptToEvaluateOnNewDocument"_s, {{u"source"_s, script}});
    return m_lastError.isEmpty();
}

QJsonValue HeadlessBrowser::evaluate(const QString &expression, bool *ok)
{
    m_lastError.clear();
    const QJsonObject result = command(u"Runtime.evaluate"_s,
        {{u"expression"_s, expression}, {u"returnByValue"_s, true}, {u"awaitPromise"_s, true}});
    bool fine = m_lastError.isEmpty();
    if (fine && result.contains(u"exceptionDetails"_s)) {
        const QJsonObject details = result.value(u"exceptionDetails"_s).toObject();
        const QString description
            = details.value(u"exception"_s).toObject().value(u"description"_s).toString();
        fine = fail(expression + u": "_s
            + (description.isEmpty() ? details.value(u"text"_s).toString() : description));
    }
    if (ok)
        *ok = fine;
    if (!fine)
        return QJsonValue(QJsonValue::Undefined);
    const QJsonObject remote = result.value(u"result"_s).toObject();
    return remote.contains(u"value"_s) ? remote.value(u"value"_s) : QJsonValue(QJsonValue::Undefined);
}

bool HeadlessBrowser::waitFor(const QString &condition, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QString lastProblem;
    for (;;) {
        bool ok = false;
        const QJsonValue value = evaluate(condition, &ok);
        if (ok && value.toBool())
            return true;
        if (!ok)
            lastProblem = m_lastError;
        if (deadline.hasExpired())
            return fail(u"still not true after %1 ms: "_s.arg(timeoutMs) + condition
                + (lastProblem.isEmpty() ? QString() : u" ("_s + lastProblem + u')'));
        spinUntil([] { return false; }, 50);
    }
}

bool HeadlessBrowser::setViewport(int width, int height, double deviceScaleFactor, bool mobile)
{
    m_lastError.clear();
    command(u"Emulation.setDeviceMetricsOverride"_s,
        {{u"width"_s, width}, {u"height"_s, height}, {u"deviceScaleFactor"_s, deviceScaleFactor},
            {u"mobile"_s, mobile}});
    return m_lastError.isEmpty();
}

bool HeadlessBrowser::screenshot(const QString &path)
{
    m_lastError.clear();
    const QJsonObject result = command(u"Page.captureScreenshot"_s, {{u"format"_s, u"png"_s}});
    if (!m_lastError.isEmpty())
        return false;
    const QByteArray png = QByteArray::fromBase64(result.value(u"data"_s).toString().toLatin1());
    if (png.isEmpty())
        return fail(u"the browser sent no screenshot"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(png) != png.size())
        return fail(path + u": "_s + file.errorString());
    return true;
}

QStringList HeadlessBrowser::accessibilityViolations(const QString &axeScript, bool *ok)
{
    *ok = true;
    if (evaluate(QStringLiteral("typeof axe")).toString() != QStringLiteral("object")) {
        evaluate(axeScript, ok);
        if (!*ok)
            return {};
    }
    const QJsonValue violations = evaluate(
        QStringLiteral(
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', "
            "'wcag21aa', 'best-practice']}}).then(r => r.violations.map(v => v.id + ' (' + v.impact "
            "+ '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')))"),
        ok);
    QStringList found;
    for (const QJsonValue &v : violations.toArray())
        found.append(v.toString());
    return found;
}

} // namespace ow::testing
