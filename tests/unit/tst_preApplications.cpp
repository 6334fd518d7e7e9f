// Online pre-applications through the server's Api, without HTTP: the applicant's walk from the
// checklist (SMS code, registration form, two scans, submission) and the counters' and departments'
// API (list, read, scans, review, taken), with the fault paths: wrong and void SMS codes, the SMS
// limits, expiry, the scan quota and type check, bodies refused before they are read, another
// hall's code, another department's matter, a second take and the open pre-applications per ID.

#include "ServerDatabaseSupport.h"
#include "cases/CaseNumber.h"
#include "catalogue/PreApplicationCode.h"
#include "core/ManualClock.h"
#include "core/Sha256.h"
#include "server/Api.h"
#include "server/PreApplicationApi.h"
#include "server/PreApplicationForm.h"
#include "server/PreApplicationVerification.h"
#include "server/SmsGateway.h"
#include "server/SmsSender.h"
#include "sync/CataloguePackage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::server;
using namespace Qt::StringLiterals;

namespace {

const QString kHall = u"33030201"_s;
const QString kHotel = u"330302-WJ-001"_s;
const QStringList kHotelAnswers {u"place-type=lodging"_s, u"linen-washing=outsourced"_s,
    u"lodging-facilities=neither"_s, u"central-ac=yes"_s, u"agent=self"_s};
const QString kMobile = u"13912345678"_s;
const QByteArray kPdf = "%PDF-1.4\n" + QByteArray(3000, 'p') + "\n%%EOF\n";
const QByteArray kJpeg = QByteArray("\xFF\xD8\xFF\xE0", 4) + QByteArray(2000, 'j');

QString text(const ApiReply &reply)
{
    return QString::fromUtf8(reply.body);
}

QByteArray header(const ApiReply &reply, const QByteArray &name)
{
    for (const auto &[key, value] : reply.headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QJsonObject json(const ApiReply &reply)
{
    return QJsonDocument::fromJson(reply.body).object();
}

QByteArray formOf(const QList<QPair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

QByteArray hotelForm(const QString &mobile)
{
    QList<QPair<QString, QString>> fields {{u"mobile"_s, mobile}, {u"m"_s, kHotel}};
    for (const QString &answer : kHotelAnswers)
        fields.append({u"a"_s, answer});
    return formOf(fields);
}

QByteArray personForm(const QString &id)
{
    return formOf({{u"kind"_s, u"person"_s}, {u"name"_s, u"张三丰"_s}, {u"idNumber"_s, id},
        {u"contactName"_s, u"张三丰"_s}, {u"contactMobile"_s, kMobile},
        {u"address"_s, u"温州市鹿城区车站大道1号"_s}});
}

/// Answers every send with the outcome it is given, and keeps what was sent.
class ScriptedGateway : public SmsGateway
{
public:
    SmsOutcome outcome;
    QList<SmsMessage> sent;

    void send(const SmsMessage &message, Done done) override
    {
        sent.append(message);
        done(outcome);
    }
};

} // namespace

class TestPreApplications : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void formReading();
    void checklistOffersTheOnlineStep();
    void applicantWalkAndCounterTakesIt();
    void smsCodeFaults();
    void scanFaults();
    void bodiesRefusedBeforeTheyAreRead();
    void otherHallAndOtherDepartment();
    void reviewAndTakeConflicts();
    void openPreApplicationsPerId();
    void draftsExpireWithTheirScans();
    void smsCodesGoThroughTheSender();

private:
    ApiReply call(const QByteArray &method, const QString &target, const QByteArray &body = {},
        const QByteArray &cookie = {}, const QString &token = {});
    void publishDemo();
    QString lastSmsCode(const QString &mobile);
    /// Verifies `mobile` and starts a hotel pre-application; its code and the session cookie.
    std::pair<QString, QByteArray> startHotel(const QString &mobile);
    QString uploadScan(const QString &code, const QByteArray &cookie, const QString &material,
        const QString &name, const QString &mime, const QByteArray &bytes);
    QString submitted(const QString &mobile, const QString &id);
    QString workstationToken(const QString &hall, const QString &counter);
    QString departmentKey(const QString &department);
    QString hotelMaterial(const QString &code, const QByteArray &cookie, int index);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<Api> m_api;
    ManualClock m_clock {QDateTime(QDate(2026, 3, 2), QTime(1, 0), Qt::UTC), 10};
    int m_address = 1;
};

void TestPreApplications::initTestCase()
{
    if (testing::postgresMissing())
        QSKIP("PostgreSQL tests need OW_TEST_POSTGRES");
}

void TestPreApplications::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Result<std::unique_ptr<storage::Database>> db = testing::freshServerDatabase(*m_dir);
    QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().toString()));
    m_db = std::move(*db);
    Api::Options options;
    options.dataDirectory = m_dir->path();
    options.preApplications.hall = kHall;
    options.preApplications.maxScanBytes = 8 * 1024;
    options.preApplications.quotaBytes = 12 * 1024;
    m_api = std::make_unique<Api>(*m_db, options, m_clock.clock());
    publishDemo();
}

void TestPreApplications::cleanup()
{
    m_api.reset();
    m_db.reset();
    m_dir.reset();
}

ApiReply TestPreApplications::call(const QByteArray &method, const QString &target, const QByteArray &body,
    const QByteArray &cookie, const QString &token)
{
    ApiRequest request;
    request.method = method;
    const QUrl url = QUrl::fromEncoded(target.toUtf8());
    request.path = url.path();
    request.query = QUrlQuery(url);
    request.body = body;
    // A different address now and then keeps the per-address limits out of the tests that are not
    // about them.
    request.remote = QHostAddress(u"192.0.2.%1"_s.arg(m_address));
    if (!cookie.isEmpty())
        request.headers.append(qMakePair(QByteArray("Cookie"), "other=1; " + cookie));
    if (!token.isEmpty())
        request.headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + token.toUtf8()));
    QString credential;
    ApiReply reply = m_api->handle(request, &credential);
    m_db->finishStatements();
    return reply;
}

void TestPreApplications::publishDemo()
{
    Result<sync::CataloguePackage> package = sync::CataloguePackage::fromDirectory(
        QStringLiteral(OW_DEMO_CATALOGUE), u"lucheng-demo"_s, u"2026.11.2"_s);
    QVERIFY(package);
    CatalogueRepository catalogues(*m_db, m_dir->filePath(u"catalogues"_s), m_clock.clock());
    Result<CatalogueRepository::Outcome> published
        = catalogues.publish(*package, QJsonDocument(package->toJson()).toJson(QJsonDocument::Compact));
    QVERIFY2(published, published ? "" : qPrintable(published.error().toString()));
    m_db->finishStatements();
}

QString TestPreApplications::lastSmsCode(const QString &mobile)
{
    // What the SMS simulator would log: the text queued for the gateway.
    Result<std::optional<QVariantList>> row = m_db->firstRow(
        u"SELECT text FROM pre_application_sms WHERE mobile = ? ORDER BY id DESC"_s, {mobile});
    m_db->finishStatements();
    if (!row || !*row)
        return {};
    static const QRegularExpression digits(u"\\d{6}"_s);
    return digits.match((*row)->at(0).toString()).captured();
}

std::pair<QString, QByteArray> TestPreApplications::startHotel(const QString &mobile)
{
    ++m_address;
    const ApiReply asked = call("POST", u"/guide/pa/sms"_s, hotelForm(mobile));
    if (asked.status != 200)
        qWarning("sms: %d %s", asked.status, asked.body.constData());
    const QString code = lastSmsCode(mobile);
    QList<QPair<QString, QString>> fields {{u"mobile"_s, mobile}, {u"sms"_s, code}, {u"m"_s, kHotel}};
    for (const QString &answer : kHotelAnswers)
        fields.append({u"a"_s, answer});
    const ApiReply verified = call("POST", u"/guide/pa/verify"_s, formOf(fields));
    const QByteArray cookie = header(verified, "Set-Cookie").split(';').first();
    const QString location = QString::fromUtf8(header(verified, "Location"));
    return {location.mid(QStringLiteral("/guide/pa/").size()), cookie};
}

QString TestPreApplications::hotelMaterial(const QString &code, const QByteArray &cookie, int index)
{
    static const QRegularExpression material(u"data-material=\"([^\"]+)\""_s);
    QStringList ids;
    for (const QRegularExpressionMatch &match :
        material.globalMatch(text(call("GET", u"/guide/pa/"_s + code, {}, cookie))))
        ids.append(match.captured(1));
    return ids.value(index);
}

QString TestPreApplications::uploadScan(const QString &code, const QByteArray &cookie,
    const QString &material, const QString &name, const QString &mime, const QByteArray &bytes)
{
    const ApiReply made = call("POST",
        u"/guide/pa/%1/scans?material=%2&name=%3&size=%4&type=%5"_s
            .arg(code, material, QString::fromLatin1(QUrl::toPercentEncoding(name)))
            .arg(bytes.size())
            .arg(QString::fromLatin1(QUrl::toPercentEncoding(mime))),
        {}, cookie);
    if (made.status != 201)
        return {};
    const QString id = json(made).value(u"id"_s).toString();
    // Two chunks, as the page's script sends a larger file.
    const qint64 half = bytes.size() / 2;
    const ApiReply first
        = call("PUT", u"/guide/pa/%1/scans/%2?offset=0"_s.arg(code, id), bytes.left(half), cookie);
    const ApiReply second
        = call("PUT", u"/guide/pa/%1/scans/%2?offset=%3"_s.arg(code, id).arg(half), bytes.mid(half), cookie);
    if (first.status != 200 || second.status != 200 || !json(second).value(u"complete"_s).toBool())
        return {};
    return id;
}

QString TestPreApplications::submitted(const QString &mobile, const QString &id)
{
    const auto [code, cookie] = startHotel(mobile);
    if (call("POST", u"/guide/pa/%1/applicant"_s.arg(code), personForm(id), cookie).status != 303)
        return {};
    if (call("POST", u"/guide/pa/%1/submit"_s.arg(code), {}, cookie).status != 303)
        return {};
    return code;
}

QString TestPreApplications::workstationToken(const QString &hall, const QString &counter)
{
    const Result<IssuedSecret> code = CredentialStore(*m_db, m_clock.clock()).issueEnrolCode(hall, counter);
    if (!code)
        return {};
    ++m_address;
    const ApiReply enrolled = call("POST", u"/api/v1/enrol"_s,
        QJsonDocument(QJsonObject {{u"code"_s, code->secret}, {u"machine"_s, counter}}).toJson());
    return json(enrolled).value(u"token"_s).toString();
}

QString TestPreApplications::departmentKey(const QString &department)
{
    const Result<IssuedSecret> key = CredentialStore(*m_db, m_clock.clock()).issueDepartmentKey(department);
    m_db->finishStatements();
    return key ? key->secret : QString();
}

void TestPreApplications::formReading()
{
    const std::optional<PreApplicationForm> form
        = PreApplicationForm::parse("a=x%3Dy&a=b+c&m=%E4%BD%A0&empty=");
    QVERIFY(form);
    QCOMPARE(form->values(u"a"_s), (QStringList {u"x=y"_s, u"b c"_s}));
    QCOMPARE(form->value(u"m"_s), u"你"_s);
    QVERIFY(!PreApplicationForm::parse("a=%zz"));
    QVERIFY(!PreApplicationForm::parse("=x"));
    QByteArray many;
    for (int i = 0; i <= PreApplicationForm::kMaxFields; ++i)
        many += "f=1&";
    QVERIFY(!PreApplicationForm::parse(many));
    QVERIFY(!PreApplicationForm::parse(
        QByteArray(QByteArray("f=") + QByteArray(PreApplicationForm::kMaxValueLength + 1, 'x'))));
    QString problem;
    QVERIFY(!PreApplicationForm::applicant(*PreApplicationForm::parse("kind=robot"), &problem));
    QVERIFY(!problem.isEmpty());
    QVERIFY(!PreApplicationForm::applicant(*PreApplicationForm::parse("name=a%1Bb"), &problem));
    const std::optional<cases::Applicant> applicant = PreApplicationForm::applicant(
        *PreApplicationForm::parse(personForm(u"11010519491231002X"_s)), &problem);
    QVERIFY(applicant);
    QCOMPARE(applicant->name, u"张三丰"_s);
    QVERIFY(applicant->validate());
}

void TestPreApplications::checklistOffersTheOnlineStep()
{
    QStringList query;
    for (const QString &answer : kHotelAnswers)
        query.append(u"a="_s + QString::fromLatin1(QUrl::toPercentEncoding(answer)));
    const ApiReply checklist = call("GET", u"/guide/m/"_s + kHotel + u'?' + query.join(u'&'));
    QCOMPARE(checklist.status, 200);
    QVERIFY(text(checklist).contains(u"href=\"/guide/pa/new/"_s + kHotel + u"?a="_s));
    // Half-way through the questions there is nothing to apply for yet.
    QVERIFY(!text(call("GET", u"/guide/m/"_s + kHotel)).contains(u"/guide/pa/new/"_s));
    // The start asks for the mobile number first, and sends back an incomplete walk.
    const ApiReply start = call("GET", u"/guide/pa/new/"_s + kHotel + u'?' + query.join(u'&'));
    QCOMPARE(start.status, 200);
    QVERIFY(text(start).contains(u"name=\"mobile\""_s));
    QVERIFY(!header(start, "Content-Security-Policy").isEmpty());
    QCOMPARE(header(start, "X-Frame-Options"), QByteArray("DENY"));
    QCOMPARE(call("GET", u"/guide/pa/new/"_s + kHotel + u"?a=place-type%3Dlodging"_s).status, 303);

    // Without a hall for them, the server offers no pre-applications.
    Api::Options options;
    options.dataDirectory = m_dir->path();
    Api off(*m_db, options, m_clock.clock());
    ApiRequest request;
    request.method = "GET";
    request.path = u"/guide/m/"_s + kHotel;
    request.query = QUrlQuery(query.join(u'&'));
    QString credential;
    QVERIFY(!text(off.handle(request, &credential)).contains(u"/guide/pa/"_s));
    request.path = u"/guide/pa/new/"_s + kHotel;
    QCOMPARE(off.handle(request, &credential).status, 404);
}

void TestPreApplications::applicantWalkAndCounterTakesIt()
{
    const ApiReply asked = call("POST", u"/guide/pa/sms"_s, hotelForm(kMobile));
    QCOMPARE(asked.status, 200);
    QVERIFY(text(asked).contains(u"name=\"sms\""_s));
    const QString smsCode = lastSmsCode(kMobile);
    QCOMPARE(smsCode.size(), 6);
    // Only the code's hash is stored.
    QCOMPARE(m_db->scalar(u"SELECT COUNT(*) FROM pre_application_sms_codes WHERE code_hash = ?"_s, {smsCode})
                 ->toInt(),
        0);

    QList<QPair<QString, QString>> fields {{u"mobile"_s, kMobile}, {u"sms"_s, smsCode}, {u"m"_s, kHotel}};
    for (const QString &answer : kHotelAnswers)
        fields.append({u"a"_s, answer});
    const ApiReply verified = call("POST", u"/guide/pa/verify"_s, formOf(fields));
    QCOMPARE(verified.status, 303);
    const QByteArray setCookie = header(verified, "Set-Cookie");
    QVERIFY(setCookie.contains("HttpOnly"));
    QVERIFY(setCookie.contains("SameSite=Strict"));
    QVERIFY(setCookie.contains("Path=/guide/pa"));
    const QByteArray cookie = setCookie.split(';').first();
    const QString code = QString::fromUtf8(header(verified, "Location")).mid(10);
    QVERIFY2(catalogue::PreApplicationCode::isValidCode(code), qPrintable(code));

    const ApiReply page = call("GET", u"/guide/pa/"_s + code, {}, cookie);
    QCOMPARE(page.status, 200);
    QVERIFY(text(page).contains(kMobile)); // the verified number fills the contact's mobile
    QVERIFY(text(page).contains(u"/guide/pa/upload.js"_s));
    // Without the cookie the page asks for the number again and shows nothing of the pre-application.
    const ApiReply anonymous = call("GET", u"/guide/pa/"_s + code);
    QVERIFY(!text(anonymous).contains(kMobile));
    QVERIFY(text(anonymous).contains(u"name=\"mobile\""_s));

    // The counter's own checks, with the field named.
    const ApiReply wrongId
        = call("POST", u"/guide/pa/%1/applicant"_s.arg(code), personForm(u"110105194912310021"_s), cookie);
    QCOMPARE(wrongId.status, 422);
    QVERIFY(text(wrongId).contains(u"role=\"alert\""_s));
    QVERIFY(text(wrongId).contains(u"110105194912310021"_s)); // what was typed is kept
    QCOMPARE(call("POST", u"/guide/pa/%1/applicant"_s.arg(code), personForm(u"11010519491231002X"_s), cookie)
                 .status,
        303);

    const QString application = hotelMaterial(code, cookie, 0);
    const QString identity = hotelMaterial(code, cookie, 1);
    QVERIFY(!application.isEmpty() && !identity.isEmpty());
    const QString pdf = uploadScan(code, cookie, application, u"申请书.pdf"_s, u"application/pdf"_s, kPdf);
    const QString jpeg = uploadScan(code, cookie, identity, u"身份证.jpg"_s, u"image/jpeg"_s, kJpeg);
    QVERIFY(!pdf.isEmpty());
    QVERIFY(!jpeg.isEmpty());
    QCOMPARE(call("POST", u"/guide/pa/%1/submit"_s.arg(code), {}, cookie).status, 303);
    const ApiReply done = call("GET", u"/guide/pa/"_s + code, {}, cookie);
    QVERIFY(text(done).contains(u"<svg"_s));
    QVERIFY(text(done).contains(code));
    QVERIFY(!text(done).contains(u"name=\"idNumber\""_s)); // no longer editable

    // The counter of the hall: the list masks the applicant, the pre-application gives it whole.
    const QString token = workstationToken(kHall, u"W07"_s);
    QVERIFY(!token.isEmpty());
    const ApiReply listed = call("GET", u"/api/v1/preapplications?state=submitted"_s, {}, {}, token);
    QCOMPARE(listed.status, 200);
    const QJsonArray list = json(listed).value(u"preapplications"_s).toArray();
    QCOMPARE(list.size(), 1);
    const QJsonObject line = list.first().toObject();
    QCOMPARE(line.value(u"code"_s).toString(), code);
    QCOMPARE(line.value(u"matter"_s).toString(), kHotel);
    QCOMPARE(line.value(u"scanCount"_s).toInt(), 2);
    QVERIFY(!line.value(u"applicant"_s).toObject().value(u"idNumber"_s).toString().contains(u"19491231"_s));

    const ApiReply read = call("GET", u"/api/v1/preapplications/"_s + code, {}, {}, token);
    QCOMPARE(read.status, 200);
    const QJsonObject whole = json(read);
    QCOMPARE(whole.value(u"hall"_s).toString(), kHall);
    QCOMPARE(whole.value(u"mobile"_s).toString(), kMobile);
    QCOMPARE(whole.value(u"applicant"_s).toObject().value(u"idNumber"_s).toString(), u"11010519491231002X"_s);
    QCOMPARE(
        whole.value(u"answers"_s).toObject().value(u"answers"_s).toObject().value(u"place-type"_s).toString(),
        u"lodging"_s);
    QVERIFY(whole.value(u"review"_s).isNull());
    QVERIFY(whole.value(u"case"_s).isNull());
    const QJsonArray scans = whole.value(u"scans"_s).toArray();
    QCOMPARE(scans.size(), 2);
    QCOMPARE(scans.at(0).toObject().value(u"material"_s).toString(), application);
    QCOMPARE(scans.at(0).toObject().value(u"mime"_s).toString(), u"application/pdf"_s);
    QCOMPARE(scans.at(0).toObject().value(u"sha256"_s).toString(), Sha256::hex(kPdf));
    const ApiReply bytes
        = call("GET", u"/api/v1/preapplications/%1/scans/%2"_s.arg(code, jpeg), {}, {}, token);
    QCOMPARE(bytes.status, 200);
    QCOMPARE(bytes.contentType, QByteArray("image/jpeg"));
    QCOMPARE(bytes.body, kJpeg);

    // Accepted for the counter, then taken into a case: the same call again is harmless.
    const ApiReply accepted = call("POST", u"/api/v1/preapplications/%1/review"_s.arg(code),
        R"({"decision":"accept","reasons":[],"reviewer":"李四"})", {}, token);
    QCOMPARE(accepted.status, 200);
    QCOMPARE(json(accepted).value(u"state"_s).toString(), u"accepted"_s);
    QCOMPARE(json(accepted).value(u"review"_s).toObject().value(u"reviewer"_s).toString(), u"李四"_s);
    const QString number
        = cases::CaseNumber::make(kHall, QDate(2026, 3, 2), cases::CaseNumber::sequenceFor(7, 1))->toString();
    const QByteArray take
        = QJsonDocument(QJsonObject {{u"case"_s, number}, {u"clerk"_s, u"1001"_s}}).toJson();
    const ApiReply taken = call("POST", u"/api/v1/preapplications/%1/taken"_s.arg(code), take, {}, token);
    QCOMPARE(taken.status, 200);
    QCOMPARE(json(taken).value(u"case"_s).toString(), number);
    QCOMPARE(call("POST", u"/api/v1/preapplications/%1/taken"_s.arg(code), take, {}, token).status, 200);
    QVERIFY(text(call("GET", u"/guide/pa/"_s + code, {}, cookie)).contains(u"Accepted at the counter"_s));

    // The counter has the scans now: the server keeps its copies only as long as a submission may wait.
    const QString file = m_dir->filePath(u"preapplications/"_s + jpeg);
    QVERIFY(QFile::exists(file));
    QVERIFY(m_api->sweepUploads());
    QVERIFY(QFile::exists(file));
    m_clock.advance(31LL * 24 * 3600 * 1000);
    QVERIFY(m_api->sweepUploads());
    QVERIFY(!QFile::exists(file));
    QCOMPARE(
        json(call("GET", u"/api/v1/preapplications/"_s + code, {}, {}, token)).value(u"state"_s).toString(),
        u"taken"_s);
}

void TestPreApplications::smsCodeFaults()
{
    QCOMPARE(call("POST", u"/guide/pa/sms"_s, hotelForm(u"0577-88881234"_s)).status, 422);
    QCOMPARE(call("POST", u"/guide/pa/sms"_s, hotelForm(kMobile)).status, 200);
    // One code a minute for a number, whatever the address.
    ++m_address;
    QCOMPARE(call("POST", u"/guide/pa/sms"_s, hotelForm(kMobile)).status, 429);
    const QString right = lastSmsCode(kMobile);
    const QString wrong = right == u"000000"_s ? u"111111"_s : u"000000"_s;
    const auto verify = [&](const QString &code) {
        return call("POST", u"/guide/pa/verify"_s,
            formOf({{u"mobile"_s, kMobile}, {u"sms"_s, code}, {u"m"_s, kHotel},
                {u"a"_s, kHotelAnswers.first()}}));
    };
    for (int i = 1; i < PreApplicationVerification::kMaxAttempts; ++i) {
        const ApiReply refused = verify(wrong);
        QCOMPARE(refused.status, 422);
        QVERIFY(header(refused, "Set-Cookie").isEmpty());
    }
    // The fifth wrong try voids the code: the right one no longer opens anything.
    QCOMPARE(verify(wrong).status, 422);
    const ApiReply late = verify(right);
    QCOMPARE(late.status, 422);
    QVERIFY(header(late, "Set-Cookie").isEmpty());

    // An expired code does not either.
    m_clock.advance(61 * 1000);
    ++m_address;
    QCOMPARE(call("POST", u"/guide/pa/sms"_s, hotelForm(kMobile)).status, 200);
    const QString fresh = lastSmsCode(kMobile);
    m_clock.advance(PreApplicationVerification::kCodeMinutes * 60 * 1000 + 1000);
    QVERIFY(header(verify(fresh), "Set-Cookie").isEmpty());

    // Five codes an hour for a number.
    for (int i = 0; i < 3; ++i) {
        m_clock.advance(61 * 1000);
        ++m_address;
        QCOMPARE(call("POST", u"/guide/pa/sms"_s, hotelForm(kMobile)).status, 200);
    }
    m_clock.advance(61 * 1000);
    ++m_address;
    QCOMPARE(call("POST", u"/guide/pa/sms"_s, hotelForm(kMobile)).status, 429);
    // And per address, whatever the number.
    ++m_address;
    int refused = 0;
    for (int i = 0; i < PreApplications::kSmsRequestsPerMinute + 1; ++i)
        refused += call("POST", u"/guide/pa/sms"_s, hotelForm(u"1380013%1"_s.arg(8000 + i))).status == 429;
    QCOMPARE(refused, 1);
}

void TestPreApplications::scanFaults()
{
    const auto [code, cookie] = startHotel(kMobile);
    QVERIFY(!code.isEmpty());
    const QString material = hotelMaterial(code, cookie, 0);
    const QString base
        = u"/guide/pa/%1/scans?material=%2&name=a.pdf&type=application/pdf&size="_s.arg(code, material);
    // Over the size of one file, and types other than PDF, JPEG and PNG.
    QCOMPARE(call("POST", base + u"9000"_s, {}, cookie).status, 413);
    QCOMPARE(call("POST",
                 u"/guide/pa/%1/scans?material=%2&name=a.html&type=text/html&size=10"_s.arg(code, material),
                 {}, cookie)
                 .status,
        415);
    QCOMPARE(
        call("POST", u"/guide/pa/%1/scans?material=nope&name=a.pdf&type=application/pdf&size=10"_s.arg(code),
            {}, cookie)
            .status,
        422);
    // The quota of the pre-application.
    QVERIFY(
        !uploadScan(code, cookie, material, u"a.pdf"_s, u"application/pdf"_s, kPdf + QByteArray(4000, ' '))
             .isEmpty());
    QVERIFY(!uploadScan(code, cookie, material, u"b.pdf"_s, u"application/pdf"_s, kPdf).isEmpty());
    QCOMPARE(call("POST", base + QString::number(kPdf.size()), {}, cookie).status, 413);

    // A wrong offset is answered with what the server has, to resume from.
    const auto [other, otherCookie] = startHotel(u"13912340000"_s);
    const QString otherMaterial = hotelMaterial(other, otherCookie, 0);
    const ApiReply made = call("POST",
        u"/guide/pa/%1/scans?material=%2&name=x.pdf&type=application/pdf&size=%3"_s.arg(other, otherMaterial)
            .arg(kPdf.size()),
        {}, otherCookie);
    QCOMPARE(made.status, 201);
    const QString id = json(made).value(u"id"_s).toString();
    const QString chunkUrl = u"/guide/pa/%1/scans/%2?offset="_s.arg(other, id);
    QCOMPARE(call("PUT", chunkUrl + u"0"_s, kPdf.left(100), otherCookie).status, 200);
    const ApiReply skipped = call("PUT", chunkUrl + u"500"_s, kPdf.mid(500, 100), otherCookie);
    QCOMPARE(skipped.status, 409);
    QCOMPARE(json(skipped).value(u"received"_s).toInt(), 100);
    QCOMPARE(json(call("GET", u"/guide/pa/%1/scans/%2"_s.arg(other, id), {}, otherCookie))
                 .value(u"received"_s)
                 .toInt(),
        100);
    // Another applicant's session cannot touch it.
    QCOMPARE(call("PUT", chunkUrl + u"100"_s, kPdf.mid(100), cookie).status, 404);
    // Bytes that are not what the type says are not kept.
    const ApiReply fake = call("POST",
        u"/guide/pa/%1/scans?material=%2&name=y.pdf&type=application/pdf&size=20"_s.arg(other, otherMaterial),
        {}, otherCookie);
    const QString fakeId = json(fake).value(u"id"_s).toString();
    const ApiReply html = call(
        "PUT", u"/guide/pa/%1/scans/%2?offset=0"_s.arg(other, fakeId), "<html><script>x</scr", otherCookie);
    QCOMPARE(html.status, 415);
    QCOMPARE(m_db->scalar(u"SELECT COUNT(*) FROM pre_application_scans WHERE id = ?"_s, {fakeId.toLongLong()})
                 ->toInt(),
        0);
    QVERIFY(!QFile::exists(m_dir->filePath(u"preapplications/"_s + fakeId + u".part"_s)));
}

void TestPreApplications::bodiesRefusedBeforeTheyAreRead()
{
    QCOMPARE(Api::bodyLimit("PUT", u"/guide/pa/YS23456789AB/scans/1"), PreApplications::kMaxChunk);
    QCOMPARE(Api::bodyLimit("POST", u"/guide/pa/sms"), PreApplications::kMaxFormBody);
    QCOMPARE(Api::bodyLimit("GET", u"/guide/pa/YS23456789AB"), 0);
    QCOMPARE(
        Api::bodyLimit("POST", u"/api/v1/preapplications/YS23456789AB/review"), PreApplicationApi::kMaxBody);
    ApiRequest head;
    head.method = "PUT";
    head.path = u"/guide/pa/YS23456789AB/scans/1"_s;
    head.remote = QHostAddress(u"192.0.2.200"_s);
    const std::optional<ApiReply> huge = m_api->preflight(head, 100LL * 1024 * 1024);
    QVERIFY(huge);
    QCOMPARE(huge->status, 413);
    // Within the limit but without a verified session: refused before the body too.
    const std::optional<ApiReply> anonymous = m_api->preflight(head, 1000);
    QVERIFY(anonymous);
    QCOMPARE(anonymous->status, 401);
    head.method = "POST";
    head.path = u"/guide/pa/YS23456789AB/applicant"_s;
    QCOMPARE(m_api->preflight(head, 1000)->status, 401);
    head.path = u"/guide/pa/sms"_s;
    QVERIFY(!m_api->preflight(head, 1000));
    QCOMPARE(m_api->preflight(head, PreApplications::kMaxFormBody + 1)->status, 413);
    head.path = u"/api/v1/preapplications/YS23456789AB/review"_s;
    QCOMPARE(m_api->preflight(head, 1000)->status, 401);
}

void TestPreApplications::otherHallAndOtherDepartment()
{
    const QString code = submitted(kMobile, u"11010519491231002X"_s);
    QVERIFY(!code.isEmpty());
    const QString otherHall = workstationToken(u"33030202"_s, u"W01"_s);
    QCOMPARE(call("GET", u"/api/v1/preapplications/"_s + code, {}, {}, otherHall).status, 404);
    QCOMPARE(json(call("GET", u"/api/v1/preapplications"_s, {}, {}, otherHall))
                 .value(u"preapplications"_s)
                 .toArray()
                 .size(),
        0);
    QCOMPARE(call("GET", u"/api/v1/preapplications/%1/scans/1"_s.arg(code), {}, {}, otherHall).status, 404);
    QCOMPARE(call("POST", u"/api/v1/preapplications/%1/review"_s.arg(code),
                 R"({"decision":"accept","reviewer":"x"})", {}, otherHall)
                 .status,
        404);

    const QString health = departmentKey(u"health"_s);
    const QString other = departmentKey(u"market"_s);
    QCOMPARE(json(call("GET", u"/api/v1/preapplications"_s, {}, {}, health))
                 .value(u"preapplications"_s)
                 .toArray()
                 .size(),
        1);
    QCOMPARE(json(call("GET", u"/api/v1/preapplications"_s, {}, {}, other))
                 .value(u"preapplications"_s)
                 .toArray()
                 .size(),
        0);
    const ApiReply refused = call("GET", u"/api/v1/preapplications/"_s + code, {}, {}, other);
    QCOMPARE(refused.status, 403);
    QCOMPARE(call("POST", u"/api/v1/preapplications/%1/review"_s.arg(code),
                 R"({"decision":"accept","reviewer":"x"})", {}, other)
                 .status,
        403);
    QCOMPARE(call("GET", u"/api/v1/preapplications/"_s + code, {}, {}, health).status, 200);
    // A department reviews but never takes into a case.
    const QString number
        = cases::CaseNumber::make(kHall, QDate(2026, 3, 2), cases::CaseNumber::sequenceFor(7, 1))->toString();
    QCOMPARE(call("POST", u"/api/v1/preapplications/%1/taken"_s.arg(code),
                 QJsonDocument(QJsonObject {{u"case"_s, number}, {u"clerk"_s, u"x"_s}}).toJson(), {}, health)
                 .status,
        403);
    // Drafts are the applicant's alone.
    const auto [draft, cookie] = startHotel(u"13912340001"_s);
    Q_UNUSED(cookie);
    QCOMPARE(
        call("GET", u"/api/v1/preapplications/"_s + draft, {}, {}, workstationToken(kHall, u"W02"_s)).status,
        404);
}

void TestPreApplications::reviewAndTakeConflicts()
{
    const QString code = submitted(kMobile, u"11010519491231002X"_s);
    const QString token = workstationToken(kHall, u"W07"_s);
    const QString review = u"/api/v1/preapplications/%1/review"_s.arg(code);
    QCOMPARE(
        call("POST", review, R"({"decision":"return","reasons":[],"reviewer":"李四"})", {}, token).status,
        422);
    QCOMPARE(call("POST", review, R"({"decision":"maybe","reviewer":"李四"})", {}, token).status, 422);
    QCOMPARE(call("POST", review, "not json", {}, token).status, 400);
    const ApiReply returned = call("POST", review,
        R"({"decision":"return","reasons":["营业执照复印件不清晰，请重新扫描"],"reviewer":"李四"})", {},
        token);
    QCOMPARE(returned.status, 200);
    QCOMPARE(json(returned).value(u"state"_s).toString(), u"returned"_s);
    QCOMPARE(call("POST", review, R"({"decision":"accept","reviewer":"李四"})", {}, token).status, 409);
    const QString number
        = cases::CaseNumber::make(kHall, QDate(2026, 3, 2), cases::CaseNumber::sequenceFor(7, 1))->toString();
    const QString taken = u"/api/v1/preapplications/%1/taken"_s.arg(code);
    const QByteArray take
        = QJsonDocument(QJsonObject {{u"case"_s, number}, {u"clerk"_s, u"1001"_s}}).toJson();
    QCOMPARE(call("POST", taken, take, {}, token).status, 409); // returned: not to a counter

    // The applicant sees the reasons, corrects and submits again.
    ++m_address;
    QCOMPARE(call("POST", u"/guide/pa/sms"_s, hotelForm(kMobile)).status, 429); // the minute is not over
    m_clock.advance(61 * 1000);
    QCOMPARE(
        call("POST", u"/guide/pa/sms"_s, formOf({{u"mobile"_s, kMobile}, {u"code"_s, code}})).status, 200);
    const ApiReply verified = call("POST", u"/guide/pa/verify"_s,
        formOf({{u"mobile"_s, kMobile}, {u"sms"_s, lastSmsCode(kMobile)}, {u"code"_s, code}}));
    QCOMPARE(verified.status, 303);
    QCOMPARE(QString::fromUtf8(header(verified, "Location")), u"/guide/pa/"_s + code);
    const QByteArray cookie = header(verified, "Set-Cookie").split(';').first();
    QVERIFY(text(call("GET", u"/guide/pa/"_s + code, {}, cookie))
                .contains(u"营业执照复印件不清晰，请重新扫描"_s));
    QCOMPARE(call("POST", u"/guide/pa/%1/submit"_s.arg(code), {}, cookie).status, 303);

    QCOMPARE(call("POST", taken, take, {}, token).status, 200); // a submitted one may be taken at once
    const QString otherNumber
        = cases::CaseNumber::make(kHall, QDate(2026, 3, 2), cases::CaseNumber::sequenceFor(7, 2))->toString();
    const ApiReply twice = call("POST", taken,
        QJsonDocument(QJsonObject {{u"case"_s, otherNumber}, {u"clerk"_s, u"1002"_s}}).toJson(), {}, token);
    QCOMPARE(twice.status, 409);
    QCOMPARE(json(twice).value(u"error"_s).toObject().value(u"code"_s).toString(), u"conflict"_s);
    // A case number of another hall is no case of this counter's.
    const QString foreign
        = cases::CaseNumber::make(u"33030202"_s, QDate(2026, 3, 2), cases::CaseNumber::sequenceFor(1, 1))
              ->toString();
    QCOMPARE(call("POST", taken,
                 QJsonDocument(QJsonObject {{u"case"_s, foreign}, {u"clerk"_s, u"x"_s}}).toJson(), {}, token)
                 .status,
        422);
    QCOMPARE(call("POST", u"/guide/pa/%1/submit"_s.arg(code), {}, cookie).status, 409);
}

void TestPreApplications::openPreApplicationsPerId()
{
    const QString id = u"360426199101010071"_s;
    for (int i = 0; i < 3; ++i)
        QVERIFY(!submitted(u"1391234000%1"_s.arg(i), id).isEmpty());
    const auto [code, cookie] = startHotel(u"13912340009"_s);
    QCOMPARE(call("POST", u"/guide/pa/%1/applicant"_s.arg(code), personForm(id), cookie).status, 303);
    const ApiReply refused = call("POST", u"/guide/pa/%1/submit"_s.arg(code), {}, cookie);
    QCOMPARE(refused.status, 409);
    QVERIFY(text(refused).contains(u"role=\"alert\""_s));
    // Another person is not held back.
    QCOMPARE(call("POST", u"/guide/pa/%1/applicant"_s.arg(code), personForm(u"11010519491231002X"_s), cookie)
                 .status,
        303);
    QCOMPARE(call("POST", u"/guide/pa/%1/submit"_s.arg(code), {}, cookie).status, 303);
}

void TestPreApplications::draftsExpireWithTheirScans()
{
    const auto [code, cookie] = startHotel(kMobile);
    const QString scan
        = uploadScan(code, cookie, hotelMaterial(code, cookie, 0), u"a.pdf"_s, u"application/pdf"_s, kPdf);
    QVERIFY(!scan.isEmpty());
    const QString file = m_dir->filePath(u"preapplications/"_s + scan);
    QVERIFY(QFile::exists(file));
    const QString kept = submitted(u"13912340002"_s, u"11010519491231002X"_s);
    m_clock.advance(8LL * 24 * 3600 * 1000);
    // Read as expired before the sweep, and gone with its file after it.
    const PreApplicationRepository repository(
        *m_db, m_dir->filePath(u"preapplications"_s), {}, m_clock.clock());
    QCOMPARE(repository.find(code).value()->state, PreApplicationState::Expired);
    QCOMPARE(
        m_db->scalar(u"SELECT state FROM pre_applications WHERE code = ?"_s, {code})->toString(), u"draft"_s);
    QVERIFY(m_api->sweepUploads());
    QCOMPARE(m_db->scalar(u"SELECT state FROM pre_applications WHERE code = ?"_s, {code})->toString(),
        u"expired"_s);
    QVERIFY(!QFile::exists(file));
    QCOMPARE(
        m_db->scalar(u"SELECT COUNT(*) FROM pre_application_scans WHERE code = ?"_s, {code})->toInt(), 0);
    // A submission has its own, longer time.
    QCOMPARE(m_db->scalar(u"SELECT state FROM pre_applications WHERE code = ?"_s, {kept})->toString(),
        u"submitted"_s);
    m_clock.advance(23LL * 24 * 3600 * 1000);
    QVERIFY(m_api->sweepUploads());
    QCOMPARE(m_db->scalar(u"SELECT state FROM pre_applications WHERE code = ?"_s, {kept})->toString(),
        u"expired"_s);
    const QString token = workstationToken(kHall, u"W07"_s);
    const QString number
        = cases::CaseNumber::make(kHall, QDate(2026, 3, 2), cases::CaseNumber::sequenceFor(7, 1))->toString();
    QCOMPARE(
        call("POST", u"/api/v1/preapplications/%1/taken"_s.arg(kept),
            QJsonDocument(QJsonObject {{u"case"_s, number}, {u"clerk"_s, u"1001"_s}}).toJson(), {}, token)
            .status,
        409);
}

void TestPreApplications::smsCodesGoThroughTheSender()
{
    PreApplicationVerification verification(*m_db, m_clock.clock());
    QVERIFY(verification.sendCode(kMobile)->sent);
    ScriptedGateway gateway;
    gateway.outcome.sent = true;
    gateway.outcome.messageId = u"m-1"_s;
    SmsSender sender(*m_db, gateway, m_clock.clock(), 3);
    QCOMPARE(sender.sendDue().value(), 1);
    QCOMPARE(gateway.sent.size(), 1);
    QCOMPARE(gateway.sent.first().mobile, kMobile);
    QVERIFY(gateway.sent.first().text.contains(QRegularExpression(u"\\d{6}"_s)));
    // Sent once, and its text (the code) is not kept.
    QCOMPARE(sender.sendDue().value(), 0);
    QCOMPARE(m_db->scalar(u"SELECT state FROM pre_application_sms"_s)->toString(), u"sent"_s);
    QCOMPARE(m_db->scalar(u"SELECT text FROM pre_application_sms"_s)->toString(), QString());

    // A failed code is never sent again: the applicant asks for another.
    m_clock.advance(61 * 1000);
    QVERIFY(verification.sendCode(kMobile)->sent);
    gateway.outcome = SmsOutcome {false, {}, u"provider down"_s, false};
    QCOMPARE(sender.sendDue().value(), 1);
    m_clock.advance(3600 * 1000);
    QCOMPARE(sender.sendDue().value(), 0);
    QCOMPARE(
        m_db->scalar(u"SELECT state FROM pre_application_sms ORDER BY id DESC"_s)->toString(), u"failed"_s);
    m_db->finishStatements();
    QCOMPARE(gateway.sent.size(), 2);

    // One with the gateway when the server stopped is never sent again either.
    QVERIFY(verification.sendCode(kMobile)->sent);
    QVERIFY(m_db->exec(u"UPDATE pre_application_sms SET state = 'sending' WHERE state = 'pending'"_s));
    QCOMPARE(sender.recover().value(), 1);
    QCOMPARE(sender.sendDue().value(), 0);
    QCOMPARE(
        m_db->scalar(u"SELECT state FROM pre_application_sms ORDER BY id DESC"_s)->toString(), u"unknown"_s);
    m_db->finishStatements();
}

QTEST_GUILESS_MAIN(TestPreApplications)
#include "tst_preApplications.moc"
