// The public status page says what the applicant must do now (issue: the applicant's side): the
// materials to hand in and by when — a waiver's date, replaced by a department's request —, the
// result waiting at the pickup counter with its opening hours, the EMS item number of a mailed
// result, the rating link only while no rating is recorded; and never anything personal.

#include "CaseTestSupport.h"
#include "cases/CaseJson.h"
#include "server/ApplicantNextStep.h"
#include "server/PublicStatusPage.h"

#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::server;
using namespace Qt::StringLiterals;

namespace {

QJsonObject eventJson(EventKind kind, QJsonObject payload = {})
{
    CaseEvent event = testing::caseEvent(kind, u"clerk-042"_s, std::move(payload));
    event.id = u"e-"_s + keyword(kind);
    event.time = QDateTime(QDate(2026, 3, 2), QTime(2, 0), Qt::UTC);
    return CaseJson::event(event);
}

/// A case accepted with the water report waived until 10 March.
Case waivedCase()
{
    Case c = testing::draft();
    c.materialChecks[1].status = MaterialCheck::Status::Waived;
    c.materialChecks[1].supplementDeadline = QDate(2026, 3, 10);
    return c;
}

PublicStatus statusOf(const Case &c, CaseState state, const QJsonArray &events)
{
    PublicStatus status;
    status.matterName = c.matterName;
    status.departmentName = c.departmentName;
    status.state = state;
    status.created = QDate(2026, 3, 2);
    status.next = ApplicantNextStep::of(state, CaseJson::caseObject(c, CaseJson::Privacy::Full), events);
    return status;
}

QString page(const PublicStatus &status, const PublicStatusPage::Hall &hall = {})
{
    return QString::fromUtf8(PublicStatusPage::render(status, hall));
}

} // namespace

class TestPublicStatusPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void waiverNamesTheMissingMaterialAndItsDate();
    void departmentRequestReplacesTheWaiversDate();
    void nothingAwaitedOnceDecided();
    void pickupWithOpeningHoursAndMailWithItemNumber();
    void ratingLinkOnlyWithoutARating();
    void withdrawnSaysItWillNotBeDecided();
};

void TestPublicStatusPage::waiverNamesTheMissingMaterialAndItsDate()
{
    const Case c = waivedCase();
    const PublicStatus status
        = statusOf(c, CaseState::AcceptedWithWaiver, {eventJson(EventKind::AcceptedWithWaiver)});
    QCOMPARE(status.next.awaited.size(), 1);
    const QString html = page(status);
    QVERIFY(html.contains(u"class=\"next\""_s));
    QVERIFY(html.contains(u"<b>水质检测报告</b>"_s));
    QVERIFY(html.contains(u"2026-03-10"_s));
    for (const QString &personal : {c.applicant.name, c.applicant.idNumber, c.applicant.contactMobile,
             c.applicant.address, c.applicant.recipientAddress})
        QVERIFY2(personal.isEmpty() || !html.contains(personal), qPrintable(personal));
}

void TestPublicStatusPage::departmentRequestReplacesTheWaiversDate()
{
    const QJsonObject request {{u"materials"_s,
        QJsonArray {QJsonObject {{u"id"_s, u"water-report"_s}, {u"name"_s, u"水质检测报告"_s},
                        {u"deadline"_s, u"2026-03-20"_s}},
            QJsonObject {{u"id"_s, u"floor-plan"_s}, {u"name"_s, u"平面布局图"_s},
                {u"deadline"_s, u"2026-03-20"_s}}}}};
    const QString html = page(statusOf(waivedCase(), CaseState::SupplementRequested,
        {eventJson(EventKind::AcceptedWithWaiver), eventJson(EventKind::SupplementRequested, request)}));
    QVERIFY(html.contains(u"<b>平面布局图</b>"_s));
    QVERIFY(html.contains(u"2026-03-20"_s));
    QVERIFY(!html.contains(u"2026-03-10"_s));
}

void TestPublicStatusPage::nothingAwaitedOnceDecided()
{
    // After the department's decision nothing handed in changes it: no list, however the checks read.
    const PublicStatus status = statusOf(waivedCase(), CaseState::Approved, {eventJson(EventKind::Approved)});
    QVERIFY(status.next.awaited.isEmpty());
    QVERIFY(!page(status).contains(u"水质检测报告"_s));
}

void TestPublicStatusPage::pickupWithOpeningHoursAndMailWithItemNumber()
{
    const Case c = testing::draft();
    const QString ready = page(statusOf(c, CaseState::ResultReady, {eventJson(EventKind::ResultReady)}),
        {u"周一至周五 9:00-17:00"_s, {}});
    QVERIFY(ready.contains(u"周一至周五 9:00-17:00"_s));
    const QString mailed = page(statusOf(c, CaseState::Mailed,
        {eventJson(
            EventKind::Mailed, {{u"carrier"_s, u"EMS"_s}, {u"trackingNumber"_s, u"EA123456785CN"_s}})}));
    QVERIFY(mailed.contains(u"EA123456785CN"_s));
    QVERIFY(!mailed.contains(u"9:00"_s));
}

void TestPublicStatusPage::ratingLinkOnlyWithoutARating()
{
    const Case c = testing::draft();
    const PublicStatusPage::Hall hall {{}, u"/s/token/rating"_s};
    QVERIFY(page(statusOf(c, CaseState::Accepted, {eventJson(EventKind::Accepted)}), hall)
                .contains(u"href=\"/s/token/rating\""_s));
    const QJsonArray rated {
        eventJson(EventKind::Accepted), eventJson(EventKind::Note, {{u"evaluation"_s, 5}})};
    QVERIFY(!page(statusOf(c, CaseState::Accepted, rated), hall).contains(u"/rating"_s));
    // No link where the hall has none.
    QVERIFY(!page(statusOf(c, CaseState::Accepted, {eventJson(EventKind::Accepted)})).contains(u"/rating"_s));
}

void TestPublicStatusPage::withdrawnSaysItWillNotBeDecided()
{
    // Withdrawn while a waived material was still awaited: nothing is asked of the applicant any more.
    PublicStatus status = statusOf(waivedCase(), CaseState::Withdrawn,
        {eventJson(EventKind::AcceptedWithWaiver), eventJson(EventKind::Withdrawn)});
    status.closed = QDate(2026, 3, 4);
    const QString html = page(status);
    QVERIFY(html.contains(u"will not be decided"_s));
    QVERIFY(html.contains(u"Withdrawn on</th><td>2026-03-04"_s));
    QVERIFY(!html.contains(u"Completed on"_s));
    QVERIFY(!html.contains(u"水质检测报告"_s));
    QVERIFY(!html.contains(u"Nothing for you to do now"_s));
    // Its progress stops at acceptance.
    QCOMPARE(html.count(u"<li class=\"done\">"_s), 2);
}

QTEST_GUILESS_MAIN(TestPublicStatusPage)
#include "tst_publicStatusPage.moc"
