// Frequent questions proposed to catalogue staff (GET /api/v1/catalogues/faq-proposals): wordings
// that differ in spaces, punctuation, full/half width or a final 吗/呢 read alike; similar wordings
// (character bigrams, Jaccard ≥ 0.6) join the most frequent one; different questions and other
// matters stay apart; groups under the minimum are left out; the answers given come newest first,
// each once; a question the published matter's FAQ already answers is marked; checklists given
// without a question are not questions; a recorded question with no answer refuses the workstation's
// batch naming the field; only the hall's own consultations count, for a catalogue
// editor's session or a supervisor key, never a counter's; a malformed since or min is refused naming
// it. Runs on SQLite, and as tst_faqProposals_postgres on OW_TEST_POSTGRES.

#include "ServerDatabaseSupport.h"
#include "accounts/PasswordHash.h"
#include "cases/CaseJson.h"
#include "core/ManualClock.h"
#include "server/Api.h"
#include "server/CredentialStore.h"
#include "server/FaqProposals.h"
#include "server/HallAccountRepository.h"
#include "sync/CataloguePackage.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace ow;
using namespace ow::server;
using namespace Qt::StringLiterals;

namespace {

const QString kHall = u"33030201"_s;
const QString kOtherHall = u"33030202"_s;
const QDateTime kNow(QDate(2026, 12, 7), QTime(8, 0), Qt::UTC);

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

cases::ClerkActivity asked(
    const QString &matter, const QString &question, const QString &answer, int minutesAgo)
{
    cases::ClerkActivity a;
    a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.kind = QString(cases::ClerkActivity::kConsultation);
    a.staffNumber = u"1001"_s;
    a.clerkName = u"李受理"_s;
    a.at = kNow.addSecs(-60 * minutesAgo);
    a.matter = matter;
    a.detail = QJsonObject {{u"question"_s, question}, {u"answer"_s, answer}};
    return a;
}

} // namespace

class TestFaqProposals : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<Api> m_api;
    ManualClock m_clock {kNow};
    QString m_counter;
    QString m_otherCounter;
    QString m_supervisor;
    QString m_publisher;

    struct Reply
    {
        int status = 0;
        QJsonObject body;
    };

    Reply send(
        const QByteArray &method, const QString &path, const QString &token, const QByteArray &body = {})
    {
        ApiRequest request;
        request.method = method;
        request.path = u"/api/v1/"_s + path.section(u'?', 0, 0);
        request.query = QUrlQuery(path.section(u'?', 1));
        request.body = body;
        request.remote = QHostAddress(u"192.0.2.9"_s);
        if (!token.isEmpty())
            request.headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + token.toUtf8()));
        QString credential;
        const ApiReply reply = m_api->handle(request, &credential);
        return {reply.status, QJsonDocument::fromJson(reply.body).object()};
    }
    void post(const QString &counter, const QList<cases::ClerkActivity> &activities)
    {
        QJsonArray list;
        for (const cases::ClerkActivity &a : activities)
            list.append(a.toJson());
        const Reply reply = send("POST", u"activities"_s, counter, json({{u"activities"_s, list}}));
        QCOMPARE(reply.status, 200);
    }
    QString editorSession()
    {
        const Reply reply = send("POST", u"catalogues/session"_s, {},
            json({{u"staffNumber"_s, u"5001"_s}, {u"password"_s, u"edit-pass-1"_s}}));
        return reply.body.value(u"token"_s).toString();
    }
    /// The engine's basic catalogue with a FAQ on M1 (可以委托他人代办吗？), published.
    void publishWithFaq()
    {
        const QString folder = m_dir->filePath(u"catalogue"_s);
        const QString from = QStringLiteral(OW_ENGINE_CATALOGUES "/basic");
        for (const QString &sub : {u""_s, u"matters"_s, u"materials"_s, u"bundles"_s}) {
            QVERIFY(QDir().mkpath(folder + u'/' + sub));
            for (const QString &name : QDir(from + u'/' + sub).entryList(QDir::Files))
                QVERIFY(QFile::copy(from + u'/' + sub + u'/' + name, folder + u'/' + sub + u'/' + name));
        }
        QFile hygiene(folder + u"/matters/hygiene.txt"_s);
        QVERIFY(hygiene.setPermissions(hygiene.permissions() | QFileDevice::WriteOwner));
        QVERIFY(hygiene.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(hygiene.readAll());
        hygiene.close();
        const qsizetype end = text.indexOf(u"\nmatter "_s, 1);
        text.insert(end < 0 ? text.size() : end + 1,
            u"\n  faq agent: 可以委托他人代办吗？\n    answer: 可以。受托人带本人身份证原件和委托书即可办理。\n"_s);
        QVERIFY(hygiene.open(QIODevice::WriteOnly | QIODevice::Truncate));
        hygiene.write(text.toUtf8());
        hygiene.close();
        Result<sync::CataloguePackage> package
            = sync::CataloguePackage::fromDirectory(folder, u"engine-test"_s, u"1.0"_s);
        QVERIFY2(package, package ? "" : qPrintable(package.error().toString()));
        const Reply published = send("POST", u"catalogues"_s, m_publisher, json(package->toJson()));
        QVERIFY2(published.status == 201, json(published.body).constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (testing::postgresMissing())
            QSKIP("PostgreSQL tests need OW_TEST_POSTGRES");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        Result<std::unique_ptr<storage::Database>> db = testing::freshServerDatabase(*m_dir);
        QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().toString()));
        m_db = std::move(*db);
        m_clock.set(kNow);
        Api::Options options;
        options.dataDirectory = m_dir->path();
        m_api = std::make_unique<Api>(*m_db, options, m_clock.clock());
        CredentialStore credentials(*m_db, m_clock.clock());
        m_publisher = credentials.issuePublisherKey(u"目录办"_s)->secret;
        m_supervisor = credentials.issueSupervisorKey(kHall, u"电子监察室"_s)->secret;
        m_counter
            = (*credentials.enrol(credentials.issueEnrolCode(kHall, u"W01"_s)->secret, u"pc-1"_s))->second;
        m_otherCounter
            = (*credentials.enrol(credentials.issueEnrolCode(kOtherHall, u"W01"_s)->secret, u"pc-2"_s))
                  ->second;
        HallAccountRepository accounts(*m_db, m_clock.clock());
        QVERIFY(accounts.add(kHall, u"test"_s, u"5001"_s, u"张编辑"_s, u"catalogue"_s,
            accounts::PasswordHash::create(
                u"edit-pass-1"_s, "0123456789abcdef", accounts::PasswordHash::kMinimumIterations)));
        m_db->finishStatements();
    }

    void cleanup()
    {
        m_api.reset();
        m_db.reset();
        m_dir.reset();
    }

    void theServerRefusesABadQuestionNamingTheField()
    {
        cases::ClerkActivity good = asked(u"M1"_s, u"可以代办吗？"_s, u"可以。"_s, 5);
        cases::ClerkActivity bad = asked(u"M1"_s, u"可以代办吗？"_s, QString(), 4);
        QJsonArray batch {good.toJson(), bad.toJson()};
        Reply reply = send("POST", u"activities"_s, m_counter, json({{u"activities"_s, batch}}));
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.body.value(u"activity"_s).toString(), bad.id);
        QVERIFY2(
            reply.body.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"(answer)"_s),
            json(reply.body).constData());
        // Nothing of the batch was stored; the good one alone is, and the old shape still is.
        cases::ClerkActivity checklist = asked(u"M1"_s, {}, {}, 3);
        checklist.detail = QJsonObject {{u"checklistPrinted"_s, false}};
        reply = send("POST", u"activities"_s, m_counter,
            json({{u"activities"_s, QJsonArray {good.toJson(), checklist.toJson()}}}));
        QCOMPARE(reply.status, 200);
        for (const QJsonValue &result : reply.body.value(u"results"_s).toArray())
            QCOMPARE(result.toObject().value(u"status"_s).toString(), u"stored"_s);
    }

    void normalisesWidthPunctuationSpacesAndParticles()
    {
        const QString plain = FaqProposals::normalised(u"可以委托他人代办吗？"_s);
        QCOMPARE(plain, u"可以委托他人代办"_s);
        QCOMPARE(FaqProposals::normalised(u" 可以 委托他人代办 ? "_s), plain);
        QCOMPARE(FaqProposals::normalised(u"可以委托他人代办呢。"_s), plain);
        QCOMPARE(FaqProposals::normalised(u"营业执照ＡＢＣ１２３"_s), u"营业执照abc123"_s);
        QVERIFY(FaqProposals::similar(u"可以委托他人代办吗？"_s, u"能委托他人代办吗"_s));
        QVERIFY(!FaqProposals::similar(u"可以委托他人代办吗？"_s, u"多久能拿到许可证？"_s));
        QCOMPARE(FaqProposals::similarity(u"ab"_s, u"ab"_s), 1.0);
        QCOMPARE(FaqProposals::similarity(u"a"_s, u"b"_s), 0.0);
    }

    void groupsVariantsAndKeepsQuestionsApart()
    {
        const QList<cases::ClerkActivity> list {
            asked(u"M1"_s, u"可以委托他人代办吗？"_s, u"可以，带委托书。"_s, 50),
            asked(u"M1"_s, u"可以委托他人代办吗?"_s, u"可以。"_s, 40),
            asked(u"M1"_s, u"可以 委托他人代办呢"_s, u"可以，带委托书。"_s, 30),
            asked(u"M1"_s, u"能委托他人代办吗"_s, u"可以，受托人带身份证。"_s, 20),
            asked(u"M1"_s, u"多久能拿到许可证？"_s, u"十五个工作日。"_s, 10),
            asked(u"M1"_s, u"多久能拿到许可证"_s, u"十五个工作日。"_s, 5),
            asked(u"M2"_s, u"可以委托他人代办吗？"_s, u"不可以。"_s, 1),
        };
        const QList<FaqProposal> two = FaqProposals::group(list, 2, nullptr);
        QCOMPARE(two.size(), 2);
        const FaqProposal &agent = two.at(0);
        QCOMPARE(agent.matter, u"M1"_s);
        QCOMPARE(agent.matterName, u"M1"_s); // no catalogue: the code
        QCOMPARE(agent.count, 4);
        QCOMPARE(agent.question, u"可以委托他人代办吗？"_s);
        QCOMPARE(agent.variants,
            (QStringList {u"可以委托他人代办吗?"_s, u"可以 委托他人代办呢"_s, u"能委托他人代办吗"_s}));
        QCOMPARE(
            agent.answers, (QStringList {u"可以，受托人带身份证。"_s, u"可以，带委托书。"_s, u"可以。"_s}));
        QVERIFY(!agent.alreadyFaq);
        QCOMPARE(two.at(1).count, 2);
        QCOMPARE(two.at(1).question, u"多久能拿到许可证？"_s);
        QCOMPARE(two.at(1).answers, QStringList {u"十五个工作日。"_s});
        // The minimum leaves the smaller group out; a minimum of one lists M2's single question too.
        QCOMPARE(FaqProposals::group(list, 3, nullptr).size(), 1);
        QCOMPARE(FaqProposals::group(list, 1, nullptr).size(), 3);
        QCOMPARE(FaqProposals::group(list, 5, nullptr).size(), 0);
    }

    void atMostFiveAnswersNewestFirst()
    {
        QList<cases::ClerkActivity> list;
        for (int i = 0; i < 8; ++i)
            list.append(asked(u"M1"_s, u"要带户口本吗"_s, u"回答%1"_s.arg(i), 100 - i));
        const QList<FaqProposal> proposals = FaqProposals::group(list, 3, nullptr);
        QCOMPARE(proposals.size(), 1);
        QCOMPARE(proposals.first().count, 8);
        QCOMPARE(proposals.first().answers,
            (QStringList {u"回答7"_s, u"回答6"_s, u"回答5"_s, u"回答4"_s, u"回答3"_s}));
    }

    void servedToEditorsAndSupervisorsOfTheHall()
    {
        publishWithFaq();
        QList<cases::ClerkActivity> ours;
        for (int i = 0; i < 3; ++i)
            ours.append(asked(
                u"M1"_s, i ? u"可以委托他人来代办吗？"_s : u"可以委托他人代办吗"_s, u"可以。"_s, 60 + i));
        for (int i = 0; i < 3; ++i)
            ours.append(asked(u"M1"_s, u"营业面积怎么算？"_s, u"按使用面积。"_s, 30 + i));
        cases::ClerkActivity checklist = asked(u"M1"_s, {}, {}, 5);
        checklist.detail = QJsonObject {{u"checklistPrinted"_s, true}};
        ours.append(checklist);
        // Asked long ago: outside the default period.
        for (int i = 0; i < 3; ++i)
            ours.append(asked(u"M1"_s, u"可以邮寄吗？"_s, u"可以。"_s, 60 * 24 * 200 + i));
        post(m_counter, ours);
        QList<cases::ClerkActivity> theirs;
        for (int i = 0; i < 5; ++i)
            theirs.append(asked(u"M1"_s, u"营业面积怎么算？"_s, u"另一大厅的回答"_s, 10 + i));
        post(m_otherCounter, theirs);

        const QString editor = editorSession();
        QVERIFY(!editor.isEmpty());
        const Reply reply = send("GET", u"catalogues/faq-proposals"_s, editor);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body.value(u"min"_s).toInt(), 3);
        QCOMPARE(reply.body.value(u"since"_s).toString(), kNow.date().addDays(-90).toString(Qt::ISODate));
        const QJsonArray proposals = reply.body.value(u"proposals"_s).toArray();
        QCOMPARE(proposals.size(), 2);
        const QJsonObject agent
            = proposals.at(0).toObject().value(u"question"_s).toString().contains(u"委托"_s)
            ? proposals.at(0).toObject()
            : proposals.at(1).toObject();
        const QJsonObject area
            = proposals.at(0).toObject() == agent ? proposals.at(1).toObject() : proposals.at(0).toObject();
        QCOMPARE(agent.value(u"matter"_s).toObject().value(u"code"_s).toString(), u"M1"_s);
        QCOMPARE(agent.value(u"matter"_s).toObject().value(u"name"_s).toString(), u"公共场所卫生许可"_s);
        QCOMPARE(agent.value(u"count"_s).toInt(), 3);
        QCOMPARE(agent.value(u"question"_s).toString(), u"可以委托他人来代办吗？"_s);
        QCOMPARE(agent.value(u"alreadyFaq"_s).toBool(), true);
        QCOMPARE(area.value(u"count"_s).toInt(), 3); // the other hall's five are not ours
        QCOMPARE(area.value(u"answers"_s).toArray(), QJsonArray {u"按使用面积。"_s});
        QCOMPARE(area.value(u"alreadyFaq"_s).toBool(), false);

        // A supervisor key of the hall reads the same; since reaches the old ones.
        const Reply old = send("GET", u"catalogues/faq-proposals?since=2026-01-01&min=3"_s, m_supervisor);
        QCOMPARE(old.status, 200);
        QCOMPARE(old.body.value(u"proposals"_s).toArray().size(), 3);
        QCOMPARE(send("GET", u"catalogues/faq-proposals?min=4"_s, m_supervisor)
                     .body.value(u"proposals"_s)
                     .toArray()
                     .size(),
            0);
        // A counter does not read them; malformed parameters are refused naming them.
        QCOMPARE(send("GET", u"catalogues/faq-proposals"_s, m_counter).status, 403);
        const Reply badSince = send("GET", u"catalogues/faq-proposals?since=7.12.2026"_s, editor);
        QCOMPARE(badSince.status, 422);
        QCOMPARE(badSince.body.value(u"field"_s).toString(), u"since"_s);
        const Reply badMin = send("GET", u"catalogues/faq-proposals?min=0"_s, editor);
        QCOMPARE(badMin.status, 422);
        QCOMPARE(badMin.body.value(u"field"_s).toString(), u"min"_s);
    }
};

QTEST_GUILESS_MAIN(TestFaqProposals)
#include "tst_faqProposals.moc"
