// The intake controller on the demo catalogue and a temporary store: the case built from the
// interview, numbering at the first save, attachments, deadlines on the holiday calendar, every
// counter decision with its document and payload, immediate matters, audit rows, and the refusals.

#include "CaseTestSupport.h"
#include "cases/CaseJson.h"
#include "catalogue/CatalogueLoader.h"
#include "catalogue/SituationEngine.h"
#include "documents/CaseDocuments.h"
#include "intake/IntakeSession.h"
#include "intake/ServiceRating.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::intake;
using cases::CaseState;
using cases::EventKind;
using cases::MaterialCheck;
using documents::DocumentKind;

namespace {

const QString kHotelMatter = QStringLiteral("330302-WJ-001");
const QString kInvoiceMatter = QStringLiteral("330302-SW-001");
/// Monday 16 March 2026, noon UTC: a working day in every time zone the tests run in.
const QDateTime kNow(QDate(2026, 3, 16), QTime(12, 0), Qt::UTC);

catalogue::Answers hotelAnswers(bool agent = false)
{
    catalogue::Answers answers;
    answers.set(QStringLiteral("place-type"), catalogue::Answer::single(QStringLiteral("lodging")));
    answers.set(QStringLiteral("linen-washing"), catalogue::Answer::single(QStringLiteral("outsourced")));
    answers.set(QStringLiteral("lodging-facilities"), catalogue::Answer::single(QStringLiteral("neither")));
    answers.set(QStringLiteral("central-ac"), catalogue::Answer::single(QStringLiteral("yes")));
    answers.set(QStringLiteral("agent"),
        catalogue::Answer::single(agent ? QStringLiteral("agent") : QStringLiteral("self")));
    return answers;
}

QList<MaterialCheck> allReceived(const catalogue::Checklist &checklist)
{
    QList<MaterialCheck> checks;
    for (const catalogue::ChecklistLine &line : checklist.lines) {
        MaterialCheck check;
        check.materialId = line.materialId;
        check.status = line.dataShared ? MaterialCheck::Status::DataShared : MaterialCheck::Status::Received;
        check.copies = line.dataShared ? 0 : line.copies;
        checks.append(check);
    }
    return checks;
}

MaterialCheck *checkOf(QList<MaterialCheck> &checks, const QString &materialId)
{
    for (MaterialCheck &check : checks)
        if (check.materialId == materialId)
            return &check;
    return nullptr;
}

} // namespace

class TestIntakeSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void caseComesFromInterview();
    void incompleteInterviewCannotBeDecided();
    void firstSaveNumbersDraft();
    void acceptanceRecordsDeadlineAndCalendar();
    void uncheckedMaterialsBlockAcceptance();
    void missingMaterialNeedsCorrectionNotice();
    void waiverNeedsWaivableMaterialAndDate();
    void refusalNeedsReasons();
    void decisionIsTakenOnce();
    void yearWithoutCalendarIsRefused();
    void immediateMatterIsDecidedOnTheSpot();
    void importedFilesBecomeAttachments();
    void missingFileIsReported();
    void checksOfDroppedMaterialsAreForgotten();
    void withoutStoreOnlyChecklistIsPrinted();
    void outputsAreAudited();
    void bundleIsRecordedUnderItsId();
    void answersReachTheCaseAsTheyAreGiven();
    void agentTickAnswersTheAgentQuestion();
    void scannedPagesBecomeAttachments();
    void badRatingIsFlaggedForFollowUp();

private:
    InterviewOutcome hotel(bool agent = false) const;
    InterviewOutcome matterOutcome(const QString &code, const catalogue::Answers &answers) const;
    IntakeEnvironment environment(QDateTime now = kNow);
    IntakeSession hotelSession(bool agent = false);

    catalogue::CataloguePtr m_catalogue;
    std::unique_ptr<catalogue::SituationEngine> m_engine;
    std::shared_ptr<const WorkingCalendar> m_calendar;
    std::optional<documents::HallSettings> m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cases::CaseStore> m_store;
};

void TestIntakeSession::initTestCase()
{
    Result<catalogue::CataloguePtr> loaded
        = catalogue::CatalogueLoader::loadOrError(QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"));
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().toString()));
    m_catalogue = *loaded;
    m_engine = std::make_unique<catalogue::SituationEngine>(m_catalogue);
    Result<WorkingCalendar> calendar = WorkingCalendar::loadBuiltIn();
    QVERIFY(calendar);
    m_calendar = std::make_shared<const WorkingCalendar>(*calendar);
    Result<documents::HallSettings> settings = documents::HallSettings::builtIn();
    QVERIFY(settings);
    m_settings = *settings;
}

void TestIntakeSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = cases::CaseStore::open(m_dir->path(), cases::testing::workstation());
    QVERIFY2(store, store ? "" : qPrintable(store.error().toString()));
    m_store = std::move(*store);
    m_store->setClock(cases::testing::SteppingClock(kNow).clock());
}

void TestIntakeSession::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

InterviewOutcome TestIntakeSession::matterOutcome(
    const QString &code, const catalogue::Answers &answers) const
{
    InterviewOutcome outcome;
    const catalogue::Matter *matter = m_catalogue->matter(code);
    if (!matter)
        return outcome;
    InterviewOutcome::Part part {matter, m_engine->evaluate(*matter, answers)};
    outcome.checklist = part.evaluation.checklist;
    outcome.parts.append(part);
    return outcome;
}

InterviewOutcome TestIntakeSession::hotel(bool agent) const
{
    return matterOutcome(kHotelMatter, hotelAnswers(agent));
}

IntakeEnvironment TestIntakeSession::environment(QDateTime now)
{
    IntakeEnvironment environment;
    environment.store = m_store.get();
    environment.clerkId = QStringLiteral("lisi");
    environment.clerkName = QStringLiteral("李四");
    environment.settings = *m_settings;
    environment.calendar = m_calendar;
    environment.clock = Clock::fixed(now);
    return environment;
}

IntakeSession TestIntakeSession::hotelSession(bool agent)
{
    IntakeSession session(environment(), m_catalogue);
    Result<void> set = session.setInterview(hotel(agent));
    if (!set)
        qFatal("%s", qPrintable(set.error().toString()));
    session.setApplicant(cases::testing::person());
    return session;
}

void TestIntakeSession::caseComesFromInterview()
{
    IntakeSession session = hotelSession();
    const cases::Case &c = session.currentCase();
    QCOMPARE(c.matterCode, kHotelMatter);
    QCOMPARE(c.matterName, QStringLiteral("公共场所卫生许可（新发证）"));
    QCOMPARE(c.departmentId, QStringLiteral("health"));
    QVERIFY(!c.departmentName.isEmpty());
    QVERIFY(c.departmentName != c.departmentId);
    QCOMPARE(c.caseType, catalogue::MatterKind::Promised);
    QCOMPARE(c.promisedDays, 7);
    QCOMPARE(c.catalogueId, m_catalogue->id);
    QCOMPARE(c.catalogueVersion, m_catalogue->version);
    QCOMPARE(c.answers, hotel().parts.constFirst().evaluation.effectiveAnswers);
    QVERIFY(c.situationKey.contains(QStringLiteral("place-type=lodging")));
    QCOMPARE(c.checklist.size(), hotel().checklist.lines.size());
    QCOMPARE(c.materialChecks.size(), c.checklist.size());
    for (const MaterialCheck &check : c.materialChecks)
        QCOMPARE(check.status, MaterialCheck::Status::Pending);
    QVERIFY(!session.isStored());

    // An agent adds the authorisation letter; the checks recorded so far stay.
    QList<MaterialCheck> checks = allReceived(session.interview().checklist);
    session.setChecks(checks);
    QVERIFY(session.setInterview(hotel(true)));
    QVERIFY(session.currentCase().findCheck(QStringLiteral("authorisation-letter")));
    QCOMPARE(session.currentCase().findCheck(QStringLiteral("authorisation-letter"))->status,
        MaterialCheck::Status::Pending);
    QCOMPARE(
        session.currentCase().findCheck(QStringLiteral("id-card"))->status, MaterialCheck::Status::Received);
}

void TestIntakeSession::incompleteInterviewCannotBeDecided()
{
    IntakeSession session(environment(), m_catalogue);
    catalogue::Answers partial;
    partial.set(QStringLiteral("place-type"), catalogue::Answer::single(QStringLiteral("lodging")));
    QVERIFY(session.setInterview(matterOutcome(kHotelMatter, partial)));
    session.setApplicant(cases::testing::person());
    session.setChecks(allReceived(session.interview().checklist));
    const Result<void> ready = session.check(IntakeDecision::accept());
    QVERIFY(!ready);
    QVERIFY2(ready.error().message().contains(QStringLiteral("公共场所卫生许可")),
        qPrintable(ready.error().message()));
}

void TestIntakeSession::firstSaveNumbersDraft()
{
    IntakeSession session = hotelSession();
    QVERIFY(session.save());
    QVERIFY(session.isStored());
    const QString number = session.currentCase().number;
    QVERIFY(number.startsWith(QStringLiteral("33030201")));
    QVERIFY(!session.currentCase().qrToken.isEmpty());
    QCOMPARE(session.currentCase().firstHandler, QStringLiteral("lisi"));
    QCOMPARE(session.currentCase().state, CaseState::Draft);

    // A second save keeps the number and records an Updated event.
    session.setChecks(allReceived(session.interview().checklist));
    QVERIFY(session.save());
    QCOMPARE(session.currentCase().number, number);
    Result<QList<cases::CaseEvent>> events = m_store->events(number);
    QVERIFY(events);
    QCOMPARE(events->size(), 2);
    QCOMPARE(events->at(1).kind, EventKind::Updated);
    Result<cases::Case> stored = m_store->findByNumber(number);
    QVERIFY(stored);
    QCOMPARE(stored->materialChecks, session.currentCase().materialChecks);
}

void TestIntakeSession::acceptanceRecordsDeadlineAndCalendar()
{
    IntakeSession session = hotelSession();
    session.setChecks(allReceived(session.interview().checklist));
    QVERIFY(session.check(IntakeDecision::accept()));
    Result<documents::Document> document = session.decide(IntakeDecision::accept());
    QVERIFY2(document, document ? "" : qPrintable(document.error().toString()));
    QCOMPARE(document->kind, DocumentKind::AcceptanceReceipt);
    QVERIFY(session.isStored());
    QVERIFY(session.isDecided());
    QVERIFY(!document->caseNumber.isEmpty());

    Result<cases::Case> stored = m_store->findByNumber(session.currentCase().number);
    QVERIFY(stored);
    QCOMPARE(stored->state, CaseState::Accepted);
    // Seven working days after Monday 16 March 2026, the day of intake not counted.
    QCOMPARE(stored->promisedDeadline, QDate(2026, 3, 25));
    QCOMPARE(stored->calendarVersion, m_calendar->version());
    QCOMPARE(stored->materialChecks.size(), session.interview().checklist.lines.size());
    QCOMPARE(stored->applicant, cases::testing::person());
    Result<cases::AuditLog::Verification> verified = m_store->auditLog().verify();
    QVERIFY(verified);
    QVERIFY(verified->intact);
}

void TestIntakeSession::uncheckedMaterialsBlockAcceptance()
{
    IntakeSession session = hotelSession();
    QList<MaterialCheck> checks = allReceived(session.interview().checklist);
    checks[1].status = MaterialCheck::Status::Pending;
    session.setChecks(checks);
    const Result<void> ready = session.check(IntakeDecision::accept());
    QVERIFY(!ready);
    QVERIFY(!session.decide(IntakeDecision::accept()));
    QVERIFY(!session.isStored());
}

void TestIntakeSession::missingMaterialNeedsCorrectionNotice()
{
    IntakeSession session = hotelSession();
    QList<MaterialCheck> checks = allReceived(session.interview().checklist);
    checkOf(checks, QStringLiteral("public-place-plans"))->status = MaterialCheck::Status::Missing;
    checkOf(checks, QStringLiteral("linen-contract"))
        ->failedPoints.append({QStringLiteral("provider"), QStringLiteral("布草洗涤委托合同已过期")});
    session.setChecks(checks);
    QVERIFY(!session.check(IntakeDecision::accept()));
    QVERIFY(!session.check(IntakeDecision::acceptWithWaiver()));

    const IntakeDecision correction = IntakeDecision::correction({QStringLiteral("申请表须加盖公章")});
    Result<documents::Document> document = session.decide(correction);
    QVERIFY2(document, document ? "" : qPrintable(document.error().toString()));
    QCOMPARE(document->kind, DocumentKind::CorrectionNotice);
    Result<QList<cases::CaseEvent>> events = m_store->events(session.currentCase().number);
    QVERIFY(events);
    const cases::CaseEvent &last = events->constLast();
    QCOMPARE(last.kind, EventKind::CorrectionNotice);
    QCOMPARE(documents::DecisionDetails::fromPayload(last.payload).items,
        QStringList {QStringLiteral("申请表须加盖公章")});
    QCOMPARE(session.currentCase().state, CaseState::CorrectionNotice);
    QVERIFY(!session.currentCase().promisedDeadline.isValid());

    // Nothing wrong and nothing to tell: no correction notice.
    IntakeSession clean = hotelSession();
    clean.setChecks(allReceived(clean.interview().checklist));
    QVERIFY(!clean.check(IntakeDecision::correction()));
}

void TestIntakeSession::waiverNeedsWaivableMaterialAndDate()
{
    IntakeSession session = hotelSession();
    Result<QDate> due = session.defaultSupplementDeadline();
    QVERIFY(due);
    QCOMPARE(*due, QDate(2026, 3, 23)); // five working days after Monday 16 March

    QString waivable, fixed;
    for (const catalogue::ChecklistLine &line : session.interview().checklist.lines) {
        if (line.waivable && waivable.isEmpty())
            waivable = line.materialId;
        if (!line.waivable && !line.dataShared && fixed.isEmpty())
            fixed = line.materialId;
    }
    QVERIFY2(!waivable.isEmpty() && !fixed.isEmpty(), "the hotel checklist has waivable and fixed materials");

    QList<MaterialCheck> checks = allReceived(session.interview().checklist);
    checkOf(checks, fixed)->status = MaterialCheck::Status::Waived;
    checkOf(checks, fixed)->supplementDeadline = *due;
    session.setChecks(checks);
    QVERIFY(!session.check(IntakeDecision::acceptWithWaiver()));

    checks = allReceived(session.interview().checklist);
    checkOf(checks, waivable)->status = MaterialCheck::Status::Waived;
    session.setChecks(checks);
    QVERIFY(!session.check(IntakeDecision::acceptWithWaiver())); // no supplement date
    QVERIFY(!session.check(IntakeDecision::accept())); // a waived material needs the waiver decision

    checkOf(checks, waivable)->supplementDeadline = *due;
    session.setChecks(checks);
    Result<documents::Document> document = session.decide(IntakeDecision::acceptWithWaiver());
    QVERIFY2(document, document ? "" : qPrintable(document.error().toString()));
    QCOMPARE(document->kind, DocumentKind::WaiverNotice);
    QCOMPARE(session.currentCase().state, CaseState::AcceptedWithWaiver);
    QCOMPARE(session.currentCase().promisedDeadline, QDate(2026, 3, 25));
}

void TestIntakeSession::refusalNeedsReasons()
{
    IntakeSession session = hotelSession();
    QVERIFY(!session.check(IntakeDecision::refusal({})));
    QVERIFY(!session.check(IntakeDecision::refusal({QStringLiteral("  ")})));

    const IntakeDecision refusal = IntakeDecision::refusal({QStringLiteral("经营场所不属于公共场所")},
        IntakeDecision::Ground::NotCompetent, QStringLiteral("温州市市场监督管理局"));
    Result<documents::Document> document = session.decide(refusal);
    QVERIFY2(document, document ? "" : qPrintable(document.error().toString()));
    QCOMPARE(document->kind, DocumentKind::RefusalNotice);
    Result<QList<cases::CaseEvent>> events = m_store->events(session.currentCase().number);
    QVERIFY(events);
    const documents::DecisionDetails details
        = documents::DecisionDetails::fromPayload(events->constLast().payload);
    QCOMPARE(details.reasons, QStringList {QStringLiteral("经营场所不属于公共场所")});
    QCOMPARE(details.ground, documents::DecisionDetails::Ground::NotCompetent);
    QCOMPARE(details.competentAuthority, QStringLiteral("温州市市场监督管理局"));
    QCOMPARE(session.currentCase().state, CaseState::Refused);
}

void TestIntakeSession::decisionIsTakenOnce()
{
    IntakeSession session = hotelSession();
    session.setChecks(allReceived(session.interview().checklist));
    QVERIFY(session.decide(IntakeDecision::accept()));
    QVERIFY(!session.check(IntakeDecision::accept()));
    QVERIFY(!session.decide(IntakeDecision::refusal({QStringLiteral("理由")})));
    QVERIFY(!session.setInterview(hotel(true)));
    QCOMPARE(session.currentCase().state, CaseState::Accepted);
}

void TestIntakeSession::yearWithoutCalendarIsRefused()
{
    IntakeSession session(environment(QDateTime(QDate(2031, 6, 2), QTime(12, 0), Qt::UTC)), m_catalogue);
    QVERIFY(session.setInterview(hotel()));
    session.setApplicant(cases::testing::person());
    session.setChecks(allReceived(session.interview().checklist));
    QVERIFY(!session.promisedDeadline());
    const Result<void> ready = session.check(IntakeDecision::accept());
    QVERIFY(!ready);
    QVERIFY2(ready.error().message().contains(QStringLiteral("2031")), qPrintable(ready.error().message()));
    QVERIFY(!session.decide(IntakeDecision::accept()));
    // A correction notice needs no deadline: it can still be issued.
    QVERIFY(session.check(IntakeDecision::correction({QStringLiteral("补充材料")})));

    IntakeEnvironment noCalendar = environment();
    noCalendar.calendar.reset();
    IntakeSession without(noCalendar, m_catalogue);
    QVERIFY(without.setInterview(hotel()));
    QVERIFY(!without.promisedDeadline());
    QVERIFY(!without.defaultSupplementDeadline());
}

void TestIntakeSession::immediateMatterIsDecidedOnTheSpot()
{
    catalogue::Answers answers;
    answers.set(QStringLiteral("invoice-kind"), catalogue::Answer::single(QStringLiteral("paper")));
    answers.set(QStringLiteral("taxpayer-type"), catalogue::Answer::single(QStringLiteral("small")));
    answers.set(QStringLiteral("agent"), catalogue::Answer::single(QStringLiteral("self")));
    IntakeSession session(environment(), m_catalogue);
    QVERIFY(session.setInterview(matterOutcome(kInvoiceMatter, answers)));
    QVERIFY(session.interview().isComplete());
    QCOMPARE(session.currentCase().caseType, catalogue::MatterKind::Immediate);
    session.setApplicant(cases::testing::person());
    session.setChecks(allReceived(session.interview().checklist));
    Result<documents::Document> document = session.decide(IntakeDecision::accept());
    QVERIFY2(document, document ? "" : qPrintable(document.error().toString()));
    QCOMPARE(document->kind, DocumentKind::AcceptanceReceipt);
    QCOMPARE(session.currentCase().state, CaseState::Approved);
    QCOMPARE(session.currentCase().promisedDeadline, kNow.toLocalTime().date());
    Result<QList<cases::CaseEvent>> events = m_store->events(session.currentCase().number);
    QVERIFY(events);
    QStringList kinds;
    for (const cases::CaseEvent &event : *events)
        kinds.append(cases::keyword(event.kind));
    QCOMPARE(kinds,
        (QStringList {QStringLiteral("created"), QStringLiteral("accepted"), QStringLiteral("in-review"),
            QStringLiteral("approved")}));
}

void TestIntakeSession::importedFilesBecomeAttachments()
{
    IntakeSession session = hotelSession();
    const QString path = m_dir->filePath(QStringLiteral("licence-scan.png"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArrayLiteral("\x89PNG\r\n\x1a\n not really an image"));
    file.close();

    // Before the first save the attachment waits in the case; the save stores both.
    Result<QList<cases::CaseAttachment>> added
        = session.importFiles(QStringLiteral("business-licence"), {path});
    QVERIFY2(added, added ? "" : qPrintable(added.error().toString()));
    QCOMPARE(added->size(), 1);
    QCOMPARE(added->constFirst().fileName, QStringLiteral("licence-scan.png"));
    QCOMPARE(added->constFirst().mimeType, QStringLiteral("image/png"));
    QVERIFY(m_store->attachments().contains(added->constFirst().sha256));
    QVERIFY(session.save());

    // The same file twice is one attachment; once stored, importing saves the case.
    added = session.importFiles(QStringLiteral("business-licence"), {path});
    QVERIFY(added);
    QVERIFY(added->isEmpty());
    added = session.importFiles(QStringLiteral("id-card"), {path});
    QVERIFY(added);
    QCOMPARE(added->size(), 1);
    Result<cases::Case> stored = m_store->findByNumber(session.currentCase().number);
    QVERIFY(stored);
    QCOMPARE(stored->attachments.size(), 2);

    // Opening a scan gives its verified file and leaves an audit row.
    Result<QString> opened = session.openAttachment(added->constFirst().sha256);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().toString()));
    QVERIFY(QFileInfo::exists(*opened));
    Result<QList<cases::AuditEntry>> entries = m_store->auditLog().entries();
    QVERIFY(entries);
    QCOMPARE(entries->constLast().action, QStringLiteral("attachment.viewed"));
    QVERIFY(!session.openAttachment(QString(64, QLatin1Char('0'))));
}

void TestIntakeSession::missingFileIsReported()
{
    IntakeSession session = hotelSession();
    Result<QList<cases::CaseAttachment>> added
        = session.importFiles(QStringLiteral("id-card"), {m_dir->filePath(QStringLiteral("absent.jpg"))});
    QVERIFY(!added);
    QCOMPARE(added.error().code(), Error::Code::NotFound);
    QVERIFY(session.currentCase().attachments.isEmpty());
}

void TestIntakeSession::checksOfDroppedMaterialsAreForgotten()
{
    IntakeSession session = hotelSession(true);
    QList<MaterialCheck> checks = allReceived(session.interview().checklist);
    QVERIFY(checkOf(checks, QStringLiteral("authorisation-letter")));
    session.setChecks(checks);
    QVERIFY(session.setInterview(hotel(false)));
    QVERIFY(!session.currentCase().findCheck(QStringLiteral("authorisation-letter")));
    QCOMPARE(session.currentCase().materialChecks.size(), session.interview().checklist.lines.size());
}

void TestIntakeSession::withoutStoreOnlyChecklistIsPrinted()
{
    IntakeEnvironment bare = environment();
    bare.store = nullptr;
    IntakeSession session(bare, m_catalogue);
    QVERIFY(!session.canStore());
    QVERIFY(!session.checklistDocument()); // no interview yet
    QVERIFY(session.setInterview(hotel()));
    session.setApplicant(cases::testing::person());
    session.setChecks(allReceived(session.interview().checklist));
    Result<documents::Document> checklist = session.checklistDocument();
    QVERIFY(checklist);
    QCOMPARE(checklist->kind, DocumentKind::Checklist);
    QVERIFY(checklist->caseNumber.isEmpty());
    QVERIFY(!session.save());
    QVERIFY(!session.check(IntakeDecision::accept()));
    QVERIFY(!session.decide(IntakeDecision::accept()));
    QVERIFY(!session.decisionDocument());
    QVERIFY(!session.importFiles(QStringLiteral("id-card"), {}));
    QVERIFY(session.recordOutput(*checklist, IntakeSession::Output::Printed)); // nothing to audit
}

void TestIntakeSession::outputsAreAudited()
{
    IntakeSession session = hotelSession();
    session.setChecks(allReceived(session.interview().checklist));
    Result<documents::Document> document = session.decide(IntakeDecision::accept());
    QVERIFY(document);
    QVERIFY(session.recordOutput(*document, IntakeSession::Output::Previewed));
    QVERIFY(session.recordOutput(*document, IntakeSession::Output::Pdf));
    Result<QList<cases::AuditEntry>> entries = m_store->auditLog().entries();
    QVERIFY(entries);
    QStringList actions;
    for (const cases::AuditEntry &entry : *entries)
        if (entry.target == session.currentCase().number)
            actions.append(entry.action);
    QVERIFY2(actions.mid(actions.size() - 2)
            == QStringList({QStringLiteral("document.viewed"), QStringLiteral("document.pdf")}),
        qPrintable(actions.join(QLatin1Char(','))));
    QCOMPARE(entries->constLast().clerk, QStringLiteral("lisi"));
    QVERIFY(entries->constLast().detail.contains(QStringLiteral("receipt")));
    QVERIFY(!entries->constLast().detail.contains(cases::testing::person().idNumber));
    Result<cases::AuditLog::Verification> verified = m_store->auditLog().verify();
    QVERIFY(verified && verified->intact);
}

void TestIntakeSession::bundleIsRecordedUnderItsId()
{
    const catalogue::Bundle *bundle = m_catalogue->bundle(QStringLiteral("printing-enterprise"));
    QVERIFY(bundle);
    InterviewOutcome outcome;
    outcome.bundle = bundle;
    QList<catalogue::Checklist> lists;
    for (const catalogue::BundleMember &member : bundle->members) {
        const catalogue::Matter *matter = m_catalogue->matter(member.matterCode);
        QVERIFY(matter);
        outcome.parts.append({matter, m_engine->evaluate(*matter, {})});
        lists.append(outcome.parts.constLast().evaluation.checklist);
    }
    outcome.checklist = outcome.parts.constFirst().evaluation.checklist;
    IntakeSession session(environment(), m_catalogue);
    QVERIFY(session.setInterview(outcome));
    const cases::Case &c = session.currentCase();
    QCOMPARE(c.matterCode, bundle->id);
    QCOMPARE(c.matterName, bundle->name);
    QCOMPARE(c.departmentId, bundle->leadDepartmentId);
    QVERIFY(c.promisedDays > 0);
    QCOMPARE(c.situationKey.count(QLatin1Char('|')), bundle->members.size() - 1);
    Result<documents::Document> sheet = session.checklistDocument();
    QVERIFY(sheet);
}

void TestIntakeSession::answersReachTheCaseAsTheyAreGiven()
{
    IntakeSession session(environment(), m_catalogue);
    const catalogue::Matter &hotelMatter = *m_catalogue->matter(kHotelMatter);
    session.openMatter(hotelMatter);
    QVERIFY(session.liveInterview());
    QCOMPARE(session.currentCase().matterCode, kHotelMatter);
    // In asking order, as the clerk answers.
    const catalogue::Answers answers = hotelAnswers();
    for (const catalogue::Question &question : hotelMatter.questions)
        if (const catalogue::Answer *answer = answers.find(question.id))
            session.setAnswer(0, question.id, *answer);
    QVERIFY(session.liveInterview()->isComplete());
    // One evaluation feeds the interview, the checklist, the checks and the case alike.
    QCOMPARE(session.currentCase().answers, hotel().parts.constFirst().evaluation.effectiveAnswers);
    QCOMPARE(session.interview().checklist.materialIds(), hotel().checklist.materialIds());
    QCOMPARE(session.checkList().size(), int(hotel().checklist.lines.size()));
    QCOMPARE(session.currentCase().materialChecks.size(), hotel().checklist.lines.size());

    // The check list is where the check page records; the case reads the checks from there.
    QVERIFY(session.checkList().setStatus(0, MaterialCheck::Status::Received));
    QCOMPARE(session.currentCase().materialChecks.constFirst().status, MaterialCheck::Status::Received);

    // Start over keeps nothing but presets: the case follows.
    session.clearAnswers();
    QVERIFY(!session.liveInterview()->isComplete());
    QVERIFY(session.currentCase().answers.questionIds().isEmpty());
}

void TestIntakeSession::agentTickAnswersTheAgentQuestion()
{
    IntakeSession session(environment(), m_catalogue);
    const catalogue::Matter &hotelMatter = *m_catalogue->matter(kHotelMatter);
    session.openMatter(hotelMatter);
    const catalogue::Answers answers = hotelAnswers();
    for (const catalogue::Question &question : hotelMatter.questions)
        if (const catalogue::Answer *answer = answers.find(question.id))
            session.setAnswer(0, question.id, *answer);
    QVERIFY(!session.interview().checklist.find(QStringLiteral("authorisation-letter")));
    QVERIFY(session.setAgent(true));
    QVERIFY(session.interview().checklist.find(QStringLiteral("authorisation-letter")));
    QVERIFY(session.currentCase().findCheck(QStringLiteral("authorisation-letter")));
    QVERIFY(!session.setAgent(true)); // already says so
    QVERIFY(session.setAgent(false));
    QVERIFY(!session.currentCase().findCheck(QStringLiteral("authorisation-letter")));
}

void TestIntakeSession::scannedPagesBecomeAttachments()
{
    IntakeSession session = hotelSession();
    const QByteArray page = QByteArrayLiteral("\xff\xd8\xff\xe0 not really a JPEG");
    Result<QList<cases::CaseAttachment>> added
        = session.importScans(QStringLiteral("business-licence"), {page, QByteArray(page).append('2')});
    QVERIFY2(added, added ? "" : qPrintable(added.error().toString()));
    QCOMPARE(added->size(), 2);
    QCOMPARE(added->constFirst().mimeType, QStringLiteral("image/jpeg"));
    QCOMPARE(added->constFirst().materialId, QStringLiteral("business-licence"));
    // Named by the intake's clock, in page order.
    QCOMPARE(added->constFirst().fileName,
        QStringLiteral("scan-%1-1.jpg").arg(kNow.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    QVERIFY(m_store->attachments().contains(added->constLast().sha256));
}

void TestIntakeSession::badRatingIsFlaggedForFollowUp()
{
    const cases::CaseEvent bad = ServiceRating::event(
        drivers::evaluator::Rating(drivers::evaluator::RatingLevel::Dissatisfied), QStringLiteral("lisi"));
    QCOMPARE(bad.kind, EventKind::Note);
    QCOMPARE(bad.clerk, QStringLiteral("lisi"));
    QCOMPARE(bad.payload.value(QStringLiteral("evaluation")).toInt(), 2);
    QCOMPARE(bad.payload.value(QStringLiteral("followUp")).toBool(), true);
    const cases::CaseEvent fair = ServiceRating::event(
        drivers::evaluator::Rating(drivers::evaluator::RatingLevel::FairlySatisfied), QStringLiteral("lisi"));
    QCOMPARE(fair.payload.value(QStringLiteral("evaluation")).toInt(), 3);
    QVERIFY(!fair.payload.contains(QStringLiteral("followUp")));

    // Recorded on the stored case for the clerk who served, with its matter and queue ticket.
    IntakeSession session = hotelSession();
    session.setTicket(QStringLiteral("A012"));
    QVERIFY(session.save());
    const QString number = session.currentCase().number;
    QVERIFY(ServiceRating::record(*m_store, number,
        drivers::evaluator::Rating(drivers::evaluator::RatingLevel::Dissatisfied), QStringLiteral("lisi")));
    Result<QList<cases::CaseEvent>> events = m_store->events(number);
    QVERIFY(events);
    QCOMPARE(events->constLast().payload.value(QStringLiteral("followUp")).toBool(), true);
    QCOMPARE(events->constLast().payload.value(QStringLiteral("ticket")).toString(), QStringLiteral("A012"));
    QCOMPARE(events->constLast().payload.value(QStringLiteral("matter")).toString(),
        session.currentCase().matterCode);
    QVERIFY(!session.currentCase().matterCode.isEmpty());
    // The case keeps the ticket in the store and in what the sync sends.
    Result<cases::Case> stored = m_store->findByNumber(number);
    QVERIFY(stored);
    QCOMPARE(stored->ticket, QStringLiteral("A012"));
    QCOMPARE(cases::CaseJson::caseObject(*stored, cases::CaseJson::Privacy::Masked)
                 .value(QStringLiteral("ticket"))
                 .toString(),
        QStringLiteral("A012"));
}

QTEST_MAIN(TestIntakeSession)
#include "tst_intakeSession.moc"
