// The counter's client of the pre-application API against a stand-in server: the contract read
// field by field, and every way a fetch can fail — an unknown code, a damaged answer, a scan whose
// bytes do not match, a server that dies mid-scan or is not there — each named, nothing half
// fetched. Then the taken marks the sync round sends from the notes on cases: once each, kept for
// the next round while the server is away, a refusal skipped.

#include "CaseTestSupport.h"
#include "PreApplicationTestServer.h"
#include "cases/AttachmentStore.h"
#include "cases/CaseJson.h"
#include "sync/PreApplicationClient.h"
#include "sync/PreApplicationMarks.h"
#include "sync/SyncSettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::sync;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kCode = u"YS23456789AB"_s;
const QByteArray kScanA = "%PDF-1.4 the business licence";
const QByteArray kScanB = QByteArray(5000, 'j');

QJsonObject scanJson(const QString &id, const QString &material, const QString &name, const QByteArray &bytes)
{
    return QJsonObject {{u"id"_s, id}, {u"material"_s, material}, {u"fileName"_s, name},
        {u"mime"_s, u"application/pdf"_s}, {u"size"_s, bytes.size()},
        {u"sha256"_s, cases::AttachmentStore::hashOf(bytes)}};
}

QJsonObject preApplicationJson()
{
    catalogue::Answers answers;
    answers.set(u"place-type"_s, catalogue::Answer::single(u"lodging"_s));
    answers.set(u"central-ac"_s, catalogue::Answer::single(u"yes"_s));
    return QJsonObject {{u"code"_s, kCode}, {u"hall"_s, u"33030201"_s}, {u"matter"_s, u"330302-WJ-001"_s},
        {u"answers"_s, cases::CaseJson::answers(answers)},
        {u"applicant"_s, cases::testing::person().toJson()}, {u"mobile"_s, u"13812345678"_s},
        {u"state"_s, u"accepted"_s}, {u"submitted"_s, u"2026-03-16T09:30:00.000Z"_s},
        {u"review"_s,
            QJsonObject {{u"decision"_s, u"accept"_s}, {u"reasons"_s, QJsonArray()},
                {u"reviewer"_s, u"预审员"_s}, {u"at"_s, u"2026-03-16T10:00:00.000Z"_s}}},
        {u"scans"_s,
            QJsonArray {scanJson(u"1"_s, u"business-licence"_s, u"licence.pdf"_s, kScanA),
                scanJson(u"2"_s, u"floor-plan"_s, u"plan.pdf"_s, kScanB)}},
        {u"case"_s, QJsonValue::Null}};
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray path(const QString &rest)
{
    return QByteArray("/api/v1/preapplications") + rest.toUtf8();
}

} // namespace

class TestPreApplicationClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<PreApplicationTestServer> m_server;

    std::unique_ptr<SyncClient> client() const
    {
        auto c = std::make_unique<SyncClient>(QUrl(m_server->url()), u"workstation-token"_s);
        c->setTimeout(5000);
        return c;
    }

private Q_SLOTS:
    void init() { m_server = std::make_unique<PreApplicationTestServer>(); }

    void readsThePreApplicationAndItsScans()
    {
        m_server->answer("GET", path(u"/"_s + kCode), {200, "application/json", json(preApplicationJson())});
        m_server->answer("GET", path(u"/%1/scans/1"_s.arg(kCode)), {200, "application/pdf", kScanA});
        m_server->answer("GET", path(u"/%1/scans/2"_s.arg(kCode)), {200, "application/pdf", kScanB});
        const std::unique_ptr<SyncClient> owned = client();
        SyncClient &http = *owned;
        PreApplicationClient pre(http);
        Result<PreApplication> fetched = pre.fetch(kCode);
        QVERIFY2(fetched, fetched ? "" : qPrintable(fetched.error().message()));
        QCOMPARE(fetched->code, kCode);
        QCOMPARE(fetched->matter, u"330302-WJ-001"_s);
        QCOMPARE(fetched->state, u"accepted"_s);
        QCOMPARE(fetched->applicant, cases::testing::person());
        QCOMPARE(fetched->mobile, u"13812345678"_s);
        QCOMPARE(fetched->answers.find(u"place-type"_s)->option, u"lodging"_s);
        QVERIFY(fetched->review);
        QCOMPARE(fetched->review->reviewer, u"预审员"_s);
        QCOMPARE(fetched->submitted, QDateTime(QDate(2026, 3, 16), QTime(9, 30), Qt::UTC));
        QCOMPARE(fetched->scans.size(), 2);
        QCOMPARE(fetched->scans.at(1).material, u"floor-plan"_s);
        QVERIFY(fetched->caseNumber.isEmpty());
        // The workstation's token goes with every request.
        QCOMPARE(m_server->requests().constFirst().authorization, QByteArray("Bearer workstation-token"));

        Result<QList<FetchedScan>> scans = pre.fetchScans(*fetched);
        QVERIFY2(scans, scans ? "" : qPrintable(scans.error().message()));
        QCOMPARE(scans->size(), 2);
        QCOMPARE(scans->at(0).bytes, kScanA);
        QCOMPARE(scans->at(1).bytes, kScanB);
    }

    void anUnknownCodeIsNamed()
    {
        m_server->answer("GET", path(u"/"_s + kCode),
            {404, "application/json",
                R"({"error":{"code":"not-found","message":"no such pre-application"}})"});
        const std::unique_ptr<SyncClient> owned = client();
        SyncClient &http = *owned;
        Result<PreApplication> fetched = PreApplicationClient(http).fetch(kCode);
        QVERIFY(!fetched);
        QCOMPARE(fetched.error().code(), Error::Code::NotFound);
        QVERIFY2(fetched.error().message().contains(kCode), qPrintable(fetched.error().message()));
    }

    void aDamagedAnswerIsRefused()
    {
        QJsonObject withoutMatter = preApplicationJson();
        withoutMatter.remove(u"matter"_s);
        m_server->answer("GET", path(u"/"_s + kCode), {200, "application/json", json(withoutMatter)});
        const std::unique_ptr<SyncClient> owned = client();
        SyncClient &http = *owned;
        Result<PreApplication> fetched = PreApplicationClient(http).fetch(kCode);
        QVERIFY(!fetched);
        QCOMPARE(fetched.error().code(), Error::Code::Parse);

        QJsonObject badScan = preApplicationJson();
        badScan.insert(u"scans"_s, QJsonArray {QJsonObject {{u"id"_s, u"1"_s}, {u"sha256"_s, u"nothex"_s}}});
        m_server->answer("GET", path(u"/"_s + kCode), {200, "application/json", json(badScan)});
        QVERIFY(!PreApplicationClient(http).fetch(kCode));
    }

    void aScanThatDoesNotMatchItsHashIsRefused()
    {
        m_server->answer("GET", path(u"/"_s + kCode), {200, "application/json", json(preApplicationJson())});
        m_server->answer("GET", path(u"/%1/scans/1"_s.arg(kCode)), {200, "application/pdf", kScanA});
        QByteArray changed = kScanB;
        changed[10] = 'x'; // same size, other bytes
        m_server->answer("GET", path(u"/%1/scans/2"_s.arg(kCode)), {200, "application/pdf", changed});
        const std::unique_ptr<SyncClient> owned = client();
        SyncClient &http = *owned;
        PreApplicationClient pre(http);
        Result<PreApplication> fetched = pre.fetch(kCode);
        QVERIFY(fetched);
        Result<QList<FetchedScan>> scans = pre.fetchScans(*fetched);
        QVERIFY(!scans);
        QVERIFY2(scans.error().message().contains(u"plan.pdf"_s), qPrintable(scans.error().message()));
        QVERIFY(scans.error().message().contains(u"SHA-256"_s));
    }

    void aServerThatDiesMidScanIsTold()
    {
        m_server->answer("GET", path(u"/"_s + kCode), {200, "application/json", json(preApplicationJson())});
        m_server->answer("GET", path(u"/%1/scans/1"_s.arg(kCode)), {200, "application/pdf", kScanA});
        m_server->answer("GET", path(u"/%1/scans/2"_s.arg(kCode)), {200, "application/pdf", kScanB, 1000});
        const std::unique_ptr<SyncClient> owned = client();
        SyncClient &http = *owned;
        PreApplicationClient pre(http);
        Result<PreApplication> fetched = pre.fetch(kCode);
        QVERIFY(fetched);
        Result<QList<FetchedScan>> scans = pre.fetchScans(*fetched);
        QVERIFY(!scans);
        QVERIFY2(scans.error().message().contains(u"plan.pdf"_s), qPrintable(scans.error().message()));
        // Out of reach, not refused: worth trying again.
        QVERIFY(pre.lastFailure().retryable());
    }

    void aServerThatIsNotThereIsNamed()
    {
        const QString url = m_server->url();
        m_server.reset();
        SyncClient http {QUrl(url), u"t"_s};
        Result<PreApplication> fetched = PreApplicationClient(http).fetch(kCode);
        QVERIFY(!fetched);
        QCOMPARE(fetched.error().code(), Error::Code::Io);
        QVERIFY2(fetched.error().message().contains(url), qPrintable(fetched.error().message()));
    }

    void listsMasked()
    {
        const QJsonObject line {{u"code"_s, kCode}, {u"matter"_s, u"330302-WJ-001"_s},
            {u"matterName"_s, u"公共场所卫生许可"_s},
            {u"applicant"_s, cases::testing::person().toMaskedJson()}, {u"state"_s, u"submitted"_s},
            {u"submitted"_s, u"2026-03-16T09:30:00.000Z"_s}, {u"scanCount"_s, 2}};
        m_server->answer("GET", path(u"?state=submitted"_s),
            {200, "application/json", json({{u"preapplications"_s, QJsonArray {line}}})});
        const std::unique_ptr<SyncClient> owned = client();
        SyncClient &http = *owned;
        Result<QList<PreApplicationSummary>> list = PreApplicationClient(http).list(u"submitted"_s);
        QVERIFY2(list, list ? "" : qPrintable(list.error().message()));
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->constFirst().scanCount, 2);
        QCOMPARE(list->constFirst().matterName, u"公共场所卫生许可"_s);
        QVERIFY(!list->constFirst().applicantText().contains(u"张三丰"_s));
        QVERIFY(!list->constFirst().applicantText().contains(u"11010519491231002X"_s));
    }

    void reviewsAndReturnsWithReasons()
    {
        m_server->answer("POST", path(u"/%1/review"_s.arg(kCode)), {200, "application/json", "{}"});
        const std::unique_ptr<SyncClient> owned = client();
        SyncClient &http = *owned;
        PreApplicationClient pre(http);
        // A return without a reason is refused here, before anything is sent.
        QVERIFY(!pre.review(kCode, false, {u"  "_s}, u"预审员"_s));
        QVERIFY(m_server->requests().isEmpty());
        QVERIFY(pre.review(kCode, false, {u"营业执照模糊，请重新上传"_s, u""_s}, u"预审员"_s));
        const QJsonObject sent = QJsonDocument::fromJson(m_server->requests().constLast().body).object();
        QCOMPARE(sent.value(u"decision"_s).toString(), u"return"_s);
        QCOMPARE(sent.value(u"reasons"_s).toArray().size(), 1);
        QCOMPARE(sent.value(u"reviewer"_s).toString(), u"预审员"_s);
        QVERIFY(pre.review(kCode, true, {}, u"预审员"_s));
        QCOMPARE(QJsonDocument::fromJson(m_server->requests().constLast().body).object().value(u"decision"_s),
            QJsonValue(u"accept"_s));

        m_server->answer("POST", path(u"/%1/review"_s.arg(kCode)),
            {409, "application/json", R"({"error":{"code":"conflict","message":"not submitted"}})"});
        Result<void> late = pre.review(kCode, true, {}, u"预审员"_s);
        QVERIFY(!late);
        QVERIFY(late.error().message().contains(kCode));
    }

    void marksSentOnceAndKeptWhileAway()
    {
        QTemporaryDir dir;
        auto store = cases::CaseStore::open(dir.path(), cases::testing::workstation()).value();
        store->setClock(cases::testing::SteppingClock().clock());
        QVERIFY(store->setSyncValues({{SyncSettings::kCounter, u"W07"_s}}));
        Result<cases::Case> one = store->createDraft(cases::testing::draft(), u"1001"_s);
        Result<cases::Case> two = store->createDraft(cases::testing::draft(), u"1001"_s);
        QVERIFY(one && two);
        const auto note = [&](const QString &number, const QString &code) {
            cases::CaseEvent event;
            event.kind = cases::EventKind::Note;
            event.clerk = u"1001"_s;
            event.payload = QJsonObject {{u"preapplication"_s, code}, {u"scans"_s, QJsonArray()}};
            return store->appendEvent(number, event);
        };
        VERIFY_OK(note(one->number, kCode));
        cases::CaseEvent other; // an ordinary note is no mark
        other.kind = cases::EventKind::Note;
        other.clerk = u"1001"_s;
        other.payload = QJsonObject {{u"remark"_s, u"phoned"_s}};
        VERIFY_OK(store->appendEvent(one->number, other));
        QCOMPARE(PreApplicationMarks::pending(*store).value().size(), 1);

        // Away: nothing is lost, the mark waits.
        {
            const QString url = m_server->url();
            m_server.reset();
            SyncClient away {QUrl(url), u"t"_s};
            QVERIFY(!PreApplicationMarks(*store, away).send());
            QCOMPARE(PreApplicationMarks::pending(*store).value().size(), 1);
            m_server = std::make_unique<PreApplicationTestServer>();
        }
        m_server->answer("POST", path(u"/%1/taken"_s.arg(kCode)), {200, "application/json", "{}"});
        const QString otherCode = u"YS3456789ABC"_s;
        m_server->answer("POST", path(u"/%1/taken"_s.arg(otherCode)),
            {409, "application/json", R"({"error":{"code":"conflict","message":"taken by another case"}})"});
        VERIFY_OK(note(two->number, otherCode));
        const std::unique_ptr<SyncClient> owned = client();
        SyncClient &http = *owned;
        Result<PreApplicationMarks::Report> sent = PreApplicationMarks(*store, http).send();
        QVERIFY2(sent, sent ? "" : qPrintable(sent.error().message()));
        QCOMPARE(sent->marked, 1);
        QCOMPARE(sent->refused, 1);
        QCOMPARE(m_server->requests().size(), 2);
        const QJsonObject body = QJsonDocument::fromJson(m_server->requests().constFirst().body).object();
        QCOMPARE(body.value(u"case"_s).toString(), one->number);
        QCOMPARE(body.value(u"clerk"_s).toString(), u"1001"_s);
        QVERIFY(store->syncValue(QString(PreApplicationMarks::kLastRefusal)).value().contains(otherCode));
        // Sent once: the next round has nothing to send.
        QVERIFY(PreApplicationMarks::pending(*store).value().isEmpty());
        m_server->clearRequests();
        QCOMPARE(PreApplicationMarks(*store, http).send().value().marked, 0);
        QVERIFY(m_server->requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPreApplicationClient)
#include "tst_preApplicationClient.moc"
