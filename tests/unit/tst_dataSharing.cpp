// The data-sharing platform's HTTP adapter against its simulator over loopback: a signed fetch of
// the demo's shared materials, and every failure named for the clerk (no record, refused
// credentials, unavailable, timeout, malformed answer, too large, not configured).
#include "core/CreditCode.h"
#include "core/ManualClock.h"
#include "deptsim/PushReceiver.h"
#include "sharing/HttpDataSharingPlatform.h"
#include "sharing/SharingSimulator.h"
#include "sharing/SharingWire.h"
#include "sharing/SimulatedRegistry.h"
#include "sync/PushSignature.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <memory>
#include <optional>

using namespace ow;
using namespace ow::sharing;

namespace {

const QString kLicenceCode = QStringLiteral("91330302681234565N"); // 温州市鹿城区瓯江印务有限公司
const QString kPersonId = QStringLiteral("360426199101010071");
const QString kAppId = QStringLiteral("hall-33030201");
const QByteArray kSecret = QByteArrayLiteral("s3cret-of-the-hall");

SharedRequest licenceRequest(const QString &code = kLicenceCode)
{
    return {QStringLiteral("business-licence"), QStringLiteral("营业执照"),
        {SharedKey::Kind::CreditCode, code}, QStringLiteral("3303020120260315010001W")};
}

/// An HTTP door on loopback answering with `handler`.
struct Door
{
    explicit Door(deptsim::PushReceiver::Handler handler)
        : receiver(std::move(handler))
    {
        port = *receiver.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)); }

    deptsim::PushReceiver receiver;
    quint16 port = 0;
};

/// The simulator behind a door.
struct Platform
{
    explicit Platform(const ManualClock &clock, qint64 downForMs = 0)
        : simulator({kAppId, kSecret, downForMs}, clock.clock())
        , door([this](const deptsim::PushRequest &request) {
            const SharingSimulator::Answer answer = simulator.handle(
                request.method, request.path,
                [&request](const QByteArray &name) { return request.header(name); }, request.body);
            return deptsim::PushAnswer {answer.status, answer.body};
        })
    {
    }

    SharingSimulator simulator;
    Door door;
};

HttpDataSharingPlatform::Settings settingsFor(const QUrl &url, const QByteArray &secret = kSecret)
{
    HttpDataSharingPlatform::Settings settings;
    settings.endpoint = url;
    settings.appId = kAppId;
    settings.secret = secret;
    return settings;
}

Result<SharedDocument> fetchNow(DataSharingPlatform &platform, const SharedRequest &request)
{
    std::optional<Result<SharedDocument>> answer;
    platform.fetch(
        request, [&answer](Result<SharedDocument> document) { answer.emplace(std::move(document)); });
    // The answer comes later, on this thread's event loop: the fetch never blocks.
    [&] { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 20000); }();
    if (!answer)
        return fail(Error::Code::Internal, QStringLiteral("no answer"));
    return std::move(*answer);
}

} // namespace

class TestDataSharing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typeIsJudgedByTheFirstBytes()
    {
        QCOMPARE(SharedDocument::typeOf("%PDF-1.4\n"), SharedDocument::Type::Pdf);
        QCOMPARE(SharedDocument::typeOf(QByteArray("\x89PNG\r\n\x1a\n....", 12)), SharedDocument::Type::Png);
        QCOMPARE(SharedDocument::typeOf(QByteArray("\xff\xd8\xff\xe0", 4)), SharedDocument::Type::Jpeg);
        QVERIFY(!SharedDocument::typeOf("<html>%PDF-"));
        QVERIFY(!SharedDocument::typeOf(QByteArray()));
    }

    void keyIsMasked()
    {
        QCOMPARE((SharedKey {SharedKey::Kind::CreditCode, kLicenceCode}.masked()),
            QStringLiteral("9133**********565N"));
    }

    void demoCodesAreValid()
    {
        QVERIFY(CreditCode::parse(kLicenceCode));
        QVERIFY(CreditCode::parse(QStringLiteral("91330302578932146J")));
        QVERIFY(CreditCode::parse(QStringLiteral("91330302712345621G")));
    }

    void licenceFetchedSigned()
    {
        const ManualClock clock(QDateTime(QDate(2026, 3, 15), QTime(10, 2), Qt::UTC));
        Platform platform(clock);
        HttpDataSharingPlatform http(settingsFor(platform.door.url()), clock.clock());
        QVERIFY(http.isConfigured());
        const Result<SharedDocument> document = fetchNow(http, licenceRequest());
        QVERIFY2(document, document ? "" : qPrintable(document.error().message()));
        QCOMPARE(document->type, SharedDocument::Type::Pdf);
        QVERIFY(document->bytes.startsWith("%PDF-"));
        QCOMPARE(document->source, QStringLiteral("温州市鹿城区市场监督管理局"));
        QCOMPARE(document->fetchedAt, clock.now());
        QVERIFY(document->reference.startsWith(QStringLiteral("SIM-20260315100200-")));
        QVERIFY(document->fileName.endsWith(QStringLiteral(".pdf")));
        QCOMPARE(document->mimeType(), QStringLiteral("application/pdf"));
    }

    void personalRecordByIdNumber()
    {
        const ManualClock clock;
        Platform platform(clock);
        HttpDataSharingPlatform http(settingsFor(platform.door.url()), clock.clock());
        const Result<SharedDocument> document = fetchNow(http,
            {QStringLiteral("household-register"), QStringLiteral("居民户口簿"),
                {SharedKey::Kind::IdNumber, kPersonId}, {}});
        QVERIFY2(document, document ? "" : qPrintable(document.error().message()));
        QCOMPARE(document->type, SharedDocument::Type::Png);
        QCOMPARE(document->source, QStringLiteral("温州市公安局鹿城区分局"));
    }

    void anyValidCodeHasItsOwnCompany()
    {
        const QString code = QStringLiteral("91110108551385082Q");
        QCOMPARE(SimulatedRegistry::companyName(code), SimulatedRegistry::companyName(code));
        QVERIFY(SimulatedRegistry::companyName(code)
            != SimulatedRegistry::companyName(QStringLiteral("91110000600037341L")));
        QCOMPARE(
            SimulatedRegistry::companyName(kLicenceCode), QStringLiteral("温州市鹿城区瓯江印务有限公司"));
        QVERIFY(SimulatedRegistry::issue(
            QStringLiteral("business-licence"), {SharedKey::Kind::CreditCode, code}));
    }

    void invalidKeyHasNoRecord()
    {
        const ManualClock clock;
        Platform platform(clock);
        HttpDataSharingPlatform http(settingsFor(platform.door.url()), clock.clock());
        const Result<SharedDocument> document
            = fetchNow(http, licenceRequest(QStringLiteral("91330302681234565X")));
        QVERIFY(!document);
        QCOMPARE(document.error().code(), Error::Code::NotFound);
        QVERIFY2(document.error().message().contains(QStringLiteral("营业执照")),
            qPrintable(document.error().message()));
        // A material the platform does not share has no record either.
        const Result<SharedDocument> other = fetchNow(http,
            {QStringLiteral("id-card"), QStringLiteral("居民身份证"), {SharedKey::Kind::IdNumber, kPersonId},
                {}});
        QCOMPARE(other.error().code(), Error::Code::NotFound);
    }

    void wrongSecretIsRefused()
    {
        const ManualClock clock;
        Platform platform(clock);
        HttpDataSharingPlatform http(settingsFor(platform.door.url(), "another secret"), clock.clock());
        const Result<SharedDocument> document = fetchNow(http, licenceRequest());
        QVERIFY(!document);
        QCOMPARE(document.error().code(), Error::Code::Invalid);
        QVERIFY(document.error().message().contains(QStringLiteral("sharing-secret")));
    }

    void staleTimestampIsRefused()
    {
        const ManualClock platformClock;
        const ManualClock workstationClock(platformClock.now().addSecs(3600));
        Platform platform(platformClock);
        HttpDataSharingPlatform http(settingsFor(platform.door.url()), workstationClock.clock());
        QCOMPARE(fetchNow(http, licenceRequest()).error().code(), Error::Code::Invalid);
    }

    void simulatorChecksTheSignatureOverTheBody()
    {
        const ManualClock clock;
        SharingSimulator simulator({kAppId, kSecret, 0}, clock.clock());
        const QByteArray body = SharingWire::requestBody(licenceRequest());
        const qint64 now = clock.now().toSecsSinceEpoch();
        QHash<QByteArray, QByteArray> headers {{SharingWire::kAppHeader, kAppId.toUtf8()},
            {sync::PushSignature::kTimestampHeader, QByteArray::number(now)},
            {sync::PushSignature::kSignatureHeader, sync::PushSignature::sign(kSecret, now, body)}};
        const auto header = [&headers](const QByteArray &name) { return headers.value(name); };
        QCOMPARE(simulator.handle("POST", SharingWire::kPath, header, body).status, 200);
        QByteArray tampered = body;
        tampered.replace("565N", "565X");
        QCOMPARE(simulator.handle("POST", SharingWire::kPath, header, tampered).status, 401);
        headers.insert(SharingWire::kAppHeader, "someone-else");
        QCOMPARE(simulator.handle("POST", SharingWire::kPath, header, body).status, 401);
    }

    void downThenBack()
    {
        const ManualClock clock;
        Platform platform(clock, 10 * 60 * 1000);
        HttpDataSharingPlatform http(settingsFor(platform.door.url()), clock.clock());
        const Result<SharedDocument> down = fetchNow(http, licenceRequest());
        QVERIFY(!down);
        QCOMPARE(down.error().code(), Error::Code::Io);
        QVERIFY2(down.error().message().contains(QStringLiteral("503")), qPrintable(down.error().message()));
        clock.advance(10 * 60 * 1000 + 1);
        QVERIFY(fetchNow(http, licenceRequest()));
    }

    void silentPlatformTimesOut()
    {
        // Accepts the connection and never answers; the timeout runs on the workstation's clock.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        const ManualClock clock;
        HttpDataSharingPlatform::Settings settings
            = settingsFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
        settings.timeoutMs = 15000;
        HttpDataSharingPlatform http(settings, clock.clock());
        std::optional<Result<SharedDocument>> answer;
        http.fetch(licenceRequest(),
            [&answer](Result<SharedDocument> document) { answer.emplace(std::move(document)); });
        QTRY_VERIFY(silent.hasPendingConnections() || silent.nextPendingConnection());
        QVERIFY(!answer.has_value());
        clock.advance(15000);
        QTRY_VERIFY(answer.has_value());
        QVERIFY(!*answer);
        QCOMPARE(answer->error().code(), Error::Code::Io);
        QVERIFY2(
            answer->error().message().contains(QStringLiteral("15")), qPrintable(answer->error().message()));
        QVERIFY2(answer->error().message().contains(QStringLiteral("did not answer")),
            qPrintable(answer->error().message()));
    }

    void malformedAnswersAreNamed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("cause");
        QTest::newRow("not JSON") << QByteArray("<html>oops</html>") << QStringLiteral("not a JSON object");
        QTest::newRow("no source") << SharingWire::answerBody(
            QStringLiteral("R1"), QString(), QStringLiteral("a.pdf"), "%PDF-1.4")
                                   << QStringLiteral("no source");
        QTest::newRow("not base64") << QByteArray(R"({"reference":"R1","source":"X","content":"%%%"})")
                                    << QStringLiteral("not base64");
        QTest::newRow("not a document") << SharingWire::answerBody(
            QStringLiteral("R1"), QStringLiteral("X"), QStringLiteral("a.pdf"), "<html>")
                                        << QStringLiteral("not a PDF, JPEG or PNG");
    }

    void malformedAnswersAreNamed()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, cause);
        Door door([body](const deptsim::PushRequest &) { return deptsim::PushAnswer {200, body}; });
        HttpDataSharingPlatform http(settingsFor(door.url()), Clock());
        const Result<SharedDocument> document = fetchNow(http, licenceRequest());
        QVERIFY(!document);
        QCOMPARE(document.error().code(), Error::Code::Parse);
        QVERIFY2(document.error().message().contains(cause), qPrintable(document.error().message()));
    }

    void oversizedAnswerIsRefused()
    {
        const ManualClock clock;
        Platform platform(clock);
        HttpDataSharingPlatform::Settings settings = settingsFor(platform.door.url());
        settings.maxBytes = 2048; // the licence's PDF is larger
        HttpDataSharingPlatform http(settings, clock.clock());
        const Result<SharedDocument> document = fetchNow(http, licenceRequest());
        QVERIFY(!document);
        QCOMPARE(document.error().code(), Error::Code::Unsupported);
        QVERIFY2(document.error().message().contains(QStringLiteral("larger")),
            qPrintable(document.error().message()));
    }

    void notConfiguredRefusesAtOnce()
    {
        HttpDataSharingPlatform http(HttpDataSharingPlatform::Settings::fromConfig({}, {}, {}, {}), Clock());
        QVERIFY(!http.isConfigured());
        std::optional<Result<SharedDocument>> answer;
        http.fetch(licenceRequest(),
            [&answer](Result<SharedDocument> document) { answer.emplace(std::move(document)); });
        QVERIFY(answer.has_value());
        QCOMPARE(answer->error().code(), Error::Code::Unsupported);
        QVERIFY(answer->error().message().contains(QStringLiteral("sharing-endpoint")));
    }

    void settingsFromConfig()
    {
        const auto settings
            = HttpDataSharingPlatform::Settings::fromConfig(QStringLiteral(" http://127.0.0.1:8091 "),
                QStringLiteral("hall"), QStringLiteral("s"), QStringLiteral("30"));
        QCOMPARE(settings.endpoint, QUrl(QStringLiteral("http://127.0.0.1:8091")));
        QCOMPARE(settings.timeoutMs, 30000);
        QCOMPARE(HttpDataSharingPlatform::Settings::fromConfig({}, {}, {}, QStringLiteral("0")).timeoutMs,
            HttpDataSharingPlatform::kDefaultTimeoutSeconds * 1000);
    }

    void devsimAnswersOnLoopback()
    {
        QProcess devsim;
        devsim.start(QStringLiteral(OW_DEVSIM_PATH),
            {QStringLiteral("sharing"), QStringLiteral("--listen"), QStringLiteral("0"),
                QStringLiteral("--app-id"), kAppId, QStringLiteral("--secret"), QString::fromUtf8(kSecret)});
        QVERIFY(devsim.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(devsim.canReadLine(), 20000);
        const QJsonObject listening = QJsonDocument::fromJson(devsim.readLine()).object();
        QCOMPARE(listening.value(QStringLiteral("event")).toString(), QStringLiteral("listening"));
        const QUrl url(
            QStringLiteral("http://127.0.0.1:%1").arg(listening.value(QStringLiteral("port")).toInt()));
        HttpDataSharingPlatform http(settingsFor(url), Clock());
        const Result<SharedDocument> document = fetchNow(http, licenceRequest());
        QVERIFY2(document, document ? "" : qPrintable(document.error().message()));
        QVERIFY(document->bytes.startsWith("%PDF-"));
        HttpDataSharingPlatform wrong(settingsFor(url, "wrong"), Clock());
        QCOMPARE(fetchNow(wrong, licenceRequest()).error().code(), Error::Code::Invalid);
        // Each answer is a line naming the material and the key masked, never in clear.
        QTRY_VERIFY_WITH_TIMEOUT(devsim.canReadLine(), 20000);
        const QByteArray answered = devsim.readLine();
        QVERIFY2(answered.contains("9133**********565N") && !answered.contains(kLicenceCode.toUtf8()),
            answered.constData());
        devsim.kill();
        devsim.waitForFinished();
    }
};

QTEST_MAIN(TestDataSharing)
#include "tst_dataSharing.moc"
