// An online pre-application taken over by the intake: the matter opens with the applicant's answers
// (an answer the catalogue no longer reads is left for the clerk), the registration filled, the
// scans attached to their materials and known as the pre-application's; the first save records
// the code in a note on the case, once, and a draft resumed keeps it.

#include "CaseTestSupport.h"
#include "catalogue/CatalogueLoader.h"
#include "intake/IntakeSession.h"
#include "intake/PreApplicationIntake.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::intake;
using namespace Qt::StringLiterals;

namespace {

const QString kHotel = u"330302-WJ-001"_s;
const QDateTime kNow(QDate(2026, 3, 16), QTime(12, 0), Qt::UTC);

catalogue::Answers hotelAnswers()
{
    catalogue::Answers answers;
    // Given out of asking order: the intake asks them in its own.
    answers.set(u"central-ac"_s, catalogue::Answer::single(u"yes"_s));
    answers.set(u"lodging-facilities"_s, catalogue::Answer::single(u"neither"_s));
    answers.set(u"linen-washing"_s, catalogue::Answer::single(u"outsourced"_s));
    answers.set(u"place-type"_s, catalogue::Answer::single(u"lodging"_s));
    answers.set(u"agent"_s, catalogue::Answer::single(u"self"_s));
    return answers;
}

} // namespace

class TestPreApplicationIntake : public QObject
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

    QList<cases::CaseEvent> notes(const QString &number) const
    {
        QList<cases::CaseEvent> found;
        const QList<cases::CaseEvent> events = m_store->events(number).value();
        for (const cases::CaseEvent &e : events)
            if (e.kind == cases::EventKind::Note && !PreApplicationNote::codeOf(e.payload).isEmpty())
                found.append(e);
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

    void takesAnswersApplicantAndScans()
    {
        IntakeSession session(environment(), m_catalogue);
        PreApplicationData data;
        data.code = u"YS23456789AB"_s;
        data.answers = hotelAnswers();
        data.answers.set(u"no-such-question"_s, catalogue::Answer::single(u"x"_s));
        data.applicant = cases::testing::person();
        const catalogue::Matter *hotel = m_catalogue->matter(kHotel);
        QVERIFY(hotel);

        // The checklist of these answers names the materials the scans go to.
        IntakeSession probe(environment(), m_catalogue);
        probe.openMatter(*hotel);
        for (const QString &q :
            {u"place-type"_s, u"linen-washing"_s, u"lodging-facilities"_s, u"central-ac"_s, u"agent"_s})
            probe.setAnswer(0, q, *data.answers.find(q));
        QVERIFY(probe.liveInterview()->isComplete());
        const QList<catalogue::ChecklistLine> lines = probe.interview().checklist.lines;
        QVERIFY(lines.size() >= 2);
        data.scans = {{lines.at(0).materialId, u"first.pdf"_s, u"application/pdf"_s, "%PDF first"},
            {lines.at(1).materialId, u"second.jpg"_s, u"image/jpeg"_s, "\xff\xd8 second"},
            {u"not-on-the-list"_s, u"stray.pdf"_s, u"application/pdf"_s, "%PDF stray"}};

        Result<PreApplicationReport> report = session.takePreApplication(*hotel, data);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report->answersLeft, 1);
        QCOMPARE(report->scansAttached, 3);
        QCOMPARE(report->scansWithoutMaterial, QStringList {u"stray.pdf"_s});
        QVERIFY(session.liveInterview()->isComplete());
        QCOMPARE(session.interview().checklist.lines.size(), lines.size());
        QCOMPARE(session.currentCase().applicant, cases::testing::person());
        QCOMPARE(session.preApplicationCode(), data.code);
        const QList<cases::CaseAttachment> attachments = session.currentCase().attachments;
        QCOMPARE(attachments.size(), 3);
        QCOMPARE(attachments.at(0).materialId, lines.at(0).materialId);
        QCOMPARE(attachments.at(0).fileName, u"first.pdf"_s);
        QCOMPARE(attachments.at(1).mimeType, u"image/jpeg"_s);
        QVERIFY(session.isPreApplicationScan(attachments.at(1).sha256));
        QCOMPARE(m_store->attachments().read(attachments.at(0).sha256).value(), QByteArray("%PDF first"));
        // The clerk checks the originals: nothing is ticked for them.
        for (const cases::MaterialCheck &check : session.currentCase().materialChecks)
            QCOMPARE(check.status, cases::MaterialCheck::Status::Pending);
        // Kept as a draft at once, so the scans are never orphans.
        QVERIFY(session.draftId() != 0);

        // The first save records the code in a note, once.
        VERIFY_OK(session.save());
        const QString number = session.currentCase().number;
        QCOMPARE(notes(number).size(), 1);
        const cases::CaseEvent note = notes(number).constFirst();
        QCOMPARE(PreApplicationNote::codeOf(note.payload), data.code);
        QCOMPARE(note.payload.value(u"scans"_s).toArray().size(), 3);
        QCOMPARE(note.payload.value(u"matter"_s).toString(), kHotel);
        VERIFY_OK(session.save());
        QCOMPARE(notes(number).size(), 1);
    }

    void aResumedDraftKeepsTheCode()
    {
        qint64 draftId = 0;
        {
            IntakeSession session(environment(), m_catalogue);
            PreApplicationData data;
            data.code = u"YS3456789ABC"_s;
            data.answers = hotelAnswers();
            data.applicant = cases::testing::person();
            data.scans = {{u"business-licence"_s, u"a.pdf"_s, u"application/pdf"_s, "%PDF a"}};
            QVERIFY(session.takePreApplication(*m_catalogue->matter(kHotel), data));
            draftId = session.draftId();
        }
        Result<std::unique_ptr<IntakeSession>> resumed
            = IntakeSession::resume(environment(), m_catalogue, draftId);
        QVERIFY2(resumed, resumed ? "" : qPrintable(resumed.error().message()));
        QCOMPARE((*resumed)->preApplicationCode(), u"YS3456789ABC"_s);
        QVERIFY((*resumed)->isPreApplicationScan((*resumed)->currentCase().attachments.constFirst().sha256));
        VERIFY_OK((*resumed)->save());
        QCOMPARE(notes((*resumed)->currentCase().number).size(), 1);
    }

    void anOrdinaryIntakeWritesNoNote()
    {
        IntakeSession session(environment(), m_catalogue);
        session.openMatter(*m_catalogue->matter(kHotel));
        VERIFY_OK(session.save());
        QVERIFY(notes(session.currentCase().number).isEmpty());
        QVERIFY(session.preApplicationCode().isEmpty());
        // A pre-application opens a new intake, never one under way.
        QVERIFY(!session.takePreApplication(
            *m_catalogue->matter(kHotel), PreApplicationData {u"YS23456789AB"_s, {}, {}, {}}));
    }
};

QTEST_GUILESS_MAIN(TestPreApplicationIntake)
#include "tst_preApplicationIntake.moc"
