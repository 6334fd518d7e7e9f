// The rules of the material check, without widgets: what each status does to a check, which
// statuses a line allows, and how met and failed review points go together.

#include "intake/MaterialCheckList.h"

#include <QTest>

using namespace ow;
using namespace ow::catalogue;
using ow::intake::MaterialCheckList;
using Status = cases::MaterialCheck::Status;

namespace {

ChecklistLine makeLine(const QString &id, MaterialForm form, int copies, bool waivable, bool dataShared)
{
    ChecklistLine line;
    line.materialId = id;
    line.name = id;
    line.form = form;
    line.copies = copies;
    line.waivable = waivable;
    line.dataShared = dataShared;
    for (const QString &point : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
        line.reviewPoints.append(ReviewPoint {point, ReviewKind::Form, point, {}, {}});
    return line;
}

Checklist makeChecklist()
{
    Checklist checklist;
    checklist.lines = {makeLine(QStringLiteral("form"), MaterialForm::Original, 1, false, false),
        makeLine(QStringLiteral("id"), MaterialForm::VerifyOriginalKeepCopy, 1, false, false),
        makeLine(QStringLiteral("report"), MaterialForm::Copy, 2, true, false),
        makeLine(QStringLiteral("licence"), MaterialForm::Copy, 1, false, true)};
    return checklist;
}

} // namespace

class TestMaterialCheckList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_list.setChecklist(makeChecklist(), {}); }

    void startsPendingInChecklistOrder()
    {
        QCOMPARE(m_list.size(), 4);
        QCOMPARE(m_list.count(Status::Pending), 4);
        QCOMPARE(m_list.check(2).materialId, QStringLiteral("report"));
        QCOMPARE(m_list.nextPending(0), 0);
    }

    void receivedTakesHandlingFromTheForm()
    {
        QVERIFY(m_list.setStatus(0, Status::Received));
        QVERIFY(m_list.check(0).originalSeen);
        QVERIFY(!m_list.check(0).copyKept);
        QVERIFY(m_list.setStatus(1, Status::Received));
        QVERIFY(m_list.check(1).originalSeen);
        QVERIFY(m_list.check(1).copyKept);
        QVERIFY(m_list.setStatus(2, Status::Received));
        QVERIFY(!m_list.check(2).originalSeen);
        QVERIFY(m_list.check(2).copyKept);
        QCOMPARE(m_list.check(2).copies, 2);
        // What the clerk changed survives a second R.
        m_list.setCopies(2, 1);
        QVERIFY(m_list.setStatus(2, Status::Received));
        QCOMPARE(m_list.check(2).copies, 1);
    }

    void waivedNeedsWaivableLineAndDeadline()
    {
        const QDate due(2026, 12, 4);
        const Result<void> refused = m_list.setStatus(0, Status::Waived, due);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), Error::Code::Invalid);
        QCOMPARE(m_list.check(0).status, Status::Pending);
        QVERIFY(!m_list.setStatus(2, Status::Waived));
        QCOMPARE(m_list.check(2).status, Status::Pending);
        QVERIFY(m_list.setStatus(2, Status::Waived, due));
        QCOMPARE(m_list.check(2).supplementDeadline, due);
        // Received later: the deadline no longer applies.
        QVERIFY(m_list.setStatus(2, Status::Received));
        QVERIFY(!m_list.check(2).supplementDeadline.isValid());
    }

    void dataSharedOnlyWhereTheHallCanFetch()
    {
        QVERIFY(!m_list.setStatus(0, Status::DataShared));
        QVERIFY(m_list.setStatus(3, Status::DataShared));
        QCOMPARE(m_list.check(3).copies, 0);
        // The data can still be checked against the points.
        QVERIFY(m_list.setPointMet(3, QStringLiteral("a"), true));
    }

    void supplementedFollowsMissingOrWaived()
    {
        QVERIFY(!m_list.setStatus(0, Status::Supplemented));
        QVERIFY(m_list.setStatus(0, Status::Missing));
        QVERIFY(m_list.setStatus(0, Status::Supplemented));
        QVERIFY(m_list.check(0).originalSeen);
    }

    void missingClearsTicksAndFailures()
    {
        QVERIFY(m_list.setStatus(1, Status::Received));
        QVERIFY(m_list.setPointMet(1, QStringLiteral("a"), true));
        QVERIFY(m_list.failPoint(1, QStringLiteral("b"), QStringLiteral("expired")));
        QVERIFY(m_list.setStatus(1, Status::Missing));
        const cases::MaterialCheck &check = m_list.check(1);
        QVERIFY(check.pointsTicked.isEmpty());
        QVERIFY(check.failedPoints.isEmpty());
        QVERIFY(!check.originalSeen && !check.copyKept);
        QCOMPARE(check.copies, 0);
        // Nothing to check on what was not handed in.
        QVERIFY(!m_list.setPointMet(1, QStringLiteral("a"), true));
        QVERIFY(!m_list.failPoint(1, QStringLiteral("a"), QStringLiteral("x")));
    }

    void metAndFailedExcludeEachOther()
    {
        QVERIFY(m_list.setStatus(0, Status::Received));
        QVERIFY(m_list.setPointMet(0, QStringLiteral("a"), true));
        QVERIFY(m_list.failPoint(0, QStringLiteral("a"), QStringLiteral("  signature missing  ")));
        QVERIFY(!m_list.isPointMet(0, QStringLiteral("a")));
        QCOMPARE(m_list.failureReason(0, QStringLiteral("a")), QStringLiteral("signature missing"));
        // A second reason replaces the first instead of listing the point twice.
        QVERIFY(m_list.failPoint(0, QStringLiteral("a"), QStringLiteral("not signed by the applicant")));
        QCOMPARE(m_list.check(0).failedPoints.size(), 1);
        QCOMPARE(m_list.failedPointCount(), 1);
        QVERIFY(m_list.setPointMet(0, QStringLiteral("a"), true));
        QCOMPARE(m_list.failedPointCount(), 0);
        m_list.clearPoint(0, QStringLiteral("a"));
        QVERIFY(!m_list.isPointMet(0, QStringLiteral("a")));
    }

    void failureNeedsReasonAndKnownPoint()
    {
        QVERIFY(!m_list.failPoint(0, QStringLiteral("a"), QStringLiteral("   ")));
        const Result<void> unknown = m_list.failPoint(0, QStringLiteral("zz"), QStringLiteral("x"));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code(), Error::Code::NotFound);
        QCOMPARE(m_list.failedPointCount(), 0);
    }

    void receiveAllMetKeepsFailures()
    {
        QVERIFY(m_list.failPoint(1, QStringLiteral("b"), QStringLiteral("photo is not the person")));
        QVERIFY(m_list.receiveAllMet(1));
        QCOMPARE(m_list.check(1).status, Status::Received);
        QCOMPARE(m_list.check(1).pointsTicked, (QStringList {QStringLiteral("a"), QStringLiteral("c")}));
        QCOMPARE(m_list.failedPointCount(), 1);
    }

    void earlierChecksKeptByIdAndNextPendingWraps()
    {
        cases::MaterialCheck earlier;
        earlier.materialId = QStringLiteral("id");
        earlier.status = Status::Received;
        earlier.note = QStringLiteral("kept");
        m_list.setChecklist(makeChecklist(), {earlier});
        QCOMPARE(m_list.check(1), earlier);
        QCOMPARE(m_list.indexOf(QStringLiteral("id")), 1);
        QCOMPARE(m_list.nextPending(1), 2);
        QVERIFY(m_list.setStatus(2, Status::Missing));
        QVERIFY(m_list.setStatus(3, Status::Missing));
        QCOMPARE(m_list.nextPending(2), 0);
        QVERIFY(m_list.setStatus(0, Status::Missing));
        QCOMPARE(m_list.nextPending(0), -1);
    }

private:
    MaterialCheckList m_list;
};

QTEST_GUILESS_MAIN(TestMaterialCheckList)
#include "tst_materialCheckList.moc"
