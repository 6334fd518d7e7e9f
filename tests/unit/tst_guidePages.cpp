// The self-service checklist (/guide/) through the server's Api, without HTTP: search by name and
// pinyin, the hotel permit walked one question at a time to the same checklist as the counter's
// engine (what `onewindow-cli catalogue walk` prints), the QR code carrying the matter and answers,
// samples and blank forms of listed materials only, and the public hardening (no body, the rate
// limit before any work, the security headers), a matter's frequently asked questions with their
// situations in words. The guide code itself is tested here too.

#include "CaseTestSupport.h"
#include "ServerDatabaseSupport.h"
#include "cases/CaseJson.h"
#include "cases/CaseNumber.h"
#include "cases/QrToken.h"
#include "catalogue/CatalogueLoader.h"
#include "catalogue/GuideCode.h"
#include "core/ManualClock.h"
#include "server/Api.h"
#include "server/GuideApi.h"
#include "server/GuideCatalogue.h"
#include "server/GuidePage.h"
#include "server/OnlineRating.h"
#include "sync/CataloguePackage.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::server;
using namespace ow::catalogue;
using namespace Qt::StringLiterals;

namespace {

const QString kHotel = u"330302-WJ-001"_s;
const QStringList kHotelAnswers {u"place-type=lodging"_s, u"linen-washing=outsourced"_s,
    u"lodging-facilities=neither"_s, u"central-ac=yes"_s, u"agent=self"_s};

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

/// The material names of a checklist page, in order (each is the <h3> of its item).
QStringList checklistNames(const QString &html)
{
    QStringList names;
    static const QRegularExpression heading(u"<h3>([^<]*)</h3>"_s);
    for (const QRegularExpressionMatch &match : heading.globalMatch(html))
        names.append(match.captured(1));
    return names;
}

} // namespace

class TestGuidePages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void guideCodeRoundTrip();
    void guideCodeRefusesMalformed();
    void searchBeforeAndAfterPublishing();
    void hotelWalkGivesTheEnginesChecklist();
    void numberAndMultiChoiceForms();
    void faqsWithTheirSituationInWords();
    void samplesAndBlankFormsOfListedMaterialsOnly();
    void answersFromQueryAreBounded();
    void publicPagesTakeNoBodyAndAreRateLimited();
    void ratingFromTheStatusPageOnce();
    void ratingFormIsStrict();

private:
    ApiReply get(const QString &target, Api *api = nullptr);
    ApiReply send(
        const QByteArray &method, const QString &path, const QByteArray &body, const QString &token = {});
    /// A case of the hall accepted at counter W07, stored through the API; its QR token.
    QString acceptedCase();
    void publishDemo();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<Api> m_api;
    ManualClock m_clock {QDateTime(QDate(2026, 3, 2), QTime(1, 0), Qt::UTC), 10};
};

void TestGuidePages::initTestCase()
{
    if (testing::postgresMissing())
        QSKIP("PostgreSQL tests need OW_TEST_POSTGRES");
}

void TestGuidePages::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Result<std::unique_ptr<storage::Database>> db = testing::freshServerDatabase(*m_dir);
    QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().toString()));
    m_db = std::move(*db);
    Api::Options options;
    options.dataDirectory = m_dir->path();
    m_api = std::make_unique<Api>(*m_db, options, m_clock.clock());
}

void TestGuidePages::cleanup()
{
    m_api.reset();
    m_db.reset();
    m_dir.reset();
}

ApiReply TestGuidePages::get(const QString &target, Api *api)
{
    ApiRequest request;
    request.method = "GET";
    const QUrl url = QUrl::fromEncoded(target.toUtf8());
    request.path = url.path();
    request.query = QUrlQuery(url);
    request.remote = QHostAddress(u"192.0.2.7"_s);
    QString credential;
    return (api ? api : m_api.get())->handle(request, &credential);
}

ApiReply TestGuidePages::send(
    const QByteArray &method, const QString &path, const QByteArray &body, const QString &token)
{
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.remote = QHostAddress(u"192.0.2.9"_s);
    if (!token.isEmpty())
        request.headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + token.toUtf8()));
    QString credential;
    return m_api->handle(request, &credential);
}

QString TestGuidePages::acceptedCase()
{
    const Result<IssuedSecret> code
        = CredentialStore(*m_db, m_clock.clock()).issueEnrolCode(u"33030201"_s, u"W07"_s);
    if (!code)
        return {};
    const ApiReply enrolled = send("POST", u"/api/v1/enrol"_s,
        QJsonDocument(QJsonObject {{u"code"_s, code->secret}, {u"machine"_s, u"W07"_s}}).toJson());
    const QString token = QJsonDocument::fromJson(enrolled.body).object().value(u"token"_s).toString();
    cases::Case c = cases::testing::draft();
    c.number = cases::CaseNumber::make(u"33030201"_s, QDate(2026, 3, 2), cases::CaseNumber::sequenceFor(7, 1))
                   ->toString();
    c.qrToken = cases::QrToken::generate();
    c.hall = u"33030201"_s;
    c.counter = u"W07"_s;
    c.firstHandler = u"clerk-042"_s;
    c.created = m_clock.clock().nowUtc();
    c.updated = c.created;
    QJsonArray entries;
    for (const auto &[kind, state] : {std::pair(cases::EventKind::Created, cases::CaseState::Draft),
             std::pair(cases::EventKind::Accepted, cases::CaseState::Accepted)}) {
        cases::CaseEvent event;
        event.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        event.caseNumber = c.number;
        event.kind = kind;
        event.time = c.created;
        event.clerk = c.firstHandler;
        event.counter = c.counter;
        c.state = state;
        entries.append(
            QJsonObject {{u"event"_s, cases::CaseJson::event(event)}, {u"state"_s, cases::keyword(state)},
                {u"case"_s, cases::CaseJson::caseObject(c, cases::CaseJson::Privacy::Full)}});
    }
    const ApiReply stored = send("POST", u"/api/v1/events"_s,
        QJsonDocument(QJsonObject {{u"events"_s, entries}}).toJson(QJsonDocument::Compact), token);
    if (stored.status != 200 || stored.body.contains("rejected"))
        qWarning("events not stored: %s", stored.body.constData());
    m_db->finishStatements();
    return c.qrToken;
}

void TestGuidePages::publishDemo()
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

void TestGuidePages::guideCodeRoundTrip()
{
    const GuideCode code {kHotel, {u"place-type=lodging"_s, u"odd=a;b:c%d"_s, u"area=150"_s, u"sp= x\n"_s}};
    const QString written = code.toText();
    QVERIFY(written.startsWith(u"OWG1:330302-WJ-001:"_s));
    QCOMPARE(written.count(u';'), 3); // the answer's own ';' is escaped
    QVERIFY(!written.contains(u' ') && !written.contains(u'\n')); // a scanner may trim or stop there
    QVERIFY(GuideCode::isGuideCode(written));
    Result<GuideCode> read = GuideCode::parse(QString(u"  "_s + written + u"\n"_s));
    QVERIFY2(read, read ? "" : qPrintable(read.error().toString()));
    QCOMPARE(read->matterCode, code.matterCode);
    QCOMPARE(read->answers, code.answers);
    // No answers: the matter alone.
    Result<GuideCode> bare = GuideCode::parse(u"OWG1:330302-WJ-001"_s);
    QVERIFY(bare);
    QVERIFY(bare->answers.isEmpty());
}

void TestGuidePages::guideCodeRefusesMalformed()
{
    QVERIFY(!GuideCode::isGuideCode(u"OWTL:33030201-20260302-7-1000-wj"_s));
    QVERIFY(!GuideCode::parse(u"https://example.org/guide/"_s));
    QVERIFY(!GuideCode::parse(u"OWG1:"_s));
    QVERIFY(!GuideCode::parse(u"OWG1:330302-WJ-001:place-type"_s)); // not QUESTION=VALUE
    QVERIFY(!GuideCode::parse(u"OWG1:330302-WJ-001:a=%4"_s)); // a broken escape
    QVERIFY(!GuideCode::parse(u"OWG1:330302-WJ-001:a=%zz"_s));
    QStringList many;
    for (int i = 0; i <= GuideCode::kMaxAnswers; ++i)
        many.append(u"q=1"_s);
    QVERIFY(!GuideCode::parse(QString(u"OWG1:x:"_s + many.join(u';'))));
    QVERIFY(!GuideCode::parse(QString(u"OWG1:x:q="_s + QString(GuideCode::kMaxLength, u'1'))));
    // Characters a written code always escapes are refused raw (found by fuzzing: 300 raw control
    // characters parsed, then wrote back three times as long and no longer read back).
    QVERIFY(!GuideCode::parse(QString(u"OWG1:x:q="_s + QString(300, QChar(0x13)))));
    QVERIFY(!GuideCode::parse(u"OWG1:330302-WJ-001:a=b c"_s));
    QVERIFY(!GuideCode::parse(u"OWG1:330302-WJ-001:a=b:c"_s));
    QVERIFY(!GuideCode::parse(QString(u"OWG1:330"_s + QChar(0x01) + u"302:a=b"_s)));
}

void TestGuidePages::searchBeforeAndAfterPublishing()
{
    ApiReply empty = get(u"/guide/"_s);
    QCOMPARE(empty.status, 200);
    QVERIFY(text(empty).contains(u"class=\"none\""_s));

    publishDemo();
    const ApiReply first = get(u"/guide/"_s);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.contentType, QByteArray("text/html; charset=utf-8"));
    // The first page must load on a slow phone: everything it needs is in its own bytes.
    qInfo("first page of /guide/: %lld bytes", qlonglong(first.body.size()));
    QVERIFY(first.body.size() < 100 * 1024);
    QVERIFY(!text(first).contains(u"<script"_s));
    QVERIFY(!text(first).contains(u"http://"_s) && !text(first).contains(u"https://"_s));
    QVERIFY(text(first).contains(u"<label for=\"q\">"_s));
    QVERIFY(header(first, "Content-Security-Policy").startsWith("default-src 'none'"));
    QCOMPARE(header(first, "X-Frame-Options"), QByteArray("DENY"));
    QCOMPARE(header(first, "Referrer-Policy"), QByteArray("no-referrer"));

    // By pinyin initials and by part of the name, the hotel permit is found.
    for (const QString &query : {u"ggcswsxk"_s, u"%E5%8D%AB%E7%94%9F%E8%AE%B8%E5%8F%AF"_s}) {
        const ApiReply found = get(u"/guide/?q="_s + query);
        QCOMPARE(found.status, 200);
        QVERIFY2(text(found).contains(u"href=\"/guide/m/330302-WJ-001\""_s), qPrintable(query));
    }
    const ApiReply nothing = get(u"/guide/?q=zzzzqqq"_s);
    QVERIFY(text(nothing).contains(u"class=\"none\""_s));
    // What the visitor typed comes back escaped.
    QVERIFY(!text(get(u"/guide/?q=%3Cb%3E"_s)).contains(u"<b>"_s));
}

void TestGuidePages::hotelWalkGivesTheEnginesChecklist()
{
    publishDemo();
    // One question at a time: each page asks the next one as a form of radio buttons.
    QStringList given;
    const QStringList questions {
        u"place-type"_s, u"linen-washing"_s, u"lodging-facilities"_s, u"central-ac"_s, u"agent"_s};
    for (int i = 0; i < questions.size(); ++i) {
        const ApiReply page = get(GuidePage::matterUrl(kHotel, given));
        QCOMPARE(page.status, 200);
        const QString html = text(page);
        QVERIFY2(html.contains(u"value=\""_s + kHotelAnswers.at(i) + u'"'), qPrintable(questions.at(i)));
        QVERIFY(html.contains(u"<legend>"_s));
        QVERIFY(!html.contains(u"id=\"checklist\""_s));
        given.append(kHotelAnswers.at(i));
    }
    const ApiReply done = get(GuidePage::matterUrl(kHotel, given));
    QCOMPARE(done.status, 200);
    const QString html = text(done);
    QVERIFY(html.contains(u"id=\"checklist\""_s));

    // The same checklist as the engine gives the counter (and `catalogue walk` prints).
    Result<CataloguePtr> catalogue = CatalogueLoader::loadOrError(QStringLiteral(OW_DEMO_CATALOGUE));
    QVERIFY(catalogue);
    const SituationEngine engine(*catalogue);
    const Matter *hotel = (*catalogue)->matter(kHotel);
    const Evaluation evaluation
        = engine.evaluate(*hotel, GuideCode {kHotel, kHotelAnswers}.answersFor(engine, *hotel));
    QVERIFY(evaluation.complete);
    QStringList expected;
    for (const ChecklistLine &line : evaluation.checklist.lines)
        expected.append(line.name.toHtmlEscaped());
    QCOMPARE(checklistNames(html), expected);
    QVERIFY(expected.contains(u"布草洗涤委托合同"_s));
    // The data-shared business licence asks the applicant for nothing: no form, copies or medium,
    // only who issues it.
    const qsizetype licence = html.indexOf(u"<h3>营业执照</h3>"_s);
    QVERIFY(licence > 0);
    const QString licenceItem = html.mid(licence, html.indexOf(u"<h3>"_s, licence + 4) - licence);
    QVERIFY(licenceItem.contains(u"class=\"shared\""_s));
    QCOMPARE(licenceItem.count(u"<dt>"_s), 1);
    const qsizetype form = html.indexOf(u"<h3>公共场所卫生许可证申请表</h3>"_s);
    QVERIFY(form >= 0);
    QVERIFY(html.mid(form, html.indexOf(u"<h3>"_s, form + 4) - form).count(u"<dt>"_s) >= 3);
    QVERIFY(html.contains(u"<img loading=\"lazy\" src=\"/guide/s/330302-WJ-001/public-health-form\""_s));
    QVERIFY(html.contains(u"class=\"mark\""_s));

    // The QR code carries the matter and the answers, readable by the counter.
    const QString code = GuideCode {kHotel, kHotelAnswers}.toText();
    QVERIFY(html.contains(u"<p class=\"code\">"_s + code + u"</p>"_s));
    QVERIFY(html.contains(u"<svg"_s));
    Result<GuideCode> scanned = GuideCode::parse(code);
    QVERIFY(scanned);
    QCOMPARE(engine.evaluate(*hotel, scanned->answersFor(engine, *hotel)).checklist.materialIds(),
        evaluation.checklist.materialIds());

    // "Change" on the first answer goes back to the first question with no answers.
    QVERIFY(html.contains(u"href=\"/guide/m/330302-WJ-001\" aria-label"_s));
    // An answer the catalogue does not know is left out and said so.
    const QString stale = text(get(GuidePage::matterUrl(kHotel, {u"place-type=castle"_s})));
    QVERIFY(stale.contains(u"value=\"place-type=lodging\""_s));
    QVERIFY(stale.contains(u"class=\"none\""_s));
    QCOMPARE(get(u"/guide/m/NO-SUCH-MATTER"_s).status, 404);
}

void TestGuidePages::numberAndMultiChoiceForms()
{
    publishDemo();
    // A number question is asked with its unit and answered through nq/n.
    const QString bath = text(get(GuidePage::matterUrl(kHotel, {u"place-type=bath"_s})));
    QVERIFY(bath.contains(u"name=\"nq\" value=\"bath-area\""_s));
    QVERIFY(bath.contains(u"<label for=\"n\">"_s));
    // The number is read as the engine reads it: the next question is the engine's for that number.
    Result<CataloguePtr> catalogue = CatalogueLoader::loadOrError(QStringLiteral(OW_DEMO_CATALOGUE));
    QVERIFY(catalogue);
    const SituationEngine engine(*catalogue);
    const Matter *matter = (*catalogue)->matter(kHotel);
    for (const QString &area : {u"200"_s, u"80"_s}) {
        const QString page
            = text(get(u"/guide/m/330302-WJ-001?a=place-type%3Dbath&nq=bath-area&n="_s + area));
        Answers answers;
        answers.set(u"place-type"_s, Answer::single(u"bath"_s));
        answers.set(u"bath-area"_s, Answer::numeric(area.toDouble()));
        const Evaluation evaluation = engine.evaluate(*matter, answers);
        QVERIFY(evaluation.nextQuestion);
        QVERIFY2(
            page.contains(u"<legend>"_s + evaluation.nextQuestion->text.toHtmlEscaped() + u"</legend>"_s),
            qPrintable(area));
        QVERIFY(page.contains(u"<b>"_s + area + u" "_s));
    }
    // A multi choice with nothing ticked is "none".
    QCOMPARE(GuideApi::answersFromQuery(QUrlQuery(u"mq=extras"_s)), QStringList {u"extras=none"_s});
    QCOMPARE(GuideApi::answersFromQuery(QUrlQuery(u"mq=extras&m=b&m=a"_s)), QStringList {u"extras=b+a"_s});
}

void TestGuidePages::faqsWithTheirSituationInWords()
{
    // The base loader catalogue's health matter with a faq for each kind of condition: said in words
    // where answers, ranges and "and" say it, left without where "or", "not" or answered() would not.
    const QString matters = QStringLiteral(OW_TEST_DATA_DIR "/loader/base/matters/330302-WJ-001.txt");
    QFile file(matters);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll())
        + u"  faq always: 要收费吗？\n    answer: 不收费。\n"
          u"  faq big: 大浴室呢？\n    when: place-type = bath and area >= 150\n    answer: 另交评价报告。\n"
          u"  faq pool: 游泳池呢？\n    when: extras has any (pool)\n    answer: 另交水质报告。\n"
          u"  faq either: 两类都行吗？\n    when: place-type = lodging or area < 10\n    answer: 行。\n"
          u"  faq not: 不是住宿呢？\n    when: not (place-type = lodging)\n    answer: 也行。\n"
          u"  faq escaped: <b>问</b>\n    answer: a < b & c\n"_s;
    const auto outcome = catalogue::CatalogueLoader::load(
        QStringLiteral(OW_TEST_DATA_DIR "/loader/base"), {{u"matters/330302-WJ-001.txt"_s, text}});
    QVERIFY(outcome.catalogue);
    const GuideCatalogue::Loaded loaded {outcome.catalogue, catalogue::SituationEngine(outcome.catalogue),
        catalogue::MatterSearch(outcome.catalogue), u"1"_s};
    const catalogue::Matter &matter = *outcome.catalogue->matter(u"330302-WJ-001"_s);
    const QString page = QString::fromUtf8(GuidePage::matter(loaded, matter, {}, {}, false));
    QVERIFY(page.contains(u"<section class=\"noprint faq\" aria-labelledby=\"faq\">"_s));
    QCOMPARE(page.count(u"<details>"_s), 6);
    QVERIFY(page.contains(u"<summary>要收费吗？</summary>\n<p>不收费。</p>\n</details>"_s));
    QVERIFY(page.contains(u"经营场所属于哪一类？ 沐浴场所; 经营面积是多少？ ≥ 150</p>"_s));
    QVERIFY(page.contains(u"另有哪些项目？ 游泳池</p>"_s));
    QCOMPARE(page.count(u"Applies when: "_s), 2);
    QVERIFY(page.contains(u"<summary>&lt;b&gt;问&lt;/b&gt;</summary>\n<p>a &lt; b &amp; c</p>"_s));

    // A matter without faqs has no section.
    const QString other = QString::fromUtf8(
        GuidePage::matter(loaded, *outcome.catalogue->matter(u"330302-WH-002"_s), {}, {}, false));
    QVERIFY(!other.contains(u"aria-labelledby=\"faq\""_s));
    QVERIFY(!other.contains(u"<details>"_s));
}

void TestGuidePages::samplesAndBlankFormsOfListedMaterialsOnly()
{
    publishDemo();
    const ApiReply sample = get(u"/guide/s/330302-WJ-001/public-health-form"_s);
    QCOMPARE(sample.status, 200);
    QCOMPARE(sample.contentType, QByteArray("image/png"));
    QVERIFY(sample.body.startsWith("\x89PNG"));
    // The blank authorisation letter belongs to the agent's material the matter lists.
    const ApiReply form = get(u"/guide/f/330302-WJ-001/authorisation-letter"_s);
    QCOMPARE(form.status, 200);
    QVERIFY(header(form, "Content-Disposition").startsWith("attachment"));
    // Not listed by the matter, no sample, or a path: nothing.
    QCOMPARE(get(u"/guide/s/330302-WJ-001/publication-licence-x"_s).status, 404);
    QCOMPARE(get(u"/guide/s/330302-WJ-001/hygiene-rules"_s).status, 404);
    QCOMPARE(get(u"/guide/f/330302-WJ-001/..%2F..%2Fcatalogue.txt"_s).status, 404);
    QCOMPARE(get(u"/guide/s/330302-WJ-001/public-health-form/x"_s).status, 404);
}

void TestGuidePages::answersFromQueryAreBounded()
{
    QUrlQuery query;
    for (int i = 0; i < 1000; ++i)
        query.addQueryItem(u"a"_s, u"q%1=x"_s.arg(i));
    query.addQueryItem(u"a"_s, u"long="_s + QString(5000, u'x'));
    const QStringList answers = GuideApi::answersFromQuery(query);
    QCOMPARE(answers.size(), GuideApi::kMaxAnswers);
    for (const QString &answer : answers)
        QVERIFY(answer.size() <= GuideApi::kMaxAnswerLength);
}

void TestGuidePages::publicPagesTakeNoBodyAndAreRateLimited()
{
    QCOMPARE(Api::bodyLimit("GET", u"/guide/"), 0);
    QCOMPARE(Api::bodyLimit("POST", u"/guide/m/x"), 0);
    QCOMPARE(Api::bodyLimit("GET", u"/s/abc"), 0);
    ApiRequest head;
    head.method = "POST";
    head.path = u"/guide/"_s;
    head.remote = QHostAddress(u"192.0.2.8"_s);
    const std::optional<ApiReply> refused = m_api->preflight(head, 100LL * 1024 * 1024);
    QVERIFY(refused);
    QCOMPARE(refused->status, 413);

    publishDemo();
    Api::Options options;
    options.dataDirectory = m_dir->path();
    options.guideRequestsPerMinute = 3;
    Api limited(*m_db, options, m_clock.clock());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(get(u"/guide/"_s, &limited).status, 200);
    const ApiReply refusedAgain = get(u"/guide/m/330302-WJ-001"_s, &limited);
    QCOMPARE(refusedAgain.status, 429);
    QVERIFY(!header(refusedAgain, "Retry-After").isEmpty());
    QCOMPARE(get(u"/guide/"_s, m_api.get()).status, 200); // the other instance's own buckets
}

void TestGuidePages::ratingFromTheStatusPageOnce()
{
    const QString token = acceptedCase();
    QVERIFY(!token.isEmpty());
    const QString link = u"href=\"/s/"_s + token + u"/rating\""_s;
    QVERIFY(text(get(u"/s/"_s + token)).contains(link));
    const ApiReply form = get(u"/s/"_s + token + u"/rating"_s);
    QCOMPARE(form.status, 200);
    QVERIFY(text(form).contains(u"name=\"level\""_s));
    QCOMPARE(header(form, "X-Frame-Options"), QByteArray("DENY"));

    QCOMPARE(send("POST", u"/s/"_s + token + u"/rating"_s, "level=2").status, 200);
    // Recorded as the counter records a rating, flagged for follow-up, and synced like any event.
    {
        Result<storage::Rows> notes = m_db->run(u"SELECT body, origin FROM events WHERE kind = 'note'"_s);
        QVERIFY(notes);
        Result<bool> row = notes->fetch();
        QVERIFY(row && *row);
        const QJsonObject payload = QJsonDocument::fromJson(notes->value(0).toString().toUtf8())
                                        .object()
                                        .value(u"payload"_s)
                                        .toObject();
        QCOMPARE(payload.value(u"evaluation"_s).toInt(), 2);
        QCOMPARE(payload.value(u"followUp"_s).toBool(), true);
        QCOMPARE(notes->value(1).toString(), u"public"_s);
    }
    m_db->finishStatements();

    // Once: the link is gone and a second rating is refused.
    QVERIFY(!text(get(u"/s/"_s + token)).contains(link));
    QCOMPARE(send("POST", u"/s/"_s + token + u"/rating"_s, "level=5").status, 409);
    QCOMPARE(send("POST", u"/s/"_s + cases::QrToken::generate() + u"/rating"_s, "level=5").status, 404);
}

void TestGuidePages::ratingFormIsStrict()
{
    QCOMPARE(OnlineRating::parseForm("level=4"), std::optional<int>(4));
    for (const QByteArray &body : {QByteArray("level=0"), QByteArray("level=6"), QByteArray("level=44"),
             QByteArray("level="), QByteArray("x=1"), QByteArray()})
        QVERIFY2(!OnlineRating::parseForm(body), body.constData());
    // The one public body is a few bytes; more is refused before it is read.
    QCOMPARE(Api::bodyLimit("POST", u"/s/abc/rating"), OnlineRating::kMaxBody);
    QCOMPARE(Api::bodyLimit("GET", u"/s/abc/rating"), 0);
    ApiRequest head;
    head.method = "POST";
    head.path = u"/s/abc/rating"_s;
    const std::optional<ApiReply> refused = m_api->preflight(head, 100LL * 1024 * 1024);
    QVERIFY(refused && refused->status == 413);
    const QString token = acceptedCase();
    QCOMPARE(send("POST", u"/s/"_s + token + u"/rating"_s, "level=9").status, 422);
}

QTEST_GUILESS_MAIN(TestGuidePages)
#include "tst_guidePages.moc"
