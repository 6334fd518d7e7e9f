// A real process takes an intake in and is killed with SIGKILL once its draft was kept; the next
// start finds the draft and resumes it with the answers, the applicant and the checks.

#include "IntakeDraftSupport.h"
#include "cases/DraftStore.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;

class TestIntakeKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedIntakeResumes()
    {
        QTemporaryDir dir;
        QProcess writer;
        writer.start(QStringLiteral(OW_INTAKE_DRAFT_WRITER), {dir.path()});
        QVERIFY(writer.waitForStarted());
        // The draft is written once the typing pauses (DraftKeeper::kDelayMs); then the power goes.
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += writer.readAllStandardOutput()).contains("kept"), 30000);
        writer.kill(); // SIGKILL: no destructor, no flush, no goodbye
        QVERIFY(writer.waitForFinished());
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        auto store = cases::CaseStore::open(dir.path(), cases::testing::workstation(3));
        QVERIFY(store);
        const auto drafts = cases::DraftStore(**store).list(QStringLiteral("lisi"));
        QVERIFY(drafts);
        QCOMPARE(drafts->size(), 1);
        catalogue::CataloguePtr catalogue = intake::testing::demoCatalogue();
        auto resumed = intake::IntakeSession::resume(
            intake::testing::environment(store->get()), catalogue, drafts->first().id);
        QVERIFY2(resumed, resumed ? "" : qPrintable(resumed.error().toString()));

        // The same intake typed here again, for comparison.
        intake::IntakeSession expected(intake::testing::environment(nullptr), catalogue);
        intake::testing::answerHotel(expected);
        QCOMPARE((*resumed)->currentCase().answers, expected.currentCase().answers);
        QCOMPARE((*resumed)->currentCase().applicant, cases::testing::person());
        QCOMPARE((*resumed)->checkList().check(0).status, cases::MaterialCheck::Status::Received);
        QVERIFY((*resumed)->liveInterview()->isComplete());
    }
};

QTEST_GUILESS_MAIN(TestIntakeKill)
#include "tst_intakeKill.moc"
