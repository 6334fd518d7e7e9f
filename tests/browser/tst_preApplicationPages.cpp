// The online pre-application in a real headless Chromium at a phone's 390×844 against the real
// onewindow-server with the SMS simulator: from the hotel permit's checklist the applicant asks for
// a code, types the one the simulator logged, fills the registration form as a person, uploads two
// scans through the page's own script (in chunks) and submits; the answer shows the code and its QR
// code. A workstation of the hall then reads the pre-application with its answers, applicant and
// both scans through the API, byte for byte. The same SMS check guards a case's result document on
// the status page: the department's PDF uploaded, the applicant asks for the code on the page, types
// the one the simulator logged and downloads the PDF, the bytes the department's. axe-core checks
// every page (skipped without npm); screenshots go to $OW_SCREENSHOTS_DIR (docs/screenshots/ for the
// docs), else the build tree.

#include "../unit/CaseTestSupport.h"
#include "../unit/ServerTestSupport.h"
#include "HeadlessBrowser.h"
#include "catalogue/PreApplicationCode.h"
#include "core/Clock.h"
#include "core/Sha256.h"
#include "deptsim/ResultPdf.h"
#include "server/CatalogueRepository.h"
#include "server/CredentialStore.h"
#include "server/ServerSchema.h"
#include "sync/CataloguePackage.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace ow;
using namespace ow::server;
using namespace ow::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kHall = u"33030201"_s;
const QString kHotel = u"330302-WJ-001"_s;
const QStringList kHotelAnswers {u"place-type=lodging"_s, u"linen-washing=outsourced"_s,
    u"lodging-facilities=neither"_s, u"central-ac=yes"_s, u"agent=self"_s};
const QString kMobile = u"13912345678"_s;

QByteArray request(const QByteArray &verb, const QUrl &url, const QByteArray &body, const QString &token,
    int *status, QByteArray *contentType = nullptr)
{
    static QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setTransferTimeout(30000);
    QNetworkReply *reply = network.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (contentType)
        *contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    return answer;
}

} // namespace

class TestPreApplicationPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void applyOnlineWithTwoScans();
    void downloadTheResultDocument();
    void largeBodiesRefusedBeforeReading();

private:
    QUrl url(const QString &path) const { return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)); }
    bool startServer();
    QString enrol();
    QString departmentKey(const QString &department);
    void publishDemo();
    void screenshot(const QString &name);
    void checkAccessibility(const QString &page);
    bool submitAndWait(const QString &form, const QString &condition);
    /// The code of the last SMS the simulator logged for `mobile`, waiting for it to be sent.
    QString smsCode(const QString &mobile);
    bool chooseFile(const QString &selector, const QString &path);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_server;
    quint16 m_port = 0;
    HeadlessBrowser m_browser;
    QString m_axe;
    bool m_haveAxe = false;
};

void TestPreApplicationPages::initTestCase()
{
    if (!HeadlessBrowser::isInstalled())
        QSKIP("chromium is not installed (scripts/deps installs Debian's chromium)");
    QVERIFY(m_dir.isValid());
    QVERIFY(startServer());
    publishDemo();
    QVERIFY2(m_browser.start(), qPrintable(m_browser.lastError()));
    QVERIFY(m_browser.setViewport(390, 844, 1.0, true));
    const QString axeDir = QStringLiteral(OW_BINARY_DIR "/axe-core");
    const QString axeFile = axeDir + u"/node_modules/axe-core/axe.min.js"_s;
    if (!QFile::exists(axeFile)) {
        QProcess install;
        install.setProcessChannelMode(QProcess::MergedChannels);
        install.start(QStringLiteral(OW_SOURCE_DIR "/scripts/axe-core"), {axeDir});
        install.waitForFinished(180000);
    }
    QFile axe(axeFile);
    if (axe.open(QIODevice::ReadOnly)) {
        m_axe = QString::fromUtf8(axe.readAll());
        m_haveAxe = true;
    } else {
        m_axe = u"axe-core is missing at "_s + axeFile;
    }
}

void TestPreApplicationPages::cleanupTestCase()
{
    m_browser.stop();
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->terminate();
        if (!m_server->waitForFinished(10000))
            m_server->kill();
    }
}

bool TestPreApplicationPages::startServer()
{
    m_server = std::make_unique<QProcess>();
    m_server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server->start(QStringLiteral(OW_SERVER_PATH),
        {u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, m_dir.filePath(u"data"_s), u"--lang"_s, u"zh_CN"_s,
            u"--sms-gateway"_s, u"simulator"_s, u"--sms-log"_s, m_dir.filePath(u"sms.log"_s),
            u"--preapplication-hall"_s, kHall});
    if (!m_server->waitForStarted(5000))
        return false;
    while (!m_server->canReadLine())
        if (!m_server->waitForReadyRead(10000))
            return false;
    m_port = quint16(QJsonDocument::fromJson(m_server->readLine()).object().value(u"port"_s).toInt());
    return m_port != 0;
}

QString TestPreApplicationPages::enrol()
{
    Result<std::unique_ptr<storage::Database>> db
        = ServerSchema::open(u"sqlite:"_s + m_dir.filePath(u"data/server.db"_s));
    if (!db)
        return {};
    const Result<IssuedSecret> code = CredentialStore(**db, Clock()).issueEnrolCode(kHall, u"W07"_s);
    db->reset();
    if (!code)
        return {};
    int status = 0;
    const QByteArray answer = request("POST", url(u"/api/v1/enrol"_s),
        QJsonDocument(QJsonObject {{u"code"_s, code->secret}, {u"machine"_s, u"W07"_s}}).toJson(), {},
        &status);
    return QJsonDocument::fromJson(answer).object().value(u"token"_s).toString();
}

QString TestPreApplicationPages::departmentKey(const QString &department)
{
    Result<std::unique_ptr<storage::Database>> db
        = ServerSchema::open(u"sqlite:"_s + m_dir.filePath(u"data/server.db"_s));
    if (!db)
        return {};
    const Result<IssuedSecret> key = CredentialStore(**db, Clock()).issueDepartmentKey(department);
    return key ? key->secret : QString();
}

void TestPreApplicationPages::publishDemo()
{
    Result<std::unique_ptr<storage::Database>> db
        = ServerSchema::open(u"sqlite:"_s + m_dir.filePath(u"data/server.db"_s));
    QVERIFY(db);
    Result<sync::CataloguePackage> package = sync::CataloguePackage::fromDirectory(
        QStringLiteral(OW_DEMO_CATALOGUE), u"lucheng-demo"_s, u"2026.11.2"_s);
    QVERIFY(package);
    CatalogueRepository catalogues(**db, m_dir.filePath(u"data/catalogues"_s), Clock());
    Result<CatalogueRepository::Outcome> published
        = catalogues.publish(*package, QJsonDocument(package->toJson()).toJson(QJsonDocument::Compact));
    QVERIFY2(published, published ? "" : qPrintable(published.error().toString()));
}

void TestPreApplicationPages::screenshot(const QString &name)
{
    const QString fromEnvironment = qEnvironmentVariable("OW_SCREENSHOTS_DIR");
    const QString folder
        = fromEnvironment.isEmpty() ? QStringLiteral(OW_SCREENSHOT_DEFAULT_DIR) : fromEnvironment;
    QVERIFY(QDir().mkpath(folder));
    QVERIFY2(m_browser.screenshot(folder + u'/' + name), qPrintable(m_browser.lastError()));
}

void TestPreApplicationPages::checkAccessibility(const QString &page)
{
    if (!m_haveAxe) {
        qWarning("accessibility of %s not checked: %s", qPrintable(page), qPrintable(m_axe));
        return;
    }
    bool ok = false;
    const QStringList found = m_browser.accessibilityViolations(m_axe, &ok);
    QVERIFY2(ok, qPrintable(m_browser.lastError()));
    QVERIFY2(found.isEmpty(), qPrintable(page + u": "_s + found.join(u"; "_s)));
}

bool TestPreApplicationPages::submitAndWait(const QString &form, const QString &condition)
{
    // Through the form's own button, as a thumb would, so the browser's checks of the fields run.
    bool ok = false;
    m_browser.evaluate(
        u"document.querySelector('%1').querySelector('button[type=submit]').click()"_s.arg(form), &ok);
    return ok && m_browser.waitFor(u"document.readyState === 'complete' && ("_s + condition + u')');
}

QString TestPreApplicationPages::smsCode(const QString &mobile)
{
    static const QRegularExpression digits(u"\\d{6}"_s);
    // The server's SmsSender hands the message to the simulator within its interval; a bounded wait.
    for (int round = 0; round < 300; ++round) {
        QString code;
        QFile log(m_dir.filePath(u"sms.log"_s));
        if (log.open(QIODevice::ReadOnly))
            for (const QByteArray &line : log.readAll().split('\n')) {
                const QJsonObject message = QJsonDocument::fromJson(line).object();
                if (message.value(u"mobile"_s).toString() == mobile)
                    code = digits.match(message.value(u"text"_s).toString()).captured();
            }
        if (!code.isEmpty())
            return code;
        QTest::qWait(100);
    }
    return {};
}

bool TestPreApplicationPages::chooseFile(const QString &selector, const QString &path)
{
    // What a tap on the file field and a pick in the phone's file chooser do.
    const QJsonObject document = m_browser.command(u"DOM.getDocument"_s);
    const int root = document.value(u"root"_s).toObject().value(u"nodeId"_s).toInt();
    const QJsonObject found
        = m_browser.command(u"DOM.querySelector"_s, {{u"nodeId"_s, root}, {u"selector"_s, selector}});
    const int node = found.value(u"nodeId"_s).toInt();
    if (node == 0)
        return false;
    m_browser.command(u"DOM.setFileInputFiles"_s, {{u"nodeId"_s, node}, {u"files"_s, QJsonArray {path}}});
    return true;
}

void TestPreApplicationPages::applyOnlineWithTwoScans()
{
    QStringList query;
    for (const QString &answer : kHotelAnswers)
        query.append(u"a="_s + QString::fromLatin1(QUrl::toPercentEncoding(answer)));
    QVERIFY2(m_browser.navigate(url(u"/guide/m/"_s + kHotel + u'?' + query.join(u'&'))),
        qPrintable(m_browser.lastError()));
    QVERIFY(m_browser.evaluate(u"!!document.getElementById('checklist')"_s).toBool());
    m_browser.evaluate(u"document.querySelector('a[href^=\"/guide/pa/new/\"]').click()"_s);
    QVERIFY(
        m_browser.waitFor(u"document.readyState === 'complete' && !!document.getElementById('mobile')"_s));
    m_browser.evaluate(u"document.getElementById('mobile').value = '%1'"_s.arg(kMobile));
    checkAccessibility(u"the mobile number"_s);
    screenshot(u"preapp-mobile.png"_s);
    QVERIFY2(submitAndWait(u"form[action=\"/guide/pa/sms\"]"_s, u"!!document.getElementById('sms')"_s),
        qPrintable(m_browser.lastError()));
    const QString code = smsCode(kMobile);
    QCOMPARE(code.size(), 6);
    m_browser.evaluate(u"document.getElementById('sms').value = '%1'"_s.arg(code));
    checkAccessibility(u"the SMS code"_s);
    QVERIFY2(submitAndWait(u"form[action=\"/guide/pa/verify\"]"_s, u"!!document.getElementById('f-name')"_s),
        qPrintable(m_browser.lastError()));
    const QString preCode = m_browser.evaluate(u"location.pathname.split('/').pop()"_s).toString();
    QVERIFY2(catalogue::PreApplicationCode::isValidCode(preCode), qPrintable(preCode));
    // The cookie is the server's alone: no script of the page can read it.
    QCOMPARE(m_browser.evaluate(u"document.cookie"_s).toString(), QString());

    // A person, with a wrong ID number first: the counter's own check answers, naming the field.
    const auto fill = [&](const QString &id, const QString &value) {
        m_browser.evaluate(u"document.getElementById('%1').value = '%2'"_s.arg(id, value));
    };
    fill(u"f-name"_s, u"张三丰"_s);
    fill(u"f-idNumber"_s, u"110105194912310021"_s);
    fill(u"f-contactName"_s, u"张三丰"_s);
    fill(u"f-address"_s, u"温州市鹿城区车站大道1号"_s);
    checkAccessibility(u"the registration form"_s);
    screenshot(u"preapp-form.png"_s);
    QVERIFY(submitAndWait(u"form[action$=\"/applicant\"]"_s, u"!!document.querySelector('[role=alert]')"_s));
    const QString problem
        = m_browser.evaluate(u"document.querySelector('[role=alert]').textContent"_s).toString();
    QVERIFY2(problem.contains(u"身份证"_s), qPrintable(problem));
    // The refused form came back as a 422, which the browser logs; nothing else may.
    m_browser.clearConsoleErrors();
    fill(u"f-idNumber"_s, u"11010519491231002X"_s);
    QVERIFY(submitAndWait(u"form[action$=\"/applicant\"]"_s, u"!document.querySelector('[role=alert]')"_s));
    QCOMPARE(m_browser.evaluate(u"document.getElementById('f-idNumber').value"_s).toString(),
        u"11010519491231002X"_s);

    // Two scans, each through the page's script in chunks (a PDF of 1.2 MB: three chunks).
    const QString pdfPath = m_dir.filePath(u"申请书.pdf"_s);
    const QByteArray pdf = "%PDF-1.4\n" + QByteArray(1200 * 1024, 'p') + "\n%%EOF\n";
    {
        QFile file(pdfPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pdf);
    }
    QFile sample(QStringLiteral(OW_DEMO_CATALOGUE "/samples/business-licence.png"));
    const QString pngPath = m_dir.filePath(u"身份证.png"_s);
    QByteArray png;
    QVERIFY(sample.open(QIODevice::ReadOnly));
    png = sample.readAll();
    {
        QFile file(pngPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(png);
    }
    QVERIFY(m_browser.waitFor(u"document.querySelectorAll('.upload:not([hidden])').length >= 2"_s));
    QVERIFY(chooseFile(u".upload input[type=file]"_s, pdfPath));
    QVERIFY2(m_browser.waitFor(
                 u"document.readyState === 'complete' && document.body.innerText.includes('申请书.pdf')"_s),
        qPrintable(m_browser.lastError()));
    QVERIFY(m_browser.waitFor(u"document.querySelectorAll('.upload:not([hidden])').length >= 2"_s));
    QVERIFY(chooseFile(u"ol.list > li:nth-child(2) .upload input[type=file]"_s, pngPath));
    QVERIFY2(m_browser.waitFor(
                 u"document.readyState === 'complete' && document.body.innerText.includes('身份证.png')"_s),
        qPrintable(m_browser.lastError()));
    QVERIFY(m_browser.evaluate(u"document.documentElement.scrollWidth <= window.innerWidth"_s).toBool());
    checkAccessibility(u"the scans"_s);
    m_browser.evaluate(u"document.getElementById('scans').scrollIntoView()"_s);
    screenshot(u"preapp-scans.png"_s);

    QVERIFY(submitAndWait(u"form[action$=\"/submit\"]"_s, u"!!document.querySelector('.qr svg')"_s));
    QCOMPARE(m_browser.evaluate(u"document.querySelector('.pacode').textContent"_s).toString(), preCode);
    checkAccessibility(u"the submitted pre-application"_s);
    m_browser.evaluate(u"document.querySelector('.qr').scrollIntoView()"_s);
    screenshot(u"preapp-code.png"_s);
    QVERIFY2(m_browser.consoleErrors().isEmpty(), qPrintable(m_browser.consoleErrors().join(u'\n')));

    // At the counter: the same matter, answers, applicant and both scans, nothing retyped.
    const QString token = enrol();
    QVERIFY(!token.isEmpty());
    int status = 0;
    const QJsonObject read = QJsonDocument::fromJson(
        request("GET", url(u"/api/v1/preapplications/"_s + preCode), {}, token, &status))
                                 .object();
    QCOMPARE(status, 200);
    QCOMPARE(read.value(u"matter"_s).toString(), kHotel);
    QCOMPARE(read.value(u"state"_s).toString(), u"submitted"_s);
    QCOMPARE(read.value(u"applicant"_s).toObject().value(u"name"_s).toString(), u"张三丰"_s);
    QCOMPARE(read.value(u"mobile"_s).toString(), kMobile);
    const QJsonArray scans = read.value(u"scans"_s).toArray();
    QCOMPARE(scans.size(), 2);
    QCOMPARE(scans.at(0).toObject().value(u"sha256"_s).toString(), Sha256::hex(pdf));
    QCOMPARE(scans.at(1).toObject().value(u"sha256"_s).toString(), Sha256::hex(png));
    QByteArray contentType;
    const QByteArray bytes = request("GET",
        url(u"/api/v1/preapplications/%1/scans/%2"_s.arg(
            preCode, scans.at(0).toObject().value(u"id"_s).toString())),
        {}, token, &status, &contentType);
    QCOMPARE(status, 200);
    QCOMPARE(contentType, QByteArray("application/pdf"));
    QCOMPARE(bytes, pdf);
}

void TestPreApplicationPages::downloadTheResultDocument()
{
    // A case accepted at W07, with the applicant's mobile number, and wj's decision uploaded.
    const QString mobile = u"13612345678"_s;
    cases::Case c = cases::testing::draft();
    c.number = ow::server::testing::caseNumber(31);
    c.qrToken = cases::QrToken::generate();
    c.hall = kHall;
    c.counter = u"W07"_s;
    c.created = QDateTime(QDate(2026, 3, 16), QTime(9, 0), Qt::UTC);
    c.updated = c.created;
    c.applicant.contactMobile = mobile;
    const QByteArray batch
        = ow::server::testing::batch({ow::server::testing::outboxEntry(&c, c.number,
                                          cases::EventKind::Created, c.created, cases::CaseState::Draft),
            ow::server::testing::outboxEntry(
                &c, c.number, cases::EventKind::Accepted, c.created, cases::CaseState::Accepted)});
    int status = 0;
    const QJsonObject stored
        = QJsonDocument::fromJson(request("POST", url(u"/api/v1/events"_s), batch, enrol(), &status))
              .object();
    QCOMPARE(status, 200);
    for (const QJsonValue &result : stored.value(u"results"_s).toArray())
        QVERIFY2(result.toObject().value(u"status"_s).toString() != u"rejected"_s,
            qPrintable(result.toObject().value(u"message"_s).toString()));
    const QByteArray pdf = deptsim::ResultPdf::make(c.number, c.matterName, QDate(2026, 3, 20));
    const QString name = deptsim::ResultPdf::fileName(c.number);
    request("PUT",
        url(u"/api/v1/department/cases/%1/documents/%2?name=%3"_s.arg(
            c.number, Sha256::hex(pdf), QString::fromLatin1(QUrl::toPercentEncoding(name)))),
        pdf, departmentKey(u"wj"_s), &status);
    QCOMPARE(status, 201);

    // The status page says there is a result document, and links its download.
    QVERIFY2(m_browser.navigate(url(u"/s/"_s + c.qrToken)), qPrintable(m_browser.lastError()));
    const QString section
        = m_browser.evaluate(u"document.querySelector('section.result').innerText"_s).toString();
    // Named, with its size and the day it was uploaded.
    QVERIFY2(section.contains(name) && section.contains(u"1.9 KB"_s)
            && section.contains(QRegularExpression(u"\\d{4}-\\d{2}-\\d{2}"_s)),
        qPrintable(section));
    QVERIFY(m_browser.evaluate(u"document.documentElement.scrollWidth <= window.innerWidth"_s).toBool());
    checkAccessibility(u"the status page with a result document"_s);
    m_browser.evaluate(u"document.querySelector('section.result').scrollIntoView()"_s);
    screenshot(u"zh-status-document.png"_s);

    // Straight to the file without the code: a page saying to confirm the number, never the PDF.
    const QString base = u"/s/%1/document"_s.arg(c.qrToken);
    QVERIFY(m_browser.navigate(url(base + u'/' + Sha256::hex(pdf))));
    QVERIFY(!m_browser.evaluate(u"document.body.innerText"_s).toString().contains(u"%PDF"_s));
    QVERIFY(m_browser.evaluate(u"!!document.querySelector('a[href$=\"/s/%1\"]')"_s.arg(c.qrToken)).toBool());
    checkAccessibility(u"the result document refused"_s);
    m_browser.clearConsoleErrors(); // the 403 itself

    // From the status page: the number masked, the code asked for, the code from the simulator.
    QVERIFY(m_browser.navigate(url(u"/s/"_s + c.qrToken)));
    m_browser.evaluate(u"document.querySelector('section.result a.button').click()"_s);
    QVERIFY(m_browser.waitFor(
        u"document.readyState === 'complete' && location.pathname.endsWith('/document')"_s));
    const QString ask = m_browser.evaluate(u"document.body.innerText"_s).toString();
    QVERIFY2(ask.contains(u"136****5678"_s) && !ask.contains(mobile), qPrintable(ask));
    checkAccessibility(u"the result document's SMS check"_s);
    screenshot(u"zh-status-document-ask.png"_s);
    QVERIFY2(submitAndWait(u"form[action$=\"/document/sms\"]"_s, u"!!document.getElementById('sms')"_s),
        qPrintable(m_browser.lastError()));
    const QString code = smsCode(mobile);
    QCOMPARE(code.size(), 6);
    m_browser.evaluate(u"document.getElementById('sms').value = '%1'"_s.arg(code));
    checkAccessibility(u"the result document's code"_s);
    screenshot(u"zh-status-document-code.png"_s);
    QVERIFY2(
        submitAndWait(u"form[action$=\"/document/verify\"]"_s, u"!!document.querySelector('a[download]')"_s),
        qPrintable(m_browser.lastError()));
    QCOMPARE(m_browser.evaluate(u"document.cookie"_s).toString(), QString());
    checkAccessibility(u"the result document to download"_s);
    screenshot(u"zh-status-document-download.png"_s);

    // The download, as a tap on the link gives it: the department's bytes under its file name.
    const QString downloads = m_dir.filePath(u"downloads"_s);
    QVERIFY(QDir().mkpath(downloads));
    m_browser.command(
        u"Page.setDownloadBehavior"_s, {{u"behavior"_s, u"allow"_s}, {u"downloadPath"_s, downloads}});
    m_browser.evaluate(u"document.querySelector('a[download]').click()"_s);
    QByteArray downloaded;
    for (int round = 0; round < 300 && downloaded.size() != pdf.size(); ++round) {
        QFile file(downloads + u'/' + name);
        if (file.open(QIODevice::ReadOnly))
            downloaded = file.readAll();
        if (downloaded.size() != pdf.size())
            QTest::qWait(100);
    }
    QCOMPARE(downloaded, pdf);
    QVERIFY2(m_browser.consoleErrors().isEmpty(), qPrintable(m_browser.consoleErrors().join(u'\n')));
}

void TestPreApplicationPages::largeBodiesRefusedBeforeReading()
{
    // 100 MB announced to the pre-application's forms and uploads, without a session: refused from
    // the headers alone, and nothing of the body is waited for.
    for (const QByteArray &line : {QByteArray("POST /guide/pa/sms"), QByteArray("POST /guide/pa/verify"),
             QByteArray("PUT /guide/pa/YS23456789AB/scans/1?offset=0"),
             QByteArray("POST /api/v1/preapplications/YS23456789AB/review"),
             QByteArray("POST /s/abc/document/sms"),
             QByteArray("PUT /api/v1/department/cases/" + ow::server::testing::caseNumber(31).toLatin1()
                 + "/documents/" + QByteArray(64, 'a'))}) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(5000));
        socket.write(line + " HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n");
        QByteArray answer;
        while (!answer.contains("\r\n") && socket.waitForReadyRead(10000))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), QByteArray(line + ": " + answer.left(64)).constData());
    }
    // Within the chunk's limit but without the applicant's session: 401 before the body.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(5000));
    socket.write(
        "PUT /guide/pa/YS23456789AB/scans/1?offset=0 HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n");
    QByteArray answer;
    while (!answer.contains("\r\n") && socket.waitForReadyRead(10000))
        answer += socket.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 401"), answer.left(64).constData());
}

QTEST_MAIN(TestPreApplicationPages)
#include "tst_preApplicationPages.moc"
