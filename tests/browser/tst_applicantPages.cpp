// The applicant's pages in a real headless Chromium at a phone's 390×844 against the real
// onewindow-server: the hotel permit found by its pinyin initials and walked one question at a time
// gives the same checklist as `onewindow-cli catalogue walk` with the same answers, with its QR code;
// the first page stays under 100 KB over the wire; the status page of a case accepted with a waiver
// names the missing material and its date and nothing personal; a matter's page lists its frequently
// asked questions as disclosures, each with its situation in words; no page loads anything from
// elsewhere or logs an error; axe-core finds no accessibility violation on any of them (installed
// by scripts/axe-core; without npm that check is skipped, saying so). Screenshots go to
// $OW_SCREENSHOTS_DIR (docs/screenshots/ for the docs), else the build tree.

#include "../unit/CaseTestSupport.h"
#include "HeadlessBrowser.h"
#include "cases/CaseJson.h"
#include "cases/CaseNumber.h"
#include "cases/QrToken.h"
#include "catalogue/GuideCode.h"
#include "core/Clock.h"
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
const QString kPickupHours = u"周一至周五 9:00-12:00，13:30-17:00"_s;

QJsonObject post(const QUrl &url, const QByteArray &body, const QString &token, int *status)
{
    static QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setTransferTimeout(30000);
    QNetworkReply *reply = network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

QJsonObject outboxEntry(
    const cases::Case &snapshot, cases::EventKind kind, int minute, cases::CaseState after)
{
    cases::CaseEvent event;
    event.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    event.caseNumber = snapshot.number;
    event.kind = kind;
    event.time = QDateTime(QDate(2026, 3, 16), QTime(9, 0), Qt::UTC).addSecs(minute * 60);
    event.clerk = snapshot.firstHandler;
    event.counter = snapshot.counter;
    return QJsonObject {{u"event"_s, cases::CaseJson::event(event)}, {u"state"_s, cases::keyword(after)},
        {u"case"_s, cases::CaseJson::caseObject(snapshot, cases::CaseJson::Privacy::Full)}};
}

} // namespace

class TestApplicantPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void firstPageIsSmallAndSearchFindsThePermit();
    void hotelWalkGivesTheSameChecklistAsCatalogueWalk();
    void statusPageOfAWaiverCase();
    void matterPageListsItsFaqs();
    void largeBodiesRefusedBeforeReading();

private:
    QUrl url(const QString &path) const { return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)); }
    bool startServer();
    QString enrol();
    void publishDemo();
    void screenshot(const QString &name);
    /// The page's accessibility violations as axe-core finds them; skips without axe-core.
    void checkAccessibility(const QString &page);
    bool clickAndWait(const QString &selector, const QString &condition);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_server;
    quint16 m_port = 0;
    HeadlessBrowser m_browser;
    QString m_axe; ///< the axe-core script, or why it is missing
    bool m_haveAxe = false;
};

void TestApplicantPages::initTestCase()
{
    if (!HeadlessBrowser::isInstalled())
        QSKIP("chromium is not installed (scripts/deps installs Debian's chromium)");
    QVERIFY(m_dir.isValid());
    QVERIFY(startServer());
    publishDemo();
    QVERIFY2(m_browser.start(), qPrintable(m_browser.lastError()));
    QVERIFY(m_browser.setViewport(390, 844, 1.0, true));

    // axe-core from npm, installed once into the build tree by the project's script.
    const QString axeDir = QStringLiteral(OW_BINARY_DIR "/axe-core");
    const QString axeFile = axeDir + u"/node_modules/axe-core/axe.min.js"_s;
    if (!QFile::exists(axeFile)) {
        QProcess install;
        install.setProcessChannelMode(QProcess::MergedChannels);
        install.start(QStringLiteral(OW_SOURCE_DIR "/scripts/axe-core"), {axeDir});
        install.waitForFinished(180000);
        if (install.exitCode() != 0)
            m_axe = u"axe-core could not be installed: "_s + QString::fromUtf8(install.readAll()).trimmed();
    }
    QFile axe(axeFile);
    if (axe.open(QIODevice::ReadOnly)) {
        m_axe = QString::fromUtf8(axe.readAll());
        m_haveAxe = true;
    } else if (m_axe.isEmpty()) {
        m_axe = u"axe-core is missing at "_s + axeFile;
    }
}

void TestApplicantPages::cleanupTestCase()
{
    m_browser.stop();
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->terminate();
        if (!m_server->waitForFinished(10000))
            m_server->kill();
    }
}

bool TestApplicantPages::startServer()
{
    m_server = std::make_unique<QProcess>();
    m_server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server->start(QStringLiteral(OW_SERVER_PATH),
        {u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, m_dir.filePath(u"data"_s), u"--lang"_s, u"zh_CN"_s,
            u"--pickup-hours"_s, kPickupHours});
    if (!m_server->waitForStarted(5000))
        return false;
    while (!m_server->canReadLine())
        if (!m_server->waitForReadyRead(10000))
            return false;
    m_port = quint16(QJsonDocument::fromJson(m_server->readLine()).object().value(u"port"_s).toInt());
    return m_port != 0;
}

QString TestApplicantPages::enrol()
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
    const QJsonObject answer = post(url(u"/api/v1/enrol"_s),
        QJsonDocument(QJsonObject {{u"code"_s, code->secret}, {u"machine"_s, u"W07"_s}}).toJson(), {},
        &status);
    return answer.value(u"token"_s).toString();
}

void TestApplicantPages::publishDemo()
{
    // Published into the running server's database and folder, as `catalogue publish` does over HTTP.
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
    QCOMPARE(published->status, CatalogueRepository::Outcome::Status::Published);
}

void TestApplicantPages::screenshot(const QString &name)
{
    // docs/screenshots/ when OW_SCREENSHOTS_DIR names it, else the build tree.
    const QString fromEnvironment = qEnvironmentVariable("OW_SCREENSHOTS_DIR");
    const QString folder
        = fromEnvironment.isEmpty() ? QStringLiteral(OW_SCREENSHOT_DEFAULT_DIR) : fromEnvironment;
    QVERIFY(QDir().mkpath(folder));
    QVERIFY2(m_browser.screenshot(folder + u'/' + name), qPrintable(m_browser.lastError()));
}

void TestApplicantPages::checkAccessibility(const QString &page)
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

bool TestApplicantPages::clickAndWait(const QString &selector, const QString &condition)
{
    bool ok = false;
    m_browser.evaluate(u"document.querySelector(%1).click()"_s.arg(QString::fromUtf8(
                           QJsonDocument(QJsonArray {selector}).toJson(QJsonDocument::Compact))
                                                                       .mid(1)
                                                                       .chopped(1)),
        &ok);
    return ok && m_browser.waitFor(u"document.readyState === 'complete' && ("_s + condition + u')');
}

void TestApplicantPages::firstPageIsSmallAndSearchFindsThePermit()
{
    QVERIFY2(m_browser.navigate(url(u"/guide/"_s)), qPrintable(m_browser.lastError()));
    QCOMPARE(m_browser.evaluate(u"document.documentElement.lang"_s).toString(), u"zh-CN"_s);
    // Everything the first page needs, headers included, as the phone receives it.
    const int transferred
        = m_browser.evaluate(u"performance.getEntriesByType('navigation')[0].transferSize"_s).toInt();
    const int resources = m_browser.evaluate(u"performance.getEntriesByType('resource').length"_s).toInt();
    qInfo("first page of /guide/: %d bytes over the wire, %d further requests", transferred, resources);
    QVERIFY(transferred > 0 && transferred < 100 * 1024);
    QCOMPARE(resources, 0);
    checkAccessibility(u"/guide/"_s);
    screenshot(u"guide-search.png"_s);

    QVERIFY(
        m_browser.evaluate(u"document.getElementById('q').value = 'ggcswsxk'"_s).toString() == u"ggcswsxk"_s);
    QVERIFY2(clickAndWait(u"form[role=search] button"_s, u"location.search.includes('q=ggcswsxk')"_s),
        qPrintable(m_browser.lastError()));
    QVERIFY(m_browser.evaluate(u"!!document.querySelector('a[href=\"/guide/m/330302-WJ-001\"]')"_s).toBool());
    checkAccessibility(u"/guide/?q=ggcswsxk"_s);
    screenshot(u"guide-search-results.png"_s);
    QVERIFY2(m_browser.consoleErrors().isEmpty(), qPrintable(m_browser.consoleErrors().join(u'\n')));
}

void TestApplicantPages::hotelWalkGivesTheSameChecklistAsCatalogueWalk()
{
    QVERIFY2(m_browser.navigate(url(u"/guide/?q=ggcswsxk"_s)), qPrintable(m_browser.lastError()));
    QVERIFY(clickAndWait(u"a[href=\"/guide/m/330302-WJ-001\"]"_s, u"!!document.querySelector('legend')"_s));
    for (qsizetype i = 0; i < kHotelAnswers.size(); ++i) {
        const QString radio = u"input[value=\"%1\"]"_s.arg(kHotelAnswers.at(i));
        QVERIFY2(m_browser.evaluate(u"!!document.querySelector('%1')"_s.arg(radio)).toBool(),
            qPrintable(kHotelAnswers.at(i)));
        if (i == 0) {
            checkAccessibility(u"the first question"_s);
            screenshot(u"guide-question.png"_s);
        }
        // By its label, as a thumb would.
        m_browser.evaluate(u"document.querySelector('%1').closest('label').click()"_s.arg(radio));
        const QString answered
            = u"[...document.querySelectorAll('input[type=hidden][name=a]')].some(e => e.value === '%1')"_s
                  .arg(kHotelAnswers.at(i));
        const QString reached
            = i + 1 < kHotelAnswers.size() ? answered : u"!!document.getElementById('checklist')"_s;
        QVERIFY2(clickAndWait(u"form button[type=submit]"_s, reached), qPrintable(m_browser.lastError()));
    }
    const QJsonArray shown
        = m_browser.evaluate(u"[...document.querySelectorAll('ol.list > li > h3')].map(h => h.textContent)"_s)
              .toArray();

    // `onewindow-cli catalogue walk` with the same answers.
    QStringList arguments {
        u"catalogue"_s, u"walk"_s, QStringLiteral(OW_DEMO_CATALOGUE), u"--matter"_s, kHotel, u"--json"_s};
    for (const QString &answer : kHotelAnswers)
        arguments << u"--answer"_s << answer;
    QProcess cli;
    cli.start(QStringLiteral(OW_CLI_PATH), arguments);
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 0);
    const QJsonObject walk = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QVERIFY(walk.value(u"complete"_s).toBool());
    QJsonArray expected;
    for (const QJsonValue &line : walk.value(u"checklist"_s).toArray())
        expected.append(line.toObject().value(u"name"_s));
    QCOMPARE(shown, expected);

    // The QR code and its text carry the matter and the answers, as the counter reads them.
    const QString code = catalogue::GuideCode {kHotel, kHotelAnswers}.toText();
    QCOMPARE(m_browser.evaluate(u"document.querySelector('.qr .code').textContent"_s).toString(), code);
    QVERIFY(
        m_browser.evaluate(u"document.querySelector('.qr svg').getBoundingClientRect().width"_s).toDouble()
        >= 150);
    // Fits the phone: nothing wider than the viewport.
    QVERIFY(m_browser.evaluate(u"document.documentElement.scrollWidth <= window.innerWidth"_s).toBool());
    checkAccessibility(u"the checklist"_s);
    m_browser.evaluate(u"window.scrollTo(0, document.getElementById('checklist').offsetTop - 8)"_s);
    screenshot(u"guide-checklist.png"_s);
    m_browser.evaluate(u"document.querySelector('.sample').scrollIntoView()"_s);
    screenshot(u"guide-sample.png"_s);
    m_browser.evaluate(u"document.querySelector('.qr').scrollIntoView()"_s);
    screenshot(u"guide-qr.png"_s);
    // The sample images came from the server itself and loaded.
    QVERIFY(m_browser.waitFor(u"[...document.images].every(i => i.complete && i.naturalWidth > 0)"_s));
    QVERIFY2(m_browser.consoleErrors().isEmpty(), qPrintable(m_browser.consoleErrors().join(u'\n')));
}

void TestApplicantPages::matterPageListsItsFaqs()
{
    // Every faq of the matter, whatever the answers (none given yet), each a disclosure that opens to
    // its answer, with the situation it is about in words where the page can say it.
    QVERIFY2(m_browser.navigate(url(u"/guide/m/330302-WJ-001"_s)), qPrintable(m_browser.lastError()));
    const QJsonArray questions
        = m_browser
              .evaluate(
                  u"[...document.querySelectorAll('section.faq details summary')].map(s => s.textContent)"_s)
              .toArray();
    QCOMPARE(questions.size(), 5);
    QCOMPARE(questions.at(0).toString(), u"办理卫生许可证要收费吗？"_s);
    QCOMPARE(questions.at(4).toString(), u"经营面积150平方米以上的，还要交什么？"_s);
    QCOMPARE(m_browser.evaluate(u"document.querySelector('section.faq h2').textContent"_s).toString(),
        u"常见问题"_s);
    // Closed until tapped: the answer is not shown; a tap on the question opens it.
    QVERIFY(!m_browser.evaluate(u"document.querySelector('section.faq details').open"_s).toBool());
    m_browser.evaluate(u"document.querySelector('section.faq summary').click()"_s);
    QVERIFY(m_browser.evaluate(u"document.querySelector('section.faq details').open"_s).toBool());
    m_browser.evaluate(u"document.querySelectorAll('section.faq details').forEach(d => d.open = true)"_s);
    const QJsonArray conditions
        = m_browser
              .evaluate(
                  u"[...document.querySelectorAll('section.faq details p.muted')].map(p => p.textContent)"_s)
              .toArray();
    QCOMPARE(conditions.size(), 1);
    QCOMPARE(conditions.at(0).toString(), u"适用情形：沐浴场所的经营面积是多少？≥ 150 平方米"_s);
    QVERIFY(m_browser.evaluate(u"document.documentElement.scrollWidth <= window.innerWidth"_s).toBool());
    checkAccessibility(u"the matter page's faqs"_s);
    m_browser.evaluate(u"document.querySelector('section.faq').scrollIntoView()"_s);
    screenshot(u"zh-guide-faq.png"_s);
    QVERIFY2(m_browser.consoleErrors().isEmpty(), qPrintable(m_browser.consoleErrors().join(u'\n')));

    // A matter without faqs has no such section.
    QVERIFY2(m_browser.navigate(url(u"/guide/m/330302-GJ-001"_s)), qPrintable(m_browser.lastError()));
    QVERIFY(!m_browser.evaluate(u"!!document.querySelector('section.faq')"_s).toBool());
}

void TestApplicantPages::statusPageOfAWaiverCase()
{
    const QString token = enrol();
    QVERIFY(!token.isEmpty());
    cases::Case c = cases::testing::draft();
    c.number = cases::CaseNumber::make(kHall, QDate(2026, 3, 16), cases::CaseNumber::sequenceFor(7, 1))
                   ->toString();
    c.qrToken = cases::QrToken::generate();
    c.hall = kHall;
    c.counter = u"W07"_s;
    c.firstHandler = u"clerk-042"_s;
    c.created = QDateTime(QDate(2026, 3, 16), QTime(9, 0), Qt::UTC);
    c.updated = c.created.addSecs(60);
    c.promisedDeadline = QDate(2026, 3, 25);
    const QJsonObject created = outboxEntry(c, cases::EventKind::Created, 0, cases::CaseState::Draft);
    c.materialChecks[1].status = cases::MaterialCheck::Status::Waived;
    c.materialChecks[1].failedPoints.clear();
    c.materialChecks[1].supplementDeadline = QDate(2026, 3, 23);
    c.state = cases::CaseState::AcceptedWithWaiver;
    const QJsonObject accepted
        = outboxEntry(c, cases::EventKind::AcceptedWithWaiver, 1, cases::CaseState::AcceptedWithWaiver);
    int status = 0;
    const QJsonObject stored = post(url(u"/api/v1/events"_s),
        QJsonDocument(QJsonObject {{u"events"_s, QJsonArray {created, accepted}}}).toJson(), token, &status);
    QCOMPARE(status, 200);
    for (const QJsonValue &result : stored.value(u"results"_s).toArray())
        QVERIFY2(result.toObject().value(u"status"_s).toString() != u"rejected"_s,
            qPrintable(result.toObject().value(u"message"_s).toString()));

    QVERIFY2(m_browser.navigate(url(u"/s/"_s + c.qrToken)), qPrintable(m_browser.lastError()));
    const QString next = m_browser.evaluate(u"document.querySelector('.next').textContent"_s).toString();
    QVERIFY2(next.contains(u"水质检测报告"_s) && next.contains(u"2026-03-23"_s), qPrintable(next));
    const QString text = m_browser.evaluate(u"document.body.innerText"_s).toString();
    for (const QString &personal :
        {c.applicant.name, c.applicant.idNumber, c.applicant.contactMobile, c.applicant.address, c.number})
        QVERIFY2(personal.isEmpty() || !text.contains(personal), qPrintable(personal));
    QVERIFY(m_browser.evaluate(u"document.documentElement.scrollWidth <= window.innerWidth"_s).toBool());
    checkAccessibility(u"the status page"_s);
    screenshot(u"status-page-waiver.png"_s);
    QVERIFY2(m_browser.consoleErrors().isEmpty(), qPrintable(m_browser.consoleErrors().join(u'\n')));
}

void TestApplicantPages::largeBodiesRefusedBeforeReading()
{
    // 100 MB announced to every public page, without a credential: 413 at once, from the headers
    // alone, and nothing of the body is waited for.
    for (const QByteArray &target : {QByteArray("/guide/"), QByteArray("/guide/m/330302-WJ-001"),
             QByteArray("/s/abc"), QByteArray("/s/abc/rating")}) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n");
        QByteArray answer;
        while (!answer.contains("\r\n") && socket.waitForReadyRead(10000))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(64).constData());
    }
}

QTEST_MAIN(TestApplicantPages)
#include "tst_applicantPages.moc"
