// A data-shared material at the material check: the key the platform is asked with, the fetched
// document attached as the material's scan with its source and time on the check (kept in the
// draft and the stored case), a failure named and the paper taken with a reason, and an audit row
// for every look at personal data with the key masked.

#include "CaseTestSupport.h"
#include "catalogue/CatalogueLoader.h"
#include "intake/IntakeSession.h"
#include "intake/SharedMaterialFetch.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::intake;
using namespace Qt::StringLiterals;

namespace {

const QString kHotel = u"330302-WJ-001"_s;
const QString kLicence = u"business-licence"_s;
const QDateTime kNow(QDate(2026, 3, 16), QTime(12, 0), Qt::UTC);

/// A platform that answers when the test says so, as the real one answers later.
class FakePlatform : public sharing::DataSharingPlatform
{
public:
    bool isConfigured() const override { return true; }
    void fetch(const sharing::SharedRequest &request, Done done) override
    {
        requests.append(request);
        pending = std::move(done);
    }
    void answer(Result<sharing::SharedDocument> document)
    {
        Done done = std::move(pending);
        pending = {};
        done(std::move(document));
    }

    QList<sharing::SharedRequest> requests;
    Done pending;
};

sharing::SharedDocument licence()
{
    sharing::SharedDocument document;
    document.bytes = "%PDF-1.4 营业执照";
    document.type = sharing::SharedDocument::Type::Pdf;
    document.fileName = u"营业执照-91110000600037341L.pdf"_s;
    document.source = u"温州市鹿城区市场监督管理局"_s;
    document.fetchedAt = kNow.addSecs(-5);
    document.reference = u"SIM-1"_s;
    return document;
}

} // namespace

class TestSharedMaterialIntake : public QObject
{
    Q_OBJECT

    catalogue::CataloguePtr m_catalogue;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cases::CaseStore> m_store;

    IntakeEnvironment environment() const
    {
        IntakeEnvironment e;
        e.store = m_store.get();
        e.clerkId = u"1001"_s;
        e.clerkName = u"张三"_s;
        e.clock = Clock::fixed(kNow);
        return e;
    }

    /// The hotel's lodging situation, which asks for the business licence (data-shared).
    std::unique_ptr<IntakeSession> hotel(const cases::Applicant &applicant) const
    {
        auto session = std::make_unique<IntakeSession>(environment(), m_catalogue);
        session->openMatter(*m_catalogue->matter(kHotel));
        const QList<QPair<QString, QString>> answers {{u"place-type"_s, u"lodging"_s},
            {u"linen-washing"_s, u"outsourced"_s}, {u"lodging-facilities"_s, u"neither"_s},
            {u"central-ac"_s, u"yes"_s}, {u"agent"_s, u"self"_s}};
        for (const auto &[question, option] : answers)
            session->setAnswer(0, question, catalogue::Answer::single(option));
        session->setApplicant(applicant);
        return session;
    }

    QList<cases::AuditEntry> auditRows(const QString &action) const
    {
        QList<cases::AuditEntry> found;
        const QList<cases::AuditEntry> entries = m_store->auditLog().entries().value();
        for (const cases::AuditEntry &entry : entries)
            if (entry.action == action)
                found.append(entry);
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Result<catalogue::CataloguePtr> loaded = catalogue::CatalogueLoader::loadOrError(
            QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"));
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().toString()));
        m_catalogue = *loaded;
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = cases::CaseStore::open(m_dir->path(), cases::testing::workstation()).value();
        m_store->setClock(cases::testing::SteppingClock(kNow).clock());
    }

    void keyFollowsTheApplicant()
    {
        const auto organisation = hotel(cases::testing::enterprise());
        const Result<sharing::SharedRequest> byCode = organisation->sharedRequest(kLicence);
        QVERIFY2(byCode, byCode ? "" : qPrintable(byCode.error().message()));
        QCOMPARE(byCode->key.kind, sharing::SharedKey::Kind::CreditCode);
        QCOMPARE(byCode->key.value, u"91110000600037341L"_s);
        QCOMPARE(byCode->materialName, u"营业执照"_s);

        const auto person = hotel(cases::testing::person());
        QCOMPARE(person->sharedRequest(kLicence)->key.kind, sharing::SharedKey::Kind::IdNumber);

        // Nothing registered yet: the clerk is told what to register.
        const auto nobody = hotel(cases::Applicant {});
        const Result<sharing::SharedRequest> none = nobody->sharedRequest(kLicence);
        QVERIFY(!none);
        QVERIFY2(none.error().message().contains(u"F2"_s), qPrintable(none.error().message()));
        // A material the hall cannot fetch is refused by name.
        const QString paper = organisation->interview().checklist.lines.constFirst().materialId;
        if (!organisation->interview().checklist.find(paper)->dataShared)
            QVERIFY(!organisation->sharedRequest(paper));
    }

    void fetchedDocumentIsTheMaterialsScan()
    {
        const auto session = hotel(cases::testing::enterprise());
        FakePlatform platform;
        SharedMaterialFetch fetch(&platform);
        QSignalSpy finished(&fetch, &SharedMaterialFetch::finished);
        QVERIFY(fetch.start(*session, kLicence));
        QVERIFY(fetch.isFetching());
        QCOMPARE(fetch.fetchingMaterial(), kLicence);
        // One at a time.
        QVERIFY(!fetch.start(*session, kLicence));
        QCOMPARE(platform.requests.size(), 1);
        QVERIFY(session->currentCase().attachments.isEmpty());

        platform.answer(licence());
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(1).toString(), QString());
        QVERIFY(!fetch.isFetching());
        const QList<cases::CaseAttachment> attachments = session->currentCase().attachments;
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.at(0).materialId, kLicence);
        QCOMPARE(attachments.at(0).mimeType, u"application/pdf"_s);
        QCOMPARE(attachments.at(0).fileName, licence().fileName);
        QVERIFY(!session->isPreApplicationScan(attachments.at(0).sha256));
        QVERIFY(m_store->attachments().verify(attachments.at(0).sha256));

        const int index = session->checkList().indexOf(kLicence);
        const cases::MaterialCheck &check = session->checkList().check(index);
        QCOMPARE(check.status, cases::MaterialCheck::Status::DataShared);
        QCOMPARE(check.shared.source, u"温州市鹿城区市场监督管理局"_s);
        QCOMPARE(check.shared.fetchedAt, kNow.addSecs(-5));
        QCOMPARE(check.shared.reference, u"SIM-1"_s);

        // The audit row: clerk, the intake, the material, the key masked, the outcome and source.
        const QList<cases::AuditEntry> rows = auditRows(u"shared.fetched"_s);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).clerk, u"1001"_s);
        QVERIFY(rows.at(0).target.startsWith(u"draft"_s));
        const QJsonObject detail = QJsonDocument::fromJson(rows.at(0).detail.toUtf8()).object();
        QCOMPARE(detail.value(u"material"_s).toString(), kLicence);
        QCOMPARE(detail.value(u"key"_s).toString(), u"9111**********341L"_s);
        QCOMPARE(detail.value(u"outcome"_s).toString(), u"fetched"_s);
        QCOMPARE(detail.value(u"source"_s).toString(), u"温州市鹿城区市场监督管理局"_s);
        QVERIFY(!rows.at(0).detail.contains(u"91110000600037341L"_s));

        // The draft keeps the fetch: a resumed intake shows where and when it came from.
        QVERIFY(session->draftId() > 0);
        auto resumed = IntakeSession::resume(environment(), m_catalogue, session->draftId());
        QVERIFY2(resumed, resumed ? "" : qPrintable(resumed.error().toString()));
        const cases::MaterialCheck &kept
            = (*resumed)->checkList().check((*resumed)->checkList().indexOf(kLicence));
        QCOMPARE(kept.shared, check.shared);
        QCOMPARE(kept.status, cases::MaterialCheck::Status::DataShared);
    }

    void storedCaseKeepsTheFetch()
    {
        const auto session = hotel(cases::testing::enterprise());
        QVERIFY(session->save());
        FakePlatform platform;
        SharedMaterialFetch fetch(&platform);
        QVERIFY(fetch.start(*session, kLicence));
        QCOMPARE(platform.requests.at(0).caseNumber, session->currentCase().number);
        platform.answer(licence());
        const cases::Case stored = m_store->findByNumber(session->currentCase().number).value();
        QCOMPARE(stored.attachments.size(), 1);
        const auto check = std::find_if(stored.materialChecks.cbegin(), stored.materialChecks.cend(),
            [](const cases::MaterialCheck &c) { return c.materialId == kLicence; });
        QVERIFY(check != stored.materialChecks.cend());
        QCOMPARE(check->shared.source, u"温州市鹿城区市场监督管理局"_s);
        QCOMPARE(auditRows(u"shared.fetched"_s).at(0).target, session->currentCase().number);
    }

    void failureThenPaperWithReason()
    {
        const auto session = hotel(cases::testing::enterprise());
        FakePlatform platform;
        SharedMaterialFetch fetch(&platform);
        QSignalSpy finished(&fetch, &SharedMaterialFetch::finished);
        QVERIFY(fetch.start(*session, kLicence));
        platform.answer(
            fail(Error::Code::NotFound, u"The data-sharing platform has no record of 营业执照."_s));
        QCOMPARE(finished.size(), 1);
        const QString message = finished.at(0).at(1).toString();
        QVERIFY2(message.contains(u"营业执照"_s) && message.contains(u"no record"_s), qPrintable(message));
        QCOMPARE(fetch.failure(kLicence), message);
        QVERIFY(session->currentCase().attachments.isEmpty());
        const int index = session->checkList().indexOf(kLicence);
        QCOMPARE(session->checkList().check(index).status, cases::MaterialCheck::Status::Pending);

        const QList<cases::AuditEntry> failed = auditRows(u"shared.failed"_s);
        QCOMPARE(failed.size(), 1);
        const QJsonObject detail = QJsonDocument::fromJson(failed.at(0).detail.toUtf8()).object();
        QCOMPARE(detail.value(u"outcome"_s).toString(), u"not-found"_s);
        QCOMPARE(detail.value(u"key"_s).toString(), u"9111**********341L"_s);

        // The paper needs a reason.
        QVERIFY(!session->takeSharedOnPaper(kLicence, u"  "_s));
        QCOMPARE(session->checkList().check(index).status, cases::MaterialCheck::Status::Pending);
        QVERIFY(session->takeSharedOnPaper(kLicence, u"共享平台无该企业记录，申请人提供纸质营业执照副本"_s));
        const cases::MaterialCheck &check = session->checkList().check(index);
        QCOMPARE(check.status, cases::MaterialCheck::Status::Received);
        QCOMPARE(check.shared.paperReason, u"共享平台无该企业记录，申请人提供纸质营业执照副本"_s);
        QVERIFY(!check.shared.isFetched());
        QCOMPARE(auditRows(u"shared.paper"_s).size(), 1);
        // Set missing afterwards, the paper's reason goes with what was handed in.
        QVERIFY(session->checkList().setStatus(index, cases::MaterialCheck::Status::Missing));
        QVERIFY(session->checkList().check(index).shared.isEmpty());
    }

    void notConfiguredKeepsThePaperPath()
    {
        const auto session = hotel(cases::testing::enterprise());
        SharedMaterialFetch fetch(nullptr);
        const Result<void> started = fetch.start(*session, kLicence);
        QVERIFY(!started);
        QVERIFY2(
            started.error().message().contains(u"sharing-endpoint"_s), qPrintable(started.error().message()));
        QVERIFY(auditRows(u"shared.failed"_s).isEmpty());
        QVERIFY(session->takeSharedOnPaper(kLicence, u"本窗口未接入数据共享平台"_s));
    }

    void forgottenIntakeDropsTheAnswer()
    {
        const auto session = hotel(cases::testing::enterprise());
        FakePlatform platform;
        SharedMaterialFetch fetch(&platform);
        QSignalSpy finished(&fetch, &SharedMaterialFetch::finished);
        QVERIFY(fetch.start(*session, kLicence));
        fetch.forget();
        platform.answer(licence());
        QCOMPARE(finished.size(), 0);
        QVERIFY(session->currentCase().attachments.isEmpty());
        QVERIFY(!fetch.isFetching());
    }
};

QTEST_MAIN(TestSharedMaterialIntake)
#include "tst_sharedMaterialIntake.moc"
