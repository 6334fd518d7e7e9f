// Departments' result documents through the server's Api, without HTTP: the upload checked (a PDF,
// its SHA-256, its size before a byte is read, the case's own department, a file name) and
// idempotent; read back by the workstations of the case's hall and by its department only; named by
// an approved, denied or result-ready event only once uploaded for that case, and carried to the
// hall's workstations by /changes as it was posted. The applicant's download from the status page:
// never without the SMS code sent (through the SMS simulator) to the case's own mobile number, a
// wrong code refused and void after five, the cookie for that page only and for 15 minutes, a case
// without a mobile number sent to the pickup counter. Runs on SQLite, and as
// tst_caseDocuments_postgres on OW_TEST_POSTGRES.

#include "CaseTestSupport.h"
#include "ServerDatabaseSupport.h"
#include "ServerTestSupport.h"
#include "cases/QrToken.h"
#include "core/ManualClock.h"
#include "core/Sha256.h"
#include "deptsim/ResultPdf.h"
#include "server/Api.h"
#include "server/CaseDocuments.h"
#include "server/DepartmentLogChain.h"
#include "server/PreApplicationVerification.h"
#include "server/PreApplications.h"
#include "server/SmsSender.h"
#include "server/SmsSimulatorGateway.h"
#include "server/StatusDocumentPage.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPdfDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::server;
using namespace ow::server::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kHall = u"33030201"_s;
const QString kOtherHall = u"33030202"_s;
const QDateTime kStart(QDate(2026, 3, 16), QTime(2, 0), Qt::UTC);

QByteArray resultPdf(const QString &number)
{
    return "%PDF-1.4\n% 准予许可决定书 " + number.toUtf8() + '\n' + QByteArray(4000, 'x') + "\n%%EOF\n";
}

QJsonObject json(const ApiReply &reply)
{
    return QJsonDocument::fromJson(reply.body).object();
}

QString errorCode(const ApiReply &reply)
{
    return json(reply).value(u"error"_s).toObject().value(u"code"_s).toString();
}

QString errorMessage(const ApiReply &reply)
{
    return json(reply).value(u"error"_s).toObject().value(u"message"_s).toString();
}

QByteArray header(const ApiReply &reply, const QByteArray &name)
{
    for (const auto &[key, value] : reply.headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

/// A case on the server, and the token of its status page.
struct Made
{
    QString number;
    QString token;
};

} // namespace

class TestCaseDocuments : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<Api> m_api;
    ManualClock m_clock {kStart};
    int m_address = 1;

    ApiReply call(const QByteArray &method, const QString &target, const QByteArray &body = {},
        const QString &token = {})
    {
        ApiRequest request;
        request.method = method;
        const QUrl url = QUrl::fromEncoded(target.toUtf8());
        request.path = url.path();
        request.query = QUrlQuery(url);
        request.body = body;
        request.remote = QHostAddress(u"192.0.2.%1"_s.arg(m_address));
        if (!token.isEmpty())
            request.headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + token.toUtf8()));
        QString credential;
        ApiReply reply = m_api->handle(request, &credential);
        m_db->finishStatements();
        return reply;
    }
    QString workstationToken(const QString &hall, const QString &counter)
    {
        const Result<IssuedSecret> code
            = CredentialStore(*m_db, m_clock.clock()).issueEnrolCode(hall, counter);
        if (!code)
            return {};
        const ApiReply enrolled = call("POST", u"/api/v1/enrol"_s,
            QJsonDocument(QJsonObject {{u"code"_s, code->secret}, {u"machine"_s, counter}}).toJson());
        return json(enrolled).value(u"token"_s).toString();
    }
    QString departmentKey(const QString &department)
    {
        const Result<IssuedSecret> key
            = CredentialStore(*m_db, m_clock.clock()).issueDepartmentKey(department);
        m_db->finishStatements();
        return key ? key->secret : QString();
    }
    /// A case of department wj accepted at counter W07 of kHall, as the counter syncs it.
    Made accept(int serial, const QString &mobile = u"13812345678"_s)
    {
        Case c = cases::testing::draft();
        c.number = caseNumber(serial);
        c.qrToken = QrToken::generate();
        c.hall = kHall;
        c.counter = u"W07"_s;
        c.created = m_clock.now();
        c.updated = m_clock.now();
        c.applicant.contactMobile = mobile;
        // A counter accepts no case without the contact's mobile number: such a case stays a draft.
        QJsonArray entries {outboxEntry(&c, c.number, EventKind::Created, m_clock.now(), CaseState::Draft)};
        if (!mobile.isEmpty())
            entries.append(
                outboxEntry(&c, c.number, EventKind::Accepted, m_clock.now(), CaseState::Accepted));
        Result<QList<IncomingEvent>> parsed = RequestParser::eventBatch(batch(entries));
        if (!parsed)
            return {};
        Credential workstation;
        workstation.id = u"ws-w07"_s;
        workstation.kind = Credential::Kind::Workstation;
        workstation.hall = kHall;
        workstation.counter = u"W07"_s;
        workstation.counterNumber = 7;
        Result<QList<EventResult>> results
            = CaseRepository(*m_db, m_clock.clock()).ingest(workstation, *parsed);
        m_db->finishStatements();
        if (!results || results->size() != entries.size() || results->last().status == u"rejected"_s)
            return {};
        return {c.number, c.qrToken};
    }
    QString acceptedCase(int serial) { return accept(serial).number; }
    /// What the SMS simulator logged for `mobile` last, sent through the server's SMS sender.
    QString lastSms(const QString &mobile)
    {
        const QString log = m_dir->filePath(u"sms.log"_s);
        SmsSimulatorGateway gateway(log, m_clock.clock());
        SmsSender sender(*m_db, gateway, m_clock.clock(), 3);
        if (!sender.sendDue())
            return {};
        m_db->finishStatements();
        QFile file(log);
        QString text;
        if (file.open(QIODevice::ReadOnly))
            for (const QByteArray &line : file.readAll().split('\n')) {
                const QJsonObject sent = QJsonDocument::fromJson(line).object();
                if (sent.value(u"mobile"_s).toString() == mobile)
                    text = sent.value(u"text"_s).toString();
            }
        return text;
    }
    static QString codeIn(const QString &text)
    {
        return QRegularExpression(u"\\d{6}"_s).match(text).captured();
    }
    ApiReply page(const QByteArray &method, const QString &target, const QByteArray &body = {},
        const QByteArray &cookie = {})
    {
        ApiRequest request;
        request.method = method;
        request.path = target;
        request.body = body;
        request.remote = QHostAddress(u"198.51.100.%1"_s.arg(m_address));
        if (!cookie.isEmpty())
            request.headers.append(qMakePair(QByteArray("Cookie"), "other=1; " + cookie));
        QString credential;
        ApiReply reply = m_api->handle(request, &credential);
        m_db->finishStatements();
        return reply;
    }
    ApiReply upload(const QString &number, const QByteArray &bytes, const QString &key,
        const QString &name = u"准予许可决定书.pdf"_s, const QString &sha256 = {})
    {
        return call("PUT",
            u"/api/v1/department/cases/%1/documents/%2?name=%3"_s.arg(number,
                sha256.isEmpty() ? Sha256::hex(bytes) : sha256,
                QString::fromLatin1(QUrl::toPercentEncoding(name))),
            bytes, key);
    }
    ApiReply departmentEvent(
        const QString &number, const QString &kind, const QJsonObject &payload, const QString &key)
    {
        const QJsonObject body {{u"kind"_s, kind}, {u"clerk"_s, u"wj-007"_s}, {u"payload"_s, payload}};
        return call(
            "POST", u"/api/v1/department/cases/%1/events"_s.arg(number), QJsonDocument(body).toJson(), key);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (postgresMissing())
            QSKIP("OW_TEST_POSTGRES is not set: run it with scripts/with-postgres");
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_clock.set(kStart);
        Result<std::unique_ptr<storage::Database>> db = freshServerDatabase(*m_dir);
        QVERIFY2(db, db ? "" : qPrintable(db.error().toString()));
        m_db = std::move(*db);
        Api::Options options;
        options.dataDirectory = m_dir->path();
        m_api = std::make_unique<Api>(*m_db, options, m_clock.clock());
    }
    void cleanup()
    {
        m_api.reset();
        m_db.reset();
        m_dir.reset();
    }

    void uploadIsCheckedAndIdempotent()
    {
        const QString number = acceptedCase(1);
        QVERIFY(!number.isEmpty());
        const QString wj = departmentKey(u"wj"_s);
        const QString sc = departmentKey(u"sc"_s);
        const QByteArray pdf = resultPdf(number);

        // Not a PDF, a body under another hash, no usable name, another department, an unknown case.
        const QByteArray notPdf = "PK\x03\x04 a zip file";
        ApiReply refused = upload(number, notPdf, wj);
        QCOMPARE(refused.status, 422);
        QCOMPARE(errorCode(refused), u"invalid"_s);
        refused = upload(number, pdf, wj, u"准予许可决定书.pdf"_s, Sha256::hex("other bytes"));
        QCOMPARE(refused.status, 422);
        QCOMPARE(errorCode(refused), u"hash-mismatch"_s);
        QCOMPARE(upload(number, pdf, wj, u"../决定书.pdf"_s).status, 422);
        QCOMPARE(upload(number, pdf, wj, u" "_s).status, 422);
        refused = upload(number, pdf, sc);
        QCOMPARE(refused.status, 403);
        QCOMPARE(errorCode(refused), u"other-department"_s);
        QCOMPARE(upload(caseNumber(99), pdf, wj).status, 404);
        // A workstation's token cannot upload a department's result.
        QCOMPARE(upload(number, pdf, workstationToken(kHall, u"W07"_s)).status, 403);
        // Nothing of the refused uploads was kept.
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM case_documents"_s)->toInt(), 0);
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM attachments"_s)->toInt(), 0);

        const ApiReply stored = upload(number, pdf, wj);
        QCOMPARE(stored.status, 201);
        QCOMPARE(json(stored),
            (QJsonObject {{u"sha256"_s, Sha256::hex(pdf)}, {u"size"_s, double(pdf.size())},
                {u"name"_s, u"准予许可决定书.pdf"_s}}));
        // Sent again (a lost answer): the same document, 200, the first name kept.
        const ApiReply again = upload(number, pdf, wj, u"again.pdf"_s);
        QCOMPARE(again.status, 200);
        QCOMPARE(json(again).value(u"name"_s).toString(), u"准予许可决定书.pdf"_s);
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM case_documents"_s)->toInt(), 1);
        QCOMPARE(m_db->scalar(u"SELECT department FROM case_documents"_s)->toString(), u"wj"_s);
        // In the departments' log once, chained, with the name the file was sent under.
        QCOMPARE(
            m_db->scalar(u"SELECT count(*) FROM department_log WHERE action = 'result-document'"_s)->toInt(),
            1);
        QCOMPARE(m_db->scalar(u"SELECT detail FROM department_log WHERE subject = ?"_s, {number})->toString(),
            u"准予许可决定书.pdf"_s);
        const Result<DepartmentLogChain::Verification> chain = DepartmentLogChain(*m_db).verify();
        QVERIFY(chain && chain->intact);
        m_db->finishStatements();
        // The department's view of the case lists what it uploaded.
        const QJsonArray listed = json(call("GET", u"/api/v1/department/cases/"_s + number, {}, wj))
                                      .value(u"documents"_s)
                                      .toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().toObject().value(u"sha256"_s).toString(), Sha256::hex(pdf));
        QCOMPARE(listed.first().toObject().value(u"name"_s).toString(), u"准予许可决定书.pdf"_s);
    }

    void tooLargeIsRefusedBeforeItIsRead()
    {
        const QString number = acceptedCase(1);
        const QString wj = departmentKey(u"wj"_s);
        const QString path = u"/api/v1/department/cases/%1/documents/%2"_s.arg(number, QString(64, u'a'));
        QCOMPARE(Api::bodyLimit("PUT", path), CaseDocuments::kMaxBytes);
        ApiRequest head;
        head.method = "PUT";
        head.path = path;
        head.remote = QHostAddress(u"192.0.2.9"_s);
        head.headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + wj.toUtf8()));
        const std::optional<ApiReply> early = m_api->preflight(head, CaseDocuments::kMaxBytes + 1);
        QVERIFY(early);
        QCOMPARE(early->status, 413);
        // Up to the limit, the body is read (the department's key is known).
        QVERIFY(!m_api->preflight(head, CaseDocuments::kMaxBytes));
        m_db->finishStatements();
    }

    void theHallReadsItAndNoOtherHall()
    {
        const QString number = acceptedCase(1);
        const QString wj = departmentKey(u"wj"_s);
        const QByteArray pdf = resultPdf(number);
        QCOMPARE(upload(number, pdf, wj).status, 201);
        const QString sha256 = Sha256::hex(pdf);
        const QString target = u"/api/v1/attachments/"_s + sha256;

        const ApiReply ours = call("GET", target, {}, workstationToken(kHall, u"W07"_s));
        QCOMPARE(ours.status, 200);
        QCOMPARE(ours.body, pdf);
        const ApiReply department = call("GET", target, {}, wj);
        QCOMPARE(department.status, 200);
        QCOMPARE(department.body, pdf);
        // Another hall and another department learn nothing, not even that the file exists.
        QCOMPARE(call("GET", target, {}, workstationToken(kOtherHall, u"W01"_s)).status, 404);
        QCOMPARE(call("GET", target, {}, departmentKey(u"sc"_s)).status, 404);
    }

    void eventsNameOnlyUploadedDocuments()
    {
        const QString number = acceptedCase(1);
        const QString other = acceptedCase(2);
        const QString wj = departmentKey(u"wj"_s);
        const QByteArray pdf = resultPdf(number);
        const QJsonObject document {
            {u"name"_s, u"准予许可决定书.pdf"_s}, {u"sha256"_s, Sha256::hex(pdf)}, {u"size"_s, pdf.size()}};
        QCOMPARE(departmentEvent(number, u"in-review"_s, {}, wj).status, 201);
        QCOMPARE(departmentEvent(other, u"in-review"_s, {}, wj).status, 201);

        // Not uploaded yet.
        ApiReply refused = departmentEvent(number, u"approved"_s, {{u"document"_s, document}}, wj);
        QCOMPARE(refused.status, 422);
        QCOMPARE(errorCode(refused), u"invalid"_s);
        QVERIFY2(errorMessage(refused).contains(u"document"_s), qPrintable(errorMessage(refused)));
        QCOMPARE(upload(number, pdf, wj).status, 201);
        // Uploaded for another case, of another size, malformed, or on a kind that has no result.
        refused = departmentEvent(other, u"approved"_s, {{u"document"_s, document}}, wj);
        QCOMPARE(refused.status, 422);
        QVERIFY(errorMessage(refused).contains(u"document"_s));
        QJsonObject resized = document;
        resized.insert(u"size"_s, pdf.size() + 1);
        QCOMPARE(departmentEvent(number, u"approved"_s, {{u"document"_s, resized}}, wj).status, 422);
        QJsonObject unnamed = document;
        unnamed.remove(u"name"_s);
        refused = departmentEvent(number, u"approved"_s, {{u"document"_s, unnamed}}, wj);
        QCOMPARE(refused.status, 422);
        QVERIFY(errorMessage(refused).contains(u"document"_s));
        QCOMPARE(departmentEvent(number, u"approved"_s, {{u"document"_s, u"x.pdf"_s}}, wj).status, 422);
        const QJsonObject supplement {{u"document"_s, document},
            {u"materials"_s,
                QJsonArray {QJsonObject {
                    {u"id"_s, u"plan"_s}, {u"name"_s, u"平面图"_s}, {u"deadline"_s, u"2026-03-30"_s}}}}};
        QCOMPARE(departmentEvent(number, u"supplement-requested"_s, supplement, wj).status, 422);
        QCOMPARE(m_db->scalar(u"SELECT state FROM cases WHERE number = ?"_s, {number})->toString(),
            u"in-review"_s);

        const ApiReply approved = departmentEvent(number, u"approved"_s, {{u"document"_s, document}}, wj);
        QCOMPARE(approved.status, 201);
        QCOMPARE(departmentEvent(number, u"result-ready"_s, {{u"document"_s, document}}, wj).status, 201);

        // The hall's workstations get the document with the events, as the department posted it.
        const ApiReply changes
            = call("GET", u"/api/v1/changes?after=0"_s, {}, workstationToken(kHall, u"W07"_s));
        QCOMPARE(changes.status, 200);
        QList<QJsonObject> withDocument;
        for (const QJsonValue &change : json(changes).value(u"changes"_s).toArray()) {
            const QJsonObject event = change.toObject().value(u"event"_s).toObject();
            if (event.value(u"payload"_s).toObject().contains(u"document"_s))
                withDocument.append(event);
        }
        QCOMPARE(withDocument.size(), 2);
        QCOMPARE(withDocument.first().value(u"kind"_s).toString(), u"approved"_s);
        QCOMPARE(withDocument.first().value(u"case"_s).toString(), number);
        QCOMPARE(
            withDocument.first().value(u"payload"_s).toObject().value(u"document"_s).toObject(), document);
        QCOMPARE(withDocument.last().value(u"kind"_s).toString(), u"result-ready"_s);
    }
    void statusPageOffersTheDocument()
    {
        const Made made = accept(1);
        const QString wj = departmentKey(u"wj"_s);
        const QString status = u"/s/"_s + made.token;
        QVERIFY(!QString::fromUtf8(page("GET", status).body).contains(u"/document"_s));
        QCOMPARE(page("GET", status + u"/document"_s).status, 404);
        const QByteArray pdf = resultPdf(made.number);
        QCOMPARE(upload(made.number, pdf, wj).status, 201);

        const QString html = QString::fromUtf8(page("GET", status).body);
        QVERIFY(html.contains(u"准予许可决定书.pdf"_s));
        QVERIFY(html.contains(u"区卫生健康局"_s));
        QVERIFY(html.contains(u"2026-03-16"_s));
        QVERIFY(html.contains(StatusDocumentPage::sizeText(pdf.size())));
        QVERIFY(html.contains(u"href=\"%1/document\""_s.arg(status)));
        // Neither the number nor the bytes are on the page.
        QVERIFY(!html.contains(u"13812345678"_s));
        QVERIFY(!html.contains(u"/document/"_s + Sha256::hex(pdf)));
    }

    void downloadOnlyAfterTheSmsCode()
    {
        const Made made = accept(1);
        const Made sameNumber = accept(2);
        const QString wj = departmentKey(u"wj"_s);
        const QByteArray pdf = resultPdf(made.number);
        QCOMPARE(upload(made.number, pdf, wj).status, 201);
        QCOMPARE(upload(sameNumber.number, resultPdf(sameNumber.number), wj).status, 201);
        const QString base = u"/s/%1/document"_s.arg(made.token);
        const QString file = base + u'/' + Sha256::hex(pdf);

        // Without the code: the masked number and the button, never the bytes.
        ApiReply refused = page("GET", file);
        QCOMPARE(refused.status, 403);
        QVERIFY(!refused.body.contains("%PDF"));
        QCOMPARE(refused.contentType, QByteArray("text/html; charset=utf-8"));
        const ApiReply ask = page("GET", base);
        QCOMPARE(ask.status, 200);
        QVERIFY(ask.body.contains("138****5678"));
        QVERIFY(!ask.body.contains("13812345678"));
        QVERIFY(ask.body.contains(QByteArray("action=\"" + base.toUtf8() + "/sms\"")));
        QVERIFY(header(ask, "Content-Security-Policy").contains("default-src 'none'"));

        // A code asked for the pre-application does not open the download.
        QVERIFY(PreApplicationVerification(*m_db, m_clock.clock()).sendCode(u"13812345678"_s)->sent);
        m_db->finishStatements();
        const QString preApplicationCode = codeIn(lastSms(u"13812345678"_s));
        QVERIFY(!preApplicationCode.isEmpty());
        QCOMPARE(page("POST", base + u"/verify"_s, "sms=" + preApplicationCode.toLatin1()).status, 422);

        // The code goes to the case's own number, for this purpose.
        m_clock.advance(61 * 1000);
        const ApiReply sent = page("POST", base + u"/sms"_s);
        QCOMPARE(sent.status, 200);
        QVERIFY(sent.body.contains("name=\"sms\""));
        const QString sms = lastSms(u"13812345678"_s);
        QVERIFY2(sms != QString() && codeIn(sms) != preApplicationCode, qPrintable(sms));
        const QString code = codeIn(sms);
        const QByteArray wrong
            = "sms=" + QByteArray::number((code.toInt() + 1) % 1000000).rightJustified(6, '0');

        // Four wrong tries are told how many are left; the fifth voids the code, the right one too.
        for (int tried = 1; tried < PreApplicationVerification::kMaxAttempts; ++tried) {
            const ApiReply no = page("POST", base + u"/verify"_s, wrong);
            QCOMPARE(no.status, 422);
            QVERIFY(header(no, "Set-Cookie").isEmpty());
        }
        QCOMPARE(page("POST", base + u"/verify"_s, wrong).status, 422);
        const ApiReply voided = page("POST", base + u"/verify"_s, "sms=" + code.toLatin1());
        QCOMPARE(voided.status, 422);
        QVERIFY(header(voided, "Set-Cookie").isEmpty());
        QVERIFY(voided.body.contains(QByteArray("action=\"" + base.toUtf8() + "/sms\"")));

        // A new code, typed right: a cookie for this page only, HttpOnly, SameSite=Strict, 15 minutes.
        m_clock.advance(61 * 1000);
        ++m_address; // the per-address limit of code checks is tested apart
        QCOMPARE(page("POST", base + u"/sms"_s).status, 200);
        const QString fresh = codeIn(lastSms(u"13812345678"_s));
        const ApiReply verified = page("POST", base + u"/verify"_s, "sms=" + fresh.toLatin1());
        QCOMPARE(verified.status, 303);
        QCOMPARE(header(verified, "Location"), base.toUtf8());
        const QByteArray setCookie = header(verified, "Set-Cookie");
        QVERIFY(setCookie.contains("HttpOnly"));
        QVERIFY(setCookie.contains("SameSite=Strict"));
        QVERIFY(setCookie.contains(QByteArray("Path=" + base.toUtf8() + ";")));
        QVERIFY(setCookie.contains("Max-Age=900"));
        const QByteArray cookie = setCookie.split(';').first();

        const ApiReply list = page("GET", base, {}, cookie);
        QVERIFY(list.body.contains(QByteArray("href=\"" + file.toUtf8() + "\"")));
        const ApiReply download = page("GET", file, {}, cookie);
        QCOMPARE(download.status, 200);
        QCOMPARE(download.body, pdf);
        QCOMPARE(download.contentType, QByteArray("application/pdf"));
        QVERIFY(header(download, "Content-Disposition").startsWith("attachment;"));
        QVERIFY(header(download, "Content-Disposition")
                    .contains(QUrl::toPercentEncoding(u"准予许可决定书.pdf"_s)));
        // Not another case's page, though its number is the same; not after 15 minutes.
        const ApiReply otherCase = page("GET", u"/s/%1/document"_s.arg(sameNumber.token), {}, cookie);
        QVERIFY(otherCase.body.contains("action="));
        QVERIFY(!otherCase.body.contains("%PDF"));
        m_clock.advance(16 * 60 * 1000);
        QCOMPARE(page("GET", file, {}, cookie).status, 403);
    }

    void smsLimitsPerAddress()
    {
        // Five cases of five numbers asked for from one address within the minute; the sixth is one
        // too many for the address, whatever its number.
        const QString wj = departmentKey(u"wj"_s);
        for (int serial = 1; serial <= PreApplications::kSmsRequestsPerMinute + 1; ++serial) {
            const Made made = accept(serial, u"1381234560"_s + QString::number(serial));
            QCOMPARE(upload(made.number, resultPdf(made.number), wj).status, 201);
            const int status = page("POST", u"/s/%1/document/sms"_s.arg(made.token)).status;
            QCOMPARE(status, serial <= PreApplications::kSmsRequestsPerMinute ? 200 : 429);
        }
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM pre_application_sms"_s)->toInt(),
            PreApplications::kSmsRequestsPerMinute);
        m_db->finishStatements();
    }

    void withoutMobileCollectedAtThePickupCounter()
    {
        const Made made = accept(1, QString());
        QCOMPARE(upload(made.number, resultPdf(made.number), departmentKey(u"wj"_s)).status, 201);
        const QString base = u"/s/%1/document"_s.arg(made.token);
        const ApiReply told = page("GET", base);
        QCOMPARE(told.status, 200);
        QVERIFY(!told.body.contains("<form"));
        QVERIFY(QString::fromUtf8(told.body).contains(u"pickup counter"_s));
        page("POST", base + u"/sms"_s);
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM pre_application_sms"_s)->toInt(), 0);
        m_db->finishStatements();
    }

    void simulatorWritesAOnePagePdf()
    {
        const QString number = caseNumber(1);
        QByteArray bytes
            = deptsim::ResultPdf::make(number, u"公共场所卫生许可（新发证）"_s, QDate(2026, 3, 20));
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QPdfDocument pdf;
        pdf.load(&buffer);
        QCOMPARE(pdf.status(), QPdfDocument::Status::Ready);
        QCOMPARE(pdf.pageCount(), 1);
        // The reader's own Chinese font draws the title (STSong-Light), Helvetica the number.
        QVERIFY(pdf.getAllText(0).text().contains(u"准予许可决定书"_s));
        QVERIFY(pdf.getAllText(0).text().contains(number));
        QVERIFY(pdf.getAllText(0).text().contains(u"2026-03-20"_s));
        QCOMPARE(pdf.metaData(QPdfDocument::MetaDataField::Title).toString(), u"准予许可决定书 "_s + number);
        QCOMPARE(deptsim::ResultPdf::fileName(number), u"准予许可决定书-%1.pdf"_s.arg(number));
    }
};

QTEST_GUILESS_MAIN(TestCaseDocuments)
#include "tst_caseDocuments.moc"
